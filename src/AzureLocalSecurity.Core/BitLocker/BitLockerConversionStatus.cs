namespace AzureLocalSecurity.BitLocker;

/// <summary>Win32_EncryptableVolume GetConversionStatus ConversionStatus (WINAPI.md §8.3).</summary>
public enum BitLockerConversionStatus
{
    /// <summary>0: fully decrypted.</summary>
    FullyDecrypted = 0,

    /// <summary>1: fully encrypted.</summary>
    FullyEncrypted = 1,

    /// <summary>2: encryption in progress.</summary>
    EncryptionInProgress = 2,

    /// <summary>3: decryption in progress.</summary>
    DecryptionInProgress = 3,

    /// <summary>4: encryption paused.</summary>
    EncryptionPaused = 4,

    /// <summary>5: decryption paused.</summary>
    DecryptionPaused = 5,
}
