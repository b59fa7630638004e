using System.Collections.Generic;
using System.Linq;

namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>What <see cref="PcrReplay.Replay"/> computed: each bank of the log, and the records it did not extend and why.</summary>
public sealed class PcrReplayResult
{
    internal PcrReplayResult(IReadOnlyList<PcrBankReplay> banks, IReadOnlyList<string> notes)
    {
        Banks = banks;
        Notes = notes;
    }

    /// <summary>One replay per bank the log carries, in the Spec ID's order.</summary>
    public IReadOnlyList<PcrBankReplay> Banks { get; }

    /// <summary>Records the replay left out beyond EV_NO_ACTION (a PCR index outside 0–23), and the StartupLocality it applied.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>One PCR of one bank, or null when the log has no such bank.</summary>
    public ReplayedPcr? Find(ushort algorithm, int pcr) =>
        pcr is < 0 or >= PcrReplay.PcrCount ? null : Banks.FirstOrDefault(b => b.Algorithm == algorithm)?.Pcrs[pcr];

    /// <summary>Every PCR, of every bank, that at least one record was extended into.</summary>
    public IEnumerable<ReplayedPcr> ExtendedPcrs() => Banks.SelectMany(b => b.ExtendedPcrs);
}
