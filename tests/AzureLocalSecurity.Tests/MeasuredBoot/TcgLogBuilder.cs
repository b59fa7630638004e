using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace AzureLocalSecurity.Tests.MeasuredBoot;

/// <summary>
/// Writes small logs by the PFP layouts for tests of shapes no real vector has (a lying size, an unknown algorithm, a
/// StartupLocality record, SIPA payloads). Every digest it writes is the hash of the record's data unless told otherwise.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "SHA-1 is a PCR bank: the logs written here carry SHA-1 digests as real logs do.")]
internal sealed class TcgLogBuilder
{
    private readonly List<byte> _log = [];
    private readonly (ushort Id, int Size)[] _algorithms;

    private TcgLogBuilder((ushort Id, int Size)[] algorithms) => _algorithms = algorithms;

    /// <summary>A crypto-agile log: the Spec ID Event03 record for <paramref name="algorithms"/> (default SHA-1 and SHA-256).</summary>
    internal static TcgLogBuilder CryptoAgile(params (ushort Id, int Size)[] algorithms)
    {
        if (algorithms.Length == 0)
        {
            algorithms = [(0x0004, 20), (0x000B, 32)];
        }

        var builder = new TcgLogBuilder(algorithms);
        builder.Legacy(0, 3, SpecId(algorithms), digest: new byte[20]);
        return builder;
    }

    /// <summary>A legacy (SHA-1) log with no Spec ID.</summary>
    internal static TcgLogBuilder Sha1Legacy() => new([(0x0004, 20)]);

    /// <summary>TCG_EfiSpecIDEventStruct "Spec ID Event03" with the algorithms and no vendor information.</summary>
    internal static byte[] SpecId((ushort Id, int Size)[] algorithms, uint? count = null)
    {
        var data = new List<byte>();
        data.AddRange(Encoding.ASCII.GetBytes("Spec ID Event03\0"));
        data.AddRange(BitConverter.GetBytes(0u));
        data.AddRange([0, 2, 0, 2]);
        data.AddRange(BitConverter.GetBytes(count ?? (uint)algorithms.Length));
        foreach (var (id, size) in algorithms)
        {
            data.AddRange(BitConverter.GetBytes(id));
            data.AddRange(BitConverter.GetBytes((ushort)size));
        }

        data.Add(0);
        return data.ToArray();
    }

    /// <summary>A TCG_PCR_EVENT (legacy layout) record; the digest is SHA-1 of the data unless given.</summary>
    internal TcgLogBuilder Legacy(uint pcr, uint type, byte[] data, byte[]? digest = null)
    {
        Write(BitConverter.GetBytes(pcr));
        Write(BitConverter.GetBytes(type));
        Write(digest ?? SHA1.HashData(data));
        Write(BitConverter.GetBytes((uint)data.Length));
        Write(data);
        return this;
    }

    /// <summary>A TCG_PCR_EVENT2 record with a digest per algorithm of the Spec ID, each the hash of the data.</summary>
    internal TcgLogBuilder Event(uint pcr, uint type, byte[] data)
    {
        Write(BitConverter.GetBytes(pcr));
        Write(BitConverter.GetBytes(type));
        Write(BitConverter.GetBytes((uint)_algorithms.Length));
        foreach (var (id, _) in _algorithms)
        {
            Write(BitConverter.GetBytes(id));
            Write(Hash(id, data));
        }

        Write(BitConverter.GetBytes((uint)data.Length));
        Write(data);
        return this;
    }

    /// <summary>Raw bytes, for records this builder does not write by itself.</summary>
    internal TcgLogBuilder Raw(byte[] bytes)
    {
        Write(bytes);
        return this;
    }

    internal byte[] ToArray() => [.. _log];

    internal static byte[] Hash(ushort algorithm, byte[] data) => algorithm switch
    {
        0x0004 => SHA1.HashData(data),
        0x000B => SHA256.HashData(data),
        0x000C => SHA384.HashData(data),
        0x000D => SHA512.HashData(data),
        _ => new byte[32],
    };

    /// <summary>A SIPA event: Type u32, Size u32, Value.</summary>
    internal static byte[] Sipa(uint type, byte[] value) => [.. BitConverter.GetBytes(type), .. BitConverter.GetBytes((uint)value.Length), .. value];

    /// <summary>A SIPA aggregation of the given events.</summary>
    internal static byte[] Container(uint type, params byte[][] children) => Sipa(type, children.SelectMany(c => c).ToArray());

    internal static byte[] Utf16z(string text) => Encoding.Unicode.GetBytes(text + "\0");

    private void Write(byte[] bytes) => _log.AddRange(bytes);
}
