using System;

namespace AzureLocalSecurity.Evidence;

/// <summary>One registry value as stored: its name (empty for the default value) and its typed data.</summary>
public sealed class RegistryValueEvidence
{
    /// <summary>Creates a registry value record.</summary>
    public RegistryValueEvidence(string name, EvidenceValue value)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The value name; empty for the key's default value.</summary>
    public string Name { get; }

    /// <summary>The data with its registry kind.</summary>
    public EvidenceValue Value { get; }
}
