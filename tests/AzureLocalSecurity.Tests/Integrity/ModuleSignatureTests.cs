using System;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using AzureLocalSecurity.Integrity;
using Xunit;

namespace AzureLocalSecurity.Tests.Integrity;

public class ModuleSignatureTests
{
    private static readonly byte[] Sbom = Encoding.UTF8.GetBytes("{\"bomFormat\":\"CycloneDX\"}\n");
    private static readonly DateTimeOffset SignedAt = new(2026, 11, 20, 8, 30, 0, TimeSpan.Zero);

    /// <summary>A throwaway self-signed code-signing certificate with its RSA key.</summary>
    internal static X509Certificate2 CodeSigningCertificate(string name = "AzureLocalSecurity Test Signing")
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=" + name, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.3")], false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));
    }

    [Fact]
    public void A_signature_by_a_pinned_certificate_is_valid_and_pinned_by_either_thumbprint()
    {
        using var certificate = CodeSigningCertificate();
        var signature = ModuleSignature.Sign(Sbom, certificate, SignedAt);

        var bySha1 = ModuleSignature.Verify(Sbom, signature, [certificate.Thumbprint.ToLowerInvariant()], checkChain: true);
        var bySha256 = ModuleSignature.Verify(Sbom, signature, [Convert.ToHexString(SHA256.HashData(certificate.RawData))], checkChain: true);

        Assert.Equal((ModuleSignatureStatus.Valid, ModuleSignerTrust.Pinned), (bySha1.Status, bySha1.Trust));
        Assert.Equal((ModuleSignatureStatus.Valid, ModuleSignerTrust.Pinned), (bySha256.Status, bySha256.Trust));
        Assert.Equal(certificate.Subject, bySha1.Signer);
        Assert.Equal(certificate.Thumbprint, bySha1.Thumbprint);
        Assert.Equal(SignedAt, bySha1.SignedAt);
    }

    [Fact]
    public void A_changed_SBOM_no_longer_matches_its_signature()
    {
        using var certificate = CodeSigningCertificate();
        var signature = ModuleSignature.Sign(Sbom, certificate, SignedAt);
        var changed = (byte[])Sbom.Clone();
        changed[3] ^= 1;

        var result = ModuleSignature.Verify(changed, signature, [certificate.Thumbprint], checkChain: true);

        Assert.Equal(ModuleSignatureStatus.Invalid, result.Status);
        Assert.Contains("does not match the SBOM", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_signature_by_another_certificate_than_the_pinned_one_is_untrusted()
    {
        using var publisher = CodeSigningCertificate("Publisher");
        using var attacker = CodeSigningCertificate("Publisher");
        var signature = ModuleSignature.Sign(Sbom, attacker, SignedAt);

        var result = ModuleSignature.Verify(Sbom, signature, [publisher.Thumbprint], checkChain: true);

        Assert.Equal((ModuleSignatureStatus.Valid, ModuleSignerTrust.Untrusted), (result.Status, result.Trust));
        Assert.Contains(attacker.Thumbprint, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_self_signed_signer_without_a_pin_is_untrusted_with_the_chain_problem_named()
    {
        using var certificate = CodeSigningCertificate();
        var signature = ModuleSignature.Sign(Sbom, certificate, SignedAt);

        var result = ModuleSignature.Verify(Sbom, signature, [], checkChain: true);

        Assert.Equal((ModuleSignatureStatus.Valid, ModuleSignerTrust.Untrusted), (result.Status, result.Trust));
        Assert.Contains("not trusted here", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void No_signature_is_NotSigned_and_bytes_that_are_not_CMS_are_Invalid()
    {
        Assert.Equal(ModuleSignatureStatus.NotSigned, ModuleSignature.Verify(Sbom, null, [], checkChain: true).Status);

        var garbage = ModuleSignature.Verify(Sbom, [0x30, 0x03, 0x02, 0x01], [], checkChain: true);

        Assert.Equal(ModuleSignatureStatus.Invalid, garbage.Status);
        Assert.Contains("not a CMS SignedData", garbage.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signature_over_a_SHA_1_digest_is_refused()
    {
        using var certificate = CodeSigningCertificate();
        var cms = new SignedCms(new ContentInfo(Sbom), detached: true);
        cms.ComputeSignature(new CmsSigner(certificate) { DigestAlgorithm = new Oid("1.3.14.3.2.26") }, silent: true);

        var result = ModuleSignature.Verify(Sbom, cms.Encode(), [certificate.Thumbprint], checkChain: true);

        Assert.Equal(ModuleSignatureStatus.Invalid, result.Status);
        Assert.Contains("not accepted", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signature_with_two_signers_is_refused()
    {
        using var first = CodeSigningCertificate("One");
        using var second = CodeSigningCertificate("Two");
        var cms = new SignedCms(new ContentInfo(Sbom), detached: true);
        cms.ComputeSignature(new CmsSigner(first), silent: true);
        cms.ComputeSignature(new CmsSigner(second), silent: true);

        var result = ModuleSignature.Verify(Sbom, cms.Encode(), [first.Thumbprint], checkChain: true);

        Assert.Equal(ModuleSignatureStatus.Invalid, result.Status);
    }

    [Fact]
    public void A_signature_whose_certificate_cannot_be_read_is_invalid_and_does_not_throw()
    {
        // afl++ (module-sbom) found it: SignedCms decodes, and reading the signer's certificate then throws.
        using var certificate = CodeSigningCertificate();
        var signature = ModuleSignature.Sign(Sbom, certificate, SignedAt);
        var at = signature.AsSpan().IndexOf(certificate.RawData);
        var version = signature.AsSpan(at).IndexOf(new byte[] { 0xA0, 0x03, 0x02, 0x01, 0x02 });
        Assert.True(at > 0 && version > 0);
        signature[at + version + 2] = 0x30;

        var result = ModuleSignature.Verify(Sbom, signature, [certificate.Thumbprint], checkChain: true);

        Assert.Equal(ModuleSignatureStatus.Invalid, result.Status);
        Assert.Contains("cannot be read", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_signature_afl_found_is_invalid()
    {
        var signature = System.IO.File.ReadAllBytes(System.IO.Path.Combine(AzureLocalSecurity.Tests.Support.Repo.Root, "fuzz", "corpus", "module-sbom", "afl-unreadable-certificate.p7s"));

        Assert.Equal(ModuleSignatureStatus.Invalid, ModuleSignature.Verify(Sbom, signature, [], checkChain: true).Status);
    }

    [Fact]
    public void A_signature_file_over_the_bound_is_refused_unread()
    {
        var result = ModuleSignature.Verify(Sbom, new byte[ModuleSignature.MaxBytes + 1], [], checkChain: true);

        Assert.Equal(ModuleSignatureStatus.Invalid, result.Status);
    }
}
