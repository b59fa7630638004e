namespace AzureLocalSecurity.BitLocker.Planning;

/// <summary>
/// Only the HRESULTs the plan runner branches on (WINAPI.md §8.3). Everything else is described through
/// <see cref="BitLockerMessages.Describe"/>, which the read side's FVE catalog answers.
/// </summary>
internal static class BitLockerHResults
{
    /// <summary>S_OK.</summary>
    internal const uint Ok = 0;

    /// <summary>S_FALSE from BackupRecoveryInformationToActiveDirectory: Group Policy does not permit AD backup, so NOT backed up.</summary>
    internal const uint SFalse = 1;

    /// <summary>FVE_E_LOCKED_VOLUME.</summary>
    internal const uint LockedVolume = 0x80310000;

    /// <summary>FVE_E_PROTECTOR_EXISTS: only one TPM protector is allowed.</summary>
    internal const uint ProtectorExists = 0x80310031;

    /// <summary>Our own: a backup read back did not match (E_FAIL's facility-free stand-in is not used so it cannot be mistaken for a Windows code).</summary>
    internal const uint BackupMismatch = 0xA0000001;

    /// <summary>Our own: a protecting step was reached without a verified backup.</summary>
    internal const uint BackupNotVerified = 0xA0000002;

    /// <summary>Our own: a step needed a protector ID that no earlier step produced.</summary>
    internal const uint NoProtector = 0xA0000003;

    /// <summary>Our own: the directory was searched and holds no recovery object for the protector.</summary>
    internal const uint DirectoryBackupNotFound = 0xA0000004;
}
