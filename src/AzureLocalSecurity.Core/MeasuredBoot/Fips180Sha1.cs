using System.Runtime.CompilerServices;

namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>SHA-1 (FIPS 180-4 §6.1): 512-bit blocks, five 32-bit words of state, 80 steps.</summary>
internal sealed class Fips180Sha1 : Fips180Hash
{
    private readonly uint[] _state = new uint[5];
    private readonly uint[] _schedule = new uint[80];

    /// <summary>A SHA-1 hash.</summary>
    internal Fips180Sha1()
        : base(20, 64)
    {
    }

    /// <inheritdoc />
    protected override void Initialize()
    {
        // H(0), §5.3.1: given as such in the standard (not derived from primes).
        _state[0] = 0x67452301;
        _state[1] = 0xEFCDAB89;
        _state[2] = 0x98BADCFE;
        _state[3] = 0x10325476;
        _state[4] = 0xC3D2E1F0;
    }

    /// <inheritdoc />
    protected override void Compress(byte[] block, int offset)
    {
        var w = _schedule;
        for (var t = 0; t < 16; t++)
        {
            w[t] = ReadUInt32(block, offset + (4 * t));
        }

        for (var t = 16; t < 80; t++)
        {
            w[t] = RotateLeft1(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16]);
        }

        var s = _state;
        uint a = s[0], b = s[1], c = s[2], d = s[3], e = s[4];

        // §4.1.1 and §4.2.1: Ch with 0x5A827999 for steps 0-19, Parity with 0x6ED9EBA1 for 20-39, Maj with 0x8F1BBCDC for
        // 40-59, Parity with 0xCA62C1D6 for 60-79. Five steps per pass, the roles of a..e rotating instead of the values moving.
        for (var t = 0; t < 20; t += 5)
        {
            ChStep(a, ref b, c, d, ref e, w[t]);
            ChStep(e, ref a, b, c, ref d, w[t + 1]);
            ChStep(d, ref e, a, b, ref c, w[t + 2]);
            ChStep(c, ref d, e, a, ref b, w[t + 3]);
            ChStep(b, ref c, d, e, ref a, w[t + 4]);
        }

        for (var t = 20; t < 40; t += 5)
        {
            ParityStep(a, ref b, c, d, ref e, 0x6ED9EBA1u + w[t]);
            ParityStep(e, ref a, b, c, ref d, 0x6ED9EBA1u + w[t + 1]);
            ParityStep(d, ref e, a, b, ref c, 0x6ED9EBA1u + w[t + 2]);
            ParityStep(c, ref d, e, a, ref b, 0x6ED9EBA1u + w[t + 3]);
            ParityStep(b, ref c, d, e, ref a, 0x6ED9EBA1u + w[t + 4]);
        }

        for (var t = 40; t < 60; t += 5)
        {
            MajStep(a, ref b, c, d, ref e, w[t]);
            MajStep(e, ref a, b, c, ref d, w[t + 1]);
            MajStep(d, ref e, a, b, ref c, w[t + 2]);
            MajStep(c, ref d, e, a, ref b, w[t + 3]);
            MajStep(b, ref c, d, e, ref a, w[t + 4]);
        }

        for (var t = 60; t < 80; t += 5)
        {
            ParityStep(a, ref b, c, d, ref e, 0xCA62C1D6u + w[t]);
            ParityStep(e, ref a, b, c, ref d, 0xCA62C1D6u + w[t + 1]);
            ParityStep(d, ref e, a, b, ref c, 0xCA62C1D6u + w[t + 2]);
            ParityStep(c, ref d, e, a, ref b, 0xCA62C1D6u + w[t + 3]);
            ParityStep(b, ref c, d, e, ref a, 0xCA62C1D6u + w[t + 4]);
        }

        s[0] += a;
        s[1] += b;
        s[2] += c;
        s[3] += d;
        s[4] += e;
    }

    /// <inheritdoc />
    protected override void WriteDigest(byte[] output, int offset)
    {
        for (var i = 0; i < 5; i++)
        {
            WriteUInt32(_state[i], output, offset + (4 * i));
        }
    }

    // One step, T folded in: e += ROTL5(a) + f(b, c, d) + K + W and b = ROTL30(b), which leaves in e and b what §6.1.2 puts
    // in a and c once the caller rotates the names. ROTL^n is written as ROTR^(32-n).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ChStep(uint a, ref uint b, uint c, uint d, ref uint e, uint w)
    {
        e += RotateRight(a, 27) + ((b & c) ^ (~b & d)) + 0x5A827999u + w;
        b = RotateRight(b, 2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ParityStep(uint a, ref uint b, uint c, uint d, ref uint e, uint kw)
    {
        e += RotateRight(a, 27) + (b ^ c ^ d) + kw;
        b = RotateRight(b, 2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MajStep(uint a, ref uint b, uint c, uint d, ref uint e, uint w)
    {
        e += RotateRight(a, 27) + ((b & c) ^ (b & d) ^ (c & d)) + 0x8F1BBCDCu + w;
        b = RotateRight(b, 2);
    }

    // ROTL^1 (§3.2), written as ROTR^31.
    private static uint RotateLeft1(uint x) => RotateRight(x, 31);
}
