using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Results;

namespace AzureLocalSecurity.Baseline.Analysis;

/// <summary>Counts of a baseline evaluation by status and by severity, and the compliance percentage.</summary>
public sealed class BaselineSummary
{
    /// <summary>Summarizes the results of one node.</summary>
    public BaselineSummary(string nodeName, string release, BaselineProfile? profile, IEnumerable<BaselineRuleResult> results, bool? driftControlEnabled = null)
    {
        var list = (results ?? throw new ArgumentNullException(nameof(results))).ToList();
        NodeName = nodeName ?? throw new ArgumentNullException(nameof(nodeName));
        Release = release ?? throw new ArgumentNullException(nameof(release));
        Profile = profile;
        DriftControlEnabled = driftControlEnabled;
        Total = list.Count;
        Compliant = list.Count(r => r.Status == CheckStatus.Compliant);
        NonCompliant = list.Count(r => r.Status == CheckStatus.NonCompliant);
        Unknown = list.Count(r => r.Status == CheckStatus.Unknown);
        NotApplicable = list.Count(r => r.Status == CheckStatus.NotApplicable);
        Error = list.Count(r => r.Status == CheckStatus.Error);
        var decided = Compliant + NonCompliant;
        CompliancePercent = decided == 0 ? null : Math.Round(100.0 * Compliant / decided, 1);
        BySeverity = list.GroupBy(r => r.Severity, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => SeverityOrder(g.Key))
            .Select(g => new BaselineSeverityCount(g.Key, g.Count(r => r.Status == CheckStatus.Compliant), g.Count(r => r.Status == CheckStatus.NonCompliant), g.Count(r => r.Status == CheckStatus.Unknown), g.Count(r => r.Status == CheckStatus.NotApplicable), g.Count(r => r.Status == CheckStatus.Error)))
            .ToList();
    }

    /// <summary>The node.</summary>
    public string NodeName { get; }

    /// <summary>The catalog's release.</summary>
    public string Release { get; }

    /// <summary>The catalog's profile.</summary>
    public BaselineProfile? Profile { get; }

    /// <summary>Whether Azure Local's own drift control is on; null when it could not be read.</summary>
    public bool? DriftControlEnabled { get; }

    /// <summary>Rules evaluated.</summary>
    public int Total { get; }

    /// <summary>Rules met.</summary>
    public int Compliant { get; }

    /// <summary>Rules not met.</summary>
    public int NonCompliant { get; }

    /// <summary>Rules whose value could not be read.</summary>
    public int Unknown { get; }

    /// <summary>Rules that do not apply to the node.</summary>
    public int NotApplicable { get; }

    /// <summary>Rules that could not be evaluated (an unusable expected value).</summary>
    public int Error { get; }

    /// <summary>Compliant out of the decided rules (Compliant + NonCompliant), in percent with one decimal; null when none was decided.</summary>
    public double? CompliancePercent { get; }

    /// <summary>The counts per catalog severity, most severe first.</summary>
    public IReadOnlyList<BaselineSeverityCount> BySeverity { get; }

    private static int SeverityOrder(string severity) => severity.ToUpperInvariant() switch
    {
        "CRITICAL" => 0,
        "IMPORTANT" => 1,
        "WARNING" => 2,
        "INFORMATIONAL" => 3,
        _ => 4,
    };
}
