using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Tpm;

namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>The replay of one bank: every PCR's value (0 to 23), or why the bank could not be replayed.</summary>
public sealed class PcrBankReplay
{
    internal PcrBankReplay(ushort algorithm, int digestSize, string? unsupported, IReadOnlyList<ReplayedPcr> pcrs)
    {
        Algorithm = algorithm;
        DigestSize = digestSize;
        Unsupported = unsupported;
        Pcrs = pcrs;
    }

    /// <summary>The bank's hash algorithm (TPM_ALG_ID).</summary>
    public ushort Algorithm { get; }

    /// <summary>The bank, named as tpm2-tools names it.</summary>
    public string Name => TpmNames.Algorithm(Algorithm);

    /// <summary>The digest size in bytes.</summary>
    public int DigestSize { get; }

    /// <summary>Whether this bank's hash is available here (SHA-1, SHA-256, SHA-384, SHA-512).</summary>
    public bool IsSupported => Unsupported is null;

    /// <summary>Why the bank could not be replayed (null when it could).</summary>
    public string? Unsupported { get; }

    /// <summary>PCRs 0 to 23, in order.</summary>
    public IReadOnlyList<ReplayedPcr> Pcrs { get; }

    /// <summary>The PCRs at least one record was extended into.</summary>
    public IReadOnlyList<ReplayedPcr> ExtendedPcrs => Pcrs.Where(p => p.ExtendCount > 0).ToList();

    /// <inheritdoc />
    public override string ToString() => Name + (IsSupported ? string.Empty : " (" + Unsupported + ")");
}
