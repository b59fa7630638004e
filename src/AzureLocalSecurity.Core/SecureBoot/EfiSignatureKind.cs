namespace AzureLocalSecurity.SecureBoot;

/// <summary>The signature types of UEFI 2.10 §32.4.1 (EFI_SIGNATURE_LIST.SignatureType), as a name.</summary>
public enum EfiSignatureKind
{
    /// <summary>A type GUID this module does not know; the entry keeps its raw data.</summary>
    Unknown = 0,

    /// <summary>EFI_CERT_SHA1_GUID: a 20-byte SHA-1 hash.</summary>
    Sha1,

    /// <summary>EFI_CERT_SHA224_GUID: a 28-byte SHA-224 hash.</summary>
    Sha224,

    /// <summary>EFI_CERT_SHA256_GUID: a 32-byte SHA-256 hash (an image's Authenticode hash, or a Windows SVN record).</summary>
    Sha256,

    /// <summary>EFI_CERT_SHA384_GUID: a 48-byte SHA-384 hash.</summary>
    Sha384,

    /// <summary>EFI_CERT_SHA512_GUID: a 64-byte SHA-512 hash.</summary>
    Sha512,

    /// <summary>EFI_CERT_RSA2048_GUID: a 256-byte RSA-2048 public key modulus.</summary>
    Rsa2048,

    /// <summary>EFI_CERT_RSA2048_SHA256_GUID: a 256-byte RSA-2048 signature of a SHA-256 hash.</summary>
    Rsa2048Sha256,

    /// <summary>EFI_CERT_RSA2048_SHA1_GUID: a 256-byte RSA-2048 signature of a SHA-1 hash.</summary>
    Rsa2048Sha1,

    /// <summary>EFI_CERT_X509_GUID: a DER X.509 certificate.</summary>
    X509,

    /// <summary>EFI_CERT_X509_SHA256_GUID: the SHA-256 hash of a certificate's TBSCertificate, then a 16-byte EFI_TIME of revocation.</summary>
    X509Sha256,

    /// <summary>EFI_CERT_X509_SHA384_GUID: the SHA-384 hash of a certificate's TBSCertificate, then a 16-byte EFI_TIME of revocation.</summary>
    X509Sha384,

    /// <summary>EFI_CERT_X509_SHA512_GUID: the SHA-512 hash of a certificate's TBSCertificate, then a 16-byte EFI_TIME of revocation.</summary>
    X509Sha512,

    /// <summary>EFI_CERT_TYPE_PKCS7_GUID: a DER PKCS#7 SignedData (a certificate type of WIN_CERTIFICATE_UEFI_GUID, also seen as a list type).</summary>
    Pkcs7,
}
