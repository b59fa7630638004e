using System.Linq;
using AzureLocalSecurity.BitLocker;
using AzureLocalSecurity.BitLocker.Planning;
using Xunit;

namespace AzureLocalSecurity.Tests.BitLocker.Planning;

public class BitLockerPlannerTests
{
    private const string Cno = @"CONTOSO\HCICLUSTER$";

    private static BitLockerEnableOptions WithFile(bool? tpmReady = true, string? account = null) => new()
    {
        RecoveryKeyPath = "/backup",
        TpmReady = tpmReady,
        ClusterNameAccount = account,
    };

    private static BitLockerStepKind[] Kinds(BitLockerPlan plan) => plan.Steps.Select(s => s.Kind).ToArray();

    [Fact]
    public void Enable_os_volume_with_ready_tpm_creates_backs_up_and_verifies_the_password_before_the_tpm_protector_and_encryption()
    {
        var plan = BitLockerPlanner.PlanEnable(RecordedVolumes.OsDecrypted(), WithFile());

        Assert.Equal(BitLockerRefusal.None, plan.Refusal);
        Assert.Equal(
            [BitLockerStepKind.AddRecoveryPassword, BitLockerStepKind.BackupToFile, BitLockerStepKind.VerifyBackup, BitLockerStepKind.AddTpmProtector, BitLockerStepKind.Encrypt],
            Kinds(plan));
        Assert.True(plan.RequiresVerifiedBackup);
        Assert.Equal("/backup", plan.Steps[1].Path);
    }

    [Fact]
    public void Enable_defaults_to_xts_aes_256_and_passes_used_space_only()
    {
        var options = WithFile();
        options.UsedSpaceOnly = true;
        var encrypt = BitLockerPlanner.PlanEnable(RecordedVolumes.OsDecrypted(), options).Steps.Single(s => s.Kind == BitLockerStepKind.Encrypt);

        Assert.Equal(BitLockerEncryptionMethod.XtsAes256, encrypt.EncryptionMethod);
        Assert.True(encrypt.UsedSpaceOnly);
    }

    [Fact]
    public void Enable_os_volume_without_a_ready_tpm_is_refused_with_no_steps()
    {
        var plan = BitLockerPlanner.PlanEnable(RecordedVolumes.OsDecrypted(), WithFile(tpmReady: false));

        Assert.Equal(BitLockerRefusal.NoReadyTpm, plan.Refusal);
        Assert.Empty(plan.Steps);
        Assert.Contains("no ready TPM", plan.RefusalMessage);
    }

    [Fact]
    public void Enable_os_volume_with_unreadable_tpm_readiness_is_refused_as_no_ready_tpm_and_says_it_could_not_be_read()
    {
        var plan = BitLockerPlanner.PlanEnable(RecordedVolumes.OsDecrypted(), WithFile(tpmReady: null));

        Assert.Equal(BitLockerRefusal.NoReadyTpm, plan.Refusal);
        Assert.Contains("could not be read", plan.RefusalMessage);
    }

    [Fact]
    public void Enable_data_volume_adds_recovery_password_backup_verify_then_sid_protector_and_encrypt_and_no_tpm()
    {
        var plan = BitLockerPlanner.PlanEnable(RecordedVolumes.DataDecrypted(), WithFile(tpmReady: false, account: Cno));

        Assert.Equal(
            [BitLockerStepKind.AddRecoveryPassword, BitLockerStepKind.BackupToFile, BitLockerStepKind.VerifyBackup, BitLockerStepKind.AddSidProtector, BitLockerStepKind.Encrypt],
            Kinds(plan));
        Assert.Equal(Cno, plan.Steps[3].Account);
    }

    [Fact]
    public void Enable_csv_runs_inside_maintenance_mode_with_the_cluster_name_object_sid_protector()
    {
        var plan = BitLockerPlanner.PlanEnable(RecordedVolumes.CsvDecrypted(), WithFile(account: Cno));

        Assert.Equal(
            [
                BitLockerStepKind.EnterClusterMaintenance, BitLockerStepKind.AddRecoveryPassword, BitLockerStepKind.BackupToFile, BitLockerStepKind.VerifyBackup,
                BitLockerStepKind.AddSidProtector, BitLockerStepKind.Encrypt, BitLockerStepKind.LeaveClusterMaintenance,
            ],
            Kinds(plan));
        Assert.Equal("Cluster Virtual Disk (UserStorage_1)", plan.Steps[0].ClusterResource);
        Assert.Equal(Cno, plan.Steps[4].Account);
    }

    [Fact]
    public void Enable_csv_without_cluster_name_account_is_refused()
    {
        var plan = BitLockerPlanner.PlanEnable(RecordedVolumes.CsvDecrypted(), WithFile());

        Assert.Equal(BitLockerRefusal.NoClusterAccount, plan.Refusal);
        Assert.Contains("-ClusterNameAccount", plan.RefusalMessage);
    }

