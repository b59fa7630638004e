namespace AzureLocalSecurity.Tpm;

/// <summary>TPMS_ALG_PROPERTY: an algorithm the TPM implements and its TPMA_ALGORITHM attributes.</summary>
public sealed class TpmAlgorithmProperty
{
    /// <summary>Creates the pair.</summary>
    public TpmAlgorithmProperty(ushort algorithm, uint attributes)
    {
        Algorithm = algorithm;
        Attributes = attributes;
    }

    /// <summary>The algorithm (TPM_ALG_ID).</summary>
    public ushort Algorithm { get; }

    /// <summary>TPMA_ALGORITHM: asymmetric 0x1, symmetric 0x2, hash 0x4, object 0x8, signing 0x100, encrypting 0x200, method 0x400.</summary>
    public uint Attributes { get; }
}
