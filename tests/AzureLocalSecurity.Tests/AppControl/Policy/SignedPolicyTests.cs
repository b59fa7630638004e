using System;
using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using AzureLocalSecurity.AppControl.Policy;
using Xunit;

namespace AzureLocalSecurity.Tests.AppControl.Policy;

/// <summary>Signed policies made at test time: CMS SignedData (SignedCms) around a compiled policy, signed with a throwaway
/// self-signed certificate, as signtool wraps SiPolicy.p7b.</summary>
public class SignedPolicyTests
{
    /// <summary>The eContentType signed Code Integrity policies carry (signtool /p7co 1.3.6.1.4.1.311.79.1).</summary>
    private static readonly Oid PolicyContentType = new("1.3.6.1.4.1.311.79.1");

    [Fact]
    public void A_signed_policy_reads_as_signed_with_its_signer_and_the_same_policy()
    {
        var policy = SiPolicyBinaryWriter.Write(PolicyBuilder.Compilable());
        var signed = Sign(policy, "CN=Contoso Policy Signer");

        var compiled = SiPolicyBinaryReader.Read(signed);

        Assert.True(compiled.IsSigned);
        Assert.Equal(["CN=Contoso Policy Signer"], compiled.Signers);
        Assert.Null(compiled.SignersUnknownReason);
        Assert.Equal((signed.Length, policy.Length), (compiled.Size, compiled.PolicySize));
        Assert.Equal(policy, SiPolicyBinaryWriter.Write(compiled.Policy));
    }

    [Fact]
    public void Signed_test_bin_reads_back_to_the_original_bytes()
    {
        var bytes = WdacVectors.Bytes(WdacVectors.TestBin);

        var compiled = SiPolicyBinaryReader.Read(Sign(bytes, "CN=Test"));

        Assert.Equal((7, 36), (compiled.FormatVersion, compiled.Policy.FileRules.Count));
        Assert.Equal(bytes, SiPolicyBinaryWriter.Write(compiled.Policy));
    }

    [Fact]
    public void A_policy_wrapped_in_a_second_OCTET_STRING_inside_the_eContent_is_unwrapped()
    {
        var policy = SiPolicyBinaryWriter.Write(PolicyBuilder.Minimal());
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.WriteOctetString(policy);

        var compiled = SiPolicyBinaryReader.Read(Sign(writer.Encode(), "CN=Wrapped"));

        Assert.Equal(policy.Length, compiled.PolicySize);
        Assert.Equal(PolicyBuilder.BaseId, compiled.Policy.PolicyId);
    }

    [Fact]
    public void A_signed_policy_without_its_signers_certificate_reads_with_the_reason_the_signer_is_unknown()
    {
        var policy = SiPolicyBinaryWriter.Write(PolicyBuilder.Minimal());

        var compiled = SiPolicyBinaryReader.Read(Sign(policy, "CN=Absent", X509IncludeOption.None));

        Assert.True(compiled.IsSigned);
        Assert.Empty(compiled.Signers);
        Assert.Contains("signer is not known", compiled.SignersUnknownReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_DER_SEQUENCE_that_is_not_SignedData_is_refused_at_its_content_type()
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier("1.2.840.113549.1.7.1");
            writer.WriteOctetString([1, 2, 3]);
        }

        var ex = Assert.Throws<SiPolicyFormatException>(() => SiPolicyBinaryReader.Read(writer.Encode()));

        Assert.Equal(2, ex.Offset);
        Assert.Contains("id-signedData", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cut_signed_policy_is_refused_as_not_CMS()
    {
        var signed = Sign(SiPolicyBinaryWriter.Write(PolicyBuilder.Minimal()), "CN=Cut");

        var ex = Assert.Throws<SiPolicyFormatException>(() => SiPolicyBinaryReader.Read(signed.AsSpan(0, signed.Length / 2).ToArray()));

        Assert.Contains("not CMS SignedData", ex.Message, StringComparison.Ordinal);
        Assert.InRange(ex.Offset, 0, signed.Length / 2);
    }

    private static byte[] Sign(byte[] content, string subject, X509IncludeOption include = X509IncludeOption.EndCertOnly)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var cms = new SignedCms(new ContentInfo(PolicyContentType, content), detached: false);
        cms.ComputeSignature(new CmsSigner(certificate) { IncludeOption = include });
        return cms.Encode();
    }
}
