using System;
using System.Collections.Generic;
using System.Text;

namespace AzureLocalSecurity.Platform;

/// <summary>Parses os-release(5): KEY=value lines, values optionally in single or double quotes with backslash escapes.</summary>
internal static class OsRelease
{
    internal static Dictionary<string, string> Parse(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var eq = line.IndexOf('=');
            if (eq <= 0)
            {
                continue;
            }

            result[line.Substring(0, eq)] = Unquote(line.Substring(eq + 1));
        }

        return result;
    }

    private static string Unquote(string value)
    {
        if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[value.Length - 1] == value[0])
        {
            var inner = value.Substring(1, value.Length - 2);
            if (value[0] == '\'')
            {
                return inner;
            }

            var sb = new StringBuilder(inner.Length);
            for (var i = 0; i < inner.Length; i++)
            {
                if (inner[i] == '\\' && i + 1 < inner.Length)
                {
                    i++;
                }

                sb.Append(inner[i]);
            }

            return sb.ToString();
        }

        return value;
    }
}
