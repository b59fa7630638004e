using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Tpm;

namespace AzureLocalSecurity.MeasuredBoot.Attestation;

/// <summary>
/// Compares a log's replay with PCR values the TPM gave (read live, or quoted): per bank and PCR, for every PCR the log
/// extended in a bank the log and the TPM both have. A match proves the log is the record of this boot for that PCR; a
/// mismatch names the PCR whose records were added, dropped or changed. Pure.
/// </summary>
public static class BootIntegrityAnalyzer
{
    /// <summary>The comparison, ordered by bank then PCR. <paramref name="pcrs"/> limits the PCRs compared (null: all the log extended).</summary>
    public static IReadOnlyList<PcrIntegrityResult> Compare(TcgEventLog log, IEnumerable<TpmPcrValue> tpmValues, IEnumerable<int>? pcrs = null)
    {
        if (log is null)
        {
            throw new ArgumentNullException(nameof(log));
        }

        var live = (tpmValues ?? throw new ArgumentNullException(nameof(tpmValues))).ToList();
        var only = pcrs is null ? null : new HashSet<int>(pcrs);
        var replay = PcrReplay.Replay(log);
        var liveBanks = new HashSet<ushort>(live.Select(v => v.HashAlgorithm));
        var results = new List<PcrIntegrityResult>();
        foreach (var bank in replay.Banks)
        {
            foreach (var replayed in bank.ExtendedPcrs.Where(p => only is null || only.Contains(p.Pcr)))
            {
                var actual = live.FirstOrDefault(v => v.HashAlgorithm == replayed.Algorithm && v.Index == replayed.Pcr);
                results.Add(Judge(replayed, actual, liveBanks.Contains(replayed.Algorithm)));
            }
        }

        return results.OrderBy(r => r.Algorithm).ThenBy(r => r.Pcr).ToList();
    }

    internal static PcrIntegrityResult Judge(ReplayedPcr replayed, TpmPcrValue? actual, bool bankPresent)
    {
        if (replayed.Value is null)
        {
            return new PcrIntegrityResult(replayed.Algorithm, replayed.Pcr, PcrIntegrityStatus.Unknown, null, actual?.Value, replayed.ExtendCount, "The log has no replayed value: " + replayed.Unknown);
        }

        if (actual is null)
        {
            return new PcrIntegrityResult(replayed.Algorithm, replayed.Pcr, PcrIntegrityStatus.Unknown, replayed.Value, null, replayed.ExtendCount,
                bankPresent ? $"The TPM's {replayed.Bank} PCR {replayed.Pcr} was not read." : $"The TPM has no {replayed.Bank} bank allocated (or it was not read).");
        }

        return string.Equals(replayed.Value, actual.Value, StringComparison.OrdinalIgnoreCase)
            ? new PcrIntegrityResult(replayed.Algorithm, replayed.Pcr, PcrIntegrityStatus.Match, replayed.Value, actual.Value, replayed.ExtendCount, null)
            : new PcrIntegrityResult(replayed.Algorithm, replayed.Pcr, PcrIntegrityStatus.Mismatch, replayed.Value, actual.Value, replayed.ExtendCount,
                $"The log's {replayed.ExtendCount} records for PCR {replayed.Pcr} do not replay to the TPM's value: a record was added, dropped or changed, or the log is not of this boot.");
    }
}
