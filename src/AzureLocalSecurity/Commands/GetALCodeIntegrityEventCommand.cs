using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using AzureLocalSecurity.AppControl.Live;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Gets what App Control blocked or would have blocked on a node, from the Code Integrity log: grouped by file and signer (count, first and last seen, policies, processes), or each event with -Raw.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "ALCodeIntegrityEvent", DefaultParameterSetName = LiveSet)]
[OutputType(typeof(CodeIntegrityEventGroup), typeof(CodeIntegrityEvent))]
public sealed class GetALCodeIntegrityEventCommand : EvidenceAnalysisCommand
{
    /// <summary>Only events logged at or after this time. On the live node, also how far back the log is read (30 days when omitted).</summary>
    [Parameter]
    public DateTime? Since { get; set; }

    /// <summary>Only what was blocked (3077, 3033).</summary>
    [Parameter]
    public SwitchParameter Blocked { get; set; }

    /// <summary>Only what audit mode would have blocked (3076, 3034).</summary>
    [Parameter]
    public SwitchParameter Audited { get; set; }

    /// <summary>Writes each event (with its correlated signatures) instead of the groups.</summary>
    [Parameter]
    public SwitchParameter Raw { get; set; }

    /// <inheritdoc />
    protected override IEnumerable<IEvidenceCollector> LiveCollectors =>
        AppControlCollectors.ForThisMachine(Since is { } since ? WindowFor(since, DateTimeOffset.UtcNow) : AppControlCollectors.DefaultEventDays);

    /// <inheritdoc />
    protected override void Analyze(EvidenceBundle bundle)
    {
        var log = AppControlAnalyzer.ReadEvents(bundle);
        if (!log.IsKnown)
        {
            WriteError(new ErrorRecord(
                new InvalidOperationException($"{bundle.NodeName}: the Code Integrity events are unknown. {log.Unknown}"),
                ErrorIds.CodeIntegrityEventsUnavailable,
                ErrorCategory.ReadError,
                bundle.NodeName));
            return;
        }

        if (log.Truncated == true)
        {
            WriteWarning($"{bundle.NodeName}: the log held more events than the capture kept ({log.Events.Count}); the oldest are missing.");
        }

        var since = Since is { } s ? ToUtc(s) : (DateTimeOffset?)null;
        if (since is { } from && log.Days is { } days && log.CapturedAt is { } captured && from < captured.AddDays(-days))
        {
            WriteWarning(string.Format(CultureInfo.InvariantCulture, "{0}: the capture holds only the {1} days before {2:u}; earlier events are not in it.", bundle.NodeName, days, captured));
        }

        var events = log.Events.Where(e => Selected(e, since)).ToList();
        if (Raw)
        {
            WriteEach(events);
            return;
        }

        WriteEach(CodeIntegrityEventGroup.Group(bundle.NodeName, events));
    }

    /// <summary>The days to read so that <paramref name="since"/> is inside the window, within the collector's bounds.</summary>
    internal static int WindowFor(DateTime since, DateTimeOffset now)
    {
        var days = Math.Ceiling((now - ToUtc(since)).TotalDays);
        return (int)Math.Max(1, Math.Min(AppControlCollectors.MaxEventDays, days));
    }

    private static DateTimeOffset ToUtc(DateTime time) =>
        new(time.Kind == DateTimeKind.Utc ? time : time.ToUniversalTime(), TimeSpan.Zero);

    private bool Selected(CodeIntegrityEvent e, DateTimeOffset? since)
    {
        if (since is { } from && (e.TimeCreated is not { } t || t < from))
        {
            return false;
        }

        if (!Blocked && !Audited)
        {
            return true;
        }

        return (Blocked && e.IsBlocked) || (Audited && e.IsAudit);
    }
}
