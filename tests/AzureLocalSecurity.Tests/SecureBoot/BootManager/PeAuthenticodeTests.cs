using System;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using AzureLocalSecurity.SecureBoot;
using AzureLocalSecurity.SecureBoot.BootManager;
using Xunit;

namespace AzureLocalSecurity.Tests.SecureBoot.BootManager;

/// <summary>
/// PeAuthenticode on Debian's signed shim (two signatures: Microsoft Corporation UEFI CA 2011 and Microsoft UEFI CA 2023),
/// Debian's grub (Debian's own CA), an unsigned systemd stub, and hand-made images for each malformed field. Expected
/// thumbprints and dates were read with openssl from the SignedData bytes (PROVENANCE.md).
/// </summary>
public class PeAuthenticodeTests
{
    /// <summary>1.2.840.113549.1.7.2 id-signedData and 1.2.840.113549.1.7.1 id-data, as DER OIDs.</summary>
    private static readonly byte[] SignedDataOid = PeImages.Der(0x06, [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x02]);
    private static readonly byte[] DataOid = PeImages.Der(0x06, [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x01]);

    [Fact]
    public void Shim_has_the_two_win_certificates_of_its_security_directory()
    {
        var result = PeAuthenticode.Read(PeImages.Read(PeImages.Shim));

        Assert.True(result.IsSigned);
        Assert.Equal(0x8664, result.Machine);
        Assert.True(result.IsPe32Plus);
        Assert.Equal(0xFB410, result.SecurityDirectoryOffset);
        Assert.Equal(19368, result.SecurityDirectorySize);
        Assert.Equal([0xFB410, 0xFDA50], result.Signatures.Select(s => s.Offset));
        Assert.Equal([9792, 9576], result.Signatures.Select(s => s.Length));
        Assert.Null(result.UnknownReason);
    }

    [Fact]
    public void Shims_first_signer_chains_to_the_uefi_ca_2011_by_thumbprint()
    {
        var signature = PeAuthenticode.Read(PeImages.Read(PeImages.Shim)).Signatures[0];

        Assert.Equal("78445F8373DD4A171E00C9D968A533FB4DFAB391", signature.Signer!.Thumbprint);
        Assert.StartsWith("CN=Microsoft Windows UEFI Driver Publisher,", signature.Signer.Subject, StringComparison.Ordinal);
        Assert.Equal(new DateTime(2026, 6, 26, 19, 35, 19, DateTimeKind.Utc), signature.Signer.NotAfter);
        Assert.Equal(MicrosoftSecureBootCertificates.UefiCa2011, signature.ChainsTo!.Name);
        Assert.False(signature.ChainsToByIssuerName);
        Assert.Equal(["78445F8373DD4A171E00C9D968A533FB4DFAB391", "46DEF63B5CE61CF8BA0DE2E6639C1019D0ED14F3"], signature.Chain.Select(c => c.Thumbprint));
    }

    [Fact]
    public void Shims_second_signer_chains_to_the_uefi_ca_2023()
    {
        var signature = PeAuthenticode.Read(PeImages.Read(PeImages.Shim)).Signatures[1];

        Assert.Equal("70D0C0EDA8EC43006C6B617A0CA64F2CAF6D64ED", signature.Signer!.Thumbprint);
        Assert.Equal(new DateTime(2026, 7, 23, 18, 22, 43, DateTimeKind.Utc), signature.Signer.NotAfter);
        Assert.Equal(MicrosoftSecureBootCertificates.UefiCa2023, signature.ChainsTo!.Name);
    }

    [Fact]
    public void Shim_is_signed_by_both_uefi_cas_and_not_by_the_windows_ones()
    {
        var result = PeAuthenticode.Read(PeImages.Read(PeImages.Shim));

        Assert.Equal([MicrosoftSecureBootCertificates.UefiCa2011, MicrosoftSecureBootCertificates.UefiCa2023], result.ChainsTo.Select(c => c.Name));
        Assert.Equal(2, result.Signers.Count);
        Assert.True(result.IsSignedBy(MicrosoftSecureBootCertificates.UefiCa2011));
        Assert.False(result.IsSignedBy(MicrosoftSecureBootCertificates.WindowsUefiCa2023));
        Assert.False(result.IsSignedBy(MicrosoftSecureBootCertificates.WindowsProductionPca2011));
    }

