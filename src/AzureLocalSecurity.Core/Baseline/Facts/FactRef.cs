using System;

namespace AzureLocalSecurity.Baseline.Facts;

/// <summary>The address of one actual value on a node: which source, and where in it. Compared without case.</summary>
public sealed class FactRef : IEquatable<FactRef>
{
    /// <summary>Creates an address.</summary>
    public FactRef(FactSource source, string path, string name)
    {
        Source = source;
        Path = path ?? throw new ArgumentNullException(nameof(path));
        Name = name ?? throw new ArgumentNullException(nameof(name));
    }

    /// <summary>The source.</summary>
    public FactSource Source { get; }

    /// <summary>The container: a registry key with its hive (<c>HKLM\SOFTWARE\...</c>), a RID, or empty.</summary>
    public string Path { get; }

    /// <summary>The item: a value name, a right, an audit GUID, a policy name, a status name.</summary>
    public string Name { get; }

    /// <summary>A registry value.</summary>
    public static FactRef Registry(string keyPath, string valueName) => new(FactSource.Registry, keyPath, valueName);

    /// <inheritdoc />
    public bool Equals(FactRef? other) =>
        other is not null && other.Source == Source
        && string.Equals(other.Path, Path, StringComparison.OrdinalIgnoreCase)
        && string.Equals(other.Name, Name, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FactRef);

    /// <inheritdoc />
    public override int GetHashCode() =>
        ((int)Source * 397) ^ StringComparer.OrdinalIgnoreCase.GetHashCode(Path) ^ StringComparer.OrdinalIgnoreCase.GetHashCode(Name);

    /// <inheritdoc />
    public override string ToString() => Source switch
    {
        FactSource.Registry => Path + "\\" + Name,
        FactSource.BuiltinAccount => $"BuiltinAccount(RID {Path}).{Name}",
        _ => Source + ":" + Name,
    };
}
