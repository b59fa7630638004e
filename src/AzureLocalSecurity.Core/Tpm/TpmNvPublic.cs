namespace AzureLocalSecurity.Tpm;

/// <summary>TPMS_NV_PUBLIC: an NV index's public area, and the index's name.</summary>
public sealed class TpmNvPublic
{
    internal TpmNvPublic(uint index, ushort nameAlgorithm, uint attributes, byte[] authPolicy, ushort dataSize, byte[] name)
    {
        Index = index;
        NameAlgorithm = nameAlgorithm;
        Attributes = attributes;
        AuthPolicy = authPolicy;
        DataSize = dataSize;
        Name = name;
    }

    /// <summary>The NV index handle.</summary>
    public uint Index { get; }

    /// <summary>The name algorithm (TPM_ALG_ID).</summary>
    public ushort NameAlgorithm { get; }

    /// <summary>TPMA_NV bits (Part 2 §13.4), such as AUTHREAD 0x40000, OWNERREAD 0x20000, WRITTEN 0x20000000.</summary>
    public uint Attributes { get; }

    /// <summary>The authorization policy digest (empty when none).</summary>
    public byte[] AuthPolicy { get; }

    /// <summary>The size of the data area in bytes.</summary>
    public ushort DataSize { get; }

    /// <summary>The index's name (nameAlg || H(TPMS_NV_PUBLIC)).</summary>
    public byte[] Name { get; }

    /// <summary>True when the index has been written (TPMA_NV_WRITTEN), so its data can be read.</summary>
    public bool Written => (Attributes & TpmConstants.NvWritten) != 0;
}
