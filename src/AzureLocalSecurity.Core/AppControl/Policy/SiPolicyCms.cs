using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.SecureBoot;

namespace AzureLocalSecurity.AppControl.Policy;

/// <summary>
/// Finds the policy inside a signed policy file (SiPolicy.p7b, a signed .cip): CMS SignedData (RFC 5652 §5) in a
/// ContentInfo, the policy being the eContent OCTET STRING. WDACTools CIPolicyParser.psm1 also strips a second OCTET STRING
/// found inside the eContent; that is done here when one spans the eContent exactly. A bounded DER walk
/// (<see cref="DerWalker"/>) rather than SignedCms, which Core does not reference (see <see cref="Pkcs7CertificateReader"/>).
/// The signature is not verified: the signer subjects are what the SignedData says.
/// </summary>
internal static class SiPolicyCms
{
    /// <summary>1.2.840.113549.1.7.2, id-signedData, as DER OID content.</summary>
    private static readonly byte[] SignedDataOid = [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x02];

    internal static (int Start, int Length) Unwrap(byte[] data, out List<string> signers, out string? signersUnknownReason)
    {
        int start;
        int length;
        try
        {
            var outer = new DerWalker(data, 0, data.Length);
            var contentInfo = outer.Read(0x30, "ContentInfo");
            if (outer.HasMore)
            {
                throw SiPolicyFormatException.AtOffset("bytes follow the signed wrapper's ContentInfo", contentInfo.End);
            }

            var fields = outer.Enter(contentInfo);
            var oid = fields.Read(0x06, "ContentInfo.contentType");
            if (oid.ContentLength != SignedDataOid.Length || !SecureBootBytes.Equal(data, oid.ContentStart, SignedDataOid.Length, SignedDataOid, 0))
            {
                throw SiPolicyFormatException.AtOffset("the signed wrapper's contentType is not id-signedData (1.2.840.113549.1.7.2)", oid.Start);
            }

            var content = fields.Enter(fields.Read(0xA0, "ContentInfo.content"));
            var signedData = content.Enter(content.Read(0x30, "SignedData"));
            _ = signedData.Read(0x02, "SignedData.version");
            _ = signedData.Read(0x31, "SignedData.digestAlgorithms");
            var encapsulated = signedData.Enter(signedData.Read(0x30, "SignedData.encapContentInfo"));
            _ = encapsulated.Read(0x06, "encapContentInfo.eContentType");
            if (!encapsulated.HasMore)
            {
                throw SiPolicyFormatException.AtOffset("the SignedData is detached: it does not hold the policy", 0);
            }

            var explicitContent = encapsulated.Enter(encapsulated.Read(0xA0, "encapContentInfo.eContent"));
            var octets = explicitContent.Read(0x04, "the eContent OCTET STRING");
            start = octets.ContentStart;
            length = octets.ContentLength;
        }
        catch (EfiFormatException ex)
        {
            throw SiPolicyFormatException.AtOffset("the signed wrapper is not CMS SignedData: " + (ex.Problem ?? ex.Message), ex.Offset, ex);
        }

        if (length >= 2 && data[start] == 0x04)
        {
            try
            {
                var inner = new DerWalker(data, start, length);
                var element = inner.Read();
                if (!inner.HasMore)
                {
                    start = element.ContentStart;
                    length = element.ContentLength;
                }
            }
            catch (EfiFormatException)
            {
                // Not a second OCTET STRING: the eContent is the policy itself.
            }
        }

        var certificates = Pkcs7CertificateReader.Read(data, 0, data.Length, decode: true, out var error);
        signers = certificates.Where(c => c.IsSigner).Select(c => c.Subject ?? c.Error ?? "(unreadable certificate)").ToList();
        signersUnknownReason = error ?? (signers.Count == 0 ? "No certificate in the SignedData matches a SignerInfo, so the signer is not known." : null);
        return (start, length);
    }
}
