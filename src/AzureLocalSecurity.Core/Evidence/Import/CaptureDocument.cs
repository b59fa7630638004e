using System;
using System.Collections.Generic;
using System.IO;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AzureLocalSecurity.Evidence.Import;

/// <summary>
/// The JSON document the in-box capture script (<see cref="Collection.Remote.CaptureScript"/>) writes: format
/// <c>alsec-capture</c>, version 1 (docs/capture-format.md). Read strictly: one object, bounded in size and depth, dates as
/// the script wrote them (no guessing), every field checked with its JSON path in the error.
/// </summary>
public sealed class CaptureDocument
{
    /// <summary>The value of the document's <c>format</c> property.</summary>
    public const string FormatName = "alsec-capture";

    /// <summary>The format version this module writes (through the script) and reads.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>The longest document read, in characters: a node's capture with its policy files and events is a few MB.</summary>
    public const int MaxCharacters = 128 * 1024 * 1024;

    /// <summary>The deepest JSON nesting read.</summary>
    public const int MaxDepth = 16;

    /// <summary>The most captures a document may hold.</summary>
    public const int MaxCaptures = 20_000;

    private readonly CaptureEntry[] _captures;

    private CaptureDocument(int formatVersion, string scriptVersion, DateTimeOffset capturedAt, CaptureNode node, string edition, string version, CaptureRequest request, CaptureEntry[] captures)
    {
        FormatVersion = formatVersion;
        ScriptVersion = scriptVersion;
        CapturedAt = capturedAt;
        Node = node;
        PowerShellEdition = edition;
        PowerShellVersion = version;
        Request = request;
        _captures = captures;
    }

    /// <summary>The document's format version.</summary>
    public int FormatVersion { get; }

    /// <summary>The version of the script that wrote it.</summary>
    public string ScriptVersion { get; }

    /// <summary>When the script started (UTC).</summary>
    public DateTimeOffset CapturedAt { get; }

    /// <summary>The node block.</summary>
    public CaptureNode Node { get; }

    /// <summary><c>$PSVersionTable.PSEdition</c> (<c>Desktop</c> for Windows PowerShell 5.1, <c>Core</c> for PowerShell 7).</summary>
    public string PowerShellEdition { get; }

    /// <summary><c>$PSVersionTable.PSVersion</c> as text.</summary>
    public string PowerShellVersion { get; }

    /// <summary>What the script was asked to read.</summary>
    public CaptureRequest Request { get; }

    /// <summary>The captures in the order the script made them.</summary>
    public IReadOnlyList<CaptureEntry> Captures => _captures;

    /// <summary>
    /// A document assembled in code from files Windows' own tools wrote (<see cref="EvidenceFileImporter"/>,
    /// the GPO reader): the same entries the script would have written, with <paramref name="sourcePrefix"/> naming where
    /// each came from in the evidence's Source instead of the script.
    /// </summary>
    internal static CaptureDocument Assemble(string sourcePrefix, DateTimeOffset capturedAt, CaptureNode node, CaptureRequest request, IReadOnlyList<(string Name, string Target, string Command, DateTimeOffset CapturedAt, JObject? Data, CaptureEntryError? Error)> entries, string powerShellEdition = "", string powerShellVersion = "")
    {
        var captures = new CaptureEntry[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            captures[i] = new CaptureEntry(i, e.Name, e.Target, e.Command, e.CapturedAt, e.Data, e.Error);
        }

        return new CaptureDocument(CurrentFormatVersion, string.Empty, capturedAt, node, powerShellEdition, powerShellVersion, request, captures) { _sourcePrefix = sourcePrefix };
    }

    /// <summary>What an imported item's Source starts with: <c>capture script &lt;version&gt;</c>, or the files an assembled document came from.</summary>
    internal string SourcePrefix => _sourcePrefix ?? "capture script " + ScriptVersion;

    private string? _sourcePrefix;

    /// <summary>Reads a capture document.</summary>
    /// <exception cref="CaptureFormatException">It is not a version 1 capture document; the message says where and what was expected.</exception>
    public static CaptureDocument Parse(string json)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        if (json.Length > MaxCharacters)
        {
            throw new CaptureFormatException($"The capture document is {json.Length} characters; at most {MaxCharacters} are read.", "$");
        }

        JObject root;
        using (var reader = new JsonTextReader(new StringReader(json))
        {
            MaxDepth = MaxDepth,
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
        })
        {
            try
            {
                root = JToken.ReadFrom(reader) as JObject ?? throw new CaptureFormatException("The capture document is not a JSON object.", "$");
                if (reader.Read())
                {
                    throw new CaptureFormatException("The capture document has data after its end.", reader.Path, reader.LineNumber);
                }
            }
            catch (JsonReaderException ex)
            {
                throw new CaptureFormatException("The capture document is not valid JSON: " + ex.Message, ex.Path, ex.LineNumber, ex);
            }
        }

