using System.Runtime.CompilerServices;

namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>SHA-256 (FIPS 180-4 §6.2): 512-bit blocks, eight 32-bit words of state, 64 rounds.</summary>
internal sealed class Fips180Sha256 : Fips180Hash
{
    private static readonly uint[] RoundConstants = Fips180Constants.Sha256RoundConstants;
    private static readonly uint[] InitialState = Fips180Constants.Sha256Initial;

    // An extend of a SHA-256 bank hashes 64 bytes (PCR || digest): its second block is 0x80, zeros and the length 512, the
    // same every time, so the schedule of that block is expanded once here; every extend still runs all 64 rounds on it.
    private static readonly uint[] ExtendLengthSchedule = LengthBlockSchedule(64);
    private static readonly uint[] NoConstants = new uint[64];
    private readonly uint[] _state = new uint[8];
    private readonly uint[] _schedule = new uint[64];

    /// <summary>A SHA-256 hash.</summary>
    internal Fips180Sha256()
        : base(32, 64)
    {
    }

    /// <inheritdoc />
    protected override void Initialize() => System.Array.Copy(InitialState, _state, 8);

    /// <inheritdoc />
    protected override void Compress(byte[] block, int offset) => Rounds(RoundConstants, Schedule(block, offset, _schedule));

    /// <inheritdoc />
    protected override bool CompressLengthBlock(int count)
    {
        if (count != 64)
        {
            return false;
        }

        Rounds(ExtendLengthSchedule, NoConstants);
        return true;
    }

    /// <summary>The 64 rounds on the state with K + W given as k[t] + w[t], then the addition to the state (§6.2.2 steps 2 to 4).</summary>
    private void Rounds(uint[] k, uint[] w)
    {
        var s = _state;
        uint a = s[0], b = s[1], c = s[2], d = s[3], e = s[4], f = s[5], g = s[6], h = s[7];

        // Eight rounds per pass, the roles of a..h rotating instead of the values moving (§6.2.2 step 3).
        for (var t = 0; t < 64; t += 8)
        {
            Round(a, b, c, ref d, e, f, g, ref h, k[t] + w[t]);
            Round(h, a, b, ref c, d, e, f, ref g, k[t + 1] + w[t + 1]);
            Round(g, h, a, ref b, c, d, e, ref f, k[t + 2] + w[t + 2]);
            Round(f, g, h, ref a, b, c, d, ref e, k[t + 3] + w[t + 3]);
            Round(e, f, g, ref h, a, b, c, ref d, k[t + 4] + w[t + 4]);
            Round(d, e, f, ref g, h, a, b, ref c, k[t + 5] + w[t + 5]);
            Round(c, d, e, ref f, g, h, a, ref b, k[t + 6] + w[t + 6]);
            Round(b, c, d, ref e, f, g, h, ref a, k[t + 7] + w[t + 7]);
        }

        s[0] += a;
        s[1] += b;
        s[2] += c;
        s[3] += d;
        s[4] += e;
        s[5] += f;
        s[6] += g;
        s[7] += h;
    }

    /// <summary>K[t] + W[t] for the block that holds only the padding of a message of <paramref name="count"/> bytes, a multiple of 64.</summary>
    private static uint[] LengthBlockSchedule(int count)
    {
        var block = new byte[64];
        block[0] = 0x80;
        var bits = (ulong)count * 8;
        for (var i = 0; i < 8; i++)
        {
            block[63 - i] = (byte)(bits >> (8 * i));
        }

        var w = Schedule(block, 0, new uint[64]);
        for (var t = 0; t < 64; t++)
        {
            w[t] += RoundConstants[t];
        }

        return w;
    }

    /// <summary>W0..W63 of the block at block[offset] (§6.2.2 step 1), into w.</summary>
    private static uint[] Schedule(byte[] block, int offset, uint[] w)
    {
        for (var t = 0; t < 16; t++)
        {
            w[t] = ReadUInt32(block, offset + (4 * t));
        }

        // σ0 = ROTR7 ^ ROTR18 ^ SHR3, σ1 = ROTR17 ^ ROTR19 ^ SHR10 (§4.1.2).
        for (var t = 16; t < 64; t++)
        {
            var x = w[t - 2];
            var y = w[t - 15];
            w[t] = (RotateRight(x, 17) ^ RotateRight(x, 19) ^ (x >> 10)) + w[t - 7] + (RotateRight(y, 7) ^ RotateRight(y, 18) ^ (y >> 3)) + w[t - 16];
        }

        return w;
    }

    /// <summary>
    /// One round, T1 and T2 folded in: d += T1 and h = T1 + T2, which leaves in d and h what §6.2.2 puts in e and a once
    /// the caller rotates the names. Σ0 = ROTR2 ^ ROTR13 ^ ROTR22, Σ1 = ROTR6 ^ ROTR11 ^ ROTR25, Ch, Maj (§4.1.2).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round(uint a, uint b, uint c, ref uint d, uint e, uint f, uint g, ref uint h, uint kw)
    {
        var t1 = h + (RotateRight(e, 6) ^ RotateRight(e, 11) ^ RotateRight(e, 25)) + ((e & f) ^ (~e & g)) + kw;
        d += t1;
        h = t1 + (RotateRight(a, 2) ^ RotateRight(a, 13) ^ RotateRight(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
    }

    /// <inheritdoc />
    protected override void WriteDigest(byte[] output, int offset)
    {
        for (var i = 0; i < 8; i++)
        {
            WriteUInt32(_state[i], output, offset + (4 * i));
        }
    }
}
