using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Evidence.Events;

namespace AzureLocalSecurity.SecureBoot.Events;

/// <summary>Reads the Secure Boot servicing events a bundle holds (<see cref="SecureBootEvidenceIds.ServicingEvents"/>). Pure.</summary>
public static class SecureBootEventAnalyzer
{
    /// <summary>What <see cref="SecureBootServicingEvents.Note"/> says when the log holds no such event.</summary>
    public const string NoEventsNote = "The System log holds no Secure Boot servicing events from Microsoft-Windows-TPM-WMI.";

    /// <summary>The servicing events of the node the bundle describes.</summary>
    public static SecureBootServicingEvents Read(EvidenceBundle bundle)
    {
        if (bundle is null)
        {
            throw new ArgumentNullException(nameof(bundle));
        }

        const string Id = SecureBootEvidenceIds.ServicingEvents;
        var result = new SecureBootServicingEvents { ComputerName = bundle.NodeName };
        var item = bundle.Find(Id);
        if (item is null)
        {
            result.Unknowns = [$"{Id}: the bundle holds no such item (it was captured without the Secure Boot servicing events, or not on Windows)."];
            return result;
        }

        result.Source = item.Source;
        result.CapturedAt = item.CapturedAt;
        if (!item.Succeeded)
        {
            result.Unknowns = [$"{Id}: {item.Error!.Message}"];
            return result;
        }

        var text = item.GetText();
        if (text is null)
        {
            result.Unknowns = [$"{Id}: the item is {item.Kind}, not the Text of the events' XML."];
            return result;
        }

        IReadOnlyList<WindowsEventRecord> records;
        try
        {
            records = WindowsEventXml.Parse(text);
        }
        catch (WindowsEventFormatException ex)
        {
            result.Unknowns = [$"{Id}: the events' XML did not parse: {ex.Message}"];
            return result;
        }

        // Newest first whatever order the text has (a capture writes them so; wevtutil writes oldest first). OrderBy is
        // stable, so records without a time keep the text's order, after those with one.
        var events = records
            .Where(IsServicingEvent)
            .Select(Describe)
            .OrderByDescending(e => e.TimeCreated.HasValue)
            .ThenByDescending(e => e.TimeCreated)
            .ThenByDescending(e => e.RecordId ?? long.MinValue)
            .ToList();
        result.Events = events;
        result.LatestStatus = events.FirstOrDefault(e => e.EventId is SecureBootEventCatalog.NeedsUpdateEventId or SecureBootEventCatalog.UpdatedEventId);
        var updated = events.FindIndex(e => e.EventId == SecureBootEventCatalog.UpdatedEventId);
        result.Errors = events
            .Take(updated < 0 ? events.Count : updated)
            .Where(e => e.Outcome is SecureBootEventOutcome.Failure or SecureBootEventOutcome.Warning)
            .ToList();
        if (events.Count == 0)
        {
            result.Note = NoEventsNote;
        }

        return result;
    }

    /// <summary>The provider's events of the catalog's ids; other providers' and other ids in the same text are not these events.</summary>
    private static bool IsServicingEvent(WindowsEventRecord record) =>
        (string.Equals(record.ProviderName, SecureBootEventCatalog.ProviderName, StringComparison.OrdinalIgnoreCase) || record.ProviderGuid == SecureBootEventCatalog.ProviderGuid)
        && SecureBootEventCatalog.Find(record.EventId) is not null;

    private static SecureBootServicingEvent Describe(WindowsEventRecord record)
    {
        var info = SecureBootEventCatalog.Find(record.EventId)!;
        return new SecureBootServicingEvent
        {
            EventId = record.EventId,
            TimeCreated = record.TimeCreated,
            Outcome = info.Outcome ?? FromLevel(record.Level),
            Level = record.Level,
            Description = info.Description,
            Remedy = info.Remedy,
            Data = record.Data,
            RecordId = record.RecordId,
        };
    }

    /// <summary>Windows' own judgment of an event the catalog has no outcome for: 1 critical and 2 error, 3 warning.</summary>
    private static SecureBootEventOutcome FromLevel(int? level) => level switch
    {
        1 or 2 => SecureBootEventOutcome.Failure,
        3 => SecureBootEventOutcome.Warning,
        _ => SecureBootEventOutcome.Information,
    };
}
