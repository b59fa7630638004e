using System.Globalization;
using AzureLocalSecurity.Tpm;

namespace AzureLocalSecurity.MeasuredBoot.Attestation;

/// <summary>One PCR of one bank: the value the log replays to, the value the TPM holds (or quoted), and whether they match.</summary>
public sealed class PcrIntegrityResult
{
    internal PcrIntegrityResult(ushort algorithm, int pcr, PcrIntegrityStatus status, string? replayed, string? actual, int extendCount, string? reason)
    {
        Algorithm = algorithm;
        Pcr = pcr;
        Status = status;
        Replayed = replayed;
        Actual = actual;
        ExtendCount = extendCount;
        Reason = reason;
    }

    /// <summary>The bank's hash name (sha1, sha256, ...).</summary>
    public string Bank => TpmNames.Algorithm(Algorithm);

    /// <summary>The bank's TPM_ALG_ID.</summary>
    public ushort Algorithm { get; }

    /// <summary>The PCR index.</summary>
    public int Pcr { get; }

    /// <summary>Match, Mismatch or Unknown.</summary>
    public PcrIntegrityStatus Status { get; }

    /// <summary>The value the log replays to (upper-case hex), or null.</summary>
    public string? Replayed { get; }

    /// <summary>The value the TPM holds or quoted (upper-case hex), or null.</summary>
    public string? Actual { get; }

    /// <summary>How many records of the log were extended into this PCR.</summary>
    public int ExtendCount { get; }

    /// <summary>Why the status is Unknown, or what a mismatch means.</summary>
    public string? Reason { get; }

    /// <inheritdoc />
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0}:{1} {2}", Bank, Pcr, Status);
}
