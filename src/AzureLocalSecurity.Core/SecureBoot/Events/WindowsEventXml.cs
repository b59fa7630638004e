using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Xml;
using AzureLocalSecurity.Evidence.Events;

namespace AzureLocalSecurity.SecureBoot.Events;

/// <summary>
/// Reads Windows event XML (schema <c>http://schemas.microsoft.com/win/2004/08/events/event</c>): one <c>&lt;Event&gt;</c>,
/// several one after another (what <c>wevtutil qe &lt;log&gt; /f:xml</c> prints and what concatenated
/// <c>EventRecord.ToXml()</c> strings are), or an <c>&lt;Events&gt;</c> wrapper around them. Pure and bounded: no DTD, no
/// entity, no external resource, at most <see cref="MaxCharacters"/> characters, <see cref="MaxEvents"/> events and
/// <see cref="MaxDepth"/> levels of elements; anything else ends in <see cref="WindowsEventFormatException"/>.
/// </summary>
public static class WindowsEventXml
{
    /// <summary>The namespace of the event schema.</summary>
    public const string EventNamespace = "http://schemas.microsoft.com/win/2004/08/events/event";

    /// <summary>The most characters a text may have (64 Mi).</summary>
    public const int MaxCharacters = 64 * 1024 * 1024;

    /// <summary>The most events a text may hold.</summary>
    public const int MaxEvents = 100_000;

    /// <summary>
    /// The deepest node (element or text) allowed, counted from 0 at the top: the text of Events/Event/UserData/Item/Field
    /// is at 5, and no event Windows writes comes near 32. The limit keeps a pathological nesting, even inside an element
    /// that is passed over, from costing more than an event can need.
    /// </summary>
    public const int MaxDepth = 32;

