namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>SHA-256 (FIPS 180-4 §6.2): 512-bit blocks, eight 32-bit words of state, 64 rounds.</summary>
internal sealed class Fips180Sha256 : Fips180Hash
{
    private static readonly uint[] RoundConstants = Fips180Constants.Sha256RoundConstants;
    private static readonly uint[] InitialState = Fips180Constants.Sha256Initial;
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
    protected override void Compress(byte[] block, int offset)
    {
        var w = _schedule;
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

        var s = _state;
        var k = RoundConstants;
        uint a = s[0], b = s[1], c = s[2], d = s[3], e = s[4], f = s[5], g = s[6], h = s[7];

        // Σ0 = ROTR2 ^ ROTR13 ^ ROTR22, Σ1 = ROTR6 ^ ROTR11 ^ ROTR25, Ch, Maj (§4.1.2).
        for (var t = 0; t < 64; t++)
        {
            var t1 = h + (RotateRight(e, 6) ^ RotateRight(e, 11) ^ RotateRight(e, 25)) + ((e & f) ^ (~e & g)) + k[t] + w[t];
            var t2 = (RotateRight(a, 2) ^ RotateRight(a, 13) ^ RotateRight(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
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

    /// <inheritdoc />
    protected override void WriteDigest(byte[] output, int offset)
    {
        for (var i = 0; i < 8; i++)
        {
            WriteUInt32(_state[i], output, offset + (4 * i));
        }
    }
}
