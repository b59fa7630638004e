using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace AzureLocalSecurity.Tests.Import;

/// <summary>
/// Writes .reg text for the tests the way regedit and <c>reg export</c> lay it out, independently of the parser: names and
/// strings with <c>\</c> and <c>"</c> escaped, hex data as two-digit bytes wrapped after about 76 characters with a
/// trailing backslash and two spaces of indentation; and encodes it (UTF-16 LE with a byte order mark, UTF-8, code page 1252).
/// </summary>
internal static class RegWriter
{
    internal static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    internal static string Name(string name) => name.Length == 0 ? "@" : Quote(name);

    /// <summary>A hex value line, wrapped over continuation lines as regedit does.</summary>
    internal static string Hex(string name, uint? type, byte[] bytes, string newline)
    {
        var prefix = Name(name) + "=" + (type is null ? "hex:" : "hex(" + type.Value.ToString("x", CultureInfo.InvariantCulture) + "):");
        var builder = new StringBuilder(prefix);
        var column = prefix.Length;
        for (var i = 0; i < bytes.Length; i++)
        {
            var item = bytes[i].ToString("x2", CultureInfo.InvariantCulture) + (i + 1 < bytes.Length ? "," : string.Empty);
            if (column + item.Length > 77 && i + 1 < bytes.Length)
            {
                builder.Append('\\').Append(newline).Append("  ");
                column = 2;
            }

            builder.Append(item);
            column += item.Length;
        }

        return builder.ToString();
    }

    internal static string Lines(string newline, IEnumerable<string> lines) => string.Join(newline, lines) + newline;

    internal static byte[] Utf16WithBom(string text) => new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes(text)).ToArray();

    internal static byte[] Utf16LE(string text) => Encoding.Unicode.GetBytes(text);

    internal static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    internal static byte[] Utf8WithBom(string text) => new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Utf8(text)).ToArray();

    /// <summary>Code page 1252 bytes of text made of Latin-1 characters and the euro sign (all the tests use).</summary>
    internal static byte[] Ansi(string text) => text.Select(c => c == '\u20AC' ? (byte)0x80 : c <= '\u00FF' ? (byte)c : throw new ArgumentException("not in the tests' part of 1252")).ToArray();
}
