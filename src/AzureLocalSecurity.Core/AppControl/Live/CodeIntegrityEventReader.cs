using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AzureLocalSecurity.Evidence.Events;
using AzureLocalSecurity.SecureBoot.Events;

namespace AzureLocalSecurity.AppControl.Live;

/// <summary>
/// Reads Code Integrity Operational events into <see cref="CodeIntegrityEvent"/>s, by their data names (reference/WINAPI.md §9;
/// Microsoft's event ID and event tag pages), and joins each 3089 to the block or audit event it describes. Microsoft says to
/// match them by the System Correlation ActivityID; one activity can hold more than one block event (a 3033 and its 3077 in
/// the real vector share one, each followed by its own 3089), so within an activity a 3089 belongs to the nearest block or
/// audit event before it in the log (by record number, else by time), and to the first one when none comes before it. Pure.
/// </summary>
public static class CodeIntegrityEventReader
{
    /// <summary>The provider that writes the events.</summary>
    public const string ProviderName = "Microsoft-Windows-CodeIntegrity";

    /// <summary>Reads the events of a text of event XML (what the collector files), newest first.</summary>
    /// <exception cref="WindowsEventFormatException">The text is not Windows event XML.</exception>
    public static IReadOnlyList<CodeIntegrityEvent> Read(string xml) => Read(WindowsEventXml.Parse(xml));