        var format = root["format"]?.Type == JTokenType.String ? (string)root["format"]! : null;
        if (format != FormatName)
        {
            throw new CaptureFormatException($"The document is not an {FormatName} document (format is {(format is null ? "missing" : "'" + format + "'")}).", "format");
        }

        var version = CaptureJson.Integer(root, "formatVersion", "$");
        if (version != CurrentFormatVersion)
        {
            throw new CaptureFormatException($"The document has format version {version}; this module reads version {CurrentFormatVersion}.", "formatVersion");
        }

        var scriptVersion = CaptureJson.String(root, "scriptVersion", "$");
        var capturedAt = CaptureJson.Time(root, "capturedAt", "$");
        var node = ReadNode(CaptureJson.Object(root["node"], "node"));
        var ps = CaptureJson.Object(root["powerShell"], "powerShell");
        var edition = CaptureJson.String(ps, "edition", "powerShell");
        var psVersion = CaptureJson.String(ps, "version", "powerShell");
        var request = ReadRequest(CaptureJson.Object(root["request"], "request"));
        var array = CaptureJson.Array(root["captures"], "captures");
        if (array.Count > MaxCaptures)
        {
            throw new CaptureFormatException($"The document holds {array.Count} captures; at most {MaxCaptures} are read.", "captures");
        }

        var captures = new CaptureEntry[array.Count];
        for (var i = 0; i < array.Count; i++)
        {
            captures[i] = ReadEntry(i, array[i]);
        }

        return new CaptureDocument((int)version, scriptVersion, capturedAt, node, edition, psVersion, request, captures);
    }

    private static CaptureNode ReadNode(JObject node) => new(
        CaptureJson.String(node, "computerName", "node"),
        CaptureJson.OptionalString(node, "dnsDomain", "node"),
        CaptureJson.OptionalString(node, "osCaption", "node"),
        CaptureJson.OptionalString(node, "osVersion", "node"),
        CaptureJson.OptionalString(node, "osBuild", "node"),
        CaptureJson.OptionalString(node, "osArchitecture", "node"),
        CaptureJson.OptionalString(node, "domain", "node"),
        CaptureJson.OptionalBoolean(node, "partOfDomain", "node"));

    private static CaptureRequest ReadRequest(JObject request)
    {
        var rids = new List<long>();
        var array = CaptureJson.Array(request["builtinRids"], "request.builtinRids");
        for (var i = 0; i < array.Count; i++)
        {
            rids.Add(array[i].Type == JTokenType.Integer ? (long)array[i] : throw CaptureJson.Fail($"request.builtinRids[{i}]", "a whole number", array[i]));
        }

        var since = request["since"] is null || request["since"]!.Type == JTokenType.Null ? (DateTimeOffset?)null : CaptureJson.Time(request, "since", "request");
        var maxEvents = CaptureJson.Integer(request, "maxEvents", "request");
        if (maxEvents < 0 || maxEvents > int.MaxValue)
        {
            throw new CaptureFormatException($"maxEvents is {maxEvents}; a count from 0 was expected.", "request.maxEvents");
        }

        return new CaptureRequest(
            CaptureJson.Strings(request, "registryKeys", "request"),
            CaptureJson.Strings(request, "userRights", "request"),
            rids,
            CaptureJson.OptionalBoolean(request, "accountPolicy", "request") ?? false,
            CaptureJson.OptionalBoolean(request, "auditPolicy", "request") ?? false,
            since,
            (int)maxEvents);
    }

    private static CaptureEntry ReadEntry(int index, JToken token)
    {
        var path = "captures[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
        var entry = CaptureJson.Object(token, path);
        var name = CaptureJson.String(entry, "name", path);
        var target = CaptureJson.OptionalString(entry, "target", path) ?? string.Empty;
        var command = CaptureJson.String(entry, "command", path);
        var capturedAt = CaptureJson.Time(entry, "capturedAt", path);
        var hasData = entry["data"] is { } d && d.Type != JTokenType.Null;
        var hasError = entry["error"] is { } e && e.Type != JTokenType.Null;
        if (hasData == hasError)
        {
            throw new CaptureFormatException("A capture holds either data or an error, exactly one of them.", path);
        }

        if (hasData)
        {
            return new CaptureEntry(index, name, target, command, capturedAt, CaptureJson.Object(entry["data"], path + ".data"), null);
        }

        var error = CaptureJson.Object(entry["error"], path + ".error");
        return new CaptureEntry(index, name, target, command, capturedAt, null, new CaptureEntryError(
            CaptureJson.String(error, "message", path + ".error"),
            CaptureJson.String(error, "type", path + ".error"),
            CaptureJson.OptionalString(error, "code", path + ".error"),
            CaptureJson.OptionalString(error, "category", path + ".error")));
    }
}
