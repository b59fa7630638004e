using System;
using System.Collections.Generic;
using System.Globalization;
using Newtonsoft.Json.Linq;

namespace AzureLocalSecurity.Evidence.Import;

/// <summary>Typed reads from the capture document's JSON, each failing with the JSON path and what was expected.</summary>
internal static class CaptureJson
{
    internal static JObject Object(JToken? token, string path) =>
        token as JObject ?? throw Fail(path, "an object", token);

    internal static JArray Array(JToken? token, string path) =>
        token as JArray ?? throw Fail(path, "an array", token);

    internal static string String(JObject parent, string name, string path)
    {
        var token = parent[name];
        return token?.Type == JTokenType.String ? (string)token! : throw Fail(path + "." + name, "a string", token);
    }

    internal static string? OptionalString(JObject parent, string name, string path)
    {
        var token = parent[name];
        return token is null || token.Type == JTokenType.Null ? null : String(parent, name, path);
    }

    internal static bool? OptionalBoolean(JObject parent, string name, string path)
    {
        var token = parent[name];
        return token is null || token.Type == JTokenType.Null ? null
            : token.Type == JTokenType.Boolean ? (bool)token : throw Fail(path + "." + name, "true or false", token);
    }

    internal static long Integer(JObject parent, string name, string path)
    {
        var token = parent[name];
        return token?.Type == JTokenType.Integer ? (long)token! : throw Fail(path + "." + name, "a whole number", token);
    }

    internal static DateTimeOffset Time(JObject parent, string name, string path)
    {
        var text = String(parent, name, path);
        return DateTimeOffset.TryParseExact(text, ["yyyy-MM-ddTHH:mm:ss.FFFFFFFK", "yyyy-MM-ddTHH:mm:ssK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value.ToUniversalTime()
            : throw new CaptureFormatException($"'{Clip(text)}' is not an ISO 8601 time with its offset (yyyy-MM-ddTHH:mm:ss.fffZ).", path + "." + name);
    }

    internal static byte[] Base64(JObject parent, string name, string path)
    {
        var text = String(parent, name, path);
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException ex)
        {
            throw new CaptureFormatException("The value is not base64.", path + "." + name, null, ex);
        }
    }

    internal static List<string> Strings(JObject parent, string name, string path)
    {
        var array = Array(parent[name], path + "." + name);
        var list = new List<string>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            list.Add(array[i].Type == JTokenType.String ? (string)array[i]! : throw Fail($"{path}.{name}[{i}]", "a string", array[i]));
        }

        return list;
    }

    internal static CaptureFormatException Fail(string path, string expected, JToken? found) =>
        new($"Expected {expected}, found {Describe(found)}.", path);

    private static string Describe(JToken? token) => token is null ? "nothing" : token.Type switch
    {
        JTokenType.Null => "null",
        JTokenType.String => "the string '" + Clip((string)token!) + "'",
        JTokenType.Object => "an object",
        JTokenType.Array => "an array",
        _ => token.Type.ToString().ToLowerInvariant() + " " + Clip(token.ToString()),
    };

    private static string Clip(string text) => text.Length <= 60 ? text : text.Substring(0, 60) + "...";
}
