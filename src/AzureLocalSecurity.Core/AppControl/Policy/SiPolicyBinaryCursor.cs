using System;
using System.Globalization;
using System.Text;
using AzureLocalSecurity.SecureBoot;

namespace AzureLocalSecurity.AppControl.Policy;

/// <summary>
/// Reads a compiled policy's fields from <c>data[start..end)</c>, checking every length and count against what is left
/// before reading or allocating; a problem is a <see cref="SiPolicyFormatException"/> at the byte (an offset in the whole
/// input, so inside a signed file it points into the CMS). Strings are UTF-16LE that must decode strictly; padding and the
/// u32 after each string must be zero, so that what is read writes back the same bytes.
/// </summary>
internal sealed class SiPolicyBinaryCursor
{
    private static readonly UnicodeEncoding Utf16 = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);

    private readonly byte[] _data;
    private readonly int _end;

    internal SiPolicyBinaryCursor(byte[] data, int start, int end)
    {
        _data = data;
        Position = start;
        _end = end;
    }

    internal int Position { get; private set; }

    internal int Remaining => _end - Position;

    internal int End => _end;

    internal uint UInt32(string what)
    {
        Need(4, what);
        var value = SecureBootBytes.UInt32(_data, Position);
        Position += 4;
        return value;
    }

    internal ulong UInt64(string what)
    {
        Need(8, what);
        var value = SecureBootBytes.UInt32(_data, Position) | ((ulong)SecureBootBytes.UInt32(_data, Position + 4) << 32);
        Position += 8;
        return value;
    }

    internal Guid Guid(string what)
    {
        Need(16, what);
        var value = SecureBootBytes.Guid(_data, Position);
        Position += 16;
        return value;
    }

    /// <summary>A count of items that each take at least <paramref name="minimumBytes"/>: refused when they cannot fit in what is left.</summary>
    internal int Count(string what, int minimumBytes)
    {
        var at = Position;
        var count = UInt32(what);
        if ((long)count * minimumBytes > Remaining)
        {
            throw SiPolicyFormatException.AtOffset(
                string.Format(CultureInfo.InvariantCulture, "{0} is {1}, which needs at least {2} bytes but {3} are left", what, count, (long)count * minimumBytes, Remaining),
                at);
        }

        return (int)count;
    }

    /// <summary>An index into a table of <paramref name="count"/> items.</summary>
    internal int Index(int count, string what)
    {
        var at = Position;
        var index = UInt32(what);
        if (index >= count)
        {
            throw SiPolicyFormatException.AtOffset(string.Format(CultureInfo.InvariantCulture, "{0} is {1}, but there are {2}", what, index, count), at);
        }

        return (int)index;
    }

    /// <summary>A u32 length, the bytes, zero padding to 4 bytes.</summary>
    internal byte[] Blob(string what)
    {
        var (offset, length) = Counted(what);
        return SecureBootBytes.Copy(_data, offset, length);
    }

    /// <summary>A blob as hex; null when empty.</summary>
    internal string? HexBlob(string what)
    {
        var (offset, length) = Counted(what);
        return length == 0 ? null : SecureBootBytes.Hex(_data, offset, length);
    }

    /// <summary>A u32 byte length, UTF-16LE, zero padding to 4 bytes, a u32 0; null when the length is 0.</summary>
    internal string? String(string what)
    {
        var at = Position;
        var (offset, length) = Counted(what);
        if (length % 2 != 0)
        {
            throw SiPolicyFormatException.AtOffset(string.Format(CultureInfo.InvariantCulture, "{0} has an odd byte length ({1}) for UTF-16", what, length), at);
        }

        string? text = null;
        if (length > 0)
        {
            try
            {
                text = Utf16.GetString(_data, offset, length);
            }
            catch (DecoderFallbackException ex)
            {
                throw SiPolicyFormatException.AtOffset(what + " is not valid UTF-16", offset, ex);
            }
        }

        var trailer = Position;
        if (UInt32(what + "'s terminator") != 0)
        {
            throw SiPolicyFormatException.AtOffset(what + "'s terminator is not 0", trailer);
        }

        return text;
    }

    /// <summary>The next <paramref name="count"/> bytes as hex.</summary>
    internal string Raw(int count)
    {
        Need(count, "a block");
        var hex = SecureBootBytes.Hex(_data, Position, count);
        Position += count;
        return hex;
    }

    internal void Need(int count, string what)
    {
        if (count > Remaining)
        {
            throw SiPolicyFormatException.AtOffset(
                string.Format(CultureInfo.InvariantCulture, "{0} needs {1} bytes but {2} are left", what, count, Remaining), Position);
        }
    }

    private (int Offset, int Length) Counted(string what)
    {
        var at = Position;
        var length = UInt32(what + "'s length");
        var padded = (length + 3L) & ~3L;
        if (padded > Remaining)
        {
            throw SiPolicyFormatException.AtOffset(
                string.Format(CultureInfo.InvariantCulture, "{0} says {1} bytes but {2} are left", what, length, Remaining), at);
        }

        var offset = Position;
        for (var i = offset + (int)length; i < offset + padded; i++)
        {
            if (_data[i] != 0)
            {
                throw SiPolicyFormatException.AtOffset(what + "'s padding is not zero", i);
            }
        }

        Position += (int)padded;
        return (offset, (int)length);
    }
}
