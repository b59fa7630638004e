using System;
using AzureLocalSecurity.SecureBoot;
using Xunit;

namespace AzureLocalSecurity.Tests.SecureBoot.Lists;

/// <summary>
/// Malformed signature databases: each is refused with an EfiFormatException naming the byte that is wrong. A valid
/// SHA-256 list of two entries is 28 + 2 × 48 = 124 bytes: ListSize at 16, HeaderSize at 20, SignatureSize at 24.
/// </summary>
public class SignatureDatabaseFormatTests
{
    private static readonly byte[][] TwoHashes = [SignatureListBuilder.Filled(32, 0x11), SignatureListBuilder.Filled(32, 0x22)];

    private static EfiFormatException Refused(byte[] data, EfiParseOptions? options = null) =>
        Assert.Throws<EfiFormatException>(() => EfiSignatureDatabase.Parse(data, options));

    [Fact]
    public void A_list_header_cut_short_is_refused_at_its_start()
    {
        var ex = Refused(new SignatureListBuilder().Raw(new byte[20]).ToArray());

        Assert.Equal(0, ex.Offset);
        Assert.Equal("an EFI_SIGNATURE_LIST header needs 28 bytes but only 20 are left", ex.Problem);
    }

    [Fact]
    public void Bytes_after_the_last_list_too_few_for_a_header_are_refused_where_they_start()
    {
        var ex = Refused(new SignatureListBuilder().List(SignatureListBuilder.Sha256, TwoHashes).Raw(new byte[10]).ToArray());

        Assert.Equal(124, ex.Offset);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(27u)]
    public void A_list_size_smaller_than_the_header_is_refused_at_the_list_size(uint listSize)
    {
        var ex = Refused(new SignatureListBuilder().List(SignatureListBuilder.Sha256, TwoHashes, listSize: listSize).ToArray());

        Assert.Equal(16, ex.Offset);
    }

