using System;
using System.Linq;
using AzureLocalSecurity.SecureBoot;
using Xunit;

namespace AzureLocalSecurity.Tests.SecureBoot.Lists;

/// <summary>Microsoft's signed db and dbx updates (Vectors/secureboot), parsed whole.</summary>
public class SignedUpdateTests
{
    private static readonly Guid Microsoft = new("77fa9abd-0359-4d32-bd60-28f4e78f784b");

    [Fact]
    public void The_amd64_dbx_update_carries_one_sha256_list_of_443_microsoft_hashes()
    {
        var update = EfiAuthenticatedVariable.Parse(SecureBootVectors.Read(SecureBootVectors.DbxUpdateAmd64));

        var list = Assert.Single(update.Payload.Lists);
        Assert.Equal(EfiSignatureKind.Sha256, list.Kind);
        Assert.Equal("EFI_CERT_SHA256_GUID", list.SignatureTypeName);
        Assert.Equal(48u, list.SignatureSize);
        Assert.Equal(443, update.Payload.Entries.Count);
        Assert.All(update.Payload.Entries, e => Assert.Equal(Microsoft, e.Owner));
        Assert.All(update.Payload.Entries, e => Assert.Equal("Microsoft", e.OwnerName));
        Assert.Equal("80B4D96931BF0D02FD91A61E19D14F1DA452E66DB2408CA8604D411F92659F0A", update.Payload.Entries[0].Hash);
    }

    [Fact]
    public void Every_hash_of_the_amd64_dbx_update_is_known_to_the_published_dbx_list()
    {
        var update = EfiAuthenticatedVariable.Parse(SecureBootVectors.Read(SecureBootVectors.DbxUpdateAmd64));

        var unknown = update.Payload.Entries.Where(e => DbxKnowledge.Describe(e.GetData()) is null).Select(e => e.Hash).ToList();

        Assert.Empty(unknown);
        Assert.All(update.Payload.Entries, e => Assert.Contains(DbxKnowledge.FindImages(e.GetData()), i => i.Architecture == "x64"));
    }

    [Fact]
    public void The_amd64_dbx_update_header_has_microsofts_timestamp_and_the_payload_after_dwlength()
    {
        var update = EfiAuthenticatedVariable.Parse(SecureBootVectors.Read(SecureBootVectors.DbxUpdateAmd64));

        Assert.Equal(new DateTime(2010, 3, 6, 19, 17, 21, DateTimeKind.Utc), update.TimeStamp.ToDateTime());
        Assert.Equal(DateTimeKind.Utc, update.TimeStamp.ToDateTime()!.Value.Kind);
        Assert.Equal(3321, update.CertificateLength);
        Assert.Equal(3297, update.Pkcs7Length);
        Assert.Equal(3337, update.PayloadOffset);
        Assert.Equal(3337 + 28, update.Payload.Entries[0].Offset);
        Assert.Equal(24629 - 3337, update.Payload.Length);
    }

    [Fact]
    public void The_dbx_update_is_signed_by_the_microsoft_kek_leaf_and_carries_kek_ca_2011()
    {
        var update = EfiAuthenticatedVariable.Parse(SecureBootVectors.Read(SecureBootVectors.DbxUpdateAmd64));

        Assert.Null(update.CertificatesError);
        Assert.Equal(2, update.Certificates.Count);
        var signer = Assert.Single(update.Signers);
        Assert.Contains("CN=Microsoft Windows UEFI Key Exchange Key", signer.Subject, StringComparison.Ordinal);
        Assert.Contains("CN=Microsoft Corporation KEK CA 2011", signer.Issuer, StringComparison.Ordinal);
        Assert.Null(signer.KnownName);
        var ca = Assert.Single(update.Certificates, c => !c.IsSigner);
        Assert.Equal("Microsoft Corporation KEK CA 2011", ca.KnownName);
        Assert.Equal("31590BFD89C9D74ED087DFAC66334B3931254B30", ca.Thumbprint);
    }

