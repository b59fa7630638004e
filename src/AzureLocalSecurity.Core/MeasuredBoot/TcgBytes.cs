using System;
using System.Globalization;
using System.Text;
using AzureLocalSecurity.SecureBoot;

namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>Little-endian 64-bit fields and the text forms of event data, from bytes the caller has checked are there.</summary>
internal static class TcgBytes
{
    /// <summary>How many bytes of an undecoded value a one-line summary shows as hex.</summary>
    internal const int PreviewBytes = 32;

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, false);

    internal static ulong UInt64(byte[] data, int offset) =>
        SecureBootBytes.UInt32(data, offset) | ((ulong)SecureBootBytes.UInt32(data, offset + 4) << 32);

    /// <summary>UTF-16LE up to the first NUL character (or the end); an odd last byte is left out.</summary>
    internal static string Utf16(byte[] data, int offset, int count)
    {
        var chars = count / 2;
        for (var i = 0; i < chars; i++)
        {
            if (data[offset + (2 * i)] == 0 && data[offset + (2 * i) + 1] == 0)
            {
                chars = i;
                break;
            }
        }

        return Encoding.Unicode.GetString(data, offset, chars * 2);
    }

    /// <summary>Single-byte text (ASCII, or UTF-8 where a boot loader wrote it) without its trailing NULs.</summary>
    internal static string Ascii(byte[] data, int offset, int count)
    {
        while (count > 0 && data[offset + count - 1] == 0)
        {
            count--;
        }

        return StrictUtf8.GetString(data, offset, count);
    }

    /// <summary>
    /// Text a record carries whose encoding the specification leaves open (EV_IPL, EV_POST_CODE strings): UTF-16LE when it
    /// is an even number of bytes and every second byte of its first characters is zero, single-byte text otherwise.
    /// </summary>
    internal static string Text(byte[] data, int offset, int count) =>
        LooksUtf16(data, offset, count) ? Utf16(data, offset, count) : Ascii(data, offset, count);

    internal static bool LooksUtf16(byte[] data, int offset, int count)
    {
        if (count < 2 || count % 2 != 0)
        {
            return false;
        }

        var probe = Math.Min(count / 2, 8);
        for (var i = 0; i < probe; i++)
        {
            if (data[offset + (2 * i) + 1] != 0)
            {
                return false;
            }

            if (data[offset + (2 * i)] == 0)
            {
                // A NUL character ends the text; an empty first character is no evidence of UTF-16.
                return i > 0;
            }
        }

        return true;
    }

    /// <summary>A one-line form of text: control characters become spaces.</summary>
    internal static string OneLine(string text)
    {
        var chars = text.ToCharArray();
        var changed = false;
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsControl(chars[i]))
            {
                chars[i] = ' ';
                changed = true;
            }
        }

        return changed ? new string(chars) : text;
    }

    /// <summary>Hex of at most <see cref="PreviewBytes"/> bytes, with the full size when more were left out.</summary>
    internal static string Preview(byte[] data, int offset, int count) =>
        count <= PreviewBytes
            ? SecureBootBytes.Hex(data, offset, count)
            : SecureBootBytes.Hex(data, offset, PreviewBytes) + string.Format(CultureInfo.InvariantCulture, "... ({0} bytes)", count);

    internal static string Hex32(uint value) => "0x" + value.ToString("X8", CultureInfo.InvariantCulture);

    internal static string Hex64(ulong value) => "0x" + value.ToString("X", CultureInfo.InvariantCulture);

    /// <summary>A GUID as UEFI writes it (upper case, no braces).</summary>
    internal static string Guid(Guid guid) => guid.ToString("D").ToUpperInvariant();
}
