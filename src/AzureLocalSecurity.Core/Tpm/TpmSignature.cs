namespace AzureLocalSecurity.Tpm;

/// <summary>TPMT_SIGNATURE (Part 2 §11.3.4): the scheme, its hash, and the signature (RSA) or the pair R, S (ECC).</summary>
public sealed class TpmSignature
{
    internal TpmSignature(ushort algorithm, ushort hashAlgorithm, byte[] signature, byte[] r, byte[] s)
    {
        Algorithm = algorithm;
        HashAlgorithm = hashAlgorithm;
        Signature = signature;
        R = r;
        S = s;
    }

    /// <summary>The signature scheme (TPM_ALG_RSASSA, TPM_ALG_RSAPSS, TPM_ALG_ECDSA, ...; TPM_ALG_NULL when unsigned).</summary>
    public ushort Algorithm { get; }

    /// <summary>The hash the signed digest was made with.</summary>
    public ushort HashAlgorithm { get; }

    /// <summary>RSA schemes: the signature; HMAC: the digest.</summary>
    public byte[] Signature { get; }

    /// <summary>ECC schemes: R.</summary>
    public byte[] R { get; }

    /// <summary>ECC schemes: S.</summary>
    public byte[] S { get; }
}
