using System;

namespace AzureLocalSecurity.SecureBoot;

/// <summary>Little-endian fields, GUIDs and hex, read from bytes the caller has checked are there.</summary>
internal static class SecureBootBytes
{
    private const string HexDigits = "0123456789ABCDEF";

    internal static uint UInt32(byte[] data, int offset) =>
        (uint)(data[offset] | (data[offset + 1] << 8) | (data[offset + 2] << 16) | (data[offset + 3] << 24));

    internal static ushort UInt16(byte[] data, int offset) => (ushort)(data[offset] | (data[offset + 1] << 8));

    /// <summary>A GUID as UEFI stores it: Data1 u32, Data2 and Data3 u16 little-endian, then Data4's 8 bytes as they are.</summary>
    internal static Guid Guid(byte[] data, int offset) => new(
        (int)UInt32(data, offset),
        (short)UInt16(data, offset + 4),
        (short)UInt16(data, offset + 6),
        data[offset + 8],
        data[offset + 9],
        data[offset + 10],
        data[offset + 11],
        data[offset + 12],
        data[offset + 13],
        data[offset + 14],
        data[offset + 15]);

    internal static byte[] Copy(byte[] data, int offset, int count)
    {
        var result = new byte[count];
        Buffer.BlockCopy(data, offset, result, 0, count);
        return result;
    }

    /// <summary>Upper-case hex, as Windows shows hashes and thumbprints.</summary>
    internal static string Hex(byte[] data, int offset, int count)
    {
        var chars = new char[count * 2];
        for (var i = 0; i < count; i++)
        {
            var b = data[offset + i];
            chars[2 * i] = HexDigits[b >> 4];
            chars[(2 * i) + 1] = HexDigits[b & 0xF];
        }

        return new string(chars);
    }

    internal static string Hex(byte[] data) => Hex(data, 0, data.Length);

    /// <summary>Hex digits (either case, no separators) to bytes; null when the text is not an even run of hex digits.</summary>
    internal static byte[]? ParseHex(string text)
    {
        if (text.Length % 2 != 0)
        {
            return null;
        }

        var result = new byte[text.Length / 2];
        for (var i = 0; i < result.Length; i++)
        {
            var high = Nibble(text[2 * i]);
            var low = Nibble(text[(2 * i) + 1]);
            if (high < 0 || low < 0)
            {
                return null;
            }

            result[i] = (byte)((high << 4) | low);
        }

        return result;
    }

    internal static bool Equal(byte[] a, int aOffset, int count, byte[] b, int bOffset)
    {
        for (var i = 0; i < count; i++)
        {
            if (a[aOffset + i] != b[bOffset + i])
            {
                return false;
            }
        }

        return true;
    }

    private static int Nibble(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'F' => c - 'A' + 10,
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => -1,
    };
}
