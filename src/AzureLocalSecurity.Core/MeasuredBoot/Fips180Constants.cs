using System.Numerics;

namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>
/// The constants of FIPS 180-4 that are defined as digits of roots of primes, computed from that definition with exact
/// integer arithmetic rather than typed in: the round constants (§4.2.2, §4.2.3: the fractional parts of the cube roots of
/// the first 64 and 80 primes) and the initial hash values (§5.3.3, §5.3.4, §5.3.5: the fractional parts of the square
/// roots of the first 8 primes, and of the 9th to 16th for SHA-384). Computed once, when the type is first used.
/// </summary>
internal static class Fips180Constants
{
    private static readonly int[] Primes = FirstPrimes(80);

    /// <summary>SHA-384 and SHA-512 K0..K79: the first 64 bits of the fractional parts of the cube roots of the first 80 primes.</summary>
    internal static readonly ulong[] Sha512RoundConstants = FractionBits(3, 0, 80);

    /// <summary>SHA-256 K0..K63: the first 32 bits of the fractional parts of the cube roots of the first 64 primes.</summary>
    internal static readonly uint[] Sha256RoundConstants = High32(Sha512RoundConstants, 64);

    /// <summary>SHA-512 H(0): the first 64 bits of the fractional parts of the square roots of the first 8 primes.</summary>
    internal static readonly ulong[] Sha512Initial = FractionBits(2, 0, 8);

    /// <summary>SHA-384 H(0): the first 64 bits of the fractional parts of the square roots of the 9th to 16th primes.</summary>
    internal static readonly ulong[] Sha384Initial = FractionBits(2, 8, 8);

    /// <summary>SHA-256 H(0): the first 32 bits of the fractional parts of the square roots of the first 8 primes.</summary>
    internal static readonly uint[] Sha256Initial = High32(Sha512Initial, 8);

    /// <summary>
    /// The first 64 bits of the fractional part of the <paramref name="degree"/>-th root of each of <paramref name="count"/>
    /// primes from the <paramref name="first"/>-th (0-based): floor(root(p · 2^(64·degree))) modulo 2^64.
    /// </summary>
    private static ulong[] FractionBits(int degree, int first, int count)
    {
        var result = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            var root = IntegerRoot(new BigInteger(Primes[first + i]) << (64 * degree), degree);
            result[i] = (ulong)(root & ulong.MaxValue);
        }

        return result;
    }

    /// <summary>floor(value^(1/degree)) for a positive value, by Newton's method from above.</summary>
    private static BigInteger IntegerRoot(BigInteger value, int degree)
    {
        var bits = 0;
        for (var v = value; v > 0; v >>= 1)
        {
            bits++;
        }

        // 2^ceil(bits/degree) is at least the root; from above, each step decreases until it reaches the floor.
        var x = BigInteger.One << ((bits + degree - 1) / degree);
        while (true)
        {
            var next = (((degree - 1) * x) + (value / BigInteger.Pow(x, degree - 1))) / degree;
            if (next >= x)
            {
                return x;
            }

            x = next;
        }
    }

    private static uint[] High32(ulong[] values, int count)
    {
        var result = new uint[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = (uint)(values[i] >> 32);
        }

        return result;
    }

    private static int[] FirstPrimes(int count)
    {
        var primes = new int[count];
        var found = 0;
        for (var n = 2; found < count; n++)
        {
            var prime = true;
            for (var i = 0; i < found && primes[i] * primes[i] <= n; i++)
            {
                if (n % primes[i] == 0)
                {
                    prime = false;
                    break;
                }
            }

            if (prime)
            {
                primes[found++] = n;
            }
        }

        return primes;
    }
}
