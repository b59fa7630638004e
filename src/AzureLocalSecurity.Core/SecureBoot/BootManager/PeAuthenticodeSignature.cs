using System.Collections.Generic;

namespace AzureLocalSecurity.SecureBoot.BootManager;

/// <summary>
/// One WIN_CERTIFICATE of a PE image's attribute certificate table: its PKCS#7 SignedData's certificates, the signer's
/// certificate, the chain from it up through the certificates the signature embeds, and the Microsoft Secure Boot CA
/// that chain reaches. Who signed, not whether the signature is valid: no hash or signature is checked.
/// </summary>
public sealed class PeAuthenticodeSignature
{
    internal PeAuthenticodeSignature(int index, int offset, int length, ushort revision, ushort certificateType)
    {
        Index = index;
        Offset = offset;
        Length = length;
        Revision = revision;
        CertificateType = certificateType;
    }

    /// <summary>The position of the WIN_CERTIFICATE in the table, from 0.</summary>
    public int Index { get; }

    /// <summary>The byte offset of the WIN_CERTIFICATE in the image.</summary>
    public int Offset { get; }

    /// <summary>dwLength: the header and the certificate data, without the padding to 8 bytes.</summary>
    public int Length { get; }

    /// <summary>wRevision (0x0200).</summary>
    public ushort Revision { get; }

    /// <summary>wCertificateType: 0x0002 is WIN_CERT_TYPE_PKCS_SIGNED_DATA, the only type read.</summary>
    public ushort CertificateType { get; }

    /// <summary>Every certificate the SignedData carries, in its order, each marked when a SignerInfo names it.</summary>
    public IReadOnlyList<EfiCertificate> Certificates { get; internal set; } = [];

    /// <summary>The signer's certificate (the first one a SignerInfo names), or null when <see cref="UnknownReason"/> says why not.</summary>
    public EfiCertificate? Signer { get; internal set; }

    /// <summary>The signer's certificate, then its issuer's, and so on while the signature embeds the issuer's certificate.</summary>
    public IReadOnlyList<EfiCertificate> Chain { get; internal set; } = [];

    /// <summary>
    /// The Microsoft Secure Boot CA the chain reaches: the first certificate of <see cref="Chain"/> whose thumbprint is one
    /// of <see cref="MicrosoftSecureBootCertificates.All"/>, or, when none is (the CA's own certificate is usually not
    /// embedded), the CA whose name is the common name of the last certificate's issuer. Null when the chain reaches
    /// neither, or when the signer is Unknown.
    /// </summary>
    public MicrosoftSecureBootCertificate? ChainsTo { get; internal set; }

    /// <summary>True when <see cref="ChainsTo"/> was found by the issuer name of the chain's last certificate rather than by thumbprint.</summary>
    public bool ChainsToByIssuerName { get; internal set; }

    /// <summary>The issuer of the chain's last certificate: the authority above everything the signature embeds.</summary>
    public string? ChainIssuer { get; internal set; }

    /// <summary>Why the signer or its chain could not be told (the SignedData could not be walked, no certificate is named by a SignerInfo, the type is not PKCS#7), or null.</summary>
    public string? UnknownReason { get; internal set; }

    /// <inheritdoc />
    public override string ToString() =>
        UnknownReason is not null
            ? "unknown signer: " + UnknownReason
            : (Signer?.Subject ?? "signer") + " -> " + (ChainsTo?.Name ?? ChainIssuer ?? "?");
}
