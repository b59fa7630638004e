using System;
using System.Collections.Generic;

namespace AzureLocalSecurity.SecureBoot.Events;

/// <summary>
/// What Windows logged about Secure Boot servicing on a node (Microsoft-Windows-TPM-WMI, System log): every event, the
/// latest word on the 2023 certificates (1801 or 1808), and the failures and warnings since the certificates were last
/// reported updated. What could not be read is in <see cref="Unknowns"/>, with the reason; an empty log is not unknown.
/// </summary>
public sealed class SecureBootServicingEvents
{
    /// <summary>The node.</summary>
    public string ComputerName { get; internal set; } = string.Empty;

    /// <summary>The events, newest first (by time, then by record number).</summary>
    public IReadOnlyList<SecureBootServicingEvent> Events { get; internal set; } = [];

    /// <summary>The newest 1801 (still needs the updated certificates) or 1808 (has them), or null when there is neither.</summary>
    public SecureBootServicingEvent? LatestStatus { get; internal set; }

    /// <summary>The Failure and Warning events newer than the newest 1808 (all of them when there is no 1808), newest first.</summary>
    public IReadOnlyList<SecureBootServicingEvent> Errors { get; internal set; } = [];

    /// <summary>How the events were read, or null when the bundle holds no such item.</summary>
    public string? Source { get; internal set; }

    /// <summary>When they were read (UTC), or null when the bundle holds no such item.</summary>
    public DateTimeOffset? CapturedAt { get; internal set; }

    /// <summary>Something worth saying that is neither an event nor an unknown, such as a log that holds none of these events.</summary>
    public string? Note { get; internal set; }

    /// <summary>What could not be read, with the reason.</summary>
    public IReadOnlyList<string> Unknowns { get; internal set; } = [];
}
