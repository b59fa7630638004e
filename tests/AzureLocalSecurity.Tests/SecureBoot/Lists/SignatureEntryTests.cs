using System;
using System.Linq;
using AzureLocalSecurity.SecureBoot;
using Xunit;

namespace AzureLocalSecurity.Tests.SecureBoot.Lists;

/// <summary>What each kind of EFI_SIGNATURE_DATA decodes to.</summary>
public class SignatureEntryTests
{
    [Fact]
    public void Entries_carry_their_list_and_entry_index_and_their_offset()
    {
        var data = new SignatureListBuilder()
            .List(SignatureListBuilder.Sha256, [new byte[32]])
            .List(SignatureListBuilder.Sha1, [new byte[20], SignatureListBuilder.Filled(20, 0xAB)])
            .ToArray();

        var entries = EfiSignatureDatabase.Parse(data).Entries;

        Assert.Equal([(0, 0, 28), (1, 0, 76 + 28), (1, 1, 76 + 28 + 36)], entries.Select(e => (e.ListIndex, e.EntryIndex, e.Offset)));
        Assert.Equal(EfiSignatureKind.Sha1, entries[2].Kind);
        Assert.Equal(string.Concat(Enumerable.Repeat("AB", 20)), entries[2].Hash);
    }

    [Fact]
    public void An_unknown_signature_type_is_kept_as_raw_entries()
    {
        var type = new Guid("01234567-89ab-cdef-0123-456789abcdef");
        var data = new SignatureListBuilder().List(type, [new byte[] { 1, 2, 3, 4, 5 }, new byte[] { 6, 7, 8, 9, 10 }]).ToArray();

        var contents = EfiSignatureDatabase.Parse(data);

        Assert.Equal(2, contents.Entries.Count);
        Assert.All(contents.Entries, e => Assert.Equal(EfiSignatureKind.Unknown, e.Kind));
        Assert.Equal("01234567-89ab-cdef-0123-456789abcdef", contents.Entries[0].SignatureTypeName);
        Assert.Equal(type, contents.Entries[0].SignatureType);
        Assert.Equal(new byte[] { 6, 7, 8, 9, 10 }, contents.Entries[1].GetData());
        Assert.Null(contents.Entries[1].Hash);
        Assert.Null(contents.Entries[1].Error);
    }

    [Fact]
    public void A_signature_header_is_kept_and_the_entries_follow_it()
    {
        var data = new SignatureListBuilder().List(SignatureListBuilder.Sha256, [SignatureListBuilder.Filled(32, 0x5A)], header: [1, 2, 3, 4]).ToArray();

        var list = Assert.Single(EfiSignatureDatabase.Parse(data).Lists);

        Assert.Equal(new byte[] { 1, 2, 3, 4 }, list.GetHeader());
        Assert.Equal(32, list.Entries[0].Offset);
        Assert.Equal(string.Concat(Enumerable.Repeat("5A", 32)), list.Entries[0].Hash);
    }

    [Fact]
    public void An_owner_the_module_does_not_name_has_no_owner_name()
    {
        var owner = new Guid("11111111-2222-3333-4444-555555555555");
        var entry = Assert.Single(EfiSignatureDatabase.Parse(new SignatureListBuilder().List(SignatureListBuilder.Sha256, [new byte[32]], owner: owner).ToArray()).Entries);

        Assert.Equal(owner, entry.Owner);
        Assert.Null(entry.OwnerName);
    }