    [Fact]
    public void The_2024_dbx_update_revokes_windows_production_pca_2011()
    {
        var update = EfiAuthenticatedVariable.Parse(SecureBootVectors.Read(SecureBootVectors.DbxUpdate2024));

        Assert.Equal(2, update.Payload.Lists.Count);
        var pca = Assert.Single(update.Payload.Lists[0].Entries);
        Assert.Equal(EfiSignatureKind.X509, pca.Kind);
        Assert.Null(pca.Error);
        Assert.Equal("Microsoft Windows Production PCA 2011", pca.KnownName);
        Assert.Equal("580A6F4CC4E4B669B9EBDC1B2B3E087B80D0678D", pca.Thumbprint);
        Assert.Equal(new DateTime(2026, 10, 19, 18, 51, 42, DateTimeKind.Utc), pca.NotAfter);
        Assert.Equal(new DateTime(2011, 10, 19, 18, 41, 42, DateTimeKind.Utc), pca.NotBefore);
        Assert.Contains("CN=Microsoft Root Certificate Authority 2010", pca.Issuer, StringComparison.Ordinal);
        Assert.Equal("E8E95F0733A55E8BAD7BE0A1413EE23C51FCEA64B3C8FA6A786935FDDCC71961", pca.CertificateSha256);
        Assert.True(update.Payload.ContainsCertificate("580a6f4cc4e4b669b9ebdc1b2b3e087b80d0678d"));
        Assert.NotNull(DbxKnowledge.FindCertificate(pca.Thumbprint!));
    }

    [Fact]
    public void The_2024_dbx_update_sets_svn_2_0_for_bootmgfw_cdboot_and_wdsmgfw()
    {
        var update = EfiAuthenticatedVariable.Parse(SecureBootVectors.Read(SecureBootVectors.DbxUpdate2024));

        var svns = update.Payload.Lists[1].Entries;
        Assert.Equal(3, svns.Count);
        Assert.All(svns, e => Assert.Equal("Windows SVN", e.OwnerName));
        Assert.All(svns, e => Assert.Null(e.Error));
        Assert.Equal(["bootmgfw.efi", "cdboot.efi", "wdsmgfw.efi"], svns.Select(e => e.Svn!.ApplicationName));
        Assert.Equal(
            [WindowsSvnData.BootManager, WindowsSvnData.CdBoot, WindowsSvnData.WdsManager],
            svns.Select(e => e.Svn!.Application));
        Assert.All(svns, e => Assert.Equal(new Version(2, 0), e.Svn!.Version));
    }

    [Fact]
    public void The_2024_db_update_adds_windows_uefi_ca_2023()
    {
        var update = EfiAuthenticatedVariable.Parse(SecureBootVectors.Read(SecureBootVectors.DbUpdate2024));

        var entry = Assert.Single(update.Payload.Entries);
        Assert.Equal(EfiSignatureKind.X509, entry.Kind);
        Assert.Equal("Windows UEFI CA 2023", entry.KnownName);
        Assert.Equal(SecureBootCertificateRole.SignatureDatabase, entry.KnownCertificate!.Role);
        Assert.Equal(2023, entry.KnownCertificate.Generation);
        Assert.Equal("45A0FA32604773C82433C3B7D59E7466B3AC0C67", entry.Thumbprint);
        Assert.Equal(SecureBootVectors.Certificate("WindowsUEFICA2023.der"), entry.GetData());
    }

    [Fact]
    public void The_payload_parsed_alone_gives_the_same_entries_at_offsets_from_its_own_start()
    {
        var file = SecureBootVectors.Read(SecureBootVectors.DbxUpdate2024);
        var update = EfiAuthenticatedVariable.Parse(file);

        var alone = EfiSignatureDatabase.Parse(SecureBootVectors.Payload(file));

        Assert.Equal(update.Payload.Entries.Select(e => e.Hash ?? e.Thumbprint), alone.Entries.Select(e => e.Hash ?? e.Thumbprint));
        Assert.Equal(update.Payload.Entries.Select(e => e.Offset - update.PayloadOffset), alone.Entries.Select(e => e.Offset));
    }

    [Fact]
    public void Without_certificate_decoding_a_certificate_entry_keeps_only_its_data()
    {
        var options = new EfiParseOptions { DecodeCertificates = false };

        var update = EfiAuthenticatedVariable.Parse(SecureBootVectors.Read(SecureBootVectors.DbUpdate2024), options);

        var entry = Assert.Single(update.Payload.Entries);
        Assert.Null(entry.Thumbprint);
        Assert.Null(entry.Error);
        Assert.Equal(1454, entry.DataLength);
        Assert.All(update.Certificates, c => Assert.Null(c.Subject));
    }
}
