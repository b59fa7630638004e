namespace AzureLocalSecurity.BitLocker.Planning;

/// <summary>
/// The calls a BitLocker plan needs, one per step kind, each returning the method's HRESULT (0 is success). The Windows
/// implementation is a thin shell over Win32_EncryptableVolume; tests use fakes. A recovery password crosses this
/// interface only as a <see cref="char"/> array, which the caller clears.
/// </summary>
public interface IBitLockerExecutor
{
    /// <summary>ProtectKeyWithNumericalPassword with no password (Windows generates one).</summary>
    uint AddRecoveryPassword(BitLockerVolume volume, out string? protectorId);

    /// <summary>GetKeyProtectorNumericalPassword; the caller clears <paramref name="password"/>.</summary>
    uint GetRecoveryPassword(BitLockerVolume volume, string protectorId, out char[]? password);

    /// <summary>Writes <paramref name="content"/> (UTF-8) to a new file at <paramref name="path"/> with <see cref="BitLockerBackupFileAcl"/>'s ACL.</summary>
    uint WriteBackupFile(string path, char[] content);

    /// <summary>Reads a backup file back; the caller clears <paramref name="content"/>.</summary>
    uint ReadBackupFile(string path, out char[]? content);

    /// <summary>BackupRecoveryInformationToActiveDirectory; S_FALSE (1) means Group Policy did not allow it: not backed up.</summary>
    uint BackupToActiveDirectory(BitLockerVolume volume, string protectorId);

    /// <summary>
    /// Reads the AD DS backup of <paramref name="protectorId"/> back: 0 when the domain holds an msFVE-RecoveryInformation
    /// object whose msFVE-RecoveryGuid is the protector's ID, with <paramref name="password"/> its msFVE-RecoveryPassword
    /// (null when the caller may not read that confidential attribute); a failure code when no such object is found or the
    /// directory cannot be searched. The caller clears <paramref name="password"/>.
    /// </summary>
    uint ReadActiveDirectoryBackup(BitLockerVolume volume, string protectorId, out char[]? password);

    /// <summary>ProtectKeyWithTPM with the default profile.</summary>
    uint AddTpmProtector(BitLockerVolume volume, out string? protectorId);

    /// <summary>ProtectKeyWithAdSid for <paramref name="account"/> (resolved to its SID by the implementation).</summary>
    uint AddSidProtector(BitLockerVolume volume, string account, out string? protectorId);

    /// <summary>Encrypt with EncryptionMethod and EncryptionFlags (0x1 used space only).</summary>
    uint Encrypt(BitLockerVolume volume, BitLockerEncryptionMethod method, bool usedSpaceOnly);

    /// <summary>ResumeConversion.</summary>
    uint ResumeConversion(BitLockerVolume volume);

    /// <summary>DisableKeyProtectors, with DisableCount when given.</summary>
    uint DisableKeyProtectors(BitLockerVolume volume, uint? disableCount);

    /// <summary>EnableKeyProtectors.</summary>
    uint EnableKeyProtectors(BitLockerVolume volume);

    /// <summary>ClearAllAutoUnlockKeys.</summary>
    uint ClearAllAutoUnlockKeys(BitLockerVolume volume);

    /// <summary>Decrypt.</summary>
    uint Decrypt(BitLockerVolume volume);

    /// <summary>GetConversionStatus: the conversion status and the encrypted percentage (for -Wait's progress).</summary>
    uint GetConversionStatus(BitLockerVolume volume, out BitLockerConversionStatus? status, out double? percentage);

    /// <summary>
    /// Puts the CSV <paramref name="volume"/>, whose cluster resource is <paramref name="clusterResource"/>, in CSV
    /// maintenance mode (<paramref name="enter"/> true) or takes it out (false). Returns 0 or an HRESULT (a Win32 error
    /// as HRESULT_FROM_WIN32).
    /// </summary>
    uint SetClusterMaintenance(BitLockerVolume volume, string clusterResource, bool enter);
}
