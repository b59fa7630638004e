using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.SecureBoot.Events;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.SecureBoot.Events;

/// <summary>
/// The servicing events a bundle holds, read purely: the latest 1801/1808, the failures since the newest 1808, other
/// providers left out, and what could not be read kept as unknown with its reason. The events are hand-made in the shape
/// of EventRecord.ToXml() (EventVectors); the real Code Integrity events stand in for another provider's.
/// </summary>
public sealed class SecureBootEventAnalyzerTests
{
    private const string Source = "System log, provider Microsoft-Windows-TPM-WMI (EventLogReader)";

    [Fact]
    public void A_capture_whose_newest_event_is_1808_reports_it_as_the_latest_status_and_no_errors()
    {
        var result = SecureBootEventAnalyzer.Read(Bundle(EventVectors.TpmWmiCapture()));
        Assert.Equal([1808, 1795, 1801], result.Events.Select(e => e.EventId));
        Assert.Equal(1808, result.LatestStatus!.EventId);
        Assert.Equal(SecureBootEventOutcome.Success, result.LatestStatus.Outcome);
        Assert.Empty(result.Errors);
        Assert.Empty(result.Unknowns);
        Assert.Null(result.Note);
        Assert.Equal(Source, result.Source);
        Assert.Equal("NODE01", result.ComputerName);
    }

    [Fact]
    public void Failures_newer_than_the_newest_1808_are_errors_and_older_ones_are_not()
    {
        var result = SecureBootEventAnalyzer.Read(Bundle(Xml(
            EventVectors.Event(1796, "2026-03-05T06:00:00Z", 60),
            EventVectors.Event(1795, "2026-03-04T06:00:00Z", 50),
            EventVectors.Event(1808, "2026-03-03T06:00:00Z", 40, level: 4),
            EventVectors.Event(1032, "2026-03-02T06:00:00Z", 30),
            EventVectors.Event(1808, "2026-03-01T06:00:00Z", 20, level: 4))));
        Assert.Equal([1796, 1795], result.Errors.Select(e => e.EventId));
        Assert.Equal(40L, result.LatestStatus!.RecordId);
    }

    [Fact]
    public void Without_a_1808_every_failure_and_warning_is_an_error_and_the_newest_1801_is_the_status()
    {
        var result = SecureBootEventAnalyzer.Read(Bundle(Xml(
            EventVectors.Event(1801, "2026-03-04T06:00:00Z", 50),
            EventVectors.Event(1034, "2026-03-03T06:00:00Z", 40, level: 4),
            EventVectors.Event(1803, "2026-03-02T06:00:00Z", 30, level: 3),
            EventVectors.Event(1801, "2026-03-01T06:00:00Z", 20))));
        Assert.Equal(50L, result.LatestStatus!.RecordId);
        Assert.Equal(SecureBootEventOutcome.Warning, result.LatestStatus.Outcome);
        Assert.Equal([50L, 30L, 20L], result.Errors.Select(e => e.RecordId!.Value));
    }

    [Fact]
    public void A_1801_after_the_newest_1808_is_the_latest_status_and_an_error()
    {
        var result = SecureBootEventAnalyzer.Read(Bundle(Xml(
            EventVectors.Event(1801, "2026-03-04T06:00:00Z", 50),
            EventVectors.Event(1808, "2026-03-03T06:00:00Z", 40, level: 4))));
        Assert.Equal(1801, result.LatestStatus!.EventId);
        Assert.Equal([1801], result.Errors.Select(e => e.EventId));
    }

    [Fact]
    public void Events_written_oldest_first_are_put_newest_first()
    {
        var result = SecureBootEventAnalyzer.Read(Bundle(Xml(
            EventVectors.Read(EventVectors.TpmWmi1801), EventVectors.Read(EventVectors.TpmWmi1795), EventVectors.Read(EventVectors.TpmWmi1808))));
        Assert.Equal([1808, 1795, 1801], result.Events.Select(e => e.EventId));
    }

    [Fact]
    public void Events_of_the_same_time_are_ordered_by_record_number_and_those_without_a_time_come_last()
    {
        var result = SecureBootEventAnalyzer.Read(Bundle(Xml(
            EventVectors.Event(1795, null, 99),
            EventVectors.Event(1034, "2026-03-01T06:00:00Z", 10, level: 4),
            EventVectors.Event(1796, "2026-03-01T06:00:00Z", 11))));
        Assert.Equal([11L, 10L, 99L], result.Events.Select(e => e.RecordId!.Value));
    }

    [Fact]
    public void Events_of_other_providers_in_the_text_are_left_out()
    {
        var text = string.Join("\n", EventVectors.CodeIntegrityEvents()) + "\n" + EventVectors.TpmWmiCapture()
            + EventVectors.Event(1801, "2026-03-09T06:00:00Z", 7, provider: "Microsoft-Windows-CodeIntegrity");
        var result = SecureBootEventAnalyzer.Read(Bundle(text));
        Assert.Equal([1808, 1795, 1801], result.Events.Select(e => e.EventId));
        Assert.Equal(1808, result.LatestStatus!.EventId);
    }

    [Fact]
    public void Tpm_wmi_events_outside_the_secure_boot_family_are_left_out()
    {
        var result = SecureBootEventAnalyzer.Read(Bundle(Xml(EventVectors.Event(1025, "2026-03-01T06:00:00Z", 1), EventVectors.Event(1034, "2026-03-01T05:00:00Z", 2, level: 4))));
        Assert.Equal([1034], result.Events.Select(e => e.EventId));
    }

