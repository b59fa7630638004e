using System;
using System.Collections.Generic;
using System.Text;

namespace AzureLocalSecurity.Evidence.Import;

/// <summary>
/// Text files Windows security tools write, decoded: UTF-16 LE or BE with a byte order mark, UTF-16 LE without one (secedit
/// and auditpol output copied through other tools loses it; the NUL after each ASCII character gives it away), UTF-8 with or
/// without a byte order mark. Split into lines on CRLF, LF or a lone CR. Strict: bytes that are not valid in the detected
/// encoding fail with the offset rather than becoming U+FFFD.
/// </summary>
internal static class ImportText
{
    internal static string Decode(byte[] bytes, int maxBytes, string what)
    {
        if (bytes is null)
        {
            throw new ArgumentNullException(nameof(bytes));
        }

        if (bytes.Length > maxBytes)
        {
            throw new CaptureFormatException($"The {what} is {bytes.Length} bytes; at most {maxBytes} are read.", location: null);
        }

        Encoding encoding;
        var skip = 0;
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            encoding = new UnicodeEncoding(false, false, true);
            skip = 2;
        }
        else if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            encoding = new UnicodeEncoding(true, false, true);
            skip = 2;
        }
        else if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            encoding = new UTF8Encoding(false, true);
            skip = 3;
        }
        else if (bytes.Length >= 2 && bytes[0] != 0 && bytes[1] == 0)
        {
            encoding = new UnicodeEncoding(false, false, true);
        }
        else
        {
            encoding = new UTF8Encoding(false, true);
        }

        if (encoding is UnicodeEncoding && (bytes.Length - skip) % 2 != 0)
        {
            throw new CaptureFormatException($"The {what} is UTF-16 but has an odd number of bytes ({bytes.Length}): it is cut short.", location: null);
        }

        try
        {
            return encoding.GetString(bytes, skip, bytes.Length - skip);
        }
        catch (DecoderFallbackException ex)
        {
            throw new CaptureFormatException($"The {what} is not valid {encoding.WebName} text at byte {ex.Index + skip}.", null, null, ex);
        }
    }

    /// <summary>The lines of a text, without their terminators; a final terminator does not make an empty last line.</summary>
    internal static List<string> Lines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' || c == '\n')
            {
                lines.Add(text.Substring(start, i - start));
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text.Substring(start));
        }

        return lines;
    }
}
