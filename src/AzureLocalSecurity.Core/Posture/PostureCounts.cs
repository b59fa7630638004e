using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using AzureLocalSecurity.Results;

namespace AzureLocalSecurity.Posture;

/// <summary>
/// How many results of one area (or of all areas) ended in each status and have each severity, and the compliance
/// percentage: Compliant / (Compliant + NonCompliant) × 100. Unknown, Error and NotApplicable results are counted and shown
/// but left out of the percentage: an unread fact is neither a pass nor a failure. Immutable.
/// </summary>
public sealed class PostureCounts
{
    internal PostureCounts(string area, int[] byStatus, int[] bySeverity, int[] nonCompliantBySeverity)
    {
        Area = area;
        Compliant = byStatus[(int)CheckStatus.Compliant];
        NonCompliant = byStatus[(int)CheckStatus.NonCompliant];
        NotApplicable = byStatus[(int)CheckStatus.NotApplicable];
        Unknown = byStatus[(int)CheckStatus.Unknown];
        Error = byStatus[(int)CheckStatus.Error];
        Total = byStatus.Sum();
        BySeverity = Map(bySeverity);
        NonCompliantBySeverity = Map(nonCompliantBySeverity);
        var decided = Compliant + NonCompliant;
        CompliancePercentage = decided == 0 ? null : System.Math.Round(100.0 * Compliant / decided, 2);
    }

    /// <summary>The area, or <c>All</c> for the counts over every area.</summary>
    public string Area { get; }

    /// <summary>Every result counted.</summary>
    public int Total { get; }

    /// <summary>Results that are Compliant.</summary>
    public int Compliant { get; }

    /// <summary>Results that are NonCompliant.</summary>
    public int NonCompliant { get; }

    /// <summary>Results that are NotApplicable (counted, not in the percentage).</summary>
    public int NotApplicable { get; }

    /// <summary>Results that are Unknown: the fact could not be read (counted, not in the percentage).</summary>
    public int Unknown { get; }

    /// <summary>Results that are Error: the module failed (counted, not in the percentage).</summary>
    public int Error { get; }

    /// <summary>Compliant / (Compliant + NonCompliant) × 100, rounded to two decimals; null when no result is either.</summary>
    public double? CompliancePercentage { get; }

    /// <summary>Every result by its severity, whatever its status; each severity is present, with 0 when none.</summary>
    public IReadOnlyDictionary<Severity, int> BySeverity { get; }

    /// <summary>The NonCompliant results by severity; each severity is present, with 0 when none.</summary>
    public IReadOnlyDictionary<Severity, int> NonCompliantBySeverity { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Area}: {Compliant} compliant, {NonCompliant} non-compliant, {Unknown} unknown, {Error} error, {NotApplicable} not applicable";

    private static ReadOnlyDictionary<Severity, int> Map(int[] counts)
    {
        var map = new Dictionary<Severity, int>();
        for (var i = 0; i < counts.Length; i++)
        {
            map[(Severity)i] = counts[i];
        }

        return new ReadOnlyDictionary<Severity, int>(map);
    }
}
