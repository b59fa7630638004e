using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Baseline.Facts;
using Newtonsoft.Json.Linq;

namespace AzureLocalSecurity.Baseline.Repair;

/// <summary>A <see cref="FactValue"/> as JSON, exactly: <c>{"kind":"Number","value":1}</c>; binary in base64; absent as kind Absent.</summary>
internal static class FactValueJson
{
    internal static JObject ToJson(FactValue value) => value.Kind switch
    {
        FactValueKind.Absent => new JObject { ["kind"] = "Absent" },
        FactValueKind.Number => new JObject { ["kind"] = "Number", ["value"] = value.Number!.Value },
        FactValueKind.Text => new JObject { ["kind"] = "Text", ["value"] = value.Text },
        FactValueKind.TextList => new JObject { ["kind"] = "TextList", ["value"] = new JArray(value.Items) },
        FactValueKind.SidList => new JObject { ["kind"] = "SidList", ["value"] = new JArray(value.Items) },
        FactValueKind.Binary => new JObject { ["kind"] = "Binary", ["value"] = Convert.ToBase64String(value.Bytes.ToArray()) },
        FactValueKind.KeyValues => new JObject { ["kind"] = "KeyValues", ["value"] = new JArray(value.Pairs.Select(p => new JArray(p.Key, p.Value))) },
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    internal static FactValue FromJson(JToken? token)
    {
        var o = token as JObject ?? throw new FormatException("A value is not a JSON object.");
        var kind = o["kind"]?.Type == JTokenType.String ? (string)o["kind"]! : throw new FormatException("A value has no kind.");
        var v = o["value"];
        return kind switch
        {
            "Absent" => FactValue.Absent,
            "Number" when v?.Type == JTokenType.Integer => FactValue.FromNumber((long)v),
            "Text" when v?.Type == JTokenType.String => FactValue.FromText((string)v!),
            "TextList" when v is JArray a => FactValue.FromTextList(Strings(a)),
            "SidList" when v is JArray a => FactValue.FromSids(Strings(a)),
            "Binary" when v?.Type == JTokenType.String => FactValue.FromBinary(Convert.FromBase64String((string)v!)),
            "KeyValues" when v is JArray a => FactValue.FromPairs(a.Select(Pair)),
            _ => throw new FormatException($"A value of kind '{kind}' is malformed."),
        };
    }

    private static List<string> Strings(JArray a) =>
        a.Select(t => t.Type == JTokenType.String ? (string)t! : throw new FormatException("A list holds something other than strings.")).ToList();

    private static KeyValuePair<string, string> Pair(JToken t) =>
        t is JArray p && p.Count == 2 && p[0].Type == JTokenType.String && p[1].Type == JTokenType.String
            ? new KeyValuePair<string, string>((string)p[0]!, (string)p[1]!)
            : throw new FormatException("A key-value pair is malformed.");
}
