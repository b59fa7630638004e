using System;
using System.Collections.Generic;
using System.Linq;

namespace AzureLocalSecurity.Evidence;

/// <summary>An ordered set of named, typed properties: one API result or one CIM instance.</summary>
public sealed class EvidenceRecord
{
    private readonly KeyValuePair<string, EvidenceValue>[] _properties;

    /// <summary>Creates a record. Property names are unique (case-insensitive, as CIM compares them).</summary>
    public EvidenceRecord(IEnumerable<KeyValuePair<string, EvidenceValue>> properties)
    {
        _properties = (properties ?? throw new ArgumentNullException(nameof(properties))).ToArray();
        var duplicate = _properties.GroupBy(p => p.Key, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Property '{duplicate.Key}' appears more than once in one record.", nameof(properties));
        }
    }

    /// <summary>The properties in capture order.</summary>
    public IReadOnlyList<KeyValuePair<string, EvidenceValue>> Properties => _properties;

    /// <summary>The property with this name (case-insensitive), or null if the record has none.</summary>
    public EvidenceValue? Get(string name)
    {
        foreach (var p in _properties)
        {
            if (string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return p.Value;
            }
        }

        return null;
    }
}
