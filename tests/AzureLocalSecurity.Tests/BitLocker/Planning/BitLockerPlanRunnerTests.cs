using System;
using System.Linq;
using AzureLocalSecurity.BitLocker.Planning;
using Xunit;

namespace AzureLocalSecurity.Tests.BitLocker.Planning;

public class BitLockerPlanRunnerTests
{
    private const string Cno = @"CONTOSO\HCICLUSTER$";

    private static BitLockerPlan OsEnable(bool file = true, bool ad = false) =>
        BitLockerPlanner.PlanEnable(RecordedVolumes.OsDecrypted(), new BitLockerEnableOptions { TpmReady = true, RecoveryKeyPath = file ? "/backup" : null, BackupToActiveDirectory = ad });

    private static bool Protected(FakeBitLockerExecutor fake) =>
        fake.Calls.Any(c => c.StartsWith("AddTpmProtector", System.StringComparison.Ordinal) || c.StartsWith("Encrypt", System.StringComparison.Ordinal) || c.StartsWith("AddSidProtector", System.StringComparison.Ordinal));

    [Fact]
    public void Os_enable_runs_every_step_in_order_when_all_succeed()
    {
        var fake = new FakeBitLockerExecutor();

        var outcomes = BitLockerPlanRunner.Run(OsEnable(), fake);

        Assert.All(outcomes, o => Assert.Equal(BitLockerStepResult.Succeeded, o.Result));
        Assert.Equal(
            ["AddRecoveryPassword", "GetRecoveryPassword", "WriteBackupFile", "GetRecoveryPassword", "ReadBackupFile", "AddTpmProtector", "Encrypt:XtsAes256"],
            fake.Calls);
    }

