using System.Globalization;
using AzureLocalSecurity.Tpm;

namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>A hash algorithm of a log and the size of its digests (a TCG_EfiSpecIdEventAlgorithmSize entry, or SHA-1 for a legacy log).</summary>
public sealed class TcgAlgorithm
{
    /// <summary>SHA-1 (TPM_ALG_SHA1, 0x0004).</summary>
    public const ushort Sha1 = 0x0004;

    /// <summary>SHA-256 (TPM_ALG_SHA256, 0x000B).</summary>
    public const ushort Sha256 = 0x000B;

    /// <summary>SHA-384 (TPM_ALG_SHA384, 0x000C).</summary>
    public const ushort Sha384 = 0x000C;

    /// <summary>SHA-512 (TPM_ALG_SHA512, 0x000D).</summary>
    public const ushort Sha512 = 0x000D;

    /// <summary>SM3-256 (TPM_ALG_SM3_256, 0x0012).</summary>
    public const ushort Sm3256 = 0x0012;

    /// <summary>Creates the entry.</summary>
    public TcgAlgorithm(ushort id, int digestSize)
    {
        Id = id;
        DigestSize = digestSize;
    }

    /// <summary>The TPM_ALG_ID.</summary>
    public ushort Id { get; }

    /// <summary>The name tpm2-tools gives the algorithm (sha1, sha256, sha384, sha512, sm3_256, ...).</summary>
    public string Name => TpmNames.Algorithm(Id);

    /// <summary>The digest size in bytes the log declares.</summary>
    public int DigestSize { get; }

    /// <inheritdoc />
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} ({1} bytes)", Name, DigestSize);
}
