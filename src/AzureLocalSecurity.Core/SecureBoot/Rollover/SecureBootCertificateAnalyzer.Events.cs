using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Results;
using AzureLocalSecurity.SecureBoot.Events;

namespace AzureLocalSecurity.SecureBoot.Rollover;

/// <summary>ALSEC-SB-010: what Windows' TPM-WMI servicing events say (KB5016061).</summary>
public static partial class SecureBootCertificateAnalyzer
{
    private static IEnumerable<SecurityCheckResult> CheckEvents(EvidenceBundle bundle)
    {
        const string Expected = "Newest of 1801/1808 is 1808 (CA and keys updated), no failure since";
        var events = SecureBootEventAnalyzer.Read(bundle);
        var node = bundle.NodeName;
        if (events.Unknowns.Count > 0)
        {
            yield return new SecurityCheckResult(EventsId, EventsTitle, Area, CheckStatus.Unknown, Severity.Medium, Expected, null, events.Source, string.Join(" ", events.Unknowns), null, EventReferences, node);
            yield break;
        }

        var latest = events.LatestStatus;
        var failures = events.Errors.Where(e => e.Outcome == SecureBootEventOutcome.Failure || (e.Outcome == SecureBootEventOutcome.Warning && e.EventId != SecureBootEventCatalog.NeedsUpdateEventId)).ToList();
        var actual = latest is null ? "no 1801 or 1808 event" : Describe(latest);
        if (failures.Count > 0)
        {
            actual += "; since: " + string.Join("; ", failures.Take(5).Select(Describe)) + (failures.Count > 5 ? string.Format(CultureInfo.InvariantCulture, " (and {0} more)", failures.Count - 5) : string.Empty);
        }

        if (failures.Count > 0)
        {
            var newest = failures[0];
            yield return new SecurityCheckResult(EventsId, EventsTitle, Area, CheckStatus.NonCompliant, Severity.Medium, Expected, actual, events.Source,
                $"Windows logged event {newest.EventId} ({newest.Description})" + (latest?.EventId == SecureBootEventCatalog.UpdatedEventId ? " after the CA and keys were updated." : "."),
                newest.Remedy ?? "Look the event up in KB5016061; a firmware that refuses the write needs the OEM's firmware update.", EventReferences, node);
            yield break;
        }

        if (latest is null)
        {
            yield return new SecurityCheckResult(EventsId, EventsTitle, Area, CheckStatus.Unknown, Severity.Medium, Expected, actual, events.Source,
                events.Note ?? "The System log holds neither 1801 nor 1808: Windows writes them from the October 2025 updates on, or the log has rolled over.", null, EventReferences, node);
            yield break;
        }

        if (latest.EventId == SecureBootEventCatalog.UpdatedEventId)
        {
            yield return new SecurityCheckResult(EventsId, EventsTitle, Area, CheckStatus.Compliant, Severity.Medium, Expected, actual, events.Source, null, null, EventReferences, node);
            yield break;
        }

        var confidence = latest.Data.TryGetValue("BucketConfidenceLevel", out var level) && !string.IsNullOrWhiteSpace(level) ? $" Microsoft's rollout puts the device in bucket confidence \"{level}\"." : string.Empty;
        yield return new SecurityCheckResult(EventsId, EventsTitle, Area, CheckStatus.NonCompliant, Severity.Medium, Expected, actual, events.Source,
            "Windows reports that the Secure Boot CA and keys still need to be updated (event 1801)." + confidence,
            "Apply the 2023 certificates (ALSEC-SB-002 to -006 name each step). " + AzureLocalOrchestration, EventReferences, node);
    }

    private static string Describe(SecureBootServicingEvent e) =>
        string.Format(CultureInfo.InvariantCulture, "{0} {1}", e.EventId, e.TimeCreated is { } t ? "at " + t.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : "(no time)");
}
