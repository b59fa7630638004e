using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using AzureLocalSecurity.Results;

namespace AzureLocalSecurity.Posture;

/// <summary>
/// A summary of any set of <see cref="SecurityCheckResult"/>s (one node's posture, or several nodes'), built in one pass over
/// them: the node names, counts by status and by severity per area and overall, the compliance percentage, the top findings,
/// and per-control counts for the compliance frameworks. Immutable.
/// </summary>
/// <remarks>
/// <para>The compliance percentage is Compliant / (Compliant + NonCompliant) × 100. Unknown (the fact could not be read),
/// Error (the module failed) and NotApplicable results are excluded from it, since none is a pass or a failure, but they are
/// counted and shown beside it; a summary with no Compliant and no NonCompliant result has no percentage (null).</para>
/// <para>The top findings are the NonCompliant results first, by severity (Critical first), then the Unknown and Error
/// results, by severity; ties are ordered by id, then node name (ordinal), so the order is stable.</para>
/// </remarks>
public sealed class SecurityPostureSummary
{
    /// <summary>How many top findings a summary keeps unless told otherwise.</summary>
    public const int DefaultTop = 10;

    /// <summary>The area name of the counts over every area.</summary>
    public const string AllAreas = "All";

    private const int StatusCount = (int)CheckStatus.Error + 1;
    private const int SeverityCount = (int)Severity.Critical + 1;

    /// <summary>Summarizes <paramref name="results"/>, reading them once.</summary>
    /// <param name="results">The results; each is read once, in order.</param>
    /// <param name="top">How many top findings to keep (0 or more).</param>
    /// <param name="framework">The framework whose controls are summarized in <see cref="Controls"/>; null: every framework the results are mapped to.</param>
    public SecurityPostureSummary(IEnumerable<SecurityCheckResult> results, int top = DefaultTop, ComplianceFramework? framework = null)
    {
        if (results is null)
        {
            throw new ArgumentNullException(nameof(results));
        }

        if (top < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(top), top, "The number of top findings cannot be negative.");
        }

        Top = top;
        Framework = framework;
        var all = new List<SecurityCheckResult>();
        var nodes = new List<string>();
        var seenNodes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var overall = new Tally();
        var areas = new List<(string Area, Tally Tally)>();
        var areaIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var findings = new List<SecurityCheckResult>();
        var controls = new List<ControlTally>();
        var controlIndex = new Dictionary<ComplianceReference, int>();
        foreach (var result in results)
        {
            if (result is null)
            {
                continue;
            }

            all.Add(result);
            if (seenNodes.Add(result.NodeName))
            {
                nodes.Add(result.NodeName);
            }

            overall.Add(result);
            if (!areaIndex.TryGetValue(result.Area, out var a))
            {
                a = areas.Count;
                areaIndex[result.Area] = a;
                areas.Add((result.Area, new Tally()));
            }

            areas[a].Tally.Add(result);
            if (result.Status is CheckStatus.NonCompliant or CheckStatus.Unknown or CheckStatus.Error)
            {
                findings.Add(result);
            }

            foreach (var control in result.Controls)
            {
                if (framework is { } f && control.Framework != f)
                {
                    continue;
                }

                if (!controlIndex.TryGetValue(control, out var c))
                {
                    c = controls.Count;
                    controlIndex[control] = c;
                    controls.Add(new ControlTally(control.Framework, control.Control));
                }

                controls[c].Add(result.Status);
            }
        }

