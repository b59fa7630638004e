using System;
using System.Collections.Generic;
using AzureLocalSecurity.Results;

namespace AzureLocalSecurity.Reports;

/// <summary>
/// The one place reports count results: by status, by severity, and per area and per node. Every writer takes its
/// numbers from here, so that the day Test-ALSecurityPosture's summary replaces this class, it is replaced once.
/// </summary>
internal sealed class ReportTotals
{
    private ReportTotals(StatusCounts all, int[] bySeverity, IReadOnlyList<KeyValuePair<string, StatusCounts>> byArea, IReadOnlyList<KeyValuePair<string, StatusCounts>> byNode)
    {
        All = all;
        _bySeverity = bySeverity;
        ByArea = byArea;
        ByNode = byNode;
    }

    private readonly int[] _bySeverity;

    /// <summary>The statuses in the order reports show them.</summary>
    internal static IReadOnlyList<CheckStatus> Statuses { get; } = [CheckStatus.Compliant, CheckStatus.NonCompliant, CheckStatus.NotApplicable, CheckStatus.Unknown, CheckStatus.Error];

    /// <summary>The severities, most severe first, the order reports show them.</summary>
    internal static IReadOnlyList<Severity> Severities { get; } = [Severity.Critical, Severity.High, Severity.Medium, Severity.Low, Severity.Informational];

    /// <summary>Every result counted by status.</summary>
    internal StatusCounts All { get; }

    /// <summary>Areas in the order they first occur, each with its counts.</summary>
    internal IReadOnlyList<KeyValuePair<string, StatusCounts>> ByArea { get; }

    /// <summary>Nodes in the order they first occur, each with its counts.</summary>
    internal IReadOnlyList<KeyValuePair<string, StatusCounts>> ByNode { get; }

    /// <summary>How many results (of any status) carry this severity.</summary>
    internal int SeverityCount(Severity severity) => _bySeverity[(int)severity];

    internal static ReportTotals Of(IReadOnlyList<SecurityCheckResult> results)
    {
        var all = new StatusCounts();
        var bySeverity = new int[Severities.Count];
        var areas = new List<KeyValuePair<string, StatusCounts>>();
        var areaIndex = new Dictionary<string, StatusCounts>(StringComparer.Ordinal);
        var nodes = new List<KeyValuePair<string, StatusCounts>>();
        var nodeIndex = new Dictionary<string, StatusCounts>(StringComparer.OrdinalIgnoreCase);
        foreach (var result in results)
        {
            all.Add(result.Status);
            bySeverity[(int)result.Severity]++;
            Group(areas, areaIndex, result.Area).Add(result.Status);
            Group(nodes, nodeIndex, result.NodeName).Add(result.Status);
        }

        return new ReportTotals(all, bySeverity, areas, nodes);
    }

    private static StatusCounts Group(List<KeyValuePair<string, StatusCounts>> list, Dictionary<string, StatusCounts> index, string key)
    {
        if (!index.TryGetValue(key, out var counts))
        {
            counts = new StatusCounts();
            index.Add(key, counts);
            list.Add(new KeyValuePair<string, StatusCounts>(key, counts));
        }

        return counts;
    }

    /// <summary>Counts of results by status, and the compliance percentage they give.</summary>
    internal sealed class StatusCounts
    {
        private readonly int[] _counts = new int[Statuses.Count];

        internal int Total { get; private set; }

        internal int this[CheckStatus status] => _counts[(int)status];

        /// <summary>
        /// Compliant over Compliant + NonCompliant, in percent rounded to one decimal; null when nothing was decided.
        /// NotApplicable, Unknown and Error results are left out: unknown is not failure, and not compliance either.
        /// </summary>
        internal double? CompliancePercent
        {
            get
            {
                var decided = this[CheckStatus.Compliant] + this[CheckStatus.NonCompliant];
                return decided == 0 ? null : Math.Round(100.0 * this[CheckStatus.Compliant] / decided, 1, MidpointRounding.AwayFromZero);
            }
        }

        internal void Add(CheckStatus status)
        {
            _counts[(int)status]++;
            Total++;
        }
    }
}
