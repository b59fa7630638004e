using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AzureLocalSecurity.Host;

/// <summary>
/// Turns PowerShell output into JSON: enums as names, times in ISO 8601, bytes in base64, objects by
/// their public properties (adapted and added ones alike), nested up to a fixed depth.
/// </summary>
internal static class JsonOutput
{
    internal const int MaxDepth = 8;

    internal static string Serialize(IEnumerable<PSObject?> objects)
    {
        var array = new JArray();
        foreach (var o in objects)
        {
            array.Add(ToToken(o, 0));
        }

        return array.ToString(Formatting.Indented);
    }

    internal static JToken ToToken(object? value, int depth)
    {
        if (value is PSObject pso)
        {
            // A plain wrapper around a .NET value: use the value.
            if (pso.BaseObject is not PSCustomObject && pso.BaseObject is not null && IsScalar(pso.BaseObject))
            {
                return Scalar(pso.BaseObject);
            }

            return depth >= MaxDepth ? new JValue(pso.ToString()) : FromProperties(pso, depth);
        }

        if (value is null)
        {
            return JValue.CreateNull();
        }

        if (IsScalar(value))
        {
            return Scalar(value);
        }

        if (depth >= MaxDepth)
        {
            return new JValue(value.ToString());
        }

        if (value is IDictionary dictionary)
        {
            var o = new JObject();
            foreach (DictionaryEntry e in dictionary)
            {
                o[Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? string.Empty] = ToToken(e.Value, depth + 1);
            }

            return o;
        }

        if (value is IEnumerable enumerable)
        {
            var a = new JArray();
            foreach (var e in enumerable)
            {
                a.Add(ToToken(e, depth + 1));
            }

            return a;
        }

        return FromProperties(PSObject.AsPSObject(value), depth);
    }

    private static JObject FromProperties(PSObject pso, int depth)
    {
        var o = new JObject();
        foreach (var p in pso.Properties)
        {
            if (!p.IsGettable)
            {
                continue;
            }

            object? v;
            try
            {
                v = p.Value;
            }
            catch (GetValueException)
            {
                v = null;
            }

            o[p.Name] = ToToken(v, depth + 1);
        }

        return o;
    }

    private static bool IsScalar(object value) =>
        value is string or bool or char or Enum or DateTime or DateTimeOffset or TimeSpan or Guid or Version or Uri or byte[]
        || value.GetType().IsPrimitive || value is decimal;

    private static JValue Scalar(object value) => value switch
    {
        Enum e => new JValue(e.ToString()),
        DateTime d => new JValue(d.ToString("o", CultureInfo.InvariantCulture)),
        DateTimeOffset d => new JValue(d.ToString("o", CultureInfo.InvariantCulture)),
        TimeSpan t => new JValue(t.ToString("c", CultureInfo.InvariantCulture)),
        Guid g => new JValue(g.ToString()),
        Version v => new JValue(v.ToString()),
        Uri u => new JValue(u.ToString()),
        byte[] b => new JValue(Convert.ToBase64String(b)),
        char c => new JValue(c.ToString()),
        _ => new JValue(value),
    };
}