    [Fact]
    public void Enable_csv_owned_by_another_node_is_refused_naming_the_owner()
    {
        var volume = RecordedVolumes.CsvDecrypted();
        volume.OwnerNode = "NODE2";

        var plan = BitLockerPlanner.PlanEnable(volume, WithFile(account: Cno));

        Assert.Equal(BitLockerRefusal.NotOwnerNode, plan.Refusal);
        Assert.Contains("NODE2", plan.RefusalMessage);
    }

    [Fact]
    public void Enable_already_encrypted_and_protected_os_volume_is_an_empty_plan()
    {
        var plan = BitLockerPlanner.PlanEnable(RecordedVolumes.OsEncrypted(), WithFile());

        Assert.True(plan.IsEmpty);
        Assert.DoesNotContain(plan.Steps, s => s.Kind == BitLockerStepKind.AddRecoveryPassword);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(false)]
    public void Enable_already_protected_os_volume_needs_no_tpm_fact(bool? tpmReady)
    {
        var plan = BitLockerPlanner.PlanEnable(RecordedVolumes.OsEncrypted(), WithFile(tpmReady));

        Assert.True(plan.IsEmpty);
        Assert.Equal(BitLockerRefusal.None, plan.Refusal);
    }

    [Fact]
    public void Enable_already_encrypted_csv_with_sid_protector_is_an_empty_plan_even_without_backup_destination()
    {
        var plan = BitLockerPlanner.PlanEnable(RecordedVolumes.CsvEncrypted(), new BitLockerEnableOptions { ClusterNameAccount = Cno });

        Assert.True(plan.IsEmpty);
    }

    [Fact]
    public void Enable_encrypted_but_suspended_volume_plans_only_a_resume()
    {
        var plan = BitLockerPlanner.PlanEnable(RecordedVolumes.OsSuspended(), WithFile());

        Assert.Equal([BitLockerStepKind.Resume], Kinds(plan));
    }

    [Fact]
    public void Enable_paused_encryption_plans_resuming_the_conversion_and_no_new_protector()
    {
        var plan = BitLockerPlanner.PlanEnable(RecordedVolumes.OsPaused(), WithFile());

        Assert.Equal([BitLockerStepKind.BackupToFile, BitLockerStepKind.VerifyBackup, BitLockerStepKind.ResumeConversion], Kinds(plan));
        Assert.Equal(RecordedVolumes.RecoveryId, plan.Steps[0].ProtectorId);
    }

    [Fact]
    public void Enable_locked_volume_is_refused()
    {
        var plan = BitLockerPlanner.PlanEnable(RecordedVolumes.DataLocked(), WithFile(account: Cno));

        Assert.Equal(BitLockerRefusal.Locked, plan.Refusal);
        Assert.Empty(plan.Steps);
    }

    [Fact]
    public void Enable_without_backup_destination_is_refused()
    {
        var plan = BitLockerPlanner.PlanEnable(RecordedVolumes.OsDecrypted(), new BitLockerEnableOptions { TpmReady = true });

        Assert.Equal(BitLockerRefusal.NoBackupDestination, plan.Refusal);
        Assert.Contains("-RecoveryKeyPath", plan.RefusalMessage);
    }

