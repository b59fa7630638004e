using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.SecureBoot;
using Xunit;

namespace AzureLocalSecurity.Tests.SecureBoot.Lists;

/// <summary>
/// Damaged copies of DBXUpdate2024.bin (5,052 bytes: EFI_TIME 0–15, dwLength 16, wRevision 20, wCertificateType 22,
/// CertType 24, PKCS#7 40–3336, an X.509 list at 3337 and a SHA-256 list of 172 bytes at 4880).
/// </summary>
public class AuthenticatedVariableFormatTests
{
    private static byte[] Original => SecureBootVectors.Read(SecureBootVectors.DbxUpdate2024);

    private static EfiFormatException Refused(byte[] data, EfiParseOptions? options = null) =>
        Assert.Throws<EfiFormatException>(() => EfiAuthenticatedVariable.Parse(data, options));

    private static byte[] Changed(Action<byte[]> change)
    {
        var data = Original;
        change(data);
        return data;
    }

    [Fact]
    public void Data_shorter_than_the_timestamp_is_refused_at_byte_0()
    {
        Assert.Equal(0, Refused(Original.Take(10).ToArray()).Offset);
    }

    [Fact]
    public void Data_shorter_than_the_certificate_header_is_refused_at_dwlength()
    {
        var ex = Refused(Original.Take(30).ToArray());

        Assert.Equal(16, ex.Offset);
        Assert.Equal("WIN_CERTIFICATE_UEFI_GUID needs 24 bytes but only 14 are left", ex.Problem);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(23u)]
    [InlineData(5037u)]
    [InlineData(0xFFFFFFFFu)]
    public void A_dwlength_shorter_than_the_header_or_beyond_the_data_is_refused_at_dwlength(uint length)
    {
        var ex = Refused(Changed(d => BitConverter.GetBytes(length).CopyTo(d, 16)));

        Assert.Equal(16, ex.Offset);
    }

    [Fact]
    public void A_revision_other_than_0x0200_is_refused_at_wrevision()
    {
        var ex = Refused(Changed(d => d[21] = 0x01));

        Assert.Equal(20, ex.Offset);
        Assert.Equal("wRevision is 0x0100; UEFI requires 0x0200", ex.Problem);
    }

    [Fact]
    public void A_certificate_type_other_than_efi_guid_is_refused_at_wcertificatetype()
    {
        var ex = Refused(Changed(d => BitConverter.GetBytes((ushort)0x0002).CopyTo(d, 22)));

        Assert.Equal(22, ex.Offset);
    }

    [Fact]
    public void A_cert_type_other_than_pkcs7_is_refused_at_certtype()
    {
        var ex = Refused(Changed(d => d[24] ^= 0xFF));

        Assert.Equal(24, ex.Offset);
    }

    [Fact]
    public void A_payload_cut_short_is_refused_at_the_size_of_its_last_list_in_the_whole_input()
    {
        var ex = Refused(Original.Take(5051).ToArray());

        Assert.Equal(4880 + 16, ex.Offset);
        Assert.Equal("SignatureListSize is 172 but only 171 bytes are left", ex.Problem);
    }

    [Fact]
    public void Bytes_after_the_payload_too_few_for_a_list_are_refused_where_they_start()
    {
        var ex = Refused([.. Original, 1, 2, 3, 4, 5]);

        Assert.Equal(5052, ex.Offset);
    }

    [Fact]
    public void An_update_longer_than_allowed_is_refused_at_the_limit()
    {
        var ex = Refused(Original, new EfiParseOptions { MaxInputLength = 5000 });

        Assert.Equal(5000, ex.Offset);
    }

    [Fact]
    public void Pkcs7_that_cannot_be_walked_leaves_the_certificates_unknown_and_the_payload_read()
    {
        var update = EfiAuthenticatedVariable.Parse(Changed(d => d[40] = 0x31));

        Assert.Empty(update.Certificates);
        Assert.Equal("The PKCS#7 SignedData could not be walked at byte 40: SignedData should have DER tag 0x30, not 0x31.", update.CertificatesError);
        Assert.Equal(4, update.Payload.Entries.Count);
    }

    [Fact]
    public void An_update_without_pkcs7_data_says_so_and_reads_its_payload()
    {
        var original = SecureBootVectors.Read(SecureBootVectors.DbUpdate2024);
        var data = new List<byte>();
        data.AddRange(original.Take(16));
        data.AddRange(BitConverter.GetBytes(24));
        data.AddRange(original.Skip(20).Take(20));
        data.AddRange(SecureBootVectors.Payload(original));

        var update = EfiAuthenticatedVariable.Parse([.. data]);

        Assert.Equal("There is no PKCS#7 data.", update.CertificatesError);
        Assert.Equal(0, update.Pkcs7Length);
        Assert.Equal(40, update.PayloadOffset);
        Assert.Equal("Windows UEFI CA 2023", Assert.Single(update.Payload.Entries).KnownName);
    }

    [Fact]
    public void Pkcs7_wrapped_in_a_content_info_gives_the_same_signer()
    {
        var original = SecureBootVectors.Read(SecureBootVectors.DbxUpdateAmd64);
        var signedData = original.Skip(40).Take(BitConverter.ToInt32(original, 16) - 24).ToArray();
        byte[] oid = [0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x02];
        var contentInfo = Der(0x30, [.. oid, .. Der(0xA0, signedData)]);
        var data = new List<byte>();
        data.AddRange(original.Take(16));
        data.AddRange(BitConverter.GetBytes(24 + contentInfo.Length));
        data.AddRange(original.Skip(20).Take(20));
        data.AddRange(contentInfo);
        data.AddRange(SecureBootVectors.Payload(original));

        var update = EfiAuthenticatedVariable.Parse([.. data]);

        Assert.Null(update.CertificatesError);
        Assert.Equal(2, update.Certificates.Count);
        Assert.Contains("CN=Microsoft Windows UEFI Key Exchange Key", Assert.Single(update.Signers).Subject, StringComparison.Ordinal);
        Assert.Equal(443, update.Payload.Entries.Count);
    }

    [Fact]
    public void The_pkcs7_bytes_are_returned_as_the_file_holds_them()
    {
        var original = Original;

        var update = EfiAuthenticatedVariable.Parse(original);

        Assert.Equal(original.Skip(40).Take(3297).ToArray(), update.GetPkcs7());
    }

    private static byte[] Der(byte tag, byte[] content)
    {
        var length = content.Length;
        byte[] header = length < 0x80 ? [tag, (byte)length]
            : length < 0x100 ? [tag, 0x81, (byte)length]
            : [tag, 0x82, (byte)(length >> 8), (byte)length];
        return [.. header, .. content];
    }
}
