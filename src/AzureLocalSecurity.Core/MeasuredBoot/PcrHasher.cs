using System;
using System.Security.Cryptography;

namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>
/// The hash of one PCR bank, to recompute what the TPM computed: an extend (PCR = H(PCR || digest)) and the hash of event
/// data. SHA-1, SHA-256, SHA-384 and SHA-512 only; other banks (SM3, SHA-3) have no hasher here. Extends go through the
/// managed <see cref="Fips180Hash"/>, one call per extend with no allocation: an extend hashes only 40 to 128 bytes, and
/// through IncrementalHash (OpenSSL on Linux) most of each call is the call itself, not the hashing (bench/README.md).
/// Event data, which can be tens of kilobytes, goes through the platform's hash (created on first use), which is faster
/// per byte where the CPU has SHA instructions.
/// </summary>
internal sealed class PcrHasher : IDisposable
{
    private readonly Fips180Hash _extend;
    private readonly HashAlgorithmName _name;

    // PCR || digest: a digest is at most TcgEventLog.MaxDigestSize bytes, the PCR is Size bytes.
    private readonly byte[] _message;
    private IncrementalHash? _hash;

    private PcrHasher(Fips180Hash extend, HashAlgorithmName name)
    {
        _extend = extend;
        _name = name;
        _message = new byte[extend.Size + TcgEventLog.MaxDigestSize];
    }

    /// <summary>The digest size in bytes.</summary>
    internal int Size => _extend.Size;

    /// <summary>A hasher for the algorithm, or null when there is none here.</summary>
    internal static PcrHasher? Create(ushort algorithm)
    {
        var name = algorithm switch
        {
            TcgAlgorithm.Sha1 => HashAlgorithmName.SHA1,
            TcgAlgorithm.Sha256 => HashAlgorithmName.SHA256,
            TcgAlgorithm.Sha384 => HashAlgorithmName.SHA384,
            TcgAlgorithm.Sha512 => HashAlgorithmName.SHA512,
            _ => default,
        };
        var extend = Fips180Hash.Create(algorithm);
        return extend is null ? null : new PcrHasher(extend, name);
    }

    /// <summary>PCR = H(PCR || digest), in place: every call hashes; nothing is cached.</summary>
    internal void Extend(byte[] pcr, TcgDigest digest)
    {
        Buffer.BlockCopy(pcr, 0, _message, 0, Size);
        digest.CopyTo(_message, Size);
        _extend.Hash(_message, 0, Size + digest.Size, pcr, 0);
    }

    /// <summary>H(data[offset..offset+count)).</summary>
    internal byte[] Hash(byte[] data, int offset, int count)
    {
        _hash ??= IncrementalHash.CreateHash(_name);
        _hash.AppendData(data, offset, count);
        return _hash.GetHashAndReset();
    }

    /// <inheritdoc />
    public void Dispose() => _hash?.Dispose();
}