    [Fact]
    public void Grub_signed_by_debian_chains_to_no_microsoft_ca_and_names_debians()
    {
        var result = PeAuthenticode.Read(PeImages.Read(PeImages.GrubSignatureOnly));

        var signature = Assert.Single(result.Signatures);
        Assert.Equal("CN=Debian Secure Boot Signer 2022 - grub2", signature.Signer!.Subject);
        Assert.Null(signature.ChainsTo);
        Assert.Equal("CN=Debian Secure Boot CA", signature.ChainIssuer);
        Assert.Empty(result.ChainsTo);
        Assert.Null(result.UnknownReason);
    }

    [Fact]
    public void An_unsigned_image_is_not_signed_rather_than_an_error()
    {
        var result = PeAuthenticode.Read(PeImages.Read(PeImages.UnsignedStub));

        Assert.False(result.IsSigned);
        Assert.Empty(result.Signatures);
        Assert.Empty(result.ChainsTo);
        Assert.Null(result.UnknownReason);
        Assert.Equal("not signed", result.ToString());
    }

    [Fact]
    public void A_signature_embedding_only_the_leaf_chains_to_the_ca_named_as_its_issuer()
    {
        var leaf = PeAuthenticode.Read(PeImages.Read(PeImages.Shim)).Signatures[0].Signer!.GetRawData();

        var result = PeAuthenticode.Read(PeImages.Build(PeImages.WinCertificate(SignedDataNamingBySki(leaf))));

        var signature = Assert.Single(result.Signatures);
        Assert.Equal("78445F8373DD4A171E00C9D968A533FB4DFAB391", signature.Signer!.Thumbprint);
        Assert.Equal(MicrosoftSecureBootCertificates.UefiCa2011, signature.ChainsTo!.Name);
        Assert.True(signature.ChainsToByIssuerName);
    }

    [Fact]
    public void A_non_pkcs7_certificate_type_is_an_unknown_signer_at_its_offset()
    {
        var result = PeAuthenticode.Read(PeImages.Build(PeImages.WinCertificate([1, 2, 3, 4], type: 0x0001)));

        var signature = Assert.Single(result.Signatures);
        Assert.Equal(PeImages.CertificateTable, signature.Offset);
        Assert.Equal(0x0001, signature.CertificateType);
        Assert.Null(signature.Signer);
        Assert.Equal($"the WIN_CERTIFICATE at byte {PeImages.CertificateTable} has wCertificateType 0x0001, not PKCS_SIGNED_DATA (0x0002)", signature.UnknownReason);
        Assert.Equal("signature 0: " + signature.UnknownReason, result.UnknownReason);
    }

    [Fact]
    public void Pkcs7_that_cannot_be_walked_is_an_unknown_signer_not_an_exception()
    {
        var result = PeAuthenticode.Read(PeImages.Build(PeImages.WinCertificate([0x31, 0x03, 0x02, 0x01, 0x01])));

        var signature = Assert.Single(result.Signatures);
        Assert.Null(signature.Signer);
        Assert.Equal($"The PKCS#7 SignedData could not be walked at byte {PeImages.CertificateTable + 8}: SignedData should have DER tag 0x30, not 0x31.", signature.UnknownReason);
    }

