using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using AzureLocalSecurity.SecureBoot;
using Xunit;

namespace AzureLocalSecurity.Tests.SecureBoot.Lists;

/// <summary>The certificate table against the certificates Microsoft publishes (Vectors/secureboot/certs).</summary>
public class MicrosoftSecureBootCertificatesTests
{
    public static TheoryData<string> CertificateFiles => [.. SecureBootVectors.CertificateFiles.Select(Path.GetFileName).OfType<string>()];

    [Theory]
    [MemberData(nameof(CertificateFiles))]
    public void Each_published_certificate_is_in_the_table_under_its_thumbprint_name_and_expiry(string file)
    {
        using var certificate = X509CertificateLoader.LoadCertificate(SecureBootVectors.Certificate(file));

        var known = MicrosoftSecureBootCertificates.FindByThumbprint(certificate.Thumbprint);

        Assert.NotNull(known);
        Assert.Equal(certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false), known.Name);
        Assert.Equal(certificate.NotAfter.ToUniversalTime(), known.NotAfter);
        Assert.Equal(DateTimeKind.Utc, known.NotAfter.Kind);
        Assert.Equal(certificate.NotBefore.Year >= 2023 ? 2023 : 2011, known.Generation);
    }

    [Fact]
    public void The_table_holds_exactly_the_eight_published_certificates()
    {
        var thumbprints = SecureBootVectors.CertificateFiles.Select(f =>
        {
            using var certificate = X509CertificateLoader.LoadCertificate(File.ReadAllBytes(f));
            return certificate.Thumbprint;
        });

        Assert.Equal(thumbprints.Order(), MicrosoftSecureBootCertificates.All.Select(c => c.Thumbprint).Order());
    }

    [Fact]
    public void Each_2011_authority_names_its_2023_replacements_and_they_are_in_the_table()
    {
        var old = MicrosoftSecureBootCertificates.All.Where(c => c.Generation == 2011).ToList();

        Assert.Equal(3, old.Count);
        Assert.Equal(["Microsoft UEFI CA 2023", "Microsoft Option ROM UEFI CA 2023"], MicrosoftSecureBootCertificates.FindByName("Microsoft Corporation UEFI CA 2011")!.ReplacedBy);
        Assert.All(old.SelectMany(c => c.ReplacedBy), name => Assert.Equal(2023, MicrosoftSecureBootCertificates.FindByName(name)!.Generation));
        Assert.All(MicrosoftSecureBootCertificates.All.Where(c => c.Generation == 2023), c => Assert.Empty(c.ReplacedBy));
    }

    [Fact]
    public void The_roles_are_one_platform_key_two_key_exchange_keys_and_five_db_authorities()
    {
        var roles = MicrosoftSecureBootCertificates.All.GroupBy(c => c.Role).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(1, roles[SecureBootCertificateRole.PlatformKey]);
        Assert.Equal(2, roles[SecureBootCertificateRole.KeyExchangeKey]);
        Assert.Equal(5, roles[SecureBootCertificateRole.SignatureDatabase]);
        Assert.Equal(SecureBootCertificateRole.PlatformKey, MicrosoftSecureBootCertificates.FindByName("Windows OEM Devices PK")!.Role);
    }

    [Fact]
    public void A_thumbprint_is_found_in_lower_case_and_with_colons()
    {
        var known = MicrosoftSecureBootCertificates.FindByThumbprint("58:0a:6f:4c:c4:e4:b6:69:b9:eb:dc:1b:2b:3e:08:7b:80:d0:67:8d");

        Assert.Equal("Microsoft Windows Production PCA 2011", known?.Name);
    }

    [Fact]
    public void An_unknown_thumbprint_is_not_found()
    {
        Assert.Null(MicrosoftSecureBootCertificates.FindByThumbprint("0000000000000000000000000000000000000000"));
    }

    [Fact]
    public void A_certificate_entry_of_a_published_certificate_gets_its_known_name()
    {
        var der = SecureBootVectors.Certificate("MicrosoftCorporationKEK2KCA2023.der");

        var entry = Assert.Single(EfiSignatureDatabase.Parse(new SignatureListBuilder().List(SignatureListBuilder.X509, [der]).ToArray()).Entries);

        Assert.Equal("Microsoft Corporation KEK 2K CA 2023", entry.KnownName);
        Assert.Equal(SecureBootCertificateRole.KeyExchangeKey, entry.KnownCertificate!.Role);
    }
}
