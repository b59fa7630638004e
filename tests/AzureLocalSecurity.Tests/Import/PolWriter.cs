using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace AzureLocalSecurity.Tests.Import;

/// <summary>
/// Writes Registry.pol bytes for the tests, independently of the parser: the header, then records
/// <c>[key\0;value\0;type;size;data]</c> with the brackets and semicolons as UTF-16 LE characters. <see cref="Raw"/> can
/// write a record that lies (a size that is not the data's, a missing bracket) to build the malformed files.
/// </summary>
internal sealed class PolWriter
{
    private readonly List<byte> _bytes = [];

    internal PolWriter(uint signature = 0x67655250, uint version = 1)
    {
        U32(signature);
        U32(version);
    }

    /// <summary>The offset the next record will start at.</summary>
    internal long Position => _bytes.Count;

    internal static byte[] Sz(string text) => Encoding.Unicode.GetBytes(text + "\0");

    internal static byte[] Multi(params string[] strings) => Encoding.Unicode.GetBytes(string.Concat(strings.Select(s => s + "\0")) + "\0");

    internal static byte[] DWord(uint value) => BitConverter.GetBytes(value);

    internal static byte[] QWord(ulong value) => BitConverter.GetBytes(value);

    internal PolWriter Record(string key, string valueName, uint type, byte[] data) => Raw(key, valueName, type, (uint)data.Length, data);

    /// <summary>A record with any size field, and optionally without its closing bracket.</summary>
    internal PolWriter Raw(string key, string valueName, uint type, uint size, byte[] data, bool close = true)
    {
        Char('[');
        Bytes(Encoding.Unicode.GetBytes(key + "\0"));
        Char(';');
        Bytes(Encoding.Unicode.GetBytes(valueName + "\0"));
        Char(';');
        U32(type);
        Char(';');
        U32(size);
        Char(';');
        Bytes(data);
        if (close)
        {
            Char(']');
        }

        return this;
    }

    internal PolWriter Bytes(byte[] bytes)
    {
        _bytes.AddRange(bytes);
        return this;
    }

    internal PolWriter Char(char c) => Bytes(BitConverter.GetBytes(c));

    internal byte[] ToArray() => _bytes.ToArray();

    private void U32(uint value) => Bytes(BitConverter.GetBytes(value));
}
