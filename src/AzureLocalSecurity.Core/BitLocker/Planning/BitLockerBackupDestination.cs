namespace AzureLocalSecurity.BitLocker.Planning;

/// <summary>Where Backup-ALBitLockerKeyProtector puts a recovery password.</summary>
public enum BitLockerBackupDestination
{
    /// <summary>A file readable only by Administrators and SYSTEM.</summary>
    File,

    /// <summary>Active Directory Domain Services (BackupRecoveryInformationToActiveDirectory).</summary>
    ActiveDirectory,
}
