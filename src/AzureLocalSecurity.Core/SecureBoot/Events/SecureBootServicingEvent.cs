using System;
using System.Collections.Generic;

namespace AzureLocalSecurity.SecureBoot.Events;

/// <summary>One Secure Boot servicing event from the System log, with what it means.</summary>
public sealed class SecureBootServicingEvent
{
    /// <summary>The event id, such as 1808.</summary>
    public int EventId { get; internal set; }

    /// <summary>When Windows logged it (UTC), or null when the record's time did not read.</summary>
    public DateTimeOffset? TimeCreated { get; internal set; }

    /// <summary>
    /// What it says happened: the catalog's outcome (<see cref="SecureBootEventCatalog"/>), or, for an event the catalog
    /// lists without one, the Level Windows logged it at (1 or 2 Failure, 3 Warning, anything else Information).
    /// </summary>
    public SecureBootEventOutcome Outcome { get; internal set; }

    /// <summary>The Level Windows logged it at (2 error, 3 warning, 4 information).</summary>
    public int? Level { get; internal set; }

    /// <summary>What it means, in the module's words.</summary>
    public string Description { get; internal set; } = string.Empty;

    /// <summary>What to do about it, where Microsoft documents a step.</summary>
    public string? Remedy { get; internal set; }

    /// <summary>The event's data by name (1801: DeviceAttributes, BucketId, BucketConfidenceLevel, UpdateType, HResult; 1802: SkipReason).</summary>
    public IReadOnlyDictionary<string, string?> Data { get; internal set; } = new Dictionary<string, string?>(StringComparer.Ordinal);

    /// <summary>The record's number in the System log.</summary>
    public long? RecordId { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"{TimeCreated:u} {EventId} {Outcome}: {Description}";
}
