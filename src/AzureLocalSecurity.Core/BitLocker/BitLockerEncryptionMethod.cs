namespace AzureLocalSecurity.BitLocker;

/// <summary>Win32_EncryptableVolume EncryptionMethod (WINAPI.md §8.3); the values Encrypt takes.</summary>
public enum BitLockerEncryptionMethod
{
    /// <summary>0: not encrypted.</summary>
    None = 0,

    /// <summary>1: AES 128 with diffuser (Windows 7 and earlier).</summary>
    Aes128Diffuser = 1,

    /// <summary>2: AES 256 with diffuser (Windows 7 and earlier).</summary>
    Aes256Diffuser = 2,

    /// <summary>3: AES 128 (CBC).</summary>
    Aes128 = 3,

    /// <summary>4: AES 256 (CBC).</summary>
    Aes256 = 4,

    /// <summary>5: hardware encryption (a self-encrypting drive).</summary>
    Hardware = 5,

    /// <summary>6: XTS-AES 128.</summary>
    XtsAes128 = 6,

    /// <summary>7: XTS-AES 256, what Azure Local uses.</summary>
    XtsAes256 = 7,
}
