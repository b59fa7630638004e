using System;
using System.Security.Cryptography;

namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>
/// The hash of one PCR bank, to recompute what the TPM computed: an extend (PCR = H(PCR || digest)) and the hash of event
/// data. SHA-1, SHA-256, SHA-384 and SHA-512 only; other banks (SM3, SHA-3) have no hasher here.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "SHA-1 is a PCR bank firmware and Windows still extend; replaying it is verification, not a choice of algorithm, and the bank is reported as SHA-1.")]
internal sealed class PcrHasher : IDisposable
{
    private readonly byte[] _scratch;
#if NET
    private readonly ushort _algorithm;
#else
    private readonly HashAlgorithm _hash;
#endif

#if NET
    private PcrHasher(ushort algorithm, int size)
    {
        _algorithm = algorithm;
        Size = size;
        _scratch = new byte[2 * size];
    }
#else
    private PcrHasher(HashAlgorithm hash, int size)
    {
        _hash = hash;
        Size = size;
        _scratch = new byte[2 * size];
    }
#endif

    /// <summary>The digest size in bytes.</summary>
    internal int Size { get; }

    /// <summary>A hasher for the algorithm, or null when there is none here.</summary>
    internal static PcrHasher? Create(ushort algorithm)
    {
        var size = algorithm switch
        {
            TcgAlgorithm.Sha1 => 20,
            TcgAlgorithm.Sha256 => 32,
            TcgAlgorithm.Sha384 => 48,
            TcgAlgorithm.Sha512 => 64,
            _ => 0,
        };
        if (size == 0)
        {
            return null;
        }

#if NET
        return new PcrHasher(algorithm, size);
#else
        HashAlgorithm hash = algorithm switch
        {
            TcgAlgorithm.Sha1 => SHA1.Create(),
            TcgAlgorithm.Sha256 => SHA256.Create(),
            TcgAlgorithm.Sha384 => SHA384.Create(),
            _ => SHA512.Create(),
        };
        return new PcrHasher(hash, size);
#endif
    }

    /// <summary>PCR = H(PCR || digest), in place.</summary>
    internal void Extend(byte[] pcr, TcgDigest digest)
    {
        Buffer.BlockCopy(pcr, 0, _scratch, 0, Size);
        digest.CopyTo(_scratch, Size);
#if NET
        HashInto(_scratch.AsSpan(0, 2 * Size), pcr);
#else
        var result = _hash.ComputeHash(_scratch, 0, 2 * Size);
        Buffer.BlockCopy(result, 0, pcr, 0, Size);
#endif
    }

    /// <summary>H(data[offset..offset+count)).</summary>
    internal byte[] Hash(byte[] data, int offset, int count)
    {
#if NET
        var result = new byte[Size];
        HashInto(data.AsSpan(offset, count), result);
        return result;
#else
        return _hash.ComputeHash(data, offset, count);
#endif
    }

    /// <inheritdoc />
    public void Dispose()
    {
#if !NET
        _hash.Dispose();
#endif
    }

#if NET
    private void HashInto(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        _ = _algorithm switch
        {
            TcgAlgorithm.Sha1 => SHA1.HashData(source, destination),
            TcgAlgorithm.Sha256 => SHA256.HashData(source, destination),
            TcgAlgorithm.Sha384 => SHA384.HashData(source, destination),
            _ => SHA512.HashData(source, destination),
        };
    }
#endif
}
