namespace AzureLocalSecurity.BitLocker.Planning;

/// <summary>One kind of change a BitLocker plan makes; each maps to one Win32_EncryptableVolume method or one cluster call.</summary>
public enum BitLockerStepKind
{
    /// <summary>Put the CSV's cluster disk resource in maintenance mode (Suspend-ClusterResource) before BitLocker changes it.</summary>
    EnterClusterMaintenance,

    /// <summary>ProtectKeyWithNumericalPassword with no password given, so Windows generates the 48-digit recovery password.</summary>
    AddRecoveryPassword,

    /// <summary>Write the recovery password to a file readable only by Administrators and SYSTEM.</summary>
    BackupToFile,

    /// <summary>BackupRecoveryInformationToActiveDirectory for the recovery password protector.</summary>
    BackupToActiveDirectory,

    /// <summary>Read the backup back and compare it with the protector's password; nothing that protects the volume runs before this succeeds.</summary>
    VerifyBackup,

    /// <summary>ProtectKeyWithTPM with the default platform validation profile (OS volume only).</summary>
    AddTpmProtector,

    /// <summary>ProtectKeyWithAdSid for an Active Directory account (for a CSV, the cluster name object <c>DOMAIN\ClusterName$</c>).</summary>
    AddSidProtector,

    /// <summary>Encrypt with a method and flags (used space only or full).</summary>
    Encrypt,

    /// <summary>ResumeConversion: continue a paused encryption.</summary>
    ResumeConversion,

    /// <summary>DisableKeyProtectors with a DisableCount: suspend protection (the key is in the clear until resumed).</summary>
    Suspend,

    /// <summary>EnableKeyProtectors: turn protection back on.</summary>
    Resume,

    /// <summary>ClearAllAutoUnlockKeys on the OS volume, which Decrypt needs first (FVE_E_AUTOUNLOCK_ENABLED otherwise).</summary>
    ClearAutoUnlockKeys,

    /// <summary>Decrypt.</summary>
    Decrypt,

    /// <summary>Take the CSV's cluster disk resource out of maintenance mode (Resume-ClusterResource).</summary>
    LeaveClusterMaintenance,
}
