using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Posture;
using AzureLocalSecurity.Results;
using Xunit;

namespace AzureLocalSecurity.Tests.Posture;

public sealed class SecurityPostureSummaryTests
{
    private static SecurityCheckResult R(string id, CheckStatus status, Severity severity = Severity.Medium, string area = "Platform", string node = "NODE01", params ComplianceReference[] controls) =>
        new(id, "title " + id, area, status, severity, null, null, null, status is CheckStatus.Unknown or CheckStatus.Error ? "why" : null, null, null, node, controls);

    [Fact]
    public void The_percentage_counts_only_compliant_and_non_compliant_and_the_rest_is_still_counted()
    {
        var summary = new SecurityPostureSummary(
        [
            R("A", CheckStatus.Compliant), R("B", CheckStatus.Compliant), R("C", CheckStatus.Compliant), R("D", CheckStatus.NonCompliant),
            R("E", CheckStatus.Unknown), R("F", CheckStatus.Error), R("G", CheckStatus.NotApplicable),
        ]);

        Assert.Equal(75.0, summary.CompliancePercentage);
        Assert.Equal((7, 3, 1, 1, 1, 1), (summary.Total, summary.Compliant, summary.NonCompliant, summary.Unknown, summary.Error, summary.NotApplicable));
    }

    [Fact]
    public void Without_a_compliant_or_non_compliant_result_there_is_no_percentage()
    {
        Assert.Null(new SecurityPostureSummary([R("A", CheckStatus.Unknown), R("B", CheckStatus.NotApplicable)]).CompliancePercentage);
    }

    [Fact]
    public void The_percentage_is_rounded_to_two_decimals()
    {
        Assert.Equal(66.67, new SecurityPostureSummary([R("A", CheckStatus.Compliant), R("B", CheckStatus.Compliant), R("C", CheckStatus.NonCompliant)]).CompliancePercentage);
    }

    [Fact]
    public void Top_findings_are_non_compliant_by_severity_then_unknown_and_error_then_by_id()
    {
        var summary = new SecurityPostureSummary(
        [
            R("U-1", CheckStatus.Unknown, Severity.Critical), R("N-2", CheckStatus.NonCompliant, Severity.Low), R("N-9", CheckStatus.NonCompliant, Severity.Critical),
            R("N-1", CheckStatus.NonCompliant, Severity.Low), R("E-1", CheckStatus.Error, Severity.High), R("C-1", CheckStatus.Compliant, Severity.Critical),
        ]);

        Assert.Equal(["N-9", "N-1", "N-2", "U-1", "E-1"], summary.TopFindings.Select(r => r.Id));
    }

    [Fact]
    public void Top_keeps_only_the_number_asked_for()
    {
        var results = Enumerable.Range(0, 20).Select(i => R("N-" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture), CheckStatus.NonCompliant)).ToList();