    [Theory]
    [InlineData(125u)]
    [InlineData(0xFFFFFFFFu)]
    public void A_list_size_beyond_the_data_is_refused_at_the_list_size(uint listSize)
    {
        var ex = Refused(new SignatureListBuilder().List(SignatureListBuilder.Sha256, TwoHashes, listSize: listSize).ToArray());

        Assert.Equal(16, ex.Offset);
        Assert.Contains("only 124 bytes are left", ex.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(97u)]
    [InlineData(0xFFFFFFFFu)]
    public void A_header_size_that_overruns_the_list_is_refused_at_the_header_size(uint headerSize)
    {
        var ex = Refused(new SignatureListBuilder().List(SignatureListBuilder.Sha256, TwoHashes, headerSize: headerSize).ToArray());

        Assert.Equal(20, ex.Offset);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(16u)]
    public void A_signature_size_without_data_after_the_owner_is_refused_at_the_signature_size(uint signatureSize)
    {
        var ex = Refused(new SignatureListBuilder().List(SignatureListBuilder.X509, [new byte[32]], signatureSize: signatureSize).ToArray());

        Assert.Equal(24, ex.Offset);
    }

    [Fact]
    public void A_sha256_list_whose_entries_are_not_48_bytes_is_refused_at_the_signature_size()
    {
        var ex = Refused(new SignatureListBuilder().List(SignatureListBuilder.Sha256, [new byte[24], new byte[24]]).ToArray());

        Assert.Equal(24, ex.Offset);
        Assert.Equal("SignatureSize is 40; EFI_CERT_SHA256_GUID entries are 48 bytes", ex.Problem);
    }

    [Fact]
    public void A_partial_entry_is_refused_where_it_starts()
    {
        var data = new SignatureListBuilder().List(SignatureListBuilder.Sha256, TwoHashes, listSize: 124 + 10).Raw(new byte[10]).ToArray();

        var ex = Refused(data);

        Assert.Equal(124, ex.Offset);
        Assert.Equal("a partial entry: 10 bytes where a 48-byte entry was due", ex.Problem);
    }

    [Fact]
    public void A_partial_entry_after_a_signature_header_is_refused_where_it_starts()
    {
        var data = new SignatureListBuilder()
            .List(SignatureListBuilder.Sha256, [new byte[32]], header: [1, 2, 3, 4], listSize: 28 + 4 + 48 + 20)
            .Raw(new byte[20])
            .ToArray();

        var ex = Refused(data);

        Assert.Equal(28 + 4 + 48, ex.Offset);
    }

    /// <summary>An afl++ finding: the u32 size was taken as a negative int (fuzz/corpus/efi-signature-list/finding-*).</summary>
    [Fact]
    public void A_signature_size_larger_than_the_list_is_refused_as_a_partial_entry_at_the_first_entry()
    {
        var data = new SignatureListBuilder().List(SignatureListBuilder.X509, [new byte[32]], signatureSize: 0xFFFFFFFF).ToArray();

        var ex = Refused(data);

        Assert.Equal(28, ex.Offset);
        Assert.Equal("a partial entry: 48 bytes where a 4294967295-byte entry was due", ex.Problem);
    }

    /// <summary>An afl++ finding: a list of no entries may declare any SignatureSize above 16, even one past int.MaxValue.</summary>
    [Fact]
    public void A_list_of_no_entries_keeps_a_signature_size_beyond_the_int_range()
    {
        var data = new SignatureListBuilder().List(SignatureListBuilder.X509, [], signatureSize: 0xA0BAA8A3).ToArray();

        var list = Assert.Single(EfiSignatureDatabase.Parse(data).Lists);

        Assert.Equal(0xA0BAA8A3u, list.SignatureSize);
        Assert.Empty(list.Entries);
    }

    [Fact]
    public void More_lists_than_allowed_are_refused_at_the_first_list_too_many()
    {
        var builder = new SignatureListBuilder();
        for (var i = 0; i < 3; i++)
        {
            builder.List(SignatureListBuilder.Sha256, TwoHashes);
        }

        var ex = Refused(builder.ToArray(), new EfiParseOptions { MaxLists = 2 });

        Assert.Equal(248, ex.Offset);
    }

    [Fact]
    public void More_entries_than_allowed_are_refused_at_the_size_of_the_list_that_passes_the_limit()
    {
        var data = new SignatureListBuilder().List(SignatureListBuilder.Sha256, TwoHashes).List(SignatureListBuilder.Sha256, TwoHashes).ToArray();

        var ex = Refused(data, new EfiParseOptions { MaxEntries = 3 });

        Assert.Equal(124 + 16, ex.Offset);
    }

    [Fact]
    public void An_input_longer_than_allowed_is_refused_at_the_limit()
    {
        var data = new SignatureListBuilder().List(SignatureListBuilder.Sha256, TwoHashes).ToArray();

        var ex = Refused(data, new EfiParseOptions { MaxInputLength = 100 });

        Assert.Equal(100, ex.Offset);
    }

    [Fact]
    public void The_default_input_limit_is_4_mib()
    {
        var ex = Refused(new byte[(4 * 1024 * 1024) + 1]);

        Assert.Equal(4 * 1024 * 1024, ex.Offset);
    }

    [Fact]
    public void A_limit_that_is_not_positive_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EfiParseOptions { MaxEntries = 0 });
    }

    [Fact]
    public void Empty_data_is_an_empty_database()
    {
        var contents = EfiSignatureDatabase.Parse([]);

        Assert.Empty(contents.Lists);
        Assert.Empty(contents.Entries);
    }

    [Fact]
    public void A_list_of_no_entries_is_read()
    {
        var contents = EfiSignatureDatabase.Parse(new SignatureListBuilder().List(SignatureListBuilder.Sha256, [], signatureSize: 48).ToArray());

        var list = Assert.Single(contents.Lists);
        Assert.Empty(list.Entries);
        Assert.Equal(28, list.ListSize);
    }
}
