using System.Security.Cryptography;

namespace AzureLocalSecurity.Tpm;

/// <summary>The .NET hash for a TPM hash algorithm, to recompute what a TPM computed (names, PCR digests, quotes).</summary>
internal static class TpmHash
{
    /// <summary>A new hash object for SHA-1/256/384/512, or null for other algorithms.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "SHA-1 is a PCR bank and name algorithm TPMs use; recomputing what the TPM computed is verification, not a choice of algorithm, and a SHA-1 bank is reported as such.")]
    internal static HashAlgorithm? Create(ushort algorithm) => algorithm switch
    {
        TpmConstants.AlgSha1 => SHA1.Create(),
        TpmConstants.AlgSha256 => SHA256.Create(),
        TpmConstants.AlgSha384 => SHA384.Create(),
        TpmConstants.AlgSha512 => SHA512.Create(),
        _ => null,
    };
}
