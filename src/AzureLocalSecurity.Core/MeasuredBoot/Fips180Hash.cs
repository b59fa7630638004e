using System;
using System.Runtime.CompilerServices;

namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>
/// SHA-1, SHA-256, SHA-384 and SHA-512 in managed code, written from FIPS 180-4, for the PCR extends of a log replay: many
/// short messages (PCR || digest, 40 to 128 bytes) for which a call into the platform's hash costs more than the hashing
/// (bench/README.md). An instance hashes one message at a time, keeps its buffers between messages and allocates nothing
/// per message; it is not thread-safe.
/// </summary>
internal abstract class Fips180Hash
{
    // The message's last partial block, the 1 bit, the zeros and the length: one block, or two when they do not fit in one.
    private readonly byte[] _tail;

    /// <summary>Sets the digest and block sizes.</summary>
    protected Fips180Hash(int size, int blockSize)
    {
        Size = size;
        BlockSize = blockSize;
        _tail = new byte[2 * blockSize];
    }

    /// <summary>The digest size in bytes.</summary>
    internal int Size { get; }

    /// <summary>The block size in bytes (64 for SHA-1 and SHA-256, 128 for SHA-384 and SHA-512).</summary>
    internal int BlockSize { get; }

    /// <summary>The hash for a TPM_ALG_ID, or null for an algorithm that is not in FIPS 180-4 (SM3, SHA-3).</summary>
    internal static Fips180Hash? Create(ushort algorithm) => algorithm switch
    {
        TcgAlgorithm.Sha1 => new Fips180Sha1(),
        TcgAlgorithm.Sha256 => new Fips180Sha256(),
        TcgAlgorithm.Sha384 => new Fips180Sha512(48),
        TcgAlgorithm.Sha512 => new Fips180Sha512(64),
        _ => null,
    };

    /// <summary>
    /// Writes H(data[offset..offset+count)) to output[outputOffset..outputOffset+Size). The output may overlap the input
    /// only if the input is not read again after (the digest is written last).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A range lies outside its array.</exception>
    internal void Hash(byte[] data, int offset, int count, byte[] output, int outputOffset)
    {
        if (offset < 0 || count < 0 || offset > data.Length - count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "The message range lies outside the array.");
        }

        if (outputOffset < 0 || outputOffset > output.Length - Size)
        {
            throw new ArgumentOutOfRangeException(nameof(outputOffset), "The digest does not fit in the output array.");
        }

        Initialize();
        var position = offset;
        var end = offset + count;
        for (; end - position >= BlockSize; position += BlockSize)
        {
            Compress(data, position);
        }

        // Padding (§5.1.1, §5.1.2): a 1 bit, then zeros up to the last 8 (SHA-1, SHA-256) or 16 (SHA-384, SHA-512) bytes of
        // a block, which hold the message length in bits, big-endian. A length below 2^64 bits leaves the first 8 of 16 zero.
        var rest = end - position;
        if (rest == 0 && CompressLengthBlock(count))
        {
            WriteDigest(output, outputOffset);
            return;
        }

        var tailSize = rest + 1 + (BlockSize / 8) <= BlockSize ? BlockSize : 2 * BlockSize;
        Buffer.BlockCopy(data, position, _tail, 0, rest);
        _tail[rest] = 0x80;
        Array.Clear(_tail, rest + 1, tailSize - rest - 1);
        var bits = (ulong)count * 8;
        for (var i = 0; i < 8; i++)
        {
            _tail[tailSize - 1 - i] = (byte)(bits >> (8 * i));
        }

        Compress(_tail, 0);
        if (tailSize > BlockSize)
        {
            Compress(_tail, BlockSize);
        }

        WriteDigest(output, outputOffset);
    }

    /// <summary>Sets the state to the algorithm's initial hash value.</summary>
    protected abstract void Initialize();

    /// <summary>Processes the block at block[offset..offset+BlockSize).</summary>
    protected abstract void Compress(byte[] block, int offset);

    /// <summary>
    /// For a message of whole blocks, the last block holds only the padding: 0x80, zeros and the length, so its message
    /// schedule depends on the length alone. An algorithm that has that schedule ready for a length processes the block
    /// with it and returns true; otherwise (the default) it returns false and the block is built and compressed.
    /// </summary>
    protected virtual bool CompressLengthBlock(int count) => false;

    /// <summary>Writes the first Size bytes of the state, big-endian.</summary>
    protected abstract void WriteDigest(byte[] output, int offset);

    /// <summary>The big-endian 32-bit word at data[offset].</summary>
    protected static uint ReadUInt32(byte[] data, int offset) =>
        ((uint)data[offset] << 24) | ((uint)data[offset + 1] << 16) | ((uint)data[offset + 2] << 8) | data[offset + 3];

    /// <summary>The big-endian 64-bit word at data[offset].</summary>
    protected static ulong ReadUInt64(byte[] data, int offset) => ((ulong)ReadUInt32(data, offset) << 32) | ReadUInt32(data, offset + 4);

    /// <summary>Writes a 32-bit word big-endian, or its first <paramref name="count"/> bytes.</summary>
    protected static void WriteUInt32(uint value, byte[] output, int offset, int count = 4)
    {
        for (var i = 0; i < count; i++)
        {
            output[offset + i] = (byte)(value >> (24 - (8 * i)));
        }
    }

    /// <summary>Writes a 64-bit word big-endian, or its first <paramref name="count"/> bytes.</summary>
    protected static void WriteUInt64(ulong value, byte[] output, int offset, int count = 8)
    {
        for (var i = 0; i < count; i++)
        {
            output[offset + i] = (byte)(value >> (56 - (8 * i)));
        }
    }

    /// <summary>ROTR^n(x) on 32-bit words (§3.2); the JIT compiles this shape to one rotate instruction.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static uint RotateRight(uint x, int n) => (x >> n) | (x << (32 - n));

    /// <summary>ROTR^n(x) on 64-bit words (§3.2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static ulong RotateRight(ulong x, int n) => (x >> n) | (x << (64 - n));
}