    [Fact]
    public void An_event_carries_its_meaning_remedy_data_and_record_number()
    {
        var result = SecureBootEventAnalyzer.Read(Bundle(Xml(
            EventVectors.Event(1032, "2026-03-01T06:00:00Z", 12),
            EventVectors.Read(EventVectors.TpmWmi1801))));
        var bitLocker = result.Events[0];
        Assert.Equal(SecureBootEventOutcome.Failure, bitLocker.Outcome);
        Assert.Equal(SecureBootEventCatalog.Find(1032)!.Description, bitLocker.Description);
        Assert.Contains("-rebootcount 2", bitLocker.Remedy, StringComparison.Ordinal);
        Assert.Equal(12L, bitLocker.RecordId);
        var needsUpdate = result.Events[1];
        Assert.Equal("5f1e0c2a9b7d4e3f8a6b1c0d2e4f6a8b5f1e0c2a9b7d4e3f8a6b1c0d2e4f6a8b", needsUpdate.Data["BucketId"]);
        Assert.Equal(2, needsUpdate.Level);
        Assert.Null(needsUpdate.Remedy);
    }

    [Theory]
    [InlineData(2, SecureBootEventOutcome.Failure)]
    [InlineData(3, SecureBootEventOutcome.Warning)]
    [InlineData(4, SecureBootEventOutcome.Information)]
    [InlineData(0, SecureBootEventOutcome.Information)]
    public void An_event_the_catalog_has_no_outcome_for_is_judged_by_its_level(int level, SecureBootEventOutcome outcome)
    {
        var result = SecureBootEventAnalyzer.Read(Bundle(EventVectors.Event(1799, "2026-03-01T06:00:00Z", 1, level)));
        Assert.Equal(outcome, result.Events.Single().Outcome);
        Assert.Equal("Secure Boot servicing event 1799 (KB5016061)", result.Events.Single().Description);
    }

    [Fact]
    public void A_log_without_these_events_is_empty_with_a_note_and_not_unknown()
    {
        var result = SecureBootEventAnalyzer.Read(Bundle(string.Empty));
        Assert.Empty(result.Events);
        Assert.Empty(result.Unknowns);
        Assert.Null(result.LatestStatus);
        Assert.Equal("The System log holds no Secure Boot servicing events from Microsoft-Windows-TPM-WMI.", result.Note);
    }

    [Fact]
    public void A_bundle_without_the_item_leaves_the_events_unknown()
    {
        var result = SecureBootEventAnalyzer.Read(Bundles.Windows());
        Assert.Empty(result.Events);
        Assert.Null(result.Source);
        Assert.Null(result.Note);
        Assert.Equal(["windows/eventlog/System/Microsoft-Windows-TPM-WMI: the bundle holds no such item (it was captured without the Secure Boot servicing events, or not on Windows)."], result.Unknowns);
    }

    [Theory]
    [InlineData(EvidenceErrorCategory.NotFound, "The System log was not found: The specified channel could not be found.")]
    [InlineData(EvidenceErrorCategory.AccessDenied, "Reading the System log was denied: Attempted to perform an unauthorized operation.")]
    public void A_failed_read_leaves_the_events_unknown_with_its_error(EvidenceErrorCategory category, string message)
    {
        var item = EvidenceItem.ForError(SecureBootEvidenceIds.ServicingEvents, EvidenceKind.Text, Source, Bundles.Time, new EvidenceError(category, message));
        var result = SecureBootEventAnalyzer.Read(Bundle(item));
        Assert.Empty(result.Events);
        Assert.Null(result.Note);
        Assert.Equal(Source, result.Source);
        Assert.Equal([SecureBootEvidenceIds.ServicingEvents + ": " + message], result.Unknowns);
    }

    [Fact]
    public void Xml_that_does_not_parse_leaves_the_events_unknown_with_the_parsers_message()
    {
        var capture = EventVectors.TpmWmiCapture();
        var result = SecureBootEventAnalyzer.Read(Bundle(capture.Substring(0, capture.Length - 20)));
        Assert.Empty(result.Events);
        Assert.StartsWith("windows/eventlog/System/Microsoft-Windows-TPM-WMI: the events' XML did not parse: The Windows event XML is not well formed at line 3", Assert.Single(result.Unknowns), StringComparison.Ordinal);
    }

    [Fact]
    public void An_item_of_another_kind_leaves_the_events_unknown()
    {
        var item = EvidenceItem.ForBlob(SecureBootEvidenceIds.ServicingEvents, Source, Bundles.Time, [0x3C]);
        var result = SecureBootEventAnalyzer.Read(Bundle(item));
        Assert.Equal(["windows/eventlog/System/Microsoft-Windows-TPM-WMI: the item is Blob, not the Text of the events' XML."], result.Unknowns);
    }

    [Fact]
    public void The_events_read_the_same_after_the_bundle_goes_through_a_zip()
    {
        using var dir = new TempDir();
        var path = dir.Combine("node.zip");
        EvidenceBundleWriter.Write(Bundle(EventVectors.TpmWmiCapture()), path, overwrite: false);
        var result = SecureBootEventAnalyzer.Read(EvidenceBundleReader.Read(path));
        Assert.Equal([48502L, 48377L, 48211L], result.Events.Select(e => e.RecordId!.Value));
    }

    private static string Xml(params string[] events) => string.Join("\n", events);

    private static EvidenceBundle Bundle(string text) =>
        Bundle(EvidenceItem.ForText(SecureBootEvidenceIds.ServicingEvents, Source, Bundles.Time, text));

    private static EvidenceBundle Bundle(EvidenceItem item) =>
        new(EvidenceSchema.CurrentVersion, new NodeIdentity("NODE01", NodePlatform.Windows, "Microsoft Windows 10.0.26100", "X64"), Bundles.Time, "0.1.0", new List<EvidenceItem> { item });
}