    [Fact]
    public void An_image_not_starting_with_mz_fails_at_byte_0()
    {
        var image = PeImages.Build([]);
        image[0] = (byte)'Z';

        var ex = Assert.Throws<PeFormatException>(() => PeAuthenticode.Read(image));

        Assert.Equal(0, ex.Offset);
        Assert.Contains("MZ", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_e_lfanew_beyond_the_file_fails_at_its_field()
    {
        var image = PeImages.Build([]);
        PeImages.Put32(image, 0x3C, image.Length);

        var ex = Assert.Throws<PeFormatException>(() => PeAuthenticode.Read(image));

        Assert.Equal(0x3C, ex.Offset);
    }

    [Fact]
    public void A_missing_pe_signature_fails_at_e_lfanew()
    {
        var image = PeImages.Build([]);
        image[PeImages.PeOffset + 1] = (byte)'X';

        Assert.Equal(PeImages.PeOffset, Assert.Throws<PeFormatException>(() => PeAuthenticode.Read(image)).Offset);
    }

    [Fact]
    public void An_unknown_optional_header_magic_fails_at_the_magic()
    {
        var image = PeImages.Build([]);
        PeImages.Put16(image, PeImages.OptionalHeader, 0x107);

        Assert.Equal(PeImages.OptionalHeader, Assert.Throws<PeFormatException>(() => PeAuthenticode.Read(image)).Offset);
    }

    [Fact]
    public void A_security_directory_beyond_the_file_fails_at_its_directory_entry()
    {
        var image = PeImages.Build(PeImages.WinCertificate([0x30, 0x00]));
        PeImages.Put32(image, PeImages.SecurityDirectoryEntry + 4, 17);

        var ex = Assert.Throws<PeFormatException>(() => PeAuthenticode.Read(image));

        Assert.Equal(PeImages.SecurityDirectoryEntry, ex.Offset);
    }

    [Fact]
    public void A_win_certificate_length_longer_than_the_directory_fails_at_the_entry()
    {
        var image = PeImages.Build(PeImages.WinCertificate([0x30, 0x00]));
        PeImages.Put32(image, PeImages.CertificateTable, 17);

        var ex = Assert.Throws<PeFormatException>(() => PeAuthenticode.Read(image));

        Assert.Equal(PeImages.CertificateTable, ex.Offset);
        Assert.Equal("WIN_CERTIFICATE dwLength 17 is not between 8 and the 16 bytes left in the security directory", ex.Problem);
    }

    [Fact]
    public void A_win_certificate_length_shorter_than_its_header_fails_at_the_entry()
    {
        var image = PeImages.Build(PeImages.WinCertificate([0x30, 0x00]));
        PeImages.Put32(image, PeImages.CertificateTable, 7);

        Assert.Equal(PeImages.CertificateTable, Assert.Throws<PeFormatException>(() => PeAuthenticode.Read(image)).Offset);
    }

    [Fact]
    public void A_second_win_certificate_cut_short_fails_at_its_start()
    {
        var first = PeImages.WinCertificate([0x30, 0x00]);
        var image = PeImages.Build([.. first, 0x40, 0, 0, 0]);

        var ex = Assert.Throws<PeFormatException>(() => PeAuthenticode.Read(image));

        Assert.Equal(PeImages.CertificateTable + first.Length, ex.Offset);
    }

    [Fact]
    public void A_win_certificate_revision_other_than_2_fails_at_the_revision()
    {
        var image = PeImages.Build(PeImages.WinCertificate([0x30, 0x00], revision: 0x0100));

        Assert.Equal(PeImages.CertificateTable + 4, Assert.Throws<PeFormatException>(() => PeAuthenticode.Read(image)).Offset);
    }

    [Fact]
    public void A_real_image_cut_inside_its_certificate_table_fails_at_the_directory_entry()
    {
        var shim = PeImages.Read(PeImages.Shim);

        var ex = Assert.Throws<PeFormatException>(() => PeAuthenticode.Read(shim.AsSpan(0, shim.Length - 1).ToArray()));

        Assert.Equal(0x128, ex.Offset);
    }

    [Fact]
    public void Fewer_than_five_data_directories_is_not_signed()
    {
        var image = PeImages.Build(PeImages.WinCertificate([0x30, 0x00]));
        PeImages.Put32(image, PeImages.NumberOfRvaAndSizesField, 4);

        Assert.False(PeAuthenticode.Read(image).IsSigned);
    }

    /// <summary>A SignedData (in its ContentInfo) carrying only <paramref name="leaf"/>, whose SignerInfo names it by subject key identifier.</summary>
    private static byte[] SignedDataNamingBySki(byte[] leaf)
    {
        using var certificate = X509CertificateLoader.LoadCertificate(leaf);
        var ski = certificate.Extensions.OfType<X509SubjectKeyIdentifierExtension>().Single().SubjectKeyIdentifier!;
        var skiBytes = Enumerable.Range(0, ski.Length / 2).Select(i => Convert.ToByte(ski.Substring(i * 2, 2), 16)).ToArray();
        var signerInfo = PeImages.Der(0x30, PeImages.Der(0x02, [3]), PeImages.Der(0x80, skiBytes));
        var signedData = PeImages.Der(
            0x30,
            PeImages.Der(0x02, [1]),
            PeImages.Der(0x31),
            PeImages.Der(0x30, DataOid),
            PeImages.Der(0xA0, leaf),
            PeImages.Der(0x31, signerInfo));
        return PeImages.Der(0x30, SignedDataOid, PeImages.Der(0xA0, signedData));
    }
}
