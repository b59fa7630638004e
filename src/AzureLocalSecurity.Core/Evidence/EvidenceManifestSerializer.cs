using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AzureLocalSecurity.Evidence;

/// <summary>
/// Writes and reads the bundle manifest (JSON). Reading is strict: every property is checked for type and
/// range, unknown enum names are refused, and every message names the JSON path that failed.
/// No type names are ever read from the JSON.
/// </summary>
internal static class EvidenceManifestSerializer
{
    internal static byte[] Write(EvidenceBundle bundle, Func<EvidenceItem, string?> dataFileOf)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var w = new JsonTextWriter(text) { Formatting = Formatting.Indented, DateFormatHandling = DateFormatHandling.IsoDateFormat })
        {
            w.WriteStartObject();
            w.WritePropertyName("format");
            w.WriteValue(EvidenceSchema.FormatName);
            w.WritePropertyName("schemaVersion");
            w.WriteValue(bundle.SchemaVersion);
            w.WritePropertyName("capturedAt");
            w.WriteValue(FormatTime(bundle.CapturedAt));
            w.WritePropertyName("module");
            w.WriteStartObject();
            w.WritePropertyName("name");
            w.WriteValue("AzureLocalSecurity");
            w.WritePropertyName("version");
            w.WriteValue(bundle.ModuleVersion);
            w.WriteEndObject();
            w.WritePropertyName("node");
            w.WriteStartObject();
            w.WritePropertyName("name");
            w.WriteValue(bundle.Node.Name);
            w.WritePropertyName("platform");
            w.WriteValue(bundle.Node.Platform.ToString());
            w.WritePropertyName("operatingSystem");
            w.WriteValue(bundle.Node.OperatingSystem);
            w.WritePropertyName("architecture");
            w.WriteValue(bundle.Node.Architecture);
            w.WriteEndObject();
            w.WritePropertyName("items");
            w.WriteStartArray();
            foreach (var item in bundle.Items)
            {
                WriteItem(w, item, dataFileOf(item));
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return new UTF8Encoding(false).GetBytes(text.ToString());
    }

    private static void WriteItem(JsonTextWriter w, EvidenceItem item, string? dataFile)
    {
        w.WriteStartObject();
        w.WritePropertyName("id");
        w.WriteValue(item.Id);
        w.WritePropertyName("kind");
        w.WriteValue(item.Kind.ToString());
        w.WritePropertyName("source");
        w.WriteValue(item.Source);
        w.WritePropertyName("capturedAt");
        w.WriteValue(FormatTime(item.CapturedAt));
        if (item.Error is { } error)
        {
            w.WritePropertyName("error");
            w.WriteStartObject();
            w.WritePropertyName("category");
            w.WriteValue(error.Category.ToString());
            w.WritePropertyName("message");
            w.WriteValue(error.Message);
            if (error.Code is { } code)
            {
                w.WritePropertyName("code");
                w.WriteValue(code);
            }

            w.WriteEndObject();
        }
        else if (item.Registry is { } key)
        {
            w.WritePropertyName("registry");
            w.WriteStartObject();
            w.WritePropertyName("path");
            w.WriteValue(key.Path);
            w.WritePropertyName("values");
            w.WriteStartArray();
            foreach (var v in key.Values)
            {
                w.WriteStartObject();
                w.WritePropertyName("name");
                w.WriteValue(v.Name);
                WriteValueBody(w, v.Value);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WritePropertyName("subKeys");
            w.WriteStartArray();
            foreach (var s in key.SubKeys)
            {
                w.WriteValue(s);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }
        else if (item.Records is { } records)
        {
            w.WritePropertyName("records");
            w.WriteStartArray();
            foreach (var record in records)
            {
                w.WriteStartArray();
                foreach (var p in record.Properties)
                {
                    w.WriteStartObject();
                    w.WritePropertyName("name");
                    w.WriteValue(p.Key);
                    WriteValueBody(w, p.Value);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteEndArray();
        }
        else if (item.RawData is { } data && dataFile is not null)
        {
            w.WritePropertyName("data");
            w.WriteStartObject();
            w.WritePropertyName("file");
            w.WriteValue(dataFile);
            w.WritePropertyName("length");
            w.WriteValue(data.Length);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteValueBody(JsonTextWriter w, EvidenceValue value)
    {
        w.WritePropertyName("kind");
        w.WriteValue(value.Kind.ToString());
        w.WritePropertyName("value");
        switch (value.Value)
        {
            case null:
                w.WriteNull();
                break;
            case string s:
                w.WriteValue(s);
                break;
            case string[] a:
                w.WriteStartArray();
                foreach (var s in a)
                {
                    w.WriteValue(s);
                }

                w.WriteEndArray();
                break;
            case byte[] b:
                w.WriteValue(Convert.ToBase64String(b));
                break;
            case ulong[] u:
                w.WriteStartArray();
                foreach (var x in u)
                {
                    w.WriteValue(x);
                }

                w.WriteEndArray();
                break;
            case DateTime d:
                w.WriteValue(d.ToString("o", CultureInfo.InvariantCulture));
                break;
            case bool b:
                w.WriteValue(b);
                break;
            case uint u:
                w.WriteValue(u);
                break;
            case ulong u:
                w.WriteValue(u);
                break;
            case long l:
                w.WriteValue(l);
                break;
            default:
                throw new InvalidOperationException($"Unexpected evidence value type {value.Value.GetType()}.");
        }
    }

    private static string FormatTime(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Parses manifest bytes. <paramref name="loadData"/> returns the bytes of a data file named in the manifest, checked against the given length.</summary>
    internal static EvidenceBundle Read(byte[] manifest, Func<string, long, string, byte[]> loadData, string location)
    {
        JObject root;
        try
        {
            using var reader = new JsonTextReader(new StreamReader(new MemoryStream(manifest), new UTF8Encoding(false, true)))
            {
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Decimal,
                MaxDepth = EvidenceSchema.MaxJsonDepth,
            };
            var token = JToken.ReadFrom(reader, new JsonLoadSettings { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
            root = token as JObject ?? throw Damaged(location, "$", "the manifest is not a JSON object");
            if (reader.Read())
            {
                throw Damaged(location, "$", "the manifest has content after its closing brace");
            }
        }
        catch (JsonException ex)
        {
            throw new EvidenceFormatException(EvidenceFormatError.Damaged, $"Evidence bundle '{location}': {EvidenceSchema.ManifestFileName} is not valid JSON: {ex.Message}", ex);
        }
        catch (DecoderFallbackException ex)
        {
            throw new EvidenceFormatException(EvidenceFormatError.Damaged, $"Evidence bundle '{location}': {EvidenceSchema.ManifestFileName} is not valid UTF-8.", ex);
        }

        var ctx = new ReadContext(location);
        var format = ctx.String(root, "format");
        if (!string.Equals(format, EvidenceSchema.FormatName, StringComparison.Ordinal))
        {
            throw Damaged(location, "$.format", $"expected '{EvidenceSchema.FormatName}', found '{format}'");
        }

        var schema = ctx.Int64(root, "schemaVersion");
        var moduleObj = ctx.Object(root, "module");
        var moduleVersion = ctx.String(moduleObj, "version");
        if (schema > EvidenceSchema.CurrentVersion)
        {
            throw new EvidenceFormatException(
                EvidenceFormatError.UnsupportedSchema,
                $"Evidence bundle '{location}' uses schema version {schema} (written by AzureLocalSecurity {moduleVersion}); this module reads schema versions up to {EvidenceSchema.CurrentVersion}. Update AzureLocalSecurity to read it.");
        }

        if (schema < 1)
        {
            throw Damaged(location, "$.schemaVersion", $"schema version {schema} is not valid");
        }

        var capturedAt = ctx.Time(root, "capturedAt");
        var nodeObj = ctx.Object(root, "node");
        var node = new NodeIdentity(
            ctx.String(nodeObj, "name"),
            ctx.Enum<NodePlatform>(nodeObj, "platform"),
            ctx.String(nodeObj, "operatingSystem"),
            ctx.String(nodeObj, "architecture"));

        var itemsArray = ctx.Array(root, "items");
        var items = new List<EvidenceItem>(itemsArray.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in itemsArray)
        {
            var item = ReadItem(ctx, token as JObject ?? throw ctx.Fail(token, "an item is not an object"), loadData);
            if (!ids.Add(item.Id))
            {
                throw ctx.Fail(token, $"evidence id '{item.Id}' appears more than once");
            }

            items.Add(item);
        }

        return new EvidenceBundle((int)schema, node, capturedAt, moduleVersion, items, location);
    }

    private static EvidenceItem ReadItem(ReadContext ctx, JObject o, Func<string, long, string, byte[]> loadData)
    {
        var id = ctx.String(o, "id");
        if (id.Length == 0)
        {
            throw ctx.Fail(o, "an item has an empty id");
        }

        var kind = ctx.Enum<EvidenceKind>(o, "kind");
        var source = ctx.String(o, "source");
        var time = ctx.Time(o, "capturedAt");
        if (o["error"] is JObject err)
        {
            var code = err["code"] is null || err["code"]!.Type == JTokenType.Null ? (long?)null : ctx.Int64(err, "code");
            return EvidenceItem.ForError(id, kind, source, time, new EvidenceError(ctx.Enum<EvidenceErrorCategory>(err, "category"), ctx.String(err, "message"), code));
        }

        switch (kind)
        {
            case EvidenceKind.Registry:
                {
                    var reg = ctx.Object(o, "registry");
                    var values = new List<RegistryValueEvidence>();
                    foreach (var v in ctx.Array(reg, "values"))
                    {
                        var vo = v as JObject ?? throw ctx.Fail(v, "a registry value is not an object");
                        values.Add(new RegistryValueEvidence(ctx.String(vo, "name"), ReadValue(ctx, vo)));
                    }

                    var subKeys = ctx.Array(reg, "subKeys").Select(s => s.Type == JTokenType.String ? (string)s! : throw ctx.Fail(s, "a subkey name is not a string")).ToList();
                    try
                    {
                        return EvidenceItem.ForRegistry(id, source, time, new RegistryKeyEvidence(ctx.String(reg, "path"), values, subKeys));
                    }
                    catch (ArgumentException ex)
                    {
                        throw ctx.Fail(reg, ex.Message);
                    }
                }

            case EvidenceKind.Properties:
                {
                    var records = new List<EvidenceRecord>();
                    foreach (var r in ctx.Array(o, "records"))
                    {
                        var props = r as JArray ?? throw ctx.Fail(r, "a record is not an array");
                        var list = new List<KeyValuePair<string, EvidenceValue>>(props.Count);
                        foreach (var p in props)
                        {
                            var po = p as JObject ?? throw ctx.Fail(p, "a property is not an object");
                            list.Add(new KeyValuePair<string, EvidenceValue>(ctx.String(po, "name"), ReadValue(ctx, po)));
                        }

                        try
                        {
                            records.Add(new EvidenceRecord(list));
                        }
                        catch (ArgumentException ex)
                        {
                            throw ctx.Fail(r, ex.Message);
                        }
                    }

                    return EvidenceItem.ForRecords(id, source, time, records);
                }

            default:
                {
                    var data = ctx.Object(o, "data");
                    var file = ctx.String(data, "file");
                    var length = ctx.Int64(data, "length");
                    if (length < 0 || length > EvidenceSchema.MaxDataFileBytes)
                    {
                        throw new EvidenceFormatException(EvidenceFormatError.TooLarge, $"Evidence bundle '{ctx.Location}': {data.Path}.length {length} is outside 0..{EvidenceSchema.MaxDataFileBytes}.");
                    }

                    var bytes = loadData(file, length, data.Path);
                    return kind == EvidenceKind.Blob
                        ? EvidenceItem.ForBlob(id, source, time, bytes)
                        : EvidenceItem.ForText(id, source, time, DecodeText(ctx, data, bytes));
                }
        }
    }

    private static string DecodeText(ReadContext ctx, JToken at, byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw ctx.Fail(at, "a Text item's data is not valid UTF-8");
        }
    }

    private static EvidenceValue ReadValue(ReadContext ctx, JObject o)
    {
        var kind = ctx.Enum<EvidenceValueKind>(o, "kind");
        var v = o["value"] ?? throw ctx.Fail(o, "property 'value' is missing");
        switch (kind)
        {
            case EvidenceValueKind.Null:
                return v.Type == JTokenType.Null ? EvidenceValue.Null : throw ctx.Fail(v, "a Null value must be null");
            case EvidenceValueKind.String:
                return EvidenceValue.FromString(ctx.AsString(v));
            case EvidenceValueKind.ExpandString:
                return EvidenceValue.FromExpandString(ctx.AsString(v));
            case EvidenceValueKind.MultiString:
                return EvidenceValue.FromMultiString((v as JArray ?? throw ctx.Fail(v, "expected an array of strings")).Select(ctx.AsString));
            case EvidenceValueKind.Binary:
                try
                {
                    return EvidenceValue.FromBinary(Convert.FromBase64String(ctx.AsString(v)));
                }
                catch (FormatException)
                {
                    throw ctx.Fail(v, "a Binary value is not valid base64");
                }

            case EvidenceValueKind.DWord:
                return EvidenceValue.FromDWord((uint)ctx.AsInteger(v, uint.MinValue, uint.MaxValue));
            case EvidenceValueKind.QWord:
                return EvidenceValue.FromQWord((ulong)ctx.AsInteger(v, ulong.MinValue, ulong.MaxValue));
            case EvidenceValueKind.Boolean:
                return v.Type == JTokenType.Boolean ? EvidenceValue.FromBoolean((bool)v) : throw ctx.Fail(v, "expected true or false");
            case EvidenceValueKind.Int64:
                return EvidenceValue.FromInt64((long)ctx.AsInteger(v, long.MinValue, long.MaxValue));
            case EvidenceValueKind.UInt64:
                return EvidenceValue.FromUInt64((ulong)ctx.AsInteger(v, ulong.MinValue, ulong.MaxValue));
            case EvidenceValueKind.UInt64Array:
                return EvidenceValue.FromUInt64Array((v as JArray ?? throw ctx.Fail(v, "expected an array of integers")).Select(x => (ulong)ctx.AsInteger(x, ulong.MinValue, ulong.MaxValue)));
            case EvidenceValueKind.DateTime:
                return EvidenceValue.FromDateTime(ctx.ParseTime(v).UtcDateTime);
            default:
                throw ctx.Fail(o, $"value kind '{kind}' is not known");
        }
    }

    private static EvidenceFormatException Damaged(string location, string path, string what) =>
        new(EvidenceFormatError.Damaged, $"Evidence bundle '{location}': {EvidenceSchema.ManifestFileName} at {path}: {what}.");

    private sealed class ReadContext
    {
        public ReadContext(string location) => Location = location;

        public string Location { get; }

        public EvidenceFormatException Fail(JToken at, string what) => Damaged(Location, string.IsNullOrEmpty(at.Path) ? "$" : "$." + at.Path, what);

        public JToken Required(JObject o, string name) => o[name] is { } t && t.Type != JTokenType.Null ? t : throw Fail(o, $"property '{name}' is missing");

        public string String(JObject o, string name) => AsString(Required(o, name));

        public string AsString(JToken t) => t.Type == JTokenType.String ? (string)t! : throw Fail(t, "expected a string");

        public JObject Object(JObject o, string name) => Required(o, name) as JObject ?? throw Fail(o[name]!, "expected an object");

        public JArray Array(JObject o, string name) => Required(o, name) as JArray ?? throw Fail(o[name]!, "expected an array");

        public long Int64(JObject o, string name) => (long)AsInteger(Required(o, name), long.MinValue, long.MaxValue);

        public BigInteger AsInteger(JToken t, BigInteger min, BigInteger max)
        {
            if (t is not JValue { Type: JTokenType.Integer } jv)
            {
                throw Fail(t, "expected an integer");
            }

            var n = jv.Value is BigInteger big ? big : new BigInteger(Convert.ToDecimal(jv.Value, CultureInfo.InvariantCulture));
            return n < min || n > max ? throw Fail(t, $"integer {n} is outside {min}..{max}") : n;
        }

        public TEnum Enum<TEnum>(JObject o, string name)
            where TEnum : struct
        {
            var t = Required(o, name);
            var s = AsString(t);
            // Names only: a number would slip through Enum.TryParse and mean nothing to a reader.
            if (s.Length == 0 || char.IsDigit(s[0]) || s[0] == '-' || !System.Enum.TryParse<TEnum>(s, false, out var value) || !System.Enum.IsDefined(typeof(TEnum), value))
            {
                throw Fail(t, $"'{s}' is not a known {typeof(TEnum).Name}");
            }

            return value;
        }

        public DateTimeOffset Time(JObject o, string name) => ParseTime(Required(o, name));

        public DateTimeOffset ParseTime(JToken t) =>
            DateTimeOffset.TryParse(AsString(t), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
                ? time
                : throw Fail(t, "expected an ISO 8601 time");
    }
}
