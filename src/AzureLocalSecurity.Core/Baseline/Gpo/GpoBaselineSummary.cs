using System;
using System.Collections.Generic;
using System.Linq;

namespace AzureLocalSecurity.Baseline.Gpo;

/// <summary>One GPO against one baseline in counts: how many rules it satisfies, contradicts, leaves alone, or cannot be judged on.</summary>
public sealed class GpoBaselineSummary
{
    /// <summary>Counts the results of one GPO.</summary>
    public GpoBaselineSummary(GpoBackup gpo, string release, BaselineProfile? profile, IReadOnlyList<GpoRuleResult> results)
    {
        if (gpo is null)
        {
            throw new ArgumentNullException(nameof(gpo));
        }

        if (results is null)
        {
            throw new ArgumentNullException(nameof(results));
        }

        GpoName = gpo.DisplayName;
        GpoPath = gpo.Path;
        Release = release;
        Profile = profile;
        Total = results.Count;
        Satisfies = results.Count(r => r.Verdict == GpoBaselineVerdict.Satisfies);
        Contradicts = results.Count(r => r.Verdict == GpoBaselineVerdict.Contradicts);
        NotConfigured = results.Count(r => r.Verdict == GpoBaselineVerdict.NotConfigured);
        Unknown = results.Count(r => r.Verdict == GpoBaselineVerdict.Unknown);
        Conflicts = results.Where(r => r.Verdict == GpoBaselineVerdict.Contradicts).Select(r => r.RuleName).ToList();
    }

    /// <summary>The GPO's display name.</summary>
    public string GpoName { get; }

    /// <summary>The folder it was read from.</summary>
    public string GpoPath { get; }

    /// <summary>The baseline release.</summary>
    public string Release { get; }

    /// <summary>The baseline profile.</summary>
    public BaselineProfile? Profile { get; }

    /// <summary>Rules evaluated.</summary>
    public int Total { get; }

    /// <summary>Rules whose setting the GPO sets as the baseline expects.</summary>
    public int Satisfies { get; }

    /// <summary>Rules the GPO would break.</summary>
    public int Contradicts { get; }

    /// <summary>Rules whose setting the GPO does not touch.</summary>
    public int NotConfigured { get; }

    /// <summary>Rules the GPO touches but that cannot be judged.</summary>
    public int Unknown { get; }

    /// <summary>The names of the rules the GPO would break.</summary>
    public IReadOnlyList<string> Conflicts { get; }
}