        Assert.Equal(SecurityPostureSummary.DefaultTop, new SecurityPostureSummary(results).TopFindings.Count);
        Assert.Equal(["N-00", "N-01", "N-02"], new SecurityPostureSummary(results, top: 3).TopFindings.Select(r => r.Id));
        Assert.Empty(new SecurityPostureSummary(results, top: 0).TopFindings);
    }

    [Fact]
    public void Each_area_has_its_own_counts_and_severities_in_the_order_first_seen()
    {
        var summary = new SecurityPostureSummary(
        [
            R("T1", CheckStatus.NonCompliant, Severity.Critical, "Tpm"), R("B1", CheckStatus.Compliant, Severity.High, "BitLocker"),
            R("T2", CheckStatus.Compliant, Severity.High, "Tpm"), R("B2", CheckStatus.NonCompliant, Severity.Medium, "BitLocker"), R("B3", CheckStatus.NonCompliant, Severity.Medium, "BitLocker"),
        ]);

        Assert.Equal(["Tpm", "BitLocker"], summary.Areas.Select(a => a.Area));
        var bitLocker = summary.ForArea("BitLocker")!;
        Assert.Equal((3, 1, 2, 33.33), (bitLocker.Total, bitLocker.Compliant, bitLocker.NonCompliant, bitLocker.CompliancePercentage));
        Assert.Equal(2, bitLocker.NonCompliantBySeverity[Severity.Medium]);
        Assert.Equal(0, bitLocker.NonCompliantBySeverity[Severity.Critical]);
        Assert.Equal(2, summary.Overall.BySeverity[Severity.High]);
        Assert.Equal(1, summary.Overall.NonCompliantBySeverity[Severity.Critical]);
    }

    [Fact]
    public void Each_control_counts_its_results_and_keeps_the_worst_status()
    {
        var ac6 = new ComplianceReference(ComplianceFramework.Nist80053, "AC-6");
        var cm6 = new ComplianceReference(ComplianceFramework.Nist80053, "CM-6");
        var stig = new ComplianceReference(ComplianceFramework.Stig, "WN25-CC-000030");
        var summary = new SecurityPostureSummary(
        [
            R("A", CheckStatus.Compliant, controls: [ac6, cm6]), R("B", CheckStatus.Unknown, controls: [ac6]), R("C", CheckStatus.NonCompliant, controls: [cm6, stig]),
            R("D", CheckStatus.NotApplicable, controls: [ac6]),
        ]);

        Assert.Equal(
            [("WN25-CC-000030", 0, 1, 0, 0, CheckStatus.NonCompliant), ("AC-6", 1, 0, 1, 1, CheckStatus.Unknown), ("CM-6", 1, 1, 0, 0, CheckStatus.NonCompliant)],
            summary.Controls.Select(c => (c.Control, c.Compliant, c.NonCompliant, c.Unknown, c.NotApplicable, c.WorstStatus)));
    }

    [Fact]
    public void A_framework_limits_the_control_counts_to_its_controls()
    {
        var summary = new SecurityPostureSummary(
            [R("C", CheckStatus.NonCompliant, controls: [new ComplianceReference(ComplianceFramework.Nist80053, "CM-6"), new ComplianceReference(ComplianceFramework.Stig, "WN25-CC-000030")])],
            framework: ComplianceFramework.Stig);

        Assert.Equal(["WN25-CC-000030"], summary.Controls.Select(c => c.Control));
    }

    [Fact]
    public void The_node_names_are_every_node_once_in_the_order_seen()
    {
        var summary = new SecurityPostureSummary([R("A", CheckStatus.Compliant, node: "NODE02"), R("A", CheckStatus.Compliant, node: "NODE01"), R("B", CheckStatus.Compliant, node: "NODE02")]);

        Assert.Equal(["NODE02", "NODE01"], summary.NodeNames);
        Assert.Equal("NODE02, NODE01", summary.NodeName);
    }

    [Fact]
    public void The_results_are_read_in_one_pass()
    {
        var source = new OnePass([R("A", CheckStatus.Compliant), R("B", CheckStatus.NonCompliant)]);

        var summary = new SecurityPostureSummary(source);

        Assert.Equal(1, source.Enumerations);
        Assert.Equal(["A", "B"], summary.Results.Select(r => r.Id));
    }

    [Fact]
    public void The_summary_s_collections_cannot_be_changed_through_their_interfaces()
    {
        var summary = new SecurityPostureSummary([R("A", CheckStatus.NonCompliant)]);

        Assert.Throws<NotSupportedException>(() => ((IList<SecurityCheckResult>)summary.Results).Add(R("B", CheckStatus.Compliant)));
        Assert.Throws<NotSupportedException>(() => ((IList<SecurityCheckResult>)summary.TopFindings).Clear());
        Assert.Throws<NotSupportedException>(() => ((IDictionary<Severity, int>)summary.Overall.BySeverity)[Severity.Low] = 5);
    }

    private sealed class OnePass(IEnumerable<SecurityCheckResult> items) : IEnumerable<SecurityCheckResult>
    {
        public int Enumerations { get; private set; }

        public IEnumerator<SecurityCheckResult> GetEnumerator()
        {
            Enumerations++;
            return items.GetEnumerator();
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
