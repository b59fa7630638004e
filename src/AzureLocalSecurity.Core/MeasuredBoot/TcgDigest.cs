using AzureLocalSecurity.SecureBoot;
using AzureLocalSecurity.Tpm;

namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>One digest of a record: what was (or, for EV_NO_ACTION, was not) extended into the PCR of one bank.</summary>
public sealed class TcgDigest
{
    private readonly byte[] _log;
    private readonly int _offset;
    private string? _hex;

    internal TcgDigest(ushort algorithm, byte[] log, int offset, int size)
    {
        Algorithm = algorithm;
        _log = log;
        _offset = offset;
        Size = size;
    }

    /// <summary>The TPM_ALG_ID of the bank.</summary>
    public ushort Algorithm { get; }

    /// <summary>The bank, named as tpm2-tools names it (sha1, sha256, ...).</summary>
    public string AlgorithmName => TpmNames.Algorithm(Algorithm);

    /// <summary>The digest size in bytes.</summary>
    public int Size { get; }

    /// <summary>The byte offset of the digest in the log.</summary>
    public int Offset => _offset;

    /// <summary>The digest as upper-case hex.</summary>
    public string Hex => _hex ??= SecureBootBytes.Hex(_log, _offset, Size);

    /// <summary>The digest bytes (a copy).</summary>
    public byte[] GetBytes() => SecureBootBytes.Copy(_log, _offset, Size);

    /// <summary>Whether the digest equals <paramref name="digest"/>[<paramref name="offset"/>..+Size).</summary>
    internal bool Equals(byte[] digest, int offset) => SecureBootBytes.Equal(_log, _offset, Size, digest, offset);

    /// <summary>Copies the digest to destination[offset..offset+Size).</summary>
    internal void CopyTo(byte[] destination, int offset) => System.Buffer.BlockCopy(_log, _offset, destination, offset, Size);

    /// <inheritdoc />
    public override string ToString() => AlgorithmName + ":" + Hex;
}
