using System;
using System.Globalization;
using System.Linq;

namespace AzureLocalSecurity.BitLocker.Planning;

/// <summary>
/// Computes BitLocker plans purely from a volume's facts (docs/bitlocker-changes.md). Key safety: a new recovery password
/// is created, backed up and the backup verified before any step that protects the volume; a CSV is changed inside
/// maintenance mode, as Microsoft documents ("Protect cluster shared volumes and storage area networks with BitLocker").
/// </summary>
public static class BitLockerPlanner
{
    /// <summary>Plans Enable-ALBitLocker for one volume.</summary>
    public static BitLockerPlan PlanEnable(BitLockerVolume volume, BitLockerEnableOptions options)
    {
        if (volume is null)
        {
            throw new ArgumentNullException(nameof(volume));
        }

        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var plan = new BitLockerPlan("Enable", volume);
        if (Precheck(plan, volume) is { } refused)
        {
            return refused;
        }

        var isOs = volume.VolumeType == BitLockerVolumeKind.OperatingSystem;
        var isCsv = volume.VolumeType == BitLockerVolumeKind.ClusterSharedVolume || volume.IsClusterSharedVolume;
        var status = volume.ConversionStatus!.Value;
        if (status is BitLockerConversionStatus.DecryptionInProgress or BitLockerConversionStatus.DecryptionPaused)
        {
            return plan.Refuse(BitLockerRefusal.WrongConversionState, $"{volume.MountPoint} is {Words(status)}; wait for decryption to finish (or let it finish after resuming it), then enable BitLocker.");
        }

        var account = options.ClusterNameAccount;
        var protectors = volume.KeyProtectors!;
        var recovery = protectors.FirstOrDefault(p => p.Type == BitLockerKeyProtectorType.NumericalPassword);
        var hasTpm = protectors.Any(p => p.Type is BitLockerKeyProtectorType.Tpm or BitLockerKeyProtectorType.TpmAndPin or BitLockerKeyProtectorType.TpmAndStartupKey or BitLockerKeyProtectorType.TpmAndPinAndStartupKey);
        var hasSid = protectors.Any(p => p.Type == BitLockerKeyProtectorType.Sid);
        var needTpm = isOs && !hasTpm;
        var needSid = !isOs && !string.IsNullOrWhiteSpace(account) && !hasSid;

        // A protector the volume already has needs nothing more: only a protector still to add has prerequisites.
        if (needTpm && options.TpmReady != true)
        {
            return plan.Refuse(BitLockerRefusal.NoReadyTpm, options.TpmReady is null
                ? $"{volume.MountPoint} is the OS volume and needs a TPM protector, but whether the TPM is ready could not be read; check Get-ALTpm on {volume.ComputerName}."
                : $"{volume.MountPoint} is the OS volume and needs a TPM protector, but {volume.ComputerName} has no ready TPM; turn on and initialize the TPM in firmware (Get-ALTpm shows why it is not ready), then try again.");
        }

        if (isCsv && !hasSid && string.IsNullOrWhiteSpace(account))
        {
            return plan.Refuse(BitLockerRefusal.NoClusterAccount, $"{volume.MountPoint} is a Cluster Shared Volume and needs the cluster name object's SID protector; give -ClusterNameAccount 'DOMAIN\\ClusterName$'.");
        }
        var encrypted = status is BitLockerConversionStatus.FullyEncrypted or BitLockerConversionStatus.EncryptionInProgress;

        if (!isOs && !isCsv && string.IsNullOrWhiteSpace(account) && !hasSid)
        {
            plan.Warn($"{volume.MountPoint}: no -ClusterNameAccount, so no SID protector; the data volume will need auto-unlock or its recovery password after a restart.");
        }

        if (encrypted && recovery is not null && !needTpm && !needSid)
        {
            if (volume.ProtectionOn == false)
            {
                plan.Add(BitLockerStepKind.Resume, $"{volume.MountPoint} is encrypted but protection is suspended (the key is in the clear); turn it back on.");
            }
            else if (status == BitLockerConversionStatus.EncryptionInProgress)
            {
                plan.Warn($"{volume.MountPoint}: encryption is in progress ({Percent(volume)}); nothing to change.");
            }

            return plan;
        }

        var maintenance = isCsv && volume.ClusterResourceName is not null;
        if (isCsv && volume.ClusterResourceName is null)
        {
            return plan.Refuse(BitLockerRefusal.FactsUnknown, $"{volume.MountPoint} is a Cluster Shared Volume but its cluster resource name could not be read, so it cannot be put in maintenance mode first as Microsoft documents; check Get-ClusterSharedVolume.");
        }

        if (maintenance)
        {
            plan.Add(BitLockerStepKind.EnterClusterMaintenance, "Microsoft documents that a CSV's resource is put in maintenance mode before BitLocker changes it.").ClusterResource = volume.ClusterResourceName;
        }

        var backupTargets = options.RecoveryKeyPath is not null || options.BackupToActiveDirectory;
        if (recovery is null)
        {
            if (!backupTargets && !options.Force)
            {
                return plan.Refuse(BitLockerRefusal.NoBackupDestination, $"{volume.MountPoint}: a new recovery password would be created with nowhere to back it up; give -RecoveryKeyPath <folder> and/or -BackupToActiveDirectory (or -Force to proceed without a backup).");
            }

            plan.Add(BitLockerStepKind.AddRecoveryPassword, "A 48-digit recovery password is the way back in if every other protector fails; Windows generates it.");
            AddBackup(plan, options, null);
        }
        else if (!encrypted)
        {
            // The volume already has a recovery password but is not encrypted yet: back that one up before protecting.
            if (!backupTargets && !options.Force)
            {
                return plan.Refuse(BitLockerRefusal.NoBackupDestination, $"{volume.MountPoint}: encryption would start with recovery password {recovery.Id} not backed up; give -RecoveryKeyPath <folder> and/or -BackupToActiveDirectory (or -Force).");
            }

            AddBackup(plan, options, recovery.Id);
        }

        if (!backupTargets)
        {
            plan.Warn($"{volume.MountPoint}: -Force: the recovery password is not backed up anywhere; back it up with Backup-ALBitLockerKeyProtector before a restart.");
        }

        if (needTpm)
        {
            plan.Add(BitLockerStepKind.AddTpmProtector, "The OS volume unlocks at boot with the TPM (default platform validation profile).");
        }

        if (needSid)
        {
            plan.Add(BitLockerStepKind.AddSidProtector, isCsv
                ? "Microsoft documents the cluster name object's AD account as the protector that lets every node unlock a CSV."
                : "The cluster name object's AD account unlocks the volume.").Account = account;
        }

        if (status == BitLockerConversionStatus.EncryptionPaused)
        {
            plan.Add(BitLockerStepKind.ResumeConversion, $"Encryption is paused at {Percent(volume)}; continue it.");
        }
        else if (status == BitLockerConversionStatus.FullyDecrypted)
        {
            var encrypt = plan.Add(BitLockerStepKind.Encrypt, "Start encryption; it runs in the background (poll with Get-ALBitLockerVolume or -Wait).");
            encrypt.EncryptionMethod = options.EncryptionMethod;
            encrypt.UsedSpaceOnly = options.UsedSpaceOnly;
        }
        else if (volume.ProtectionOn == false)
        {
            plan.Add(BitLockerStepKind.Resume, "Protection is suspended; turn it back on.");
        }

        if (maintenance)
        {
            plan.Add(BitLockerStepKind.LeaveClusterMaintenance, "Take the CSV out of maintenance mode, as Microsoft documents, once BitLocker has been turned on.").ClusterResource = volume.ClusterResourceName;
        }

        return plan;
    }

