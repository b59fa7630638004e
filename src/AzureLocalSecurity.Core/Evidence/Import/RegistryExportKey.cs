using System.Collections.Generic;

namespace AzureLocalSecurity.Evidence.Import;

/// <summary>One <c>[HKEY_...\path]</c> section of a .reg file (or <c>[-HKEY_...\path]</c>, which deletes the key) with its values.</summary>
public sealed class RegistryExportKey
{
    private readonly List<RegistryExportValue> _values = [];
    private readonly List<string> _subKeyNames = [];

    internal RegistryExportKey(string path, string evidencePath, bool delete, int line)
    {
        Path = path;
        EvidencePath = evidencePath;
        Delete = delete;
        Line = line;
    }

    /// <summary>The path as written, such as <c>HKEY_LOCAL_MACHINE\SOFTWARE\Policies</c>.</summary>
    public string Path { get; }

    /// <summary>
    /// The path as the module's evidence spells it (<see cref="EvidenceIds.Registry"/>, <see cref="RegistryKeyEvidence.Path"/>):
    /// the hive abbreviated to HKLM, HKCU, HKU, HKCR or HKCC, the rest as written.
    /// </summary>
    public string EvidencePath { get; }

    /// <summary>Whether the section deletes the key (<c>[-HKEY_...]</c>).</summary>
    public bool Delete { get; }

    /// <summary>The values in file order.</summary>
    public IReadOnlyList<RegistryExportValue> Values => _values;

    /// <summary>
    /// The names of the immediate child keys that have their own section in the same file (not deleted), in file order,
    /// each once: what <c>reg export</c> of a tree shows of a key's subkeys. Empty for a deleted key.
    /// </summary>
    public IReadOnlyList<string> SubKeyNames => _subKeyNames;

    /// <summary>The 1-based line of the section header.</summary>
    public int Line { get; }

    internal void AddValue(RegistryExportValue value) => _values.Add(value);

    internal void AddSubKeyName(string name) => _subKeyNames.Add(name);

    /// <inheritdoc />
    public override string ToString() => Delete ? $"[-{Path}]" : $"[{Path}]";
}
