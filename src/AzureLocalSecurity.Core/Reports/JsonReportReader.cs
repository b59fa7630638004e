using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using AzureLocalSecurity.Results;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AzureLocalSecurity.Reports;

/// <summary>
/// Reads a JSON report (<see cref="JsonReportWriter"/>) back into results. Any schema version 1 document is read
/// (properties it does not know are ignored, as the versioning rule allows); another major version is refused.
/// The summary is not read: it is recomputed from the results whenever a report is written again.
/// </summary>
public static class JsonReportReader
{
    private static readonly Dictionary<string, CheckStatus> StatusNames = Names<CheckStatus>();
    private static readonly Dictionary<string, Severity> SeverityNames = Names<Severity>();

    /// <summary>
    /// The largest report read, in bytes of the file (or characters of a <see cref="TextReader"/>): 128 MiB. A report of
    /// 16 nodes of the recorded Azure Local node's posture (506 results each) is 5.9 MB, about 730 bytes a result, so the
    /// limit holds some 180,000 results (about 360 such nodes) while the parsed document stays within a workstation's memory.
    /// </summary>
    public const long MaxFileBytes = 128L * 1024 * 1024;

    /// <summary>Reads the report file at <paramref name="path"/> (UTF-8, or the encoding its byte order mark names). A file over <see cref="MaxFileBytes"/> is refused before it is opened.</summary>
    /// <exception cref="ReportFormatException">The file is too large (<see cref="ReportFormatException.TooLarge"/>) or not a report this module can read.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static SecurityReport ReadFile(string path)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        var length = new FileInfo(path).Length;
        if (length > MaxFileBytes)
        {
            throw TooLarge($"The file is {length} bytes; reports of at most {MaxFileBytes} bytes are read.");
        }

