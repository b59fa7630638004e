using System;
using System.Collections.Generic;
using System.Linq;

namespace AzureLocalSecurity.Evidence;

/// <summary>A snapshot of one registry key: its values (with their kinds) and the names of its subkeys.</summary>
public sealed class RegistryKeyEvidence
{
    private readonly RegistryValueEvidence[] _values;
    private readonly string[] _subKeys;

    /// <summary>Creates a key snapshot. Value names are unique, compared without case as the registry does.</summary>
    public RegistryKeyEvidence(string path, IEnumerable<RegistryValueEvidence> values, IEnumerable<string>? subKeys = null)
    {
        Path = path ?? throw new ArgumentNullException(nameof(path));
        _values = (values ?? throw new ArgumentNullException(nameof(values))).ToArray();
        _subKeys = subKeys?.ToArray() ?? [];
        var duplicate = _values.GroupBy(v => v.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Registry key '{path}' lists value '{duplicate.Key}' more than once.", nameof(values));
        }
    }

    /// <summary>The key path with its hive, such as <c>HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion</c>.</summary>
    public string Path { get; }

    /// <summary>The values in the order they were read.</summary>
    public IReadOnlyList<RegistryValueEvidence> Values => _values;

    /// <summary>The names of the subkeys.</summary>
    public IReadOnlyList<string> SubKeys => _subKeys;

    /// <summary>The value with this name (case-insensitive), or null when the key has no such value.</summary>
    public EvidenceValue? GetValue(string name) =>
        _values.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase))?.Value;
}