        Results = new ReadOnlyCollection<SecurityCheckResult>(all);
        NodeNames = new ReadOnlyCollection<string>(nodes);
        Overall = overall.ToCounts(AllAreas);
        Areas = new ReadOnlyCollection<PostureCounts>(areas.Select(x => x.Tally.ToCounts(x.Area)).ToList());
        TopFindings = new ReadOnlyCollection<SecurityCheckResult>(findings
            .OrderBy(r => r.Status == CheckStatus.NonCompliant ? 0 : 1)
            .ThenByDescending(r => r.Severity)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .ThenBy(r => r.NodeName, StringComparer.Ordinal)
            .Take(top)
            .ToList());
        Controls = new ReadOnlyCollection<ControlComplianceSummary>(controls
            .OrderBy(c => c.Framework)
            .ThenBy(c => c.Control, StringComparer.Ordinal)
            .Select(c => c.ToSummary())
            .ToList());
    }

    /// <summary>The nodes the results are about, in the order first seen.</summary>
    public IReadOnlyList<string> NodeNames { get; }

    /// <summary>The node, or the nodes joined with ", " when the results are about several.</summary>
    public string NodeName => string.Join(", ", NodeNames);

    /// <summary>The counts over every area.</summary>
    public PostureCounts Overall { get; }

    /// <summary>The counts of each area, in the order the areas were first seen.</summary>
    public IReadOnlyList<PostureCounts> Areas { get; }

    /// <summary>Overall Compliant / (Compliant + NonCompliant) × 100; null when no result is either (see the remarks).</summary>
    public double? CompliancePercentage => Overall.CompliancePercentage;

    /// <summary>Overall Compliant results.</summary>
    public int Compliant => Overall.Compliant;

    /// <summary>Overall NonCompliant results.</summary>
    public int NonCompliant => Overall.NonCompliant;

    /// <summary>Overall Unknown results.</summary>
    public int Unknown => Overall.Unknown;

    /// <summary>Overall Error results.</summary>
    public int Error => Overall.Error;

    /// <summary>Overall NotApplicable results.</summary>
    public int NotApplicable => Overall.NotApplicable;

    /// <summary>Overall results.</summary>
    public int Total => Overall.Total;

    /// <summary>How many top findings were asked for.</summary>
    public int Top { get; }

    /// <summary>The top findings: NonCompliant first by severity, then Unknown and Error by severity; ties by id, then node.</summary>
    public IReadOnlyList<SecurityCheckResult> TopFindings { get; }

    /// <summary>The framework whose controls <see cref="Controls"/> holds; null: every framework.</summary>
    public ComplianceFramework? Framework { get; }

    /// <summary>Each framework control the results are mapped to, with its counts and worst status, by framework then control id.</summary>
    public IReadOnlyList<ControlComplianceSummary> Controls { get; }

    /// <summary>Every result summarized, in the order given.</summary>
    public IReadOnlyList<SecurityCheckResult> Results { get; }

    /// <summary>The counts of one area, or null when no result is in it.</summary>
    public PostureCounts? ForArea(string area) => Areas.FirstOrDefault(a => string.Equals(a.Area, area, StringComparison.Ordinal));

    /// <inheritdoc />
    public override string ToString() =>
        $"{NodeName}: {(CompliancePercentage is { } p ? p.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%" : "no decided result")} ({Compliant} compliant, {NonCompliant} non-compliant, {Unknown + Error} unknown)";

    /// <summary>Orders statuses from best to worst for a control's worst status.</summary>
    internal static int Badness(CheckStatus status) => status switch
    {
        CheckStatus.NotApplicable => 0,
        CheckStatus.Compliant => 1,
        CheckStatus.Unknown => 2,
        CheckStatus.Error => 3,
        CheckStatus.NonCompliant => 4,
        _ => 2,
    };

    private sealed class Tally
    {
        private readonly int[] _byStatus = new int[StatusCount];
        private readonly int[] _bySeverity = new int[SeverityCount];
        private readonly int[] _nonCompliantBySeverity = new int[SeverityCount];

        internal void Add(SecurityCheckResult result)
        {
            _byStatus[(int)result.Status]++;
            _bySeverity[(int)result.Severity]++;
            if (result.Status == CheckStatus.NonCompliant)
            {
                _nonCompliantBySeverity[(int)result.Severity]++;
            }
        }

        internal PostureCounts ToCounts(string area) => new(area, _byStatus, _bySeverity, _nonCompliantBySeverity);
    }

    private sealed class ControlTally(ComplianceFramework framework, string control)
    {
        private int _compliant;
        private int _nonCompliant;
        private int _unknown;
        private int _notApplicable;
        private CheckStatus _worst = CheckStatus.NotApplicable;
        private bool _any;

        internal ComplianceFramework Framework => framework;

        internal string Control => control;

        internal void Add(CheckStatus status)
        {
            switch (status)
            {
                case CheckStatus.Compliant:
                    _compliant++;
                    break;
                case CheckStatus.NonCompliant:
                    _nonCompliant++;
                    break;
                case CheckStatus.NotApplicable:
                    _notApplicable++;
                    break;
                default:
                    _unknown++;
                    break;
            }

            if (!_any || Badness(status) > Badness(_worst))
            {
                _worst = status;
                _any = true;
            }
        }

        internal ControlComplianceSummary ToSummary() => new(framework, control, _compliant, _nonCompliant, _unknown, _notApplicable, _worst);
    }
}