        using var reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return Read(reader);
    }

    /// <summary>Reads a report. Throws <see cref="ReportFormatException"/> naming the JSON path when the document is not a report this module can read, or is longer than <see cref="MaxFileBytes"/> characters.</summary>
    public static SecurityReport Read(TextReader reader)
    {
        if (reader is null)
        {
            throw new ArgumentNullException(nameof(reader));
        }

        JToken root;
        try
        {
            using var json = new JsonTextReader(new BoundedReader(reader, MaxFileBytes)) { DateParseHandling = DateParseHandling.None, MaxDepth = 64, CloseInput = false };
            root = JToken.ReadFrom(json);
            if (json.Read())
            {
                throw new ReportFormatException($"Unexpected content after the report at line {json.LineNumber}, position {json.LinePosition}.");
            }
        }
        catch (JsonException ex)
        {
            throw new ReportFormatException("The file is not JSON: " + ex.Message, ex);
        }

        if (root is not JObject document)
        {
            throw new ReportFormatException("The document is not a JSON object, so not a report.");
        }

        var version = document["schemaVersion"];
        if (version is null || version.Type != JTokenType.Integer)
        {
            throw new ReportFormatException("The document has no integer 'schemaVersion': it is not an AzureLocalSecurity report.");
        }

        if (version.Value<long>() != JsonReportWriter.SchemaVersion)
        {
            throw new ReportFormatException(
                $"The report is of schema version {version.Value<long>()}; this module reads version {JsonReportWriter.SchemaVersion}. Use a module version that writes it.",
                unsupportedVersion: true);
        }

        var schema = RequiredString(document, "schema");
        if (!schema.StartsWith(JsonReportWriter.SchemaUri.Substring(0, JsonReportWriter.SchemaUri.LastIndexOf('/') + 1) + "1.", StringComparison.Ordinal))
        {
            throw new ReportFormatException($"'schema' is '{schema}', not an AzureLocalSecurity report schema of version 1.");
        }

        var generatedText = RequiredString(document, "generatedAt");
        if (!DateTimeOffset.TryParse(generatedText, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var generatedAt))
        {
            throw new ReportFormatException($"'generatedAt' is '{generatedText}', not a date and time.");
        }

        if (document["results"] is not JArray results)
        {
            throw new ReportFormatException("'results' is missing or not an array.");
        }

        var list = new List<SecurityCheckResult>(results.Count);
        foreach (var item in results)
        {
            list.Add(ReadResult(item));
        }

        return new SecurityReport(RequiredString(document, "title"), generatedAt, RequiredString(document, "moduleVersion"), list);
    }

    private static SecurityCheckResult ReadResult(JToken item)
    {
        if (item is not JObject result)
        {
            throw new ReportFormatException($"{item.Path} is not an object.");
        }

        var status = Enum(result, "status", StatusNames);
        var severity = Enum(result, "severity", SeverityNames);
        var references = new List<string>();
        var refs = result["references"];
        if (refs is not null && refs.Type != JTokenType.Null)
        {
            if (refs is not JArray array)
            {
                throw new ReportFormatException($"{refs.Path} is not an array.");
            }

            foreach (var reference in array)
            {
                references.Add(reference.Type == JTokenType.String ? reference.Value<string>()! : throw new ReportFormatException($"{reference.Path} is not a string."));
            }
        }

        try
        {
            return new SecurityCheckResult(
                RequiredString(result, "id"),
                RequiredString(result, "title"),
                RequiredString(result, "area"),
                status,
                severity,
                OptionalString(result, "expected"),
                OptionalString(result, "actual"),
                OptionalString(result, "source"),
                OptionalString(result, "reason"),
                OptionalString(result, "remediation"),
                references,
                RequiredString(result, "nodeName"));
        }
        catch (ArgumentException ex)
        {
            throw new ReportFormatException($"{result.Path} is not a valid result: {ex.Message}", ex);
        }
    }

    private static T Enum<T>(JObject owner, string name, Dictionary<string, T> names)
    {
        var text = RequiredString(owner, name);
        return names.TryGetValue(text, out var value)
            ? value
            : throw new ReportFormatException($"{Path(owner, name)} is '{text}', which is none of {string.Join(", ", names.Keys)}.");
    }

    private static string RequiredString(JObject owner, string name) =>
        owner[name] is { Type: JTokenType.String } token
            ? token.Value<string>()!
            : throw new ReportFormatException($"{Path(owner, name)} is missing or not a string.");

    private static string? OptionalString(JObject owner, string name) => owner[name] switch
    {
        null => null,
        { Type: JTokenType.Null } => null,
        { Type: JTokenType.String } token => token.Value<string>(),
        _ => throw new ReportFormatException($"{Path(owner, name)} is not a string."),
    };

    private static string Path(JObject owner, string name) => owner.Path.Length == 0 ? name : owner.Path + "." + name;

    private static Dictionary<string, T> Names<T>()
        where T : struct
    {
        var names = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (T value in System.Enum.GetValues(typeof(T)))
        {
            names.Add(value.ToString()!, value);
        }

        return names;
    }

    private static ReportFormatException TooLarge(string message) => new(message, unsupportedVersion: false, tooLarge: true);

    /// <summary>A reader that fails once more than its limit of characters has been read through it.</summary>
    private sealed class BoundedReader : TextReader
    {
        [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2213:Disposable fields should be disposed", Justification = "The caller's reader: Read(TextReader) borrows it (CloseInput = false) and the caller disposes it.")]
        private readonly TextReader _inner;
        private readonly long _limit;
        private long _read;

        internal BoundedReader(TextReader inner, long limit)
        {
            _inner = inner;
            _limit = limit;
        }

        public override int Peek() => _inner.Peek();

        public override int Read()
        {
            var c = _inner.Read();
            if (c >= 0)
            {
                Count(1);
            }

            return c;
        }

        public override int Read(char[] buffer, int index, int count) => Count(_inner.Read(buffer, index, count));

        private int Count(int n)
        {
            _read += n;
            if (_read > _limit)
            {
                throw TooLarge($"The report is longer than {_limit} characters; reports of at most {_limit} bytes are read.");
            }

            return n;
        }
    }
}
