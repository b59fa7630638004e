using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AzureLocalSecurity.SecurityLogging;

/// <summary>
/// Reads what the syslog read wrote (<see cref="Evidence.SecurityLoggingEvidenceIds.SyslogForwarder"/>): Windows PowerShell's
/// <c>ConvertTo-Json -Compress</c> of the objects <c>Get-AzSSyslogForwarder -Local</c> returned, an array of objects (or one
/// object), each property a string, number, boolean, null or nested value. Empty text is no object. Pure and bounded: at most
/// <see cref="MaxCharacters"/> characters, <see cref="MaxObjects"/> objects, <see cref="MaxProperties"/> properties per object
/// and <see cref="MaxDepth"/> levels; a duplicate property name, data after the JSON, a top level that is not an object or an
/// array of objects, or anything larger ends in <see cref="SyslogForwarderOutputException"/>.
/// </summary>
public static class SyslogForwarderOutputParser
{
    /// <summary>The most characters the output may have (1 Mi; one configuration is well under 1 KiB).</summary>
    public const int MaxCharacters = 1024 * 1024;

    /// <summary>The most objects (-Local returns the one of this host).</summary>
    public const int MaxObjects = 64;

    /// <summary>The most properties one object may have.</summary>
    public const int MaxProperties = 256;

    /// <summary>The deepest JSON nesting allowed (ConvertTo-Json is run with -Depth 3; the array adds one).</summary>
    public const int MaxDepth = 8;

    /// <summary>Reads every object of the output, in order.</summary>
    /// <exception cref="SyslogForwarderOutputException">The text is not such output, or it is larger than the limits.</exception>
    public static IReadOnlyList<SyslogForwarderConfiguration> Parse(string output)
    {
        if (output is null)
        {
            throw new ArgumentNullException(nameof(output));
        }

        if (output.Length > MaxCharacters)
        {
            throw new SyslogForwarderOutputException(string.Format(CultureInfo.InvariantCulture, "the output has {0} characters, more than the {1} allowed", output.Length, MaxCharacters), 0);
        }

        var trimmed = output.Trim('\uFEFF', ' ', '\t', '\r', '\n');
        if (trimmed.Length == 0)
        {
            return [];
        }

        JToken root;
        using (var reader = new JsonTextReader(new StringReader(trimmed))
        {
            MaxDepth = MaxDepth,
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
        })
        {
            try
            {
                root = JToken.ReadFrom(reader, new JsonLoadSettings { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error, CommentHandling = CommentHandling.Ignore });
            }
            catch (JsonException ex)
            {
                throw new SyslogForwarderOutputException("the output is not well-formed JSON: " + ex.Message, (ex as JsonReaderException)?.LinePosition ?? 0);
            }

            bool more;
            try
            {
                more = reader.Read();
            }
            catch (JsonReaderException)
            {
                more = true;
            }

            if (more)
            {
                throw new SyslogForwarderOutputException("the output has data after its JSON", reader.LinePosition);
            }
        }

        var objects = root switch
        {
            JObject one => [one],
            JArray array => ObjectsOf(array),
            _ => throw new SyslogForwarderOutputException("the output is JSON " + root.Type + ", not an object or an array of objects", 0),
        };

        var configurations = new List<SyslogForwarderConfiguration>(objects.Count);
        foreach (var o in objects)
        {
            configurations.Add(Read(o));
        }

        return configurations;
    }

    private static List<JObject> ObjectsOf(JArray array)
    {
        if (array.Count > MaxObjects)
        {
            throw new SyslogForwarderOutputException(string.Format(CultureInfo.InvariantCulture, "the output has {0} objects, more than the {1} allowed", array.Count, MaxObjects), 0);
        }

        var objects = new List<JObject>(array.Count);
        foreach (var item in array)
        {
            objects.Add(item as JObject ?? throw new SyslogForwarderOutputException("an element of the array is JSON " + item.Type + ", not an object", Position(item)));
        }

        return objects;
    }

    private static SyslogForwarderConfiguration Read(JObject o)
    {
        if (o.Count > MaxProperties)
        {
            throw new SyslogForwarderOutputException(string.Format(CultureInfo.InvariantCulture, "an object has {0} properties, more than the {1} allowed", o.Count, MaxProperties), Position(o));
        }

        var properties = new List<KeyValuePair<string, SyslogForwarderValue>>(o.Count);
        foreach (var p in o.Properties())
        {
            properties.Add(new(p.Name, Value(p.Value)));
        }

        return new SyslogForwarderConfiguration(properties);
    }

    private static SyslogForwarderValue Value(JToken token) => token.Type switch
    {
        JTokenType.Null or JTokenType.Undefined => new SyslogForwarderValue(string.Empty, SyslogForwarderValueKind.Null),
        JTokenType.String => new SyslogForwarderValue((string)token!, SyslogForwarderValueKind.Text),
        JTokenType.Boolean => new SyslogForwarderValue((bool)token ? "True" : "False", SyslogForwarderValueKind.Boolean),
        JTokenType.Integer or JTokenType.Float => new SyslogForwarderValue(((JValue)token).ToString(CultureInfo.InvariantCulture), SyslogForwarderValueKind.Number),
        _ => new SyslogForwarderValue(token.ToString(Formatting.None), SyslogForwarderValueKind.Nested),
    };

    private static long Position(JToken token) => token is IJsonLineInfo info && info.HasLineInfo() ? info.LinePosition : 0;
}
