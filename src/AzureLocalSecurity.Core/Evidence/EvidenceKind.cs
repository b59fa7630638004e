namespace AzureLocalSecurity.Evidence;

/// <summary>What shape of raw fact an <see cref="EvidenceItem"/> holds.</summary>
public enum EvidenceKind
{
    /// <summary>A registry key: its values with their registry kinds, and its subkey names.</summary>
    Registry,

    /// <summary>One or more records of typed properties (an API result, a CIM instance per record).</summary>
    Properties,

    /// <summary>Raw bytes kept as they were read (firmware variables, event logs, TPM responses).</summary>
    Blob,

    /// <summary>Text kept as it was read (a file such as /etc/os-release, a tool's JSON output).</summary>
    Text,
}