    // SystemTime as Windows writes it: UTC with 'Z', seconds, and none to seven digits of fraction (more are cut to seven).
    private static readonly string[] TimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.f'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.ff'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.fff'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.ffff'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.fffff'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'",
    ];

    /// <summary>
    /// Reads every event in <paramref name="xml"/>, in the order they appear. Empty or blank text holds no event; a leading
    /// byte order mark, an XML declaration and comments are passed over.
    /// </summary>
    /// <exception cref="WindowsEventFormatException">The text is not Windows event XML, or it is larger than the limits.</exception>
    public static IReadOnlyList<WindowsEventRecord> Parse(string xml) => Parse(xml, MaxCharacters, MaxEvents);

    /// <summary>The same with other limits, so that tests reach them without 64 Mi characters.</summary>
    internal static IReadOnlyList<WindowsEventRecord> Parse(string xml, int maxCharacters, int maxEvents)
    {
        if (xml is null)
        {
            throw new ArgumentNullException(nameof(xml));
        }

        if (xml.Length > maxCharacters)
        {
            throw new WindowsEventFormatException(string.Format(CultureInfo.InvariantCulture, "the text has {0} characters, more than the {1} allowed", xml.Length, maxCharacters), 0, 0);
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            ConformanceLevel = ConformanceLevel.Fragment,
            MaxCharactersInDocument = maxCharacters,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };

        var events = new List<WindowsEventRecord>();

        // A byte order mark kept by a UTF-8 decode (a file saved with one) is not text outside an event.
        using var text = new StringReader(xml);
        if (text.Peek() == '\uFEFF')
        {
            _ = text.Read();
        }

        using var reader = XmlReader.Create(text, settings);
        try
        {
            ReadTop(reader, events, maxEvents);
        }
        catch (XmlException ex)
        {
            throw new WindowsEventFormatException(ex.Message, ex.LineNumber, ex.LinePosition, ex);
        }

        return events;
    }

    private static void ReadTop(XmlReader reader, List<WindowsEventRecord> events, int maxEvents)
    {
        var inWrapper = false;
        while (Next(reader))
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.LocalName == "Event" && reader.Depth == (inWrapper ? 1 : 0):
                    if (reader.NamespaceURI != EventNamespace)
                    {
                        throw Fail(reader, $"an Event element of namespace '{reader.NamespaceURI}', not {EventNamespace}");
                    }

                    if (events.Count == maxEvents)
                    {
                        throw Fail(reader, string.Format(CultureInfo.InvariantCulture, "more than {0} events", maxEvents));
                    }

                    events.Add(ReadEvent(reader));
                    break;
                case XmlNodeType.Element when reader.LocalName == "Events" && reader.Depth == 0 && reader.NamespaceURI is "" or EventNamespace:
                    // wevtutil /e:Events wraps the events in an element of no namespace; accept the schema's too.
                    inWrapper = !reader.IsEmptyElement;
                    break;
                case XmlNodeType.EndElement:
                    inWrapper = false;
                    break;
                case XmlNodeType.Element:
                    throw Fail(reader, $"an element '{reader.Name}' where an Event belongs");
                case XmlNodeType.Text or XmlNodeType.CDATA:
                    throw Fail(reader, "text outside an event");
                default:
                    // Whitespace between events, and the XML declaration.
                    break;
            }
        }
    }

    private static WindowsEventRecord ReadEvent(XmlReader reader)
    {
        var record = new WindowsEventRecord();
        var data = new Dictionary<string, string?>(StringComparer.Ordinal);
        var unnamed = new List<string?>();
        var eventId = (int?)null;
        var (line, position) = Where(reader);
        if (!reader.IsEmptyElement)
        {
            var depth = reader.Depth;
            while (Next(reader) && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
            {
                if (reader.NodeType != XmlNodeType.Element || reader.Depth != depth + 1 || reader.NamespaceURI != EventNamespace)
                {
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "System":
                        eventId ??= ReadSystem(reader, record);
                        break;
                    case "EventData":
                        ReadEventData(reader, data, unnamed);
                        break;
                    case "UserData":
                        ReadUserData(reader, data);
                        break;
                    default:
                        // RenderingInfo (the localized message) and anything else: read past, never used.
                        SkipElement(reader);
                        break;
                }
            }
        }

        record.EventId = eventId ?? throw new WindowsEventFormatException("the event has no System/EventID that is a number", line, position);
        record.Data = data;
        record.UnnamedData = unnamed;
        return record;
    }

    /// <summary>Fills the header fields from System and returns the EventID (null when it is missing or not a number).</summary>
    private static int? ReadSystem(XmlReader reader, WindowsEventRecord record)
    {
        int? eventId = null;
        if (reader.IsEmptyElement)
        {
            return null;
        }

        var depth = reader.Depth;
        while (Next(reader) && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element || reader.Depth != depth + 1 || reader.NamespaceURI != EventNamespace)
            {
                continue;
            }

            switch (reader.LocalName)
            {
                case "Provider":
                    record.ProviderName ??= reader.GetAttribute("Name");
                    record.ProviderGuid ??= ToGuid(reader.GetAttribute("Guid"));
                    SkipElement(reader);
                    break;
                case "EventID":
                    record.Qualifiers ??= ToInt(reader.GetAttribute("Qualifiers"));
                    eventId ??= ToInt(ReadText(reader));
                    break;
                case "Version":
                    record.Version ??= ToInt(ReadText(reader));
                    break;
                case "Level":
                    record.Level ??= ToInt(ReadText(reader));
                    break;
                case "Task":
                    record.Task ??= ToInt(ReadText(reader));
                    break;
                case "Opcode":
                    record.Opcode ??= ToInt(ReadText(reader));
                    break;
                case "Keywords":
                    record.Keywords ??= ToKeywords(ReadText(reader));
                    break;
                case "TimeCreated":
                    record.TimeCreated ??= ToTime(reader.GetAttribute("SystemTime"));
                    SkipElement(reader);
                    break;
                case "EventRecordID":
                    record.RecordId ??= long.TryParse(ReadText(reader), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
                    break;
                case "Correlation":
                    record.ActivityId ??= ToGuid(reader.GetAttribute("ActivityID"));
                    SkipElement(reader);
                    break;
                case "Channel":
                    record.Channel ??= ReadText(reader);
                    break;
                case "Computer":
                    record.Computer ??= ReadText(reader);
                    break;
                case "Security":
                    record.UserId ??= reader.GetAttribute("UserID");
                    SkipElement(reader);
                    break;
                default:
                    SkipElement(reader);
                    break;
            }
        }

        return eventId;
    }

    private static void ReadEventData(XmlReader reader, Dictionary<string, string?> data, List<string?> unnamed)
    {
        if (reader.IsEmptyElement)
        {
            return;
        }

        var depth = reader.Depth;
        while (Next(reader) && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element || reader.Depth != depth + 1)
            {
                continue;
            }

            if (reader.LocalName != "Data" || reader.NamespaceURI != EventNamespace)
            {
                // Binary (the raw bytes some classic sources add) and anything else.
                SkipElement(reader);
                continue;
            }

            var name = reader.GetAttribute("Name");
            var value = ReadText(reader);
            if (name is null)
            {
                unnamed.Add(value);
            }
            else if (!data.ContainsKey(name))
            {
                data.Add(name, value);
            }
        }
    }

    /// <summary>UserData holds one element of the provider's own schema; its children are the event's data, by their names.</summary>
    private static void ReadUserData(XmlReader reader, Dictionary<string, string?> data)
    {
        if (reader.IsEmptyElement)
        {
            return;
        }

        var depth = reader.Depth;
        var seen = false;
        while (Next(reader) && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.Depth == depth + 1)
            {
                if (seen)
                {
                    SkipElement(reader);
                }

                seen = true;
                continue;
            }

            if (reader.Depth == depth + 2)
            {
                var name = reader.LocalName;
                var value = ReadText(reader);
                if (!data.ContainsKey(name))
                {
                    data.Add(name, value);
                }
            }
        }
    }

    /// <summary>The text inside the element the reader is on (its descendants' too), or null when it has none; the reader ends on its end.</summary>
    private static string? ReadText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return null;
        }

        var depth = reader.Depth;
        StringBuilder? text = null;
        while (Next(reader) && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                (text ??= new StringBuilder()).Append(reader.Value);
            }
        }

        return text?.ToString();
    }

    /// <summary>Reads past the element the reader is on, through <see cref="Next"/> so that the depth limit holds here too.</summary>
    private static void SkipElement(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return;
        }

        var depth = reader.Depth;
        while (Next(reader) && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
        }
    }

    /// <summary>Every read goes through here: false at the end of the text, and the depth limit enforced.</summary>
    private static bool Next(XmlReader reader)
    {
        if (!reader.Read())
        {
            return false;
        }

        if (reader.Depth > MaxDepth)
        {
            throw Fail(reader, string.Format(CultureInfo.InvariantCulture, "elements nested deeper than {0} levels", MaxDepth));
        }

        return true;
    }

    private static int? ToInt(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>Keywords are written as <c>0x</c> and hexadecimal digits; plain decimal is read too.</summary>
    private static ulong? ToKeywords(string? text)
    {
        if (text is { Length: > 2 } && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return ulong.TryParse(text.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex) ? hex : null;
        }

        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static Guid? ToGuid(string? text) => Guid.TryParse(text, out var guid) ? guid : null;

    private static DateTimeOffset? ToTime(string? text)
    {
        // Some Windows builds write nine digits of fraction (".649999200Z"); ticks hold seven, so the rest is dropped.
        if (text is { Length: > 28 } && text[19] == '.' && text[text.Length - 1] == 'Z' && text.Length <= 40)
        {
            var digits = text.Length - 21;
            var all = true;
            for (var i = 20; i < text.Length - 1; i++)
            {
                all &= text[i] >= '0' && text[i] <= '9';
            }

            if (all && digits > 7)
            {
                text = text.Substring(0, 27) + "Z";
            }
        }

        return DateTimeOffset.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) ? time : null;
    }

    private static (int Line, int Position) Where(XmlReader reader) =>
        reader is IXmlLineInfo info && info.HasLineInfo() ? (info.LineNumber, info.LinePosition) : (0, 0);

    private static WindowsEventFormatException Fail(XmlReader reader, string problem)
    {
        var (line, position) = Where(reader);
        return new WindowsEventFormatException(problem, line, position);
    }
}
