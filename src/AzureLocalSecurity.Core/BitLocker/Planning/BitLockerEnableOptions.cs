namespace AzureLocalSecurity.BitLocker.Planning;

/// <summary>What Enable-ALBitLocker was asked for, and the node facts the enable plan needs beyond the volume.</summary>
public sealed class BitLockerEnableOptions
{
    /// <summary>The encryption method; XTS-AES 256 (what Azure Local uses) by default.</summary>
    public BitLockerEncryptionMethod EncryptionMethod { get; set; } = BitLockerEncryptionMethod.XtsAes256;

    /// <summary>Encrypt used space only.</summary>
    public bool UsedSpaceOnly { get; set; }

    /// <summary>The folder the recovery password backup file is written to; null for none.</summary>
    public string? RecoveryKeyPath { get; set; }

    /// <summary>Back the recovery password up to AD DS.</summary>
    public bool BackupToActiveDirectory { get; set; }

    /// <summary>The account for the SID protector (<c>DOMAIN\ClusterName$</c>); required for a CSV.</summary>
    public string? ClusterNameAccount { get; set; }

    /// <summary>Proceed without a backup destination.</summary>
    public bool Force { get; set; }

    /// <summary>Whether the node's TPM is ready for a TPM protector (Win32_Tpm IsReady); null when it could not be read.</summary>
    public bool? TpmReady { get; set; }
}
