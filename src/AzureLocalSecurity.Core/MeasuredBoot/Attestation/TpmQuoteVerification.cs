using System.Collections.Generic;
using System.Linq;

namespace AzureLocalSecurity.MeasuredBoot.Attestation;

/// <summary>
/// The verification of one quote: each check with what it compared, the per-PCR comparison with the log when one was
/// given, and the PCRs that do not match. <see cref="Verified"/> is true only when every check that was made passed and
/// none that matters was skipped.
/// </summary>
public sealed class TpmQuoteVerification
{
    internal TpmQuoteVerification(string computerName, IEnumerable<QuoteCheck> checks, IEnumerable<PcrIntegrityResult> pcrs)
    {
        ComputerName = computerName;
        Checks = checks.ToList();
        Pcrs = pcrs.ToList();
    }

    /// <summary>The computer the quote says it came from.</summary>
    public string ComputerName { get; }

    /// <summary>True when the signature, nonce, PCR digest and (when given) the log all check out.</summary>
    public bool Verified => Checks.All(c => c.Passed != false) && Checks.Where(c => c.Name is "Decode" or "Signature" or "Nonce" or "PcrDigest").All(c => c.Passed == true);

    /// <summary>Every check, in the order made.</summary>
    public IReadOnlyList<QuoteCheck> Checks { get; }

    /// <summary>The quoted PCRs compared with the log's replay (empty without a log).</summary>
    public IReadOnlyList<PcrIntegrityResult> Pcrs { get; }

    /// <summary>The PCRs whose quoted value the log does not replay to, such as <c>sha256:7</c>.</summary>
    public IReadOnlyList<string> MismatchedPcrs => Pcrs.Where(p => p.Status == PcrIntegrityStatus.Mismatch).Select(p => p.Bank + ":" + p.Pcr).ToList();

    /// <summary>The checks that failed.</summary>
    public IReadOnlyList<QuoteCheck> Failures => Checks.Where(c => c.Passed == false).ToList();

    /// <inheritdoc />
    public override string ToString() => Verified ? ComputerName + ": verified" : ComputerName + ": NOT verified (" + string.Join("; ", Failures.Select(f => f.Name)) + ")";
}
