using System;
using System.Security.Cryptography;
using System.Text;
using AzureLocalSecurity.MeasuredBoot;
using Xunit;

namespace AzureLocalSecurity.Tests.MeasuredBoot;

public class Fips180HashTests
{
    public static TheoryData<ushort> Algorithms => new() { TcgAlgorithm.Sha1, TcgAlgorithm.Sha256, TcgAlgorithm.Sha384, TcgAlgorithm.Sha512 };

    // FIPS 180-4's examples (NIST CSRC "Examples with intermediate values"): "abc" (one block), the 448-bit message
    // (SHA-1, SHA-256: two blocks, the padding in the second) and the 896-bit message (SHA-384, SHA-512: two blocks).
    [Theory]
    [InlineData(TcgAlgorithm.Sha1, "abc", "A9993E364706816ABA3E25717850C26C9CD0D89D")]
    [InlineData(TcgAlgorithm.Sha256, "abc", "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD")]
    [InlineData(TcgAlgorithm.Sha384, "abc", "CB00753F45A35E8BB5A03D699AC65007272C32AB0EDED1631A8B605A43FF5BED8086072BA1E7CC2358BAECA134C825A7")]
    [InlineData(TcgAlgorithm.Sha512, "abc", "DDAF35A193617ABACC417349AE20413112E6FA4E89A97EA20A9EEEE64B55D39A2192992A274FC1A836BA3C23A3FEEBBD454D4423643CE80E2A9AC94FA54CA49F")]
    [InlineData(TcgAlgorithm.Sha1, "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "84983E441C3BD26EBAAE4AA1F95129E5E54670F1")]
    [InlineData(TcgAlgorithm.Sha256, "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248D6A61D20638B8E5C026930C3E6039A33CE45964FF2167F6ECEDD419DB06C1")]
    [InlineData(TcgAlgorithm.Sha384, "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", "09330C33F71147E83D192FC782CD1B4753111B173B3B05D22FA08086E3B0F712FCC7C71A557E2DB966C3E9FA91746039")]
    [InlineData(TcgAlgorithm.Sha512, "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", "8E959B75DAE313DA8CF4F72814FC143F8F7779C6EB9F7FA17299AEADB6889018501D289E4900F7E4331B99DEC4B5433AC7D329EEB6DD26545E96E55B874BE909")]
    public void Hashes_the_fips_180_examples(ushort algorithm, string message, string expected)
    {
        var hash = Fips180Hash.Create(algorithm)!;
        var data = Encoding.ASCII.GetBytes(message);
        var output = new byte[hash.Size];

        hash.Hash(data, 0, data.Length, output, 0);

        Assert.Equal(expected, Convert.ToHexString(output));
    }

    // Every length from 0 to 300 crosses each padding case: the length field fits in the last block or needs another, and
    // the message is 0 to 4 (SHA-1, SHA-256) or 0 to 2 (SHA-384, SHA-512) full blocks. The data sits at an offset in a
    // larger array, and the digest is written at an offset, so the ranges are honoured.
    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Matches_the_platform_hash_for_random_messages_of_every_length_up_to_300(ushort algorithm)
    {
        var hash = Fips180Hash.Create(algorithm)!;
        var random = new Random(algorithm);
        var buffer = new byte[300 + 17];
        var output = new byte[hash.Size + 5];
        for (var length = 0; length <= 300; length++)
        {
            random.NextBytes(buffer);
            var offset = random.Next(0, 18);
            hash.Hash(buffer, offset, length, output, 3);

            var expected = PlatformHash(algorithm, buffer.AsSpan(offset, length));
            Assert.True(expected.AsSpan().SequenceEqual(output.AsSpan(3, hash.Size)), $"length {length}: {Convert.ToHexString(output, 3, hash.Size)} != {Convert.ToHexString(expected)}");
        }
    }

    [Fact]
    public void The_derived_constants_are_the_ones_fips_180_lists()
    {
        // §4.2.2, §4.2.3, §5.3.3-§5.3.5: the first and last of each table as the standard prints them.
        Assert.Equal(0x428A2F98u, Fips180Constants.Sha256RoundConstants[0]);
        Assert.Equal(0xC67178F2u, Fips180Constants.Sha256RoundConstants[63]);
        Assert.Equal(0x428A2F98D728AE22ul, Fips180Constants.Sha512RoundConstants[0]);
        Assert.Equal(0x6C44198C4A475817ul, Fips180Constants.Sha512RoundConstants[79]);
        Assert.Equal(0x6A09E667u, Fips180Constants.Sha256Initial[0]);
        Assert.Equal(0x5BE0CD19u, Fips180Constants.Sha256Initial[7]);
        Assert.Equal(0xCBBB9D5DC1059ED8ul, Fips180Constants.Sha384Initial[0]);
        Assert.Equal(0x47B5481DBEFA4FA4ul, Fips180Constants.Sha384Initial[7]);
        Assert.Equal(0x6A09E667F3BCC908ul, Fips180Constants.Sha512Initial[0]);
        Assert.Equal(0x5BE0CD19137E2179ul, Fips180Constants.Sha512Initial[7]);
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void An_extend_is_the_hash_of_the_pcr_and_the_digest_and_chains(ushort algorithm)
    {
        using var hasher = PcrHasher.Create(algorithm)!;
        var size = hasher.Size;
        var random = new Random(algorithm + 1);
        var log = new byte[3 * size];
        random.NextBytes(log);
        var pcr = new byte[size];
        var expected = new byte[size];
        for (var i = 0; i < 3; i++)
        {
            var digest = new TcgDigest(algorithm, log, i * size, size);
            var message = new byte[2 * size];
            expected.CopyTo(message, 0);
            Array.Copy(log, i * size, message, size, size);
            expected = PlatformHash(algorithm, message);

            hasher.Extend(pcr, digest);

            Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(pcr));
        }
    }

    [Fact]
    public void Sm3_and_sha3_have_no_hash_here()
    {
        Assert.Null(Fips180Hash.Create(TcgAlgorithm.Sm3256));
        Assert.Null(Fips180Hash.Create(0x0027));
        Assert.Null(PcrHasher.Create(TcgAlgorithm.Sm3256));
    }

    [Fact]
    public void A_range_outside_its_array_is_refused()
    {
        var hash = Fips180Hash.Create(TcgAlgorithm.Sha256)!;
        var data = new byte[10];

        Assert.Throws<ArgumentOutOfRangeException>(() => hash.Hash(data, 5, 6, new byte[32], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => hash.Hash(data, -1, 2, new byte[32], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => hash.Hash(data, 0, 10, new byte[40], 9));
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "SHA-1 is a PCR bank: the managed SHA-1 is checked against the platform's.")]
    private static byte[] PlatformHash(ushort algorithm, ReadOnlySpan<byte> data) => algorithm switch
    {
        TcgAlgorithm.Sha1 => SHA1.HashData(data),
        TcgAlgorithm.Sha256 => SHA256.HashData(data),
        TcgAlgorithm.Sha384 => SHA384.HashData(data),
        _ => SHA512.HashData(data),
    };
}
