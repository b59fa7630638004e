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
    public void A_refused_plan_does_not_run()
    {
        var plan = BitLockerPlanner.PlanEnable(RecordedVolumes.DataLocked(), new BitLockerEnableOptions { RecoveryKeyPath = "/b" });

        Assert.Throws<System.InvalidOperationException>(() => BitLockerPlanRunner.Run(plan, new FakeBitLockerExecutor()));
    }
}
