namespace AzureLocalSecurity.BitLocker;

/// <summary>Win32_EncryptableVolume key protector types (GetKeyProtectorType; WINAPI.md §8.3).</summary>
public enum BitLockerKeyProtectorType
{
    /// <summary>0: unknown or other.</summary>
    Unknown = 0,

    /// <summary>1: TPM.</summary>
    Tpm = 1,

    /// <summary>2: external key (a startup key file).</summary>
    ExternalKey = 2,

    /// <summary>3: numerical password (the 48-digit recovery password).</summary>
    NumericalPassword = 3,

    /// <summary>4: TPM and PIN.</summary>
    TpmAndPin = 4,

    /// <summary>5: TPM and startup key.</summary>
    TpmAndStartupKey = 5,

    /// <summary>6: TPM, PIN and startup key.</summary>
    TpmAndPinAndStartupKey = 6,

    /// <summary>7: public key.</summary>
    PublicKey = 7,

    /// <summary>8: passphrase.</summary>
    Passphrase = 8,

    /// <summary>9: TPM certificate.</summary>
    TpmCertificate = 9,

    /// <summary>10: an Active Directory account or group (SID protector), as Microsoft documents for CSVs (the cluster name object).</summary>
    Sid = 10,
}