    /// <summary>Plans Disable-ALBitLocker (decrypt) for one volume; a CSV is decrypted inside maintenance mode.</summary>
    public static BitLockerPlan PlanDisable(BitLockerVolume volume)
    {
        var plan = new BitLockerPlan("Disable", Require(volume));
        if (Precheck(plan, volume) is { } refused)
        {
            return refused;
        }

        var status = volume.ConversionStatus!.Value;
        if (status == BitLockerConversionStatus.FullyDecrypted || status == BitLockerConversionStatus.DecryptionInProgress)
        {
            if (status == BitLockerConversionStatus.DecryptionInProgress)
            {
                plan.Warn($"{volume.MountPoint}: decryption is already in progress ({Percent(volume)}).");
            }

            return plan;
        }

        var isCsv = volume.VolumeType == BitLockerVolumeKind.ClusterSharedVolume || volume.IsClusterSharedVolume;
        if (isCsv && volume.ClusterResourceName is null)
        {
            return plan.Refuse(BitLockerRefusal.FactsUnknown, $"{volume.MountPoint} is a Cluster Shared Volume but its cluster resource name could not be read, so it cannot be put in maintenance mode first; check Get-ClusterSharedVolume.");
        }

        if (isCsv)
        {
            plan.Add(BitLockerStepKind.EnterClusterMaintenance, "Microsoft documents that a CSV's resource is put in maintenance mode before BitLocker changes it.").ClusterResource = volume.ClusterResourceName;
        }

        if (volume.VolumeType == BitLockerVolumeKind.OperatingSystem)
        {
            plan.Add(BitLockerStepKind.ClearAutoUnlockKeys, "Decrypt fails on the OS volume while it stores auto-unlock keys for data volumes (FVE_E_AUTOUNLOCK_ENABLED).");
            plan.Warn($"{volume.MountPoint}: clearing the auto-unlock keys means encrypted data volumes on {volume.ComputerName} no longer unlock on their own.");
        }

        plan.Add(BitLockerStepKind.Decrypt, status == BitLockerConversionStatus.DecryptionPaused ? "Decryption is paused; decrypt continues it." : "Decrypt the volume; it runs in the background.");
        if (isCsv)
        {
            plan.Add(BitLockerStepKind.LeaveClusterMaintenance, "Take the CSV out of maintenance mode once decryption has been started.").ClusterResource = volume.ClusterResourceName;
        }

        return plan;
    }

