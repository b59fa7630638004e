using System.Collections.Generic;

namespace AzureLocalSecurity.Evidence.Import;

/// <summary>
/// Registry value data as Windows stores it, turned into an <see cref="EvidenceValue"/>: shared by the Registry.pol and
/// the .reg readers so both read the same bytes the same way. UTF-16 text is taken code unit by code unit (the registry
/// does not check it, so an unpaired surrogate is kept rather than refused).
/// </summary>
internal static class RegistryData
{
    internal const uint None = 0;
    internal const uint String = 1;
    internal const uint ExpandString = 2;
    internal const uint Binary = 3;
    internal const uint DWord = 4;
    internal const uint DWordBigEndian = 5;
    internal const uint MultiString = 7;
    internal const uint QWord = 11;

    /// <summary>
    /// Windows-1252, bytes 0x80-0x9F (the rest of the code page is ISO 8859-1, the byte's own code point). Five bytes
    /// have no character; they stay the C1 control of the same number, as Windows' own conversion leaves them.
    /// </summary>
    private static readonly char[] Windows1252High =
    [
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021', '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014', '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
    ];

    /// <summary>
    /// Decodes data of a type: 1 and 2 text up to the first NUL (all of it when there is none), 7 the strings up to the
    /// double NUL, 4 and 5 a 32-bit number (5 stored big-endian), 11 a 64-bit number, 3 and 0 the bytes. Any other type
    /// gives null with no problem. With <paramref name="ansi"/> text types are single bytes of code page 1252 (REGEDIT4).
    /// </summary>
    /// <returns>False with a problem when the data cannot be what its type says.</returns>
    internal static bool TryDecode(uint type, byte[] data, bool ansi, out EvidenceValue? value, out string? problem)
    {
        value = null;
        problem = null;
        switch (type)
        {
            case String:
            case ExpandString:
                if (!TryText(data, ansi, out var text, out problem))
                {
                    return false;
                }

                var end = text.IndexOf('\0');
                text = end < 0 ? text : text.Substring(0, end);
                value = type == String ? EvidenceValue.FromString(text) : EvidenceValue.FromExpandString(text);
                return true;
            case MultiString:
                if (!TryText(data, ansi, out var all, out problem))
                {
                    return false;
                }

                value = EvidenceValue.FromMultiString(SplitMulti(all));
                return true;
            case DWord:
            case DWordBigEndian:
                if (data.Length != 4)
                {
                    problem = $"a REG_DWORD{(type == DWordBigEndian ? "_BIG_ENDIAN" : string.Empty)} must be 4 bytes, not {data.Length}";
                    return false;
                }

                value = EvidenceValue.FromDWord(type == DWord
                    ? (uint)(data[0] | (data[1] << 8) | (data[2] << 16) | (data[3] << 24))
                    : (uint)(data[3] | (data[2] << 8) | (data[1] << 16) | (data[0] << 24)));
                return true;
            case QWord:
                if (data.Length != 8)
                {
                    problem = $"a REG_QWORD must be 8 bytes, not {data.Length}";
                    return false;
                }

                ulong q = 0;
                for (var i = 7; i >= 0; i--)
                {
                    q = (q << 8) | data[i];
                }

                value = EvidenceValue.FromQWord(q);
                return true;
            case Binary:
            case None:
                value = EvidenceValue.FromBinary(data);
                return true;
            default:
                return true;
        }
    }

    /// <summary>The text of UTF-16 LE data (or code page 1252 bytes), NULs included; false when UTF-16 data has an odd length.</summary>
    internal static bool TryText(byte[] data, bool ansi, out string text, out string? problem)
    {
        problem = null;
        if (ansi)
        {
            var chars = new char[data.Length];
            for (var i = 0; i < data.Length; i++)
            {
                var b = data[i];
                chars[i] = b is >= 0x80 and <= 0x9F ? Windows1252High[b - 0x80] : (char)b;
            }

            text = new string(chars);
            return true;
        }

        if (data.Length % 2 != 0)
        {
            text = string.Empty;
            problem = $"UTF-16 text cannot be {data.Length} bytes (an odd number)";
            return false;
        }

        text = Utf16(data, 0, data.Length);
        return true;
    }

    /// <summary>UTF-16 LE code units of a byte range, exactly (no validation).</summary>
    internal static string Utf16(byte[] bytes, int start, int length)
    {
        var chars = new char[length / 2];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)(bytes[start + (2 * i)] | (bytes[start + (2 * i) + 1] << 8));
        }

        return new string(chars);
    }

    /// <summary>Code page 1252 text of bytes (REGEDIT4 files carry no byte order mark and no code page).</summary>
    internal static string Ansi(byte[] bytes)
    {
        _ = TryText(bytes, ansi: true, out var text, out _);
        return text;
    }

    /// <summary>The strings of REG_MULTI_SZ text: NUL-separated, ending at an empty string (the double NUL) or at the end.</summary>
    private static List<string> SplitMulti(string all)
    {
        var strings = new List<string>();
        var start = 0;
        while (start < all.Length)
        {
            var nul = all.IndexOf('\0', start);
            var part = nul < 0 ? all.Substring(start) : all.Substring(start, nul - start);
            if (part.Length == 0)
            {
                break;
            }

            strings.Add(part);
            if (nul < 0)
            {
                break;
            }

            start = nul + 1;
        }

        return strings;
    }
}
