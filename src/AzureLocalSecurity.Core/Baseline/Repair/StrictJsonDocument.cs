using System;
using System.IO;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AzureLocalSecurity.Baseline.Repair;

/// <summary>
/// The shared front of the module's own JSON records (undo records, snapshots): strict UTF-8, bounded depth, no
/// date or float guessing, one object and nothing after it, the expected kind and schema. Problems go through
/// <c>fail</c> so each record keeps its own exception type; Newtonsoft's own exceptions are the caller's to wrap.
/// </summary>
internal static class StrictJsonDocument
{
    internal static JObject ReadRoot(byte[] data, string kind, int schemaVersion, string what, Func<string, Exception> fail)
    {
        using var reader = new JsonTextReader(new StreamReader(new MemoryStream(data), new UTF8Encoding(false, true)))
        {
            MaxDepth = 16,
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
        };
        var root = JToken.ReadFrom(reader) as JObject ?? throw fail($"The {what} is not a JSON object.");
        if (reader.Read())
        {
            throw fail($"The {what} has data after its end.");
        }

        if ((string?)root["kind"] != kind)
        {
            throw fail($"The file is not an AzureLocalSecurity baseline {what}.");
        }

        var schema = root["schema"]?.Type == JTokenType.Integer ? (int)root["schema"]! : -1;
        if (schema != schemaVersion)
        {
            throw fail($"The {what} has schema {schema}; this module reads schema {schemaVersion}.");
        }

        return root;
    }
}
