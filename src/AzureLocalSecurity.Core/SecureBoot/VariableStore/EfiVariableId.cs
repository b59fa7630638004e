using System;

namespace AzureLocalSecurity.SecureBoot.VariableStore;

/// <summary>A UEFI variable's full name: its name and its vendor GUID. Names compare exactly (ordinal), as the firmware compares them.</summary>
public sealed class EfiVariableId : IEquatable<EfiVariableId>
{
    /// <summary>Creates the id.</summary>
    public EfiVariableId(string name, Guid vendor)
    {
        Name = string.IsNullOrEmpty(name) ? throw new ArgumentException("A variable needs a name.", nameof(name)) : name;
        Vendor = vendor;
    }

    /// <summary>The variable's name, such as <c>PK</c> or <c>db</c>.</summary>
    public string Name { get; }

    /// <summary>The vendor GUID the name lives under.</summary>
    public Guid Vendor { get; }

    /// <inheritdoc />
    public bool Equals(EfiVariableId? other) => other is not null && string.Equals(Name, other.Name, StringComparison.Ordinal) && Vendor == other.Vendor;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as EfiVariableId);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name) ^ Vendor.GetHashCode();

    /// <summary><c>&lt;Name&gt;-&lt;guid&gt;</c> with the GUID in lower case: the name efivarfs gives the variable's file.</summary>
    public override string ToString() => Name + "-" + Vendor.ToString("D");
}
