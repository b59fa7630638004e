using System;
using System.Globalization;
using AzureLocalSecurity.SecureBoot;

namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>
/// Reads little-endian fields from <c>buffer[position..end)</c>, never past <c>end</c>: a field that does not fit is a
/// <see cref="TcgEventLogFormatException"/> naming its offset in the buffer and what it is.
/// </summary>
internal struct TcgReader
{
    private readonly byte[] _buffer;
    private readonly int _end;
    private int _position;

    internal TcgReader(byte[] buffer, int start, int end)
    {
        _buffer = buffer;
        _position = start;
        _end = end;
    }

    internal readonly int Position => _position;

    internal readonly int End => _end;

    internal readonly int Remaining => _end - _position;

    internal readonly byte[] Buffer => _buffer;

    internal byte U8(string what)
    {
        Need(1, what);
        return _buffer[_position++];
    }

    internal ushort U16(string what)
    {
        Need(2, what);
        var value = SecureBootBytes.UInt16(_buffer, _position);
        _position += 2;
        return value;
    }

    internal uint U32(string what)
    {
        Need(4, what);
        var value = SecureBootBytes.UInt32(_buffer, _position);
        _position += 4;
        return value;
    }

    internal ulong U64(string what)
    {
        Need(8, what);
        var value = TcgBytes.UInt64(_buffer, _position);
        _position += 8;
        return value;
    }

    internal Guid Guid(string what)
    {
        Need(16, what);
        var value = SecureBootBytes.Guid(_buffer, _position);
        _position += 16;
        return value;
    }

    /// <summary>Skips <paramref name="count"/> bytes and returns where they start.</summary>
    internal int Skip(long count, string what)
    {
        if (count < 0 || count > Remaining)
        {
            throw new TcgEventLogFormatException(
                string.Format(CultureInfo.InvariantCulture, "{0} needs {1} bytes but only {2} are left", what, count, Remaining),
                _position);
        }

        var start = _position;
        _position += (int)count;
        return start;
    }

    /// <summary>A count or length read from the data that must fit in what is left, checked before anything is allocated from it.</summary>
    internal readonly int Length(ulong value, int unit, string what, int fieldOffset)
    {
        if (unit <= 0 || value > (ulong)Remaining / (ulong)unit)
        {
            throw new TcgEventLogFormatException(
                string.Format(CultureInfo.InvariantCulture, "{0} is {1} but only {2} bytes are left", what, value, Remaining),
                fieldOffset);
        }

        return (int)value;
    }

    /// <summary>UTF-16LE of <paramref name="byteCount"/> bytes, up to the first NUL.</summary>
    internal string Utf16(int byteCount, string what)
    {
        var start = Skip(byteCount, what);
        return TcgBytes.Utf16(_buffer, start, byteCount);
    }

    internal readonly string Ascii(int byteCount) => TcgBytes.Ascii(_buffer, _position, Math.Min(byteCount, Remaining));

    private readonly void Need(int count, string what)
    {
        if (count > Remaining)
        {
            throw new TcgEventLogFormatException(
                string.Format(CultureInfo.InvariantCulture, "{0} needs {1} bytes but only {2} are left", what, count, Remaining),
                _position);
        }
    }
}
