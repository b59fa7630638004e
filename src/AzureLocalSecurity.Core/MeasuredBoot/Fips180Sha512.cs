using System.Runtime.CompilerServices;

namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>
/// SHA-512 (FIPS 180-4 §6.4): 1024-bit blocks, eight 64-bit words of state, 80 rounds; and SHA-384 (§6.5), the same
/// computation from another initial value, truncated to its first 48 bytes.
/// </summary>
internal sealed class Fips180Sha512 : Fips180Hash
{
    private static readonly ulong[] RoundConstants = Fips180Constants.Sha512RoundConstants;
    private readonly ulong[] _initial;
    private readonly ulong[] _state = new ulong[8];
    private readonly ulong[] _schedule = new ulong[80];

    /// <summary>SHA-384 for a size of 48, SHA-512 for 64.</summary>
    internal Fips180Sha512(int size)
        : base(size, 128)
    {
        _initial = size == 48 ? Fips180Constants.Sha384Initial : Fips180Constants.Sha512Initial;
    }

    /// <inheritdoc />
    protected override void Initialize() => System.Array.Copy(_initial, _state, 8);

    /// <inheritdoc />
    protected override void Compress(byte[] block, int offset)
    {
        var w = _schedule;
        for (var t = 0; t < 16; t++)
        {
            w[t] = ReadUInt64(block, offset + (8 * t));
        }

        // σ0 = ROTR1 ^ ROTR8 ^ SHR7, σ1 = ROTR19 ^ ROTR61 ^ SHR6 (§4.1.3).
        for (var t = 16; t < 80; t++)
        {
            var x = w[t - 2];
            var y = w[t - 15];
            w[t] = (RotateRight(x, 19) ^ RotateRight(x, 61) ^ (x >> 6)) + w[t - 7] + (RotateRight(y, 1) ^ RotateRight(y, 8) ^ (y >> 7)) + w[t - 16];
        }

        var s = _state;
        var k = RoundConstants;
        ulong a = s[0], b = s[1], c = s[2], d = s[3], e = s[4], f = s[5], g = s[6], h = s[7];

        // Eight rounds per pass, the roles of a..h rotating instead of the values moving (§6.4.2 step 3).
        for (var t = 0; t < 80; t += 8)
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

    /// <summary>
    /// One round, T1 and T2 folded in: d += T1 and h = T1 + T2, which leaves in d and h what §6.4.2 puts in e and a once
    /// the caller rotates the names. Σ0 = ROTR28 ^ ROTR34 ^ ROTR39, Σ1 = ROTR14 ^ ROTR18 ^ ROTR41, Ch, Maj (§4.1.3).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round(ulong a, ulong b, ulong c, ref ulong d, ulong e, ulong f, ulong g, ref ulong h, ulong kw)
    {
        var t1 = h + (RotateRight(e, 14) ^ RotateRight(e, 18) ^ RotateRight(e, 41)) + ((e & f) ^ (~e & g)) + kw;
        d += t1;
        h = t1 + (RotateRight(a, 28) ^ RotateRight(a, 34) ^ RotateRight(a, 39)) + ((a & b) ^ (a & c) ^ (b & c));
    }

    /// <inheritdoc />
    protected override void WriteDigest(byte[] output, int offset)
    {
        for (var i = 0; i < Size / 8; i++)
        {
            WriteUInt64(_state[i], output, offset + (8 * i));
        }
    }
}
