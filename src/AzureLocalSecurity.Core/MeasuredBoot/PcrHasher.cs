using System;
using System.Security.Cryptography;

namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>
/// The hash of one PCR bank, to recompute what the TPM computed: an extend (PCR = H(PCR || digest)) and the hash of event
/// data. SHA-1, SHA-256, SHA-384 and SHA-512 only; other banks (SM3, SHA-3) have no hasher here. One IncrementalHash is
/// kept for the whole log: the one-shot static HashData creates the platform's hash context on every call, which costs
/// more than hashing 64 to 128 bytes (measured, bench/README.md).
/// </summary>
internal sealed class PcrHasher : IDisposable
{
    private readonly IncrementalHash _hash;

    private PcrHasher(IncrementalHash hash, int size)
    {
        _hash = hash;
        Size = size;
    }

    /// <summary>The digest size in bytes.</summary>
    internal int Size { get; }

    /// <summary>A hasher for the algorithm, or null when there is none here.</summary>
    internal static PcrHasher? Create(ushort algorithm)
    {
        var (name, size) = algorithm switch
        {
            TcgAlgorithm.Sha1 => (HashAlgorithmName.SHA1, 20),
            TcgAlgorithm.Sha256 => (HashAlgorithmName.SHA256, 32),
            TcgAlgorithm.Sha384 => (HashAlgorithmName.SHA384, 48),
            TcgAlgorithm.Sha512 => (HashAlgorithmName.SHA512, 64),
            _ => (default, 0),
        };
        return size == 0 ? null : new PcrHasher(IncrementalHash.CreateHash(name), size);
    }

    /// <summary>PCR = H(PCR || digest), in place.</summary>
    internal void Extend(byte[] pcr, TcgDigest digest)
    {
        _hash.AppendData(pcr, 0, Size);
        digest.AppendTo(_hash);
#if NET
        _hash.GetHashAndReset(pcr);
#else
        Buffer.BlockCopy(_hash.GetHashAndReset(), 0, pcr, 0, Size);
#endif
    }

    /// <summary>H(data[offset..offset+count)).</summary>
    internal byte[] Hash(byte[] data, int offset, int count)
    {
        _hash.AppendData(data, offset, count);
        return _hash.GetHashAndReset();
    }

    /// <inheritdoc />
    public void Dispose() => _hash.Dispose();
}