    [Fact]
    public void A_certificate_hash_entry_carries_the_hash_and_the_time_of_revocation()
    {
        // EFI_TIME 2024-02-01 12:30:05, TimeZone 0.
        byte[] time = [0xE8, 0x07, 2, 1, 12, 30, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        var data = new SignatureListBuilder().List(SignatureListBuilder.X509Sha256, [[.. SignatureListBuilder.Filled(32, 0xC3), .. time]]).ToArray();

        var entry = Assert.Single(EfiSignatureDatabase.Parse(data).Entries);

        Assert.Equal(EfiSignatureKind.X509Sha256, entry.Kind);
        Assert.Equal(string.Concat(Enumerable.Repeat("C3", 32)), entry.Hash);
        Assert.Equal(new DateTime(2024, 2, 1, 12, 30, 5, DateTimeKind.Utc), entry.RevocationTime!.ToDateTime());
    }

    [Fact]
    public void A_time_of_revocation_of_zeros_is_not_a_date()
    {
        var data = new SignatureListBuilder().List(SignatureListBuilder.X509Sha256, [new byte[48]]).ToArray();

        var entry = Assert.Single(EfiSignatureDatabase.Parse(data).Entries);

        Assert.Null(entry.RevocationTime!.ToDateTime());
        Assert.Equal(0, entry.RevocationTime.Year);
    }

    [Fact]
    public void An_svn_record_of_an_unknown_format_is_kept_with_an_error()
    {
        var record = new byte[32];
        record[0] = 2;
        var data = new SignatureListBuilder().List(SignatureListBuilder.Sha256, [record], owner: SignatureListBuilder.WindowsSvn).ToArray();

        var entry = Assert.Single(EfiSignatureDatabase.Parse(data).Entries);

        Assert.Null(entry.Svn);
        Assert.Equal("Windows SVN record format 2 is not known (1 is).", entry.Error);
        Assert.Equal("02" + new string('0', 62), entry.Hash);
    }

    [Fact]
    public void An_svn_record_of_an_unknown_application_decodes_without_a_name()
    {
        var record = new byte[32];
        record[0] = 1;
        record[1] = 0x42;
        record[19] = 7;
        record[17] = 1;
        var data = new SignatureListBuilder().List(SignatureListBuilder.Sha256, [record], owner: SignatureListBuilder.WindowsSvn).ToArray();

        var svn = Assert.Single(EfiSignatureDatabase.Parse(data).Entries).Svn!;

        Assert.Null(svn.ApplicationName);
        Assert.Equal(new Guid("00000042-0000-0000-0000-000000000000"), svn.Application);
        Assert.Equal(new Version(7, 1), svn.Version);
    }

    [Fact]
    public void A_certificate_entry_that_is_not_a_certificate_is_kept_with_an_error()
    {
        // SEQUENCE { INTEGER 0 }: DER, but a PFX or ContentInfo shape, not a Certificate.
        var data = new SignatureListBuilder().List(SignatureListBuilder.X509, [new byte[] { 0x30, 0x03, 0x02, 0x01, 0x00 }]).ToArray();

        var entry = Assert.Single(EfiSignatureDatabase.Parse(data).Entries);

        Assert.Null(entry.Thumbprint);
        Assert.StartsWith("The data is not a DER X.509 certificate: TBSCertificate should have DER tag 0x30", entry.Error, StringComparison.Ordinal);
        Assert.Equal(new byte[] { 0x30, 0x03, 0x02, 0x01, 0x00 }, entry.GetData());
    }

    [Fact]
    public void A_certificate_dotnet_cannot_read_is_kept_with_its_reason()
    {
        var der = SecureBootVectors.Certificate("WindowsUEFICA2023.der");
        var validity = IndexOf(der, [0x17, 0x0D]);
        der[validity] = 0x04;
        var data = new SignatureListBuilder().List(SignatureListBuilder.X509, [der]).ToArray();

        var entry = Assert.Single(EfiSignatureDatabase.Parse(data).Entries);

        Assert.Null(entry.Subject);
        Assert.Null(entry.KnownName);
        Assert.StartsWith("The certificate could not be read: ", entry.Error, StringComparison.Ordinal);
        Assert.Equal(der, entry.GetData());
    }

    [Fact]
    public void A_database_finds_a_hash_it_holds_and_not_one_it_does_not()
    {
        var contents = EfiSignatureDatabase.Parse(new SignatureListBuilder().List(SignatureListBuilder.Sha256, [SignatureListBuilder.Filled(32, 0x11)]).ToArray());

        Assert.True(contents.ContainsHash(SignatureListBuilder.Filled(32, 0x11)));
        Assert.False(contents.ContainsHash(SignatureListBuilder.Filled(32, 0x12)));
        Assert.False(contents.ContainsHash(SignatureListBuilder.Filled(20, 0x11)));
    }

    [Fact]
    public void Changing_returned_data_does_not_change_the_entry()
    {
        var entry = Assert.Single(EfiSignatureDatabase.Parse(new SignatureListBuilder().List(SignatureListBuilder.Sha256, [new byte[32]]).ToArray()).Entries);

        entry.GetData()[0] = 0xFF;

        Assert.Equal(0, entry.GetData()[0]);
    }

    private static int IndexOf(byte[] data, byte[] pattern)
    {
        for (var i = 0; i + pattern.Length <= data.Length; i++)
        {
            if (data.AsSpan(i, pattern.Length).SequenceEqual(pattern))
            {
                return i;
            }
        }

        throw new InvalidOperationException("pattern not found");
    }
}