    /// <summary>Plans Suspend-ALBitLocker. <paramref name="rebootCount"/> becomes DisableCount on the OS volume (0: until resumed); data volumes take none.</summary>
    public static BitLockerPlan PlanSuspend(BitLockerVolume volume, uint? rebootCount)
    {
        var plan = new BitLockerPlan("Suspend", Require(volume));
        if (Precheck(plan, volume) is { } refused)
        {
            return refused;
        }

        if (volume.ConversionStatus == BitLockerConversionStatus.FullyDecrypted)
        {
            return plan.Refuse(BitLockerRefusal.WrongConversionState, $"{volume.MountPoint} is not encrypted; there is no protection to suspend.");
        }

        if (volume.ProtectionOn is null)
        {
            return plan.Refuse(BitLockerRefusal.FactsUnknown, $"{volume.MountPoint}: whether protection is on could not be read. {UnknownText(volume)}");
        }

        if (volume.ProtectionOn == false)
        {
            plan.Warn($"{volume.MountPoint}: protection is already suspended.");
            return plan;
        }

        var step = plan.Add(BitLockerStepKind.Suspend, "Suspend protection (the key is stored in the clear) for maintenance such as a firmware update.");
        if (volume.VolumeType == BitLockerVolumeKind.OperatingSystem)
        {
            // WMI documents no default for DisableCount (WINAPI.md §8.3), so always pass one: Suspend-BitLocker's default is 1.
            step.DisableCount = rebootCount ?? 1u;
        }
        else if (rebootCount is not null)
        {
            plan.Warn($"{volume.MountPoint}: -RebootCount applies to the OS volume only; this data volume stays suspended until Resume-ALBitLocker.");
        }

        plan.Warn($"{volume.MountPoint}: while suspended, anyone with the disk can read it; resume with Resume-ALBitLocker.");
        return plan;
    }

    /// <summary>Plans Resume-ALBitLocker.</summary>
    public static BitLockerPlan PlanResume(BitLockerVolume volume)
    {
        var plan = new BitLockerPlan("Resume", Require(volume));
        if (Precheck(plan, volume) is { } refused)
        {
            return refused;
        }

        if (volume.ConversionStatus == BitLockerConversionStatus.FullyDecrypted)
        {
            return plan.Refuse(BitLockerRefusal.WrongConversionState, $"{volume.MountPoint} is not encrypted; enable BitLocker with Enable-ALBitLocker instead.");
        }

        if (volume.ProtectionOn is null)
        {
            return plan.Refuse(BitLockerRefusal.FactsUnknown, $"{volume.MountPoint}: whether protection is on could not be read. {UnknownText(volume)}");
        }

        if (volume.ProtectionOn == true)
        {
            return plan;
        }

        plan.Add(BitLockerStepKind.Resume, "Turn protection back on (EnableKeyProtectors also re-seals TPM protectors to the current boot state).");
        return plan;
    }