    [Fact]
    public void Enable_without_backup_destination_with_force_plans_no_backup_and_warns()
    {
        var plan = BitLockerPlanner.PlanEnable(RecordedVolumes.OsDecrypted(), new BitLockerEnableOptions { TpmReady = true, Force = true });

        Assert.Equal([BitLockerStepKind.AddRecoveryPassword, BitLockerStepKind.AddTpmProtector, BitLockerStepKind.Encrypt], Kinds(plan));
        Assert.False(plan.RequiresVerifiedBackup);
        Assert.Contains(plan.Warnings, w => w.Contains("not backed up", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Enable_with_active_directory_backup_backs_up_to_ad_ds_before_verifying()
    {
        var plan = BitLockerPlanner.PlanEnable(RecordedVolumes.OsDecrypted(), new BitLockerEnableOptions { TpmReady = true, BackupToActiveDirectory = true });

        Assert.Equal(
            [BitLockerStepKind.AddRecoveryPassword, BitLockerStepKind.BackupToActiveDirectory, BitLockerStepKind.VerifyBackup, BitLockerStepKind.AddTpmProtector, BitLockerStepKind.Encrypt],
            Kinds(plan));
    }

    [Fact]
    public void Enable_with_unreadable_protectors_is_refused_as_facts_unknown_with_the_reason()
    {
        var volume = RecordedVolumes.OsDecrypted();
        volume.KeyProtectors = null;
        volume.Unknowns = ["KeyProtectors: access denied"];

        var plan = BitLockerPlanner.PlanEnable(volume, WithFile());

        Assert.Equal(BitLockerRefusal.FactsUnknown, plan.Refusal);
        Assert.Contains("access denied", plan.RefusalMessage);
    }

    [Fact]
    public void Disable_csv_decrypts_inside_maintenance_mode()
    {
        var plan = BitLockerPlanner.PlanDisable(RecordedVolumes.CsvEncrypted());

        Assert.Equal([BitLockerStepKind.EnterClusterMaintenance, BitLockerStepKind.Decrypt, BitLockerStepKind.LeaveClusterMaintenance], Kinds(plan));
    }

    [Fact]
    public void Disable_os_volume_clears_auto_unlock_keys_before_decrypt()
    {
        var plan = BitLockerPlanner.PlanDisable(RecordedVolumes.OsEncrypted());

        Assert.Equal([BitLockerStepKind.ClearAutoUnlockKeys, BitLockerStepKind.Decrypt], Kinds(plan));
    }

    [Fact]
    public void Disable_decrypted_volume_is_an_empty_plan()
    {
        Assert.True(BitLockerPlanner.PlanDisable(RecordedVolumes.DataDecrypted()).IsEmpty);
    }

    [Fact]
    public void Disable_locked_volume_is_refused()
    {
        Assert.Equal(BitLockerRefusal.Locked, BitLockerPlanner.PlanDisable(RecordedVolumes.DataLocked()).Refusal);
    }

    [Fact]
    public void Suspend_os_volume_passes_reboot_count_as_disable_count()
    {
        var step = Assert.Single(BitLockerPlanner.PlanSuspend(RecordedVolumes.OsEncrypted(), 3).Steps);

        Assert.Equal(BitLockerStepKind.Suspend, step.Kind);
        Assert.Equal(3u, step.DisableCount);
    }

    [Fact]
    public void Suspend_os_volume_without_reboot_count_passes_disable_count_one()
    {
        Assert.Equal(1u, Assert.Single(BitLockerPlanner.PlanSuspend(RecordedVolumes.OsEncrypted(), null).Steps).DisableCount);
    }

    [Fact]
    public void Suspend_data_volume_passes_no_disable_count_and_warns_about_reboot_count()
    {
        var plan = BitLockerPlanner.PlanSuspend(RecordedVolumes.CsvEncrypted(), 2);

        Assert.Null(Assert.Single(plan.Steps).DisableCount);
        Assert.Contains(plan.Warnings, w => w.Contains("-RebootCount", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Suspend_already_suspended_volume_is_an_empty_plan()
    {
        Assert.True(BitLockerPlanner.PlanSuspend(RecordedVolumes.OsSuspended(), 1).IsEmpty);
    }

    [Fact]
    public void Suspend_decrypted_volume_is_refused()
    {
        Assert.Equal(BitLockerRefusal.WrongConversionState, BitLockerPlanner.PlanSuspend(RecordedVolumes.DataDecrypted(), null).Refusal);
    }

    [Fact]
    public void Resume_suspended_volume_plans_enable_key_protectors()
    {
        Assert.Equal([BitLockerStepKind.Resume], Kinds(BitLockerPlanner.PlanResume(RecordedVolumes.OsSuspended())));
    }

    [Fact]
    public void Resume_protected_volume_is_an_empty_plan()
    {
        Assert.True(BitLockerPlanner.PlanResume(RecordedVolumes.OsEncrypted()).IsEmpty);
    }

    [Fact]
    public void Backup_to_file_backs_up_and_verifies_each_existing_recovery_password()
    {
        var plan = BitLockerPlanner.PlanBackup(RecordedVolumes.OsEncrypted(), BitLockerBackupDestination.File, "/backup");

        Assert.Equal([BitLockerStepKind.BackupToFile, BitLockerStepKind.VerifyBackup], Kinds(plan));
        Assert.All(plan.Steps, s => Assert.Equal(RecordedVolumes.RecoveryId, s.ProtectorId));
    }

    [Fact]
    public void Backup_to_file_without_path_is_refused()
    {
        Assert.Equal(BitLockerRefusal.NoBackupDestination, BitLockerPlanner.PlanBackup(RecordedVolumes.OsEncrypted(), BitLockerBackupDestination.File, null).Refusal);
    }

    [Fact]
    public void Backup_of_volume_without_recovery_password_is_refused()
    {
        Assert.Equal(BitLockerRefusal.NoRecoveryPassword, BitLockerPlanner.PlanBackup(RecordedVolumes.DataDecrypted(), BitLockerBackupDestination.ActiveDirectory, null).Refusal);
    }
}