    /// <summary>
    /// Reads the Code Integrity events among <paramref name="records"/> (another provider's are passed over), joins the
    /// 3089s to their events, and returns them newest first (by time, then record number).
    /// </summary>
    public static IReadOnlyList<CodeIntegrityEvent> Read(IEnumerable<WindowsEventRecord> records)
    {
        if (records is null)
        {
            throw new ArgumentNullException(nameof(records));
        }

        var events = new List<CodeIntegrityEvent>();
        foreach (var record in records)
        {
            if (record.ProviderName is { } provider && !string.Equals(provider, ProviderName, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            events.Add(ToEvent(record));
        }

        Correlate(events);
        return events
            .OrderByDescending(e => e.TimeCreated ?? DateTimeOffset.MinValue)
            .ThenByDescending(e => e.RecordId ?? long.MinValue)
            .ToList();
    }

    /// <summary>The kind of an event id.</summary>
    public static CodeIntegrityEventKind KindOf(int eventId) => eventId switch
    {
        3076 => CodeIntegrityEventKind.Audit,
        3077 => CodeIntegrityEventKind.Blocked,
        3089 => CodeIntegrityEventKind.Signature,
        3099 => CodeIntegrityEventKind.PolicyActivated,
        3033 => CodeIntegrityEventKind.SigningLevelBlocked,
        3034 => CodeIntegrityEventKind.SigningLevelAudit,
        _ => CodeIntegrityEventKind.Other,
    };

    /// <summary>Splits an NT device path (<c>\Device\HarddiskVolume3\Windows\x.dll</c>) into its device and the path inside it.</summary>
    internal static (string? Volume, string? Path) SplitDevicePath(string? path)
    {
        const string Prefix = @"\Device\";
        if (path is null || !path.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return (null, path);
        }

        var slash = path.IndexOf('\\', Prefix.Length);
        return slash < 0 ? (path.Substring(Prefix.Length), @"\") : (path.Substring(Prefix.Length, slash - Prefix.Length), path.Substring(slash));
    }

    private static CodeIntegrityEvent ToEvent(WindowsEventRecord record)
    {
        var e = new CodeIntegrityEvent
        {
            EventId = record.EventId,
            Kind = KindOf(record.EventId),
            TemplateVersion = record.Version,
            TimeCreated = record.TimeCreated,
            RecordId = record.RecordId,
            ActivityId = record.ActivityId,
            Computer = record.Computer,
            UserId = record.UserId,
        };

        if (e.Kind == CodeIntegrityEventKind.Signature)
        {
            e.Signatures = [ToSignature(record)];
            return e;
        }

        e.FilePath = Data(record, "File Name", "FileNameBuffer");
        (e.FileVolume, e.FileDisplayPath) = SplitDevicePath(e.FilePath);
        e.FileName = Leaf(e.FilePath);
        e.ProcessPath = Data(record, "Process Name", "ProcessNameBuffer");
        e.ProcessName = Leaf(e.ProcessPath);
        e.RequestedSigningLevel = Int(Data(record, "Requested Signing Level", "RequestedPolicy"));
        e.RequestedSigningLevelName = CodeIntegrityTags.SigningLevel(e.RequestedSigningLevel);
        e.ValidatedSigningLevel = Int(Data(record, "Validated Signing Level", "ValidatedPolicy"));
        e.ValidatedSigningLevelName = CodeIntegrityTags.SigningLevel(e.ValidatedSigningLevel);
        e.Status = Data(record, "Status");
        e.Sha1Hash = Data(record, "SHA1 Hash");
        e.Sha256Hash = Data(record, "SHA256 Hash");
        e.PolicyName = Data(record, "PolicyName", "PolicyNameBuffer");
        e.PolicyIdText = Data(record, "PolicyID", "PolicyIdBuffer");
        e.PolicyGuid = Guid.TryParse(Data(record, "PolicyGUID"), out var guid) ? guid : null;
        e.PolicyHash = Data(record, "PolicyHash");
        e.OriginalFileName = Data(record, "OriginalFileName");
        e.InternalName = Data(record, "InternalName");
        e.FileDescription = Data(record, "FileDescription");
        e.ProductName = Data(record, "ProductName");
        e.FileVersion = Data(record, "FileVersion");
        e.SigningScenario = Int(Data(record, "SI Signing Scenario"));
        e.UserWriteable = Bool(Data(record, "UserWriteable"));
        if (e.Kind == CodeIntegrityEventKind.PolicyActivated && Hex(Data(record, "Options")) is { } options)
        {
            e.PolicyOptionFlags = options;
            e.PolicyOptions = PolicyRuleOptions.Names(options);
        }

        return e;
    }

    private static CodeIntegritySignature ToSignature(WindowsEventRecord record)
    {
        var s = new CodeIntegritySignature
        {
            TotalSignatureCount = Int(Data(record, "TotalSignatureCount")),
            Index = Int(Data(record, "Signature")),
            SignatureType = Int(Data(record, "SignatureType")),
            ValidatedSigningLevel = Int(Data(record, "ValidatedSigningLevel")),
            VerificationError = Int(Data(record, "VerificationError")),
            PublisherName = Data(record, "PublisherName"),
            IssuerName = Data(record, "IssuerName"),
            PublisherTbsHash = Data(record, "PublisherTBSHash"),
            IssuerTbsHash = Data(record, "IssuerTBSHash"),
            NotValidBefore = Time(Data(record, "NotValidBefore")),
            NotValidAfter = Time(Data(record, "NotValidAfter")),
            Hash = Data(record, "Hash"),
        };
        s.SignatureTypeName = CodeIntegrityTags.SignatureType(s.SignatureType);
        s.ValidatedSigningLevelName = CodeIntegrityTags.SigningLevel(s.ValidatedSigningLevel);
        s.VerificationErrorName = CodeIntegrityTags.VerificationError(s.VerificationError);
        return s;
    }

    /// <summary>Gives each block or audit event the signatures of the 3089s of its activity that belong to it.</summary>
    private static void Correlate(List<CodeIntegrityEvent> events)
    {
        foreach (var activity in events.Where(e => e.ActivityId is { } a && a != Guid.Empty).GroupBy(e => e.ActivityId!.Value))
        {
            var ordered = activity.All(e => e.RecordId is not null)
                ? activity.OrderBy(e => e.RecordId).ToList()
                : activity.OrderBy(e => e.TimeCreated ?? DateTimeOffset.MinValue).ToList();
            var owners = new Dictionary<CodeIntegrityEvent, List<CodeIntegritySignature>>();
            var before = new List<CodeIntegritySignature>();
            CodeIntegrityEvent? owner = null;
            CodeIntegrityEvent? first = null;
            foreach (var e in ordered)
            {
                if (e.IsBlocked || e.IsAudit)
                {
                    owner = e;
                    first ??= e;
                    owners[e] = [];
                }
                else if (e.Kind == CodeIntegrityEventKind.Signature)
                {
                    (owner is null ? before : owners[owner]).Add(e.Signatures[0]);
                }
            }

            if (first is not null)
            {
                owners[first].InsertRange(0, before);
            }

            foreach (var pair in owners)
            {
                pair.Key.Signatures = pair.Value
                    .GroupBy(s => (s.Index, s.PublisherName, s.IssuerName, s.Hash))
                    .Select(g => g.First())
                    .OrderBy(s => s.Index ?? int.MaxValue)
                    .ToList();
            }
        }
    }

    private static string? Data(WindowsEventRecord record, params string[] names)
    {
        foreach (var name in names)
        {
            if (record.GetData(name) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    private static string? Leaf(string? path)
    {
        if (path is null)
        {
            return null;
        }

        var slash = path.LastIndexOf('\\');
        return slash < 0 ? path : path.Substring(slash + 1);
    }

    private static int? Int(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static bool? Bool(string? text) =>
        string.Equals(text?.Trim(), "true", StringComparison.OrdinalIgnoreCase) ? true
        : string.Equals(text?.Trim(), "false", StringComparison.OrdinalIgnoreCase) ? false
        : null;

    /// <summary>A number written as <c>0x</c> and hexadecimal digits (3099 Options), or in decimal.</summary>
    private static uint? Hex(string? text)
    {
        var t = text?.Trim();
        if (t is { Length: > 2 } && t.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return uint.TryParse(t.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex) ? hex : null;
        }

        return uint.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static DateTimeOffset? Time(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) ? time : null;
}