    /// <summary>Plans Backup-ALBitLockerKeyProtector: each existing recovery password protector backed up to the destination and verified.</summary>
    public static BitLockerPlan PlanBackup(BitLockerVolume volume, BitLockerBackupDestination destination, string? path)
    {
        var plan = new BitLockerPlan("Backup", Require(volume));
        if (Precheck(plan, volume) is { } refused)
        {
            return refused;
        }

        if (destination == BitLockerBackupDestination.File && string.IsNullOrWhiteSpace(path))
        {
            return plan.Refuse(BitLockerRefusal.NoBackupDestination, "-Destination File needs -Path <folder>.");
        }

        var recovery = volume.KeyProtectors!.Where(p => p.Type == BitLockerKeyProtectorType.NumericalPassword).ToList();
        if (recovery.Count == 0)
        {
            return plan.Refuse(BitLockerRefusal.NoRecoveryPassword, $"{volume.MountPoint} has no recovery password protector to back up; Enable-ALBitLocker adds one.");
        }

        plan.RequiresVerifiedBackup = true;
        foreach (var protector in recovery)
        {
            if (destination == BitLockerBackupDestination.File)
            {
                var step = plan.Add(BitLockerStepKind.BackupToFile, "Write the recovery password to a file only Administrators and SYSTEM can read.");
                step.Path = path;
                step.ProtectorId = protector.Id;
            }
            else
            {
                plan.Add(BitLockerStepKind.BackupToActiveDirectory, "Store the recovery password in the computer's AD DS object.").ProtectorId = protector.Id;
            }

            plan.Add(BitLockerStepKind.VerifyBackup, "Read the backup back and compare it with the protector's password.").ProtectorId = protector.Id;
        }

        return plan;
    }

    private static void AddBackup(BitLockerPlan plan, BitLockerEnableOptions options, string? protectorId)
    {
        if (options.RecoveryKeyPath is null && !options.BackupToActiveDirectory)
        {
            return;
        }

        plan.RequiresVerifiedBackup = true;
        if (options.RecoveryKeyPath is not null)
        {
            var step = plan.Add(BitLockerStepKind.BackupToFile, "Back the recovery password up to a file only Administrators and SYSTEM can read, before anything protects the volume.");
            step.Path = options.RecoveryKeyPath;
            step.ProtectorId = protectorId;
        }

        if (options.BackupToActiveDirectory)
        {
            plan.Add(BitLockerStepKind.BackupToActiveDirectory, "Back the recovery password up to AD DS, before anything protects the volume.").ProtectorId = protectorId;
        }

        plan.Add(BitLockerStepKind.VerifyBackup, "Read every backup back and compare it with the protector's password; protection starts only after this succeeds.").ProtectorId = protectorId;
    }

    private static BitLockerPlan? Precheck(BitLockerPlan plan, BitLockerVolume volume)
    {
        if (volume.Locked == true)
        {
            return plan.Refuse(BitLockerRefusal.Locked, $"{volume.MountPoint} is locked; unlock it (with its recovery password or, for a CSV, from the owner node) before changing BitLocker.");
        }

        if (volume.VolumeType is BitLockerVolumeKind.Removable or BitLockerVolumeKind.Unknown)
        {
            return plan.Refuse(BitLockerRefusal.UnsupportedVolume, $"{volume.MountPoint} is a {volume.VolumeType} volume; this module changes OS, data and Cluster Shared Volumes only.");
        }

        if (volume.Locked is null || volume.ConversionStatus is null || volume.KeyProtectors is null)
        {
            return plan.Refuse(BitLockerRefusal.FactsUnknown, $"{volume.MountPoint}: its lock state, conversion status or key protectors could not be read, so no change is planned. {UnknownText(volume)}");
        }

        if ((volume.VolumeType == BitLockerVolumeKind.ClusterSharedVolume || volume.IsClusterSharedVolume)
            && volume.OwnerNode is not null && !string.Equals(volume.OwnerNode, volume.ComputerName, StringComparison.OrdinalIgnoreCase))
        {
            return plan.Refuse(BitLockerRefusal.NotOwnerNode, $"{volume.MountPoint} is owned by {volume.OwnerNode}; run this on {volume.OwnerNode} (or move the CSV to {volume.ComputerName} with Move-ClusterSharedVolume).");
        }

        return null;
    }

    private static BitLockerVolume Require(BitLockerVolume volume) => volume ?? throw new ArgumentNullException(nameof(volume));

    private static string UnknownText(BitLockerVolume volume) => volume.Unknowns.Count == 0 ? string.Empty : "Unknown: " + string.Join("; ", volume.Unknowns);

    private static string Percent(BitLockerVolume volume) => volume.EncryptionPercentage is { } p ? p.ToString("0.#", CultureInfo.InvariantCulture) + "%" : "an unknown percentage";

    private static string Words(BitLockerConversionStatus status) => status switch
    {
        BitLockerConversionStatus.DecryptionInProgress => "decrypting",
        BitLockerConversionStatus.DecryptionPaused => "paused while decrypting",
        _ => status.ToString(),
    };
}
