using System;
using System.Collections.Generic;
using System.Diagnostics.Eventing.Reader;
using System.Linq;
using System.Runtime.Versioning;
using System.Text;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.SecureBoot.Events;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// Reads the Secure Boot servicing events of Microsoft-Windows-TPM-WMI from the System log through EventLogReader
/// (WINAPI.md §9), newest first, into one Text item (<see cref="SecureBootEvidenceIds.ServicingEvents"/>) holding each
/// record's XML as Windows renders it. No message text (it is localized and slow), no interpretation here.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsSecureBootEventCollector : IEvidenceCollector
{
    /// <summary>The most records read: the task runs every 12 hours, so this is months of history and no more.</summary>
    public const int MaxRecords = 500;

    /// <summary>How the item says it was read.</summary>
    public const string Source = "System log, provider " + SecureBootEventCatalog.ProviderName + " (EventLogReader)";

    /// <inheritdoc />
    public string Name => "WindowsSecureBootEvents";

    /// <inheritdoc />
    public IEnumerable<EvidenceItem> Collect(CollectionContext context)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        return [Read(context.Clock())];
    }

    /// <summary>
    /// The XPath query: the full provider name (the short "TPM-WMI" Event Viewer shows does not match) and the catalog's
    /// ids, runs of three or more as ranges so that the query stays well inside what the event log's XPath subset takes.
    /// </summary>
    internal static string Query(IEnumerable<int> ids) => SecureBootEventQuery.Build(ids);

    private static EvidenceItem Read(DateTimeOffset now)
    {
        const string Id = SecureBootEvidenceIds.ServicingEvents;
        var query = new EventLogQuery("System", PathType.LogName, Query(SecureBootEventCatalog.All.Select(e => e.Id))) { ReverseDirection = true };
        try
        {
            var text = new StringBuilder();
            using var reader = new EventLogReader(query);
            for (var count = 0; count < MaxRecords; count++)
            {
                using var record = reader.ReadEvent();
                if (record is null)
                {
                    break;
                }

                text.Append(record.ToXml()).Append('\n');
            }

            return EvidenceItem.ForText(Id, Source, now, text.ToString());
        }
        catch (EventLogNotFoundException ex)
        {
            return Failed(EvidenceErrorCategory.NotFound, "The System log was not found: " + ex.Message, ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            return Failed(EvidenceErrorCategory.AccessDenied, "Reading the System log was denied: " + ex.Message, ex);
        }
        catch (EventLogException ex)
        {
            return Failed(EvidenceErrorCategory.Failed, "Reading the System log failed: " + ex.Message, ex);
        }
        catch (PlatformNotSupportedException ex)
        {
            return Failed(EvidenceErrorCategory.NotSupported, "This runtime cannot read Windows event logs: " + ex.Message, ex);
        }

        EvidenceItem Failed(EvidenceErrorCategory category, string message, Exception ex) =>
            EvidenceItem.ForError(Id, EvidenceKind.Text, Source, now, new EvidenceError(category, message, unchecked((uint)ex.HResult)));
    }
}
