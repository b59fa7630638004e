using System;
using System.Collections.Generic;

namespace AzureLocalSecurity.AppControl.Live;

/// <summary>
/// The Code Integrity events a bundle holds for one node, and what bounds them: the window the collector read and whether it
/// kept them all. When the events could not be read, <see cref="Events"/> is empty and <see cref="Unknown"/> says why.
/// </summary>
public sealed class CodeIntegrityEventLog
{
    /// <summary>The node.</summary>
    public string NodeName { get; internal set; } = string.Empty;

    /// <summary>Whether the events were read (an empty list then means the log held none in the window).</summary>
    public bool IsKnown => Unknown is null;

    /// <summary>Why the events are not known; null when they are.</summary>
    public string? Unknown { get; internal set; }

    /// <summary>The events, newest first, the 3089s joined to their block and audit events.</summary>
    public IReadOnlyList<CodeIntegrityEvent> Events { get; internal set; } = [];

    /// <summary>When the events were read.</summary>
    public DateTimeOffset? CapturedAt { get; internal set; }

    /// <summary>How many days back the collector read; null when the bundle does not say.</summary>
    public int? Days { get; internal set; }

    /// <summary>Whether the log held more events in the window than were kept (the oldest are missing); null when the bundle does not say.</summary>
    public bool? Truncated { get; internal set; }

    /// <summary>Where the events came from.</summary>
    public string? Source { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => IsKnown ? $"{NodeName}: {Events.Count} events" : $"{NodeName}: unknown ({Unknown})";
}
