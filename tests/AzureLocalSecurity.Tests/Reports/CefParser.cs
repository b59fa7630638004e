using System;
using System.Collections.Generic;
using System.Text;

namespace AzureLocalSecurity.Tests.Reports;

/// <summary>A CEF line read back: the seven header fields (unescaped) and the extension pairs (unescaped), per the CEF specification.</summary>
internal sealed record CefEvent(string? SyslogPrefix, string[] Header, Dictionary<string, string> Extensions)
{
    internal static CefEvent Parse(string line)
    {
        var start = line.IndexOf("CEF:", StringComparison.Ordinal);
        if (start < 0)
        {
            throw new FormatException("No CEF: in the line.");
        }

        var prefix = start == 0 ? null : line.Substring(0, start);
        var header = new List<string>();
        var field = new StringBuilder();
        var i = start;
        while (header.Count < 7)
        {
            if (i >= line.Length)
            {
                throw new FormatException("The header ends early.");
            }

            var c = line[i++];
            if (c == '\\' && i < line.Length && (line[i] == '\\' || line[i] == '|'))
            {
                field.Append(line[i++]);
            }
            else if (c == '|')
            {
                header.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        header[0] = header[0].Substring("CEF:".Length);
        return new CefEvent(prefix, [.. header], ReadExtensions(line.Substring(i)));
    }

    /// <summary>Keys are the word before each unescaped '='; a value runs to the space before the next key.</summary>
    private static Dictionary<string, string> ReadExtensions(string text)
    {
        var equals = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '=')
            {
                equals.Add(i);
            }
        }

        var keyStarts = new List<int>();
        foreach (var eq in equals)
        {
            var k = eq;
            while (k > 0 && (char.IsLetterOrDigit(text[k - 1]) || text[k - 1] == '_'))
            {
                k--;
            }

            keyStarts.Add(k);
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var n = 0; n < equals.Count; n++)
        {
            var key = text.Substring(keyStarts[n], equals[n] - keyStarts[n]);
            var end = n + 1 < equals.Count ? keyStarts[n + 1] - 1 : text.Length;
            result.Add(key, Unescape(text.Substring(equals[n] + 1, end - equals[n] - 1)));
        }

        return result;
    }

    private static string Unescape(string value)
    {
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                var next = value[++i];
                text.Append(next switch { 'n' => '\n', 'r' => '\r', _ => next });
            }
            else
            {
                text.Append(value[i]);
            }
        }

        return text.ToString();
    }
}
