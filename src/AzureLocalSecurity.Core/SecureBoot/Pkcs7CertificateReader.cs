using System;
using System.Collections.Generic;
using System.Globalization;

namespace AzureLocalSecurity.SecureBoot;

/// <summary>
/// Finds the certificates and the signer identities of a DER PKCS#7 SignedData (RFC 5652 §5.1), bare as UEFI carries it
/// in WIN_CERTIFICATE_UEFI_GUID or wrapped in a ContentInfo, with a small DER walk. System.Security.Cryptography.Pkcs'
/// SignedCms would do it, but its net472 package brings System.Memory, System.Buffers, System.Formats.Asn1 and three more
/// assemblies that Windows PowerShell 5.1 loads without binding redirects; the certificate set and the signer identifiers
/// are all that is needed here, and nothing is verified.
/// </summary>
internal static class Pkcs7CertificateReader
{
    /// <summary>1.2.840.113549.1.7.2, id-signedData, as DER OID content.</summary>
    private static readonly byte[] SignedDataOid = [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x02];

    /// <summary>
    /// The certificates in <c>data[start..start+length)</c>, each marked when a SignerInfo names it. A structure that cannot
    /// be walked stops the walk: what was read before is returned, with <paramref name="error"/> saying what stopped it.
    /// </summary>
    internal static List<EfiCertificate> Read(byte[] data, int start, int length, bool decode, out string? error)
    {
        var certificates = new List<EfiCertificate>();
        var facts = new List<CertificateFacts?>();
        if (length == 0)
        {
            error = "There is no PKCS#7 data.";
            return certificates;
        }

        try
        {
            var signedData = SignedData(new DerWalker(data, start, length));
            _ = signedData.Read(0x02, "SignedData.version");
            _ = signedData.Read(0x31, "SignedData.digestAlgorithms");
            _ = signedData.Read(0x30, "SignedData.encapContentInfo");
            if (signedData.PeekTag() == 0xA0)
            {
                var set = signedData.Enter(signedData.Read());
                while (set.HasMore)
                {
                    var element = set.Read();
                    if (element.Tag != 0x30)
                    {
                        // An extended, attribute or other certificate format (RFC 5652 §10.2.2): not an X.509 certificate.
                        continue;
                    }

                    var raw = SecureBootBytes.Copy(data, element.Start, element.Length);
                    CertificateFacts? read = null;
                    string? problem = null;
                    if (decode)
                    {
                        read = CertificateFacts.Decode(data, element.Start, element.Length, out problem);
                    }

                    certificates.Add(Describe(raw, read, problem));
                    facts.Add(read);
                }
            }

            if (signedData.PeekTag() == 0xA1)
            {
                _ = signedData.Read();
            }

            var signerInfos = signedData.Enter(signedData.Read(0x31, "SignedData.signerInfos"));
            while (signerInfos.HasMore)
            {
                var signerInfo = signerInfos.Enter(signerInfos.Read(0x30, "SignerInfo"));
                _ = signerInfo.Read(0x02, "SignerInfo.version");
                MarkSigner(data, signerInfo.Read(), certificates, facts);
            }
        }
        catch (EfiFormatException ex)
        {
            error = string.Format(CultureInfo.InvariantCulture, "The PKCS#7 SignedData could not be walked at byte {0}: {1}.", ex.Offset, ex.Problem);
            return certificates;
        }

        error = null;
        return certificates;
    }

    /// <summary>A walker over SignedData's fields: the outer SEQUENCE is SignedData itself, or a ContentInfo around it.</summary>
    private static DerWalker SignedData(DerWalker outer)
    {
        var sequence = outer.Read(0x30, "SignedData");
        var fields = outer.Enter(sequence);
        if (fields.PeekTag() != 0x06)
        {
            return fields;
        }

        var oid = fields.Read();
        if (oid.ContentLength != SignedDataOid.Length || !SecureBootBytes.Equal(outer.Data, oid.ContentStart, SignedDataOid.Length, SignedDataOid, 0))
        {
            throw new EfiFormatException("the ContentInfo's contentType is not id-signedData", oid.Start);
        }

        var content = fields.Enter(fields.Read(0xA0, "ContentInfo.content"));
        return content.Enter(content.Read(0x30, "SignedData"));
    }

    /// <summary>SignerIdentifier: IssuerAndSerialNumber (a SEQUENCE) or [0] SubjectKeyIdentifier.</summary>
    private static void MarkSigner(byte[] data, DerElement sid, List<EfiCertificate> certificates, List<CertificateFacts?> facts)
    {
        for (var i = 0; i < certificates.Count; i++)
        {
            var certificate = facts[i];
            if (certificate is null)
            {
                continue;
            }

            if (sid.Tag == 0x30)
            {
                var fields = new DerWalker(data, sid.ContentStart, sid.ContentLength);
                var issuer = fields.Read(0x30, "IssuerAndSerialNumber.issuer");
                var serial = fields.Read(0x02, "IssuerAndSerialNumber.serialNumber");
                if (Same(data, issuer.Start, issuer.Length, certificate.IssuerName) && Same(data, serial.ContentStart, serial.ContentLength, certificate.Serial))
                {
                    certificates[i].IsSigner = true;
                }
            }
            else if (sid.Tag == 0x80 && certificate.SubjectKeyIdentifier is not null
                && string.Equals(SecureBootBytes.Hex(data, sid.ContentStart, sid.ContentLength), certificate.SubjectKeyIdentifier, StringComparison.Ordinal))
            {
                certificates[i].IsSigner = true;
            }
        }
    }

    private static bool Same(byte[] data, int offset, int count, byte[] other) => count == other.Length && SecureBootBytes.Equal(data, offset, count, other, 0);

    private static EfiCertificate Describe(byte[] raw, CertificateFacts? facts, string? error)
    {
        var certificate = new EfiCertificate(raw, error);
        if (facts is not null)
        {
            certificate.Subject = facts.Subject;
            certificate.Issuer = facts.Issuer;
            certificate.SerialNumber = facts.SerialNumber;
            certificate.Thumbprint = facts.Thumbprint;
            certificate.Sha256 = facts.Sha256;
            certificate.NotBefore = facts.NotBefore;
            certificate.NotAfter = facts.NotAfter;
            certificate.KnownCertificate = facts.Known;
        }

        return certificate;
    }
}
