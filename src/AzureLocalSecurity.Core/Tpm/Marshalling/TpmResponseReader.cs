using System;
using System.Collections.Generic;
using System.Globalization;

namespace AzureLocalSecurity.Tpm.Marshalling;

/// <summary>
/// Reads big-endian TPM 2.0 structures from a response, never outside it: every read checks the bytes left, every size
/// and count is checked against what remains before anything is allocated, and a problem is a
/// <see cref="TpmResponseFormatException"/> with the absolute offset. <see cref="Base"/> is where this response starts
/// inside a larger input (a bundle's blob of responses), so offsets name the byte in the original input.
/// </summary>
internal sealed class TpmResponseReader
{
    private readonly byte[] _buffer;
    private readonly int _end;
    private int _position;

    internal TpmResponseReader(byte[] buffer, int start, int length, long baseOffset = 0)
    {
        _buffer = buffer;
        _position = start;
        _end = start + length;
        Base = baseOffset - start;
    }

    /// <summary>What to add to a position in the buffer to name the byte in the original input.</summary>
    internal long Base { get; }

    internal int Remaining => _end - _position;

    internal long Offset => Base + _position;

    internal TpmResponseFormatException Error(string problem) => new(problem, Offset);

    internal static TpmResponseFormatException ErrorAt(string problem, long offset) => new(problem, offset);

    internal byte ReadByte()
    {
        Need(1, "a byte");
        return _buffer[_position++];
    }

    internal ushort ReadUInt16()
    {
        Need(2, "a UINT16");
        var value = (ushort)((_buffer[_position] << 8) | _buffer[_position + 1]);
        _position += 2;
        return value;
    }

    internal uint ReadUInt32()
    {
        Need(4, "a UINT32");
        var value = ((uint)_buffer[_position] << 24) | ((uint)_buffer[_position + 1] << 16) | ((uint)_buffer[_position + 2] << 8) | _buffer[_position + 3];
        _position += 4;
        return value;
    }

    internal ulong ReadUInt64()
    {
        var high = ReadUInt32();
        return ((ulong)high << 32) | ReadUInt32();
    }

    internal byte[] ReadBytes(int count, string what)
    {
        if (count < 0)
        {
            throw Error($"{what} has a negative size");
        }

        Need(count, what);
        var result = new byte[count];
        Buffer.BlockCopy(_buffer, _position, result, 0, count);
        _position += count;
        return result;
    }

    /// <summary>A TPM2B: a UINT16 size, then that many bytes; <paramref name="max"/> is the largest size the structure allows.</summary>
    internal byte[] ReadSized(string what, int max = ushort.MaxValue)
    {
        var at = Offset;
        var size = ReadUInt16();
        if (size > max)
        {
            throw ErrorAt(string.Format(CultureInfo.InvariantCulture, "{0} says {1} bytes; at most {2} are allowed", what, size, max), at);
        }

        return ReadBytes(size, what);
    }

    /// <summary>
    /// A list count (UINT32) checked before use: no more than <paramref name="max"/>, and no more than the bytes left
    /// could hold at <paramref name="minItemSize"/> bytes per item, so a lying count never causes a large allocation.
    /// </summary>
    internal int ReadCount(string what, int max, int minItemSize)
    {
        var at = Offset;
        var count = ReadUInt32();
        if (count > (uint)max)
        {
            throw ErrorAt(string.Format(CultureInfo.InvariantCulture, "{0} has {1} entries; at most {2} are allowed", what, count, max), at);
        }

        if ((long)count * minItemSize > Remaining)
        {
            throw ErrorAt(string.Format(CultureInfo.InvariantCulture, "{0} has {1} entries but only {2} bytes follow", what, count, Remaining), at);
        }

        return (int)count;
    }

    /// <summary>TPML_PCR_SELECTION (Part 2 §10.9.7): count, then per bank the hash, sizeofSelect (at most 32 bytes) and the PCR bitmap.</summary>
    internal IReadOnlyList<TpmPcrSelection> ReadPcrSelections()
    {
        var count = ReadCount("TPML_PCR_SELECTION", 16, 3);
        var result = new List<TpmPcrSelection>(count);
        for (var i = 0; i < count; i++)
        {
            var hash = ReadUInt16();
            var at = Offset;
            var size = ReadByte();
            if (size > 32)
            {
                throw ErrorAt(string.Format(CultureInfo.InvariantCulture, "TPMS_PCR_SELECTION.sizeofSelect is {0}; at most 32 bytes (256 PCRs) are allowed", size), at);
            }

            result.Add(TpmPcrSelection.FromBitmap(hash, ReadBytes(size, "TPMS_PCR_SELECTION.pcrSelect")));
        }

        return result;
    }

    /// <summary>Fails unless every byte was read: a response longer than its contents is inconsistent.</summary>
    internal void ExpectEnd(string what)
    {
        if (_position != _end)
        {
            throw Error(string.Format(CultureInfo.InvariantCulture, "{0} bytes are left over after {1}", _end - _position, what));
        }
    }

    /// <summary>A reader over the next <paramref name="length"/> bytes, which this reader skips.</summary>
    internal TpmResponseReader Slice(int length, string what)
    {
        Need(length, what);
        var slice = new TpmResponseReader(_buffer, _position, length, Base + _position);
        _position += length;
        return slice;
    }

    private void Need(int count, string what)
    {
        if (count > _end - _position)
        {
            throw Error(string.Format(CultureInfo.InvariantCulture, "{0} needs {1} bytes but only {2} are left", what, count, _end - _position));
        }
    }
}
