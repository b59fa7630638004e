namespace AzureLocalSecurity.SecureBoot;

/// <summary>Which Secure Boot variable a Microsoft certificate is enrolled in.</summary>
public enum SecureBootCertificateRole
{
    /// <summary>PK, the platform key.</summary>
    PlatformKey,

    /// <summary>KEK, the key exchange keys that sign db and dbx updates.</summary>
    KeyExchangeKey,

    /// <summary>db, the signature database of authorities boot images are checked against.</summary>
    SignatureDatabase,
}
