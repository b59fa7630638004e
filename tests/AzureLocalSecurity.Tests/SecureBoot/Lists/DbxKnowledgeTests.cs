using System;
using System.Linq;
using System.Security.Cryptography;
using AzureLocalSecurity.SecureBoot;
using Xunit;

namespace AzureLocalSecurity.Tests.SecureBoot.Lists;

/// <summary>The shipped dbx_info_msft_latest.json and what DbxKnowledge reads from it.</summary>
public class DbxKnowledgeTests
{
    private static byte[] Hex(string hex) => Convert.FromHexString(hex);

    [Fact]
    public void The_embedded_file_is_the_published_one_byte_for_byte()
    {
        var bytes = DbxKnowledge.ReadResource();

        Assert.Equal(394305, bytes.Length);
        Assert.Equal("1020F0EF865F8CF22740298D928A01355AB51CB1D8D473B637FD6D83F74EB3F5", Convert.ToHexString(SHA256.HashData(bytes)));
    }

    [Fact]
    public void Every_architecture_list_is_read_with_its_count()
    {
        Assert.Equal(["x64", "ia32", "aarch64", "arm"], DbxKnowledge.Architectures);
        Assert.Equal(443, DbxKnowledge.Images.Count(i => i.Architecture == "x64"));
        Assert.Equal(94, DbxKnowledge.Images.Count(i => i.Architecture == "ia32"));
        Assert.Equal(26, DbxKnowledge.Images.Count(i => i.Architecture == "aarch64"));
        Assert.Equal(110, DbxKnowledge.Images.Count(i => i.Architecture == "arm"));
    }

    [Fact]
    public void A_revoked_shim_is_described_by_file_company_signer_and_date()
    {
        var description = DbxKnowledge.Describe(Hex("80B4D96931BF0D02FD91A61E19D14F1DA452E66DB2408CA8604D411F92659F0A"));

        Assert.Equal("shim.efi from Unknown (x64); signed by Microsoft Corporation UEFI CA 2011, added 2018-04-01", description);
    }

    [Fact]
    public void A_hash_listed_for_two_architectures_is_found_and_described_for_both()
    {
        var hash = Hex("7FDDFE06C44DC4302DA54577353C18FDBE11B41CB3E6064EC1C116EE102FE080");

        var images = DbxKnowledge.FindImages(hash);

        Assert.Equal(["x64", "ia32"], images.Select(i => i.Architecture));
        Assert.All(images, i => Assert.True(i.IsOptional));
        Assert.Equal("D1AF02FCA7522C8D27E053544B3B653FF2DAFFCAE9C420E460235DACAB53F7CD", images[0].FlatHash);
        Assert.Equal(
            "bootmgfw.efi from Microsoft (x64): Black Lotus Microsoft Windows 8; signed by Microsoft Windows Production PCA 2011, added 2023-05-01"
            + " | bootmgfw.efi from Microsoft (ia32): Black Lotus Microsoft Windows 8.1; signed by Microsoft Windows Production PCA 2011, added 2023-05-01",
            DbxKnowledge.Describe(hash));
    }

    [Fact]
    public void A_hash_microsoft_does_not_list_has_no_description()
    {
        Assert.Null(DbxKnowledge.Describe(new byte[32]));
        Assert.Empty(DbxKnowledge.FindImages(new byte[32]));
    }

    [Fact]
    public void A_value_that_is_not_32_bytes_has_no_description()
    {
        Assert.Null(DbxKnowledge.Describe(Hex("80B4D96931BF0D02FD91A61E19D14F1DA452E66DB2408CA8604D411F92659F")));
    }

    [Fact]
    public void Stray_spaces_in_the_file_are_trimmed()
    {
        Assert.Contains(DbxKnowledge.Images, i => i.FileName == "bootarm.efi");
        Assert.DoesNotContain(DbxKnowledge.Images, i => i.FileName.EndsWith(' ') || i.CompanyName.StartsWith(' '));
    }

    [Fact]
    public void The_revoked_certificate_is_windows_production_pca_2011()
    {
        var certificate = Assert.Single(DbxKnowledge.Certificates);

        Assert.Equal("580A6F4CC4E4B669B9EBDC1B2B3E087B80D0678D", certificate.Thumbprint);
        Assert.Equal("Microsoft Windows Production PCA 2011", certificate.Subject);
        Assert.Equal("Microsoft Root Certificate Authority 2010", certificate.Issuer);
        Assert.Equal(new DateTime(2024, 2, 1), certificate.DateOfAddition);
        Assert.Same(certificate, DbxKnowledge.FindCertificate("580a6f4cc4e4b669b9ebdc1b2b3e087b80d0678d"));
    }

    [Fact]
    public void Each_svn_record_decodes_to_the_version_the_file_declares_beside_it()
    {
        Assert.Equal(3, DbxKnowledge.Svns.Count);
        Assert.All(DbxKnowledge.Svns, s => Assert.Equal(s.DeclaredVersion, s.Svn.Version.ToString()));
        Assert.All(DbxKnowledge.Svns, s => Assert.Equal(s.FileName, s.Svn.ApplicationName));
    }

    [Fact]
    public void The_latest_boot_manager_svn_is_the_one_the_file_sets()
    {
        var svn = DbxKnowledge.LatestSvn(WindowsSvnData.BootManager);

        Assert.Equal(new Version(9, 0), svn!.Svn.Version);
        Assert.Equal("Windows Bootmgr SVN CVE-2026-45654", svn.Description);
    }

    [Fact]
    public void An_svn_record_of_the_file_is_described_as_such()
    {
        var description = DbxKnowledge.Describe(Hex("01612B139DD5598843AB1C185C3CB2EB92000009000000000000000000000000"));

        Assert.Equal("bootmgfw.efi SVN 9.0: Windows Bootmgr SVN CVE-2026-45654", description);
    }
}