    [Fact]
    public void Backup_file_holds_the_password_and_names_the_new_protector()
    {
        var fake = new FakeBitLockerExecutor();

        var outcomes = BitLockerPlanRunner.Run(OsEnable(), fake);

        var (path, content) = Assert.Single(fake.Files);
        Assert.Equal(path, outcomes[1].FilePath);
        Assert.Contains("9E8D7C6B-0000-4000-8000-00000000BEEF", path, System.StringComparison.Ordinal);
        Assert.Contains("Recovery password: " + FakeBitLockerExecutor.Password + "\r\n", new string(content), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Failed_file_write_stops_the_run_before_any_protector_or_encryption()
    {
        var fake = new FakeBitLockerExecutor();
        fake.Fail["WriteBackupFile"] = 0x80070005;

        var outcomes = BitLockerPlanRunner.Run(OsEnable(), fake);

        Assert.False(Protected(fake));
        Assert.Equal(BitLockerStepResult.Failed, outcomes[1].Result);
        Assert.All(outcomes.Skip(2), o => Assert.Equal(BitLockerStepResult.NotRun, o.Result));
    }

    [Fact]
    public void Read_back_that_differs_fails_verification_and_nothing_protects_the_volume()
    {
        var fake = new FakeBitLockerExecutor { ReadBackInstead = "something else entirely" };

        var outcomes = BitLockerPlanRunner.Run(OsEnable(), fake);

        Assert.False(Protected(fake));
        var verify = outcomes.Single(o => o.Step.Kind == BitLockerStepKind.VerifyBackup);
        Assert.Equal(BitLockerStepResult.Failed, verify.Result);
        Assert.DoesNotContain(FakeBitLockerExecutor.Password, verify.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Active_directory_s_false_is_a_failed_backup_and_nothing_protects_the_volume()
    {
        var fake = new FakeBitLockerExecutor();
        fake.Fail["BackupToActiveDirectory"] = 1;

        var outcomes = BitLockerPlanRunner.Run(OsEnable(file: false, ad: true), fake);

        Assert.False(Protected(fake));
        Assert.Equal(BitLockerStepResult.Failed, outcomes.Single(o => o.Step.Kind == BitLockerStepKind.BackupToActiveDirectory).Result);
    }

    [Fact]
    public void Csv_enable_leaves_maintenance_mode_even_after_a_failed_backup()
    {
        var fake = new FakeBitLockerExecutor();
        fake.Fail["WriteBackupFile"] = 0x80070070;
        var plan = BitLockerPlanner.PlanEnable(RecordedVolumes.CsvDecrypted(), new BitLockerEnableOptions { RecoveryKeyPath = "/backup", ClusterNameAccount = Cno });

        BitLockerPlanRunner.Run(plan, fake);

        Assert.False(Protected(fake));
        Assert.Equal("SetClusterMaintenance:False", fake.Calls[^1]);
    }

    [Fact]
    public void Csv_enable_calls_the_sid_protector_with_the_cluster_account_inside_maintenance()
    {
        var fake = new FakeBitLockerExecutor();
        var plan = BitLockerPlanner.PlanEnable(RecordedVolumes.CsvDecrypted(), new BitLockerEnableOptions { RecoveryKeyPath = "/backup", ClusterNameAccount = Cno, UsedSpaceOnly = true });

        BitLockerPlanRunner.Run(plan, fake);

        Assert.Equal("SetClusterMaintenance:True", fake.Calls[0]);
        Assert.Equal(["AddSidProtector:" + Cno, "Encrypt:XtsAes256:used", "SetClusterMaintenance:False"], fake.Calls.Skip(fake.Calls.Count - 3));
    }

    [Fact]
    public void Csv_maintenance_is_asked_for_the_csv_volume_and_its_cluster_resource()
    {
        var fake = new FakeBitLockerExecutor();
        var volume = RecordedVolumes.CsvDecrypted();
        var plan = BitLockerPlanner.PlanEnable(volume, new BitLockerEnableOptions { RecoveryKeyPath = "/backup", ClusterNameAccount = Cno });

        BitLockerPlanRunner.Run(plan, fake);

        Assert.Equal([(volume.MountPoint, volume.ClusterResourceName!, true), (volume.MountPoint, volume.ClusterResourceName!, false)], fake.Maintenance);
    }

    [Fact]
    public void Csv_enable_changes_nothing_when_this_node_does_not_own_the_csv()
    {
        var fake = new FakeBitLockerExecutor();
        fake.Fail["SetClusterMaintenance:True"] = 0x80071397;
        var plan = BitLockerPlanner.PlanEnable(RecordedVolumes.CsvDecrypted(), new BitLockerEnableOptions { RecoveryKeyPath = "/backup", ClusterNameAccount = Cno });

        var outcomes = BitLockerPlanRunner.Run(plan, fake);

        Assert.Equal(["SetClusterMaintenance:True"], fake.Calls);
        Assert.Equal(BitLockerStepResult.Failed, outcomes[0].Result);
        Assert.Contains("owner node", outcomes[0].Message, StringComparison.Ordinal);
        Assert.All(outcomes.Skip(1), o => Assert.Equal(BitLockerStepResult.NotRun, o.Result));
    }

    [Fact]
    public void An_active_directory_backup_is_read_back_before_protection()
    {
        var fake = new FakeBitLockerExecutor();

        var outcomes = BitLockerPlanRunner.Run(OsEnable(file: false, ad: true), fake);

        Assert.Equal(
            ["AddRecoveryPassword", "BackupToActiveDirectory", "GetRecoveryPassword", "ReadActiveDirectoryBackup", "AddTpmProtector", "Encrypt:XtsAes256"],
            fake.Calls);
        Assert.Contains("its password matches", outcomes.Single(o => o.Step.Kind == BitLockerStepKind.VerifyBackup).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_active_directory_backup_that_is_not_found_leaves_the_volume_unprotected()
    {
        var fake = new FakeBitLockerExecutor();
        fake.Fail["ReadActiveDirectoryBackup"] = 0xA0000004;

        var outcomes = BitLockerPlanRunner.Run(OsEnable(file: false, ad: true), fake);

        Assert.False(Protected(fake));
        var verify = outcomes.Single(o => o.Step.Kind == BitLockerStepKind.VerifyBackup);
        Assert.Equal(BitLockerStepResult.Failed, verify.Result);
        Assert.Contains("msFVE-RecoveryInformation", verify.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_active_directory_password_that_differs_leaves_the_volume_unprotected()
    {
        var fake = new FakeBitLockerExecutor { DirectoryReadBackInstead = "000000-000000-000000-000000-000000-000000-000000-000000" };

        var outcomes = BitLockerPlanRunner.Run(OsEnable(file: false, ad: true), fake);

        Assert.False(Protected(fake));
        Assert.Equal(0xA0000001u, outcomes.Single(o => o.Step.Kind == BitLockerStepKind.VerifyBackup).HResult);
    }

    [Fact]
    public void An_active_directory_object_whose_password_cannot_be_read_is_matched_by_protector_id_and_says_so()
    {
        var fake = new FakeBitLockerExecutor { DirectoryPasswordReadable = false };

        var outcomes = BitLockerPlanRunner.Run(OsEnable(file: false, ad: true), fake);

        Assert.True(Protected(fake));
        Assert.Contains("matched by protector ID only", outcomes.Single(o => o.Step.Kind == BitLockerStepKind.VerifyBackup).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_both_destinations_both_are_read_back()
    {
        var fake = new FakeBitLockerExecutor();

        BitLockerPlanRunner.Run(OsEnable(file: true, ad: true), fake);

        Assert.Contains("ReadBackupFile", fake.Calls);
        Assert.Contains("ReadActiveDirectoryBackup", fake.Calls);
        Assert.True(fake.Calls.IndexOf("ReadActiveDirectoryBackup") < fake.Calls.IndexOf("AddTpmProtector"));
    }

    [Fact]
    public void A_refused_plan_does_not_run()
    {
        var plan = BitLockerPlanner.PlanEnable(RecordedVolumes.DataLocked(), new BitLockerEnableOptions { RecoveryKeyPath = "/b" });

        Assert.Throws<System.InvalidOperationException>(() => BitLockerPlanRunner.Run(plan, new FakeBitLockerExecutor()));
    }
}
