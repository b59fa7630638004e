using System;
using System.Collections.Generic;

namespace AzureLocalSecurity.Evidence.Events;

/// <summary>
/// One Windows event as its XML (schema http://schemas.microsoft.com/win/2004/08/events/event) holds it: the System
/// header and the event's own data by name. The localized message (RenderingInfo) is not kept: what an event says is read
/// from its data, whose names do not change with the language. A value that is absent or does not read is null.
/// </summary>
public sealed class WindowsEventRecord
{
    private static readonly IReadOnlyDictionary<string, string?> NoData = new Dictionary<string, string?>(StringComparer.Ordinal);

    /// <summary>System/Provider/@Name, such as <c>Microsoft-Windows-TPM-WMI</c>.</summary>
    public string? ProviderName { get; internal set; }

    /// <summary>System/Provider/@Guid.</summary>
    public Guid? ProviderGuid { get; internal set; }

    /// <summary>System/EventID.</summary>
    public int EventId { get; internal set; }

    /// <summary>System/EventID/@Qualifiers (classic event sources only).</summary>
    public int? Qualifiers { get; internal set; }

    /// <summary>System/Version: the version of the event's template, which decides the data it carries.</summary>
    public int? Version { get; internal set; }

    /// <summary>System/Level: 1 critical, 2 error, 3 warning, 4 information, 5 verbose (0: always logged).</summary>
    public int? Level { get; internal set; }

    /// <summary>System/Task.</summary>
    public int? Task { get; internal set; }

    /// <summary>System/Opcode.</summary>
    public int? Opcode { get; internal set; }

    /// <summary>System/Keywords (written in hexadecimal, such as <c>0x8000000000000000</c>).</summary>
    public ulong? Keywords { get; internal set; }

    /// <summary>System/TimeCreated/@SystemTime, in UTC.</summary>
    public DateTimeOffset? TimeCreated { get; internal set; }

    /// <summary>System/EventRecordID: the record's number in its log.</summary>
    public long? RecordId { get; internal set; }

    /// <summary>System/Correlation/@ActivityID: joins the events of one activity (a Code Integrity 3089 to its 3077).</summary>
    public Guid? ActivityId { get; internal set; }

    /// <summary>System/Channel: the log, such as <c>System</c>.</summary>
    public string? Channel { get; internal set; }

    /// <summary>System/Computer.</summary>
    public string? Computer { get; internal set; }

    /// <summary>System/Security/@UserID: the SID the event was logged under.</summary>
    public string? UserId { get; internal set; }

    /// <summary>
    /// EventData/Data by its Name attribute, or the children of UserData's first element by their names; ordinal and case
    /// sensitive, the first of a repeated name kept. A value without text is null (Windows writes an empty and a missing
    /// value the same way).
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1721:Property names should not match get methods", Justification = "Data is the EventData/Data map as the event XML names it; GetData(name) is its lookup by one name. Renaming either changes the public object PowerShell shows.")]
    public IReadOnlyDictionary<string, string?> Data { get; internal set; } = NoData;

    /// <summary>EventData/Data elements without a Name, in order.</summary>
    public IReadOnlyList<string?> UnnamedData { get; internal set; } = [];

    /// <summary>The data named <paramref name="name"/>, or null when the event has none (or it has no text).</summary>
    public string? GetData(string name) =>
        Data.TryGetValue(name ?? throw new ArgumentNullException(nameof(name)), out var value) ? value : null;

    /// <inheritdoc />
    public override string ToString() => $"{ProviderName} {EventId} #{RecordId} {TimeCreated:o}";
}
