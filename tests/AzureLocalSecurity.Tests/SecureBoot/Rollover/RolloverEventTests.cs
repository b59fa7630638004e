using System;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Results;
using AzureLocalSecurity.SecureBoot.Rollover;
using AzureLocalSecurity.Tests.SecureBoot.Events;
using AzureLocalSecurity.Tests.Support;
using Xunit;
using static AzureLocalSecurity.SecureBoot.Rollover.SecureBootCertificateAnalyzer;

namespace AzureLocalSecurity.Tests.SecureBoot.Rollover;

/// <summary>ALSEC-SB-010 from the TPM-WMI events a Windows capture holds, and a node that has finished everything.</summary>
public sealed class RolloverEventTests
{
    private static readonly DateTime Today = new(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc);

    private static EvidenceItem Events(string xml) => EvidenceItem.ForText(SecureBootEvidenceIds.ServicingEvents, "System log, provider Microsoft-Windows-TPM-WMI (EventLogReader)", Bundles.Time, xml);

    private static SecurityCheckResult EventsResult(SecureBootCertificateSummary summary) => Assert.Single(summary.Results, r => r.Id == EventsId);

    [Fact]
    public void A_finished_node_whose_newest_event_is_1808_is_complete()
    {
        using var node = RolloverNode.Complete();
        node.Extra.Add(Events(EventVectors.Read(EventVectors.TpmWmi1808)));

        var summary = Evaluate(node.Collect(), Today);

        Assert.Equal(CheckStatus.Compliant, EventsResult(summary).Status);
        Assert.Equal("1808 at 2026-03-02 18:05:03 UTC", EventsResult(summary).Actual);
        Assert.True(summary.IsComplete);
        Assert.Null(summary.NextStep);
        Assert.Equal(0, summary.NonCompliant);
    }

    [Fact]
    public void A_firmware_error_after_the_1808_is_non_compliant_with_the_event()
    {
        using var node = RolloverNode.Complete();
        node.Extra.Add(Events(EventVectors.Event(1795, "2026-03-05T06:00:00Z", 48600) + EventVectors.Read(EventVectors.TpmWmi1808)));

        var result = EventsResult(Evaluate(node.Collect(), Today));

        Assert.Equal(CheckStatus.NonCompliant, result.Status);
        Assert.Equal("1808 at 2026-03-02 18:05:03 UTC; since: 1795 at 2026-03-05 06:00:00 UTC", result.Actual);
        Assert.StartsWith("Windows logged event 1795", result.Reason, StringComparison.Ordinal);
        Assert.EndsWith("after the CA and keys were updated.", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_newest_1801_is_non_compliant_and_names_the_rollout_bucket()
    {
        using var node = new RolloverNode();
        node.Extra.Add(Events(EventVectors.Read(EventVectors.TpmWmi1801)));

        var summary = Evaluate(node.Collect(), Today);

        var result = EventsResult(summary);
        Assert.Equal(CheckStatus.NonCompliant, result.Status);
        Assert.Contains("\"Under Observation - More Data Needed\"", result.Reason, StringComparison.Ordinal);
        Assert.False(summary.IsComplete);
    }

    [Fact]
    public void A_log_without_servicing_events_is_unknown_not_failed()
    {
        using var node = RolloverNode.Complete();
        node.Extra.Add(Events(string.Empty));

        var result = EventsResult(Evaluate(node.Collect(), Today));

        Assert.Equal(CheckStatus.Unknown, result.Status);
        Assert.Equal("no 1801 or 1808 event", result.Actual);
    }

    [Fact]
    public void A_log_that_could_not_be_read_is_unknown_with_the_reason()
    {
        using var node = RolloverNode.Complete();
        node.Extra.Add(EvidenceItem.ForError(SecureBootEvidenceIds.ServicingEvents, EvidenceKind.Text, "System log", Bundles.Time, new EvidenceError(EvidenceErrorCategory.AccessDenied, "Attempted to perform an unauthorized operation.")));

        var result = EventsResult(Evaluate(node.Collect(), Today));

        Assert.Equal(CheckStatus.Unknown, result.Status);
        Assert.Contains("Attempted to perform an unauthorized operation.", result.Reason, StringComparison.Ordinal);
    }
}
