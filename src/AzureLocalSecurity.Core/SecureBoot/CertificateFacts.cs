using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AzureLocalSecurity.SecureBoot;

/// <summary>
/// What a DER X.509 certificate says, read once: by a small DER walk (it is a certificate, not a PFX or a signed file
/// that X509Certificate2 would also accept; its issuer and serial as encoded, which PKCS#7 signer identifiers name), then
/// by X509Certificate2. Every field is set only after all were read.
/// </summary>
internal sealed class CertificateFacts
{
    private CertificateFacts(byte[] der, byte[] issuerName, byte[] serial)
    {
        Der = der;
        IssuerName = issuerName;
        Serial = serial;
    }

    internal byte[] Der { get; }

    /// <summary>The issuer Name's DER (tag, length and content).</summary>
    internal byte[] IssuerName { get; }

    /// <summary>The serialNumber INTEGER's content bytes.</summary>
    internal byte[] Serial { get; }

    internal string Subject { get; private set; } = string.Empty;

    internal string Issuer { get; private set; } = string.Empty;

    internal string SerialNumber { get; private set; } = string.Empty;

    internal string Thumbprint { get; private set; } = string.Empty;

    internal string Sha256 { get; private set; } = string.Empty;

    internal DateTime NotBefore { get; private set; }

    internal DateTime NotAfter { get; private set; }

    internal string? SubjectKeyIdentifier { get; private set; }

    internal MicrosoftSecureBootCertificate? Known { get; private set; }

    /// <summary>The public key algorithm's friendly name (RSA, ECC).</summary>
    internal string? KeyAlgorithm { get; private set; }

    /// <summary>The subjectPublicKey BIT STRING's content: RSAPublicKey for RSA, the EC point for ECC.</summary>
    internal byte[] PublicKey { get; private set; } = [];

    /// <summary>The certificate at the start of <paramref name="count"/> bytes at <paramref name="offset"/>, or null and why not.</summary>
    internal static CertificateFacts? Decode(byte[] data, int offset, int count, out string? error)
    {
        DerElement certificate;
        DerElement issuer;
        DerElement serial;
        try
        {
            var outer = new DerWalker(data, offset, count);
            certificate = outer.Read(0x30, "Certificate");
            var fields = outer.Enter(certificate);
            var tbs = fields.Read(0x30, "TBSCertificate");
            var tbsFields = fields.Enter(tbs);
            if (tbsFields.PeekTag() == 0xA0)
            {
                _ = tbsFields.Read();
            }

            serial = tbsFields.Read(0x02, "serialNumber");
            _ = tbsFields.Read(0x30, "signature");
            issuer = tbsFields.Read(0x30, "issuer");
        }
        catch (EfiFormatException ex)
        {
            error = "The data is not a DER X.509 certificate: " + ex.Problem + " (byte " + ex.Offset.ToString(System.Globalization.CultureInfo.InvariantCulture) + ").";
            return null;
        }

        var facts = new CertificateFacts(
            SecureBootBytes.Copy(data, certificate.Start, certificate.Length),
            SecureBootBytes.Copy(data, issuer.Start, issuer.Length),
            SecureBootBytes.Copy(data, serial.ContentStart, serial.ContentLength));
        try
        {
            using var x509 = new X509Certificate2(facts.Der);
            using var sha256 = SHA256.Create();
            var subject = x509.Subject;
            var issuerText = x509.Issuer;
            var serialNumber = x509.SerialNumber;
            var thumbprint = x509.Thumbprint;
            var notBefore = x509.NotBefore.ToUniversalTime();
            var notAfter = x509.NotAfter.ToUniversalTime();
            var keyAlgorithm = x509.PublicKey.Oid.FriendlyName;
            var publicKey = x509.GetPublicKey();
            string? subjectKeyIdentifier = null;
            foreach (var extension in x509.Extensions)
            {
                if (extension is X509SubjectKeyIdentifierExtension ski)
                {
                    subjectKeyIdentifier = ski.SubjectKeyIdentifier;
                }
            }

            facts.Subject = subject;
            facts.Issuer = issuerText;
            facts.SerialNumber = serialNumber;
            facts.Thumbprint = thumbprint;
            facts.Sha256 = SecureBootBytes.Hex(sha256.ComputeHash(facts.Der));
            facts.NotBefore = notBefore;
            facts.NotAfter = notAfter;
            facts.SubjectKeyIdentifier = subjectKeyIdentifier?.ToUpperInvariant();
            facts.KeyAlgorithm = keyAlgorithm;
            facts.PublicKey = publicKey;
            facts.Known = MicrosoftSecureBootCertificates.FindByThumbprint(thumbprint);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException or FormatException)
        {
            error = "The certificate could not be read: " + ex.Message;
            return null;
        }

        error = null;
        return facts;
    }
}
