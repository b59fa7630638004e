using System;
using System.Linq;
using AzureLocalSecurity.AppControl.Changes;
using AzureLocalSecurity.AppControl.Live;
using AzureLocalSecurity.Tests.Support;
using Xunit;
using static AzureLocalSecurity.Tests.AppControl.Changes.AppControlChangeFixtures;

namespace AzureLocalSecurity.Tests.AppControl.Changes;

public sealed class AppControlRestorePlanTests
{
    private static CompiledPolicyFacts Facts(byte[] bytes)
    {
        Assert.True(CompiledPolicyHeaderReader.Instance.TryInspect(bytes, out var facts, out var problem), problem);
        return facts!;
    }

    private static AppControlPlan Restore(byte[] saved, Guid? policyId = null, bool force = false)
    {
        var bundle = AppControlBundles.AzureLocalEnforced();
        return AppControlPlanner.PlanRestore(AppControlAnalyzer.Read(bundle), Files(bundle), saved, Facts(saved), policyId, Options(force));
    }

    /// <summary>The audit-mode copy a switch to enforced would have saved.</summary>
    private static byte[] SavedAuditCopy() => AppControlBundles.Header(AppControlBundles.AzureLocalBase, AppControlBundles.BaseFlags | AppControlBundles.AuditFlag, new Version(1, 1, 4, 0));

    [Fact]
    public void A_saved_copy_is_deployed_after_the_current_file_is_saved_and_then_checked_by_version_and_mode()
    {
        var plan = Restore(SavedAuditCopy());

        Assert.Equal(AppControlRefusal.None, plan.Refusal);
        Assert.Equal([AppControlStepKind.SaveRollbackCopy, AppControlStepKind.WritePolicyFile, AppControlStepKind.UpdatePolicy, AppControlStepKind.VerifyActive], plan.Steps.Select(s => s.Kind));
        Assert.Equal(SavedAuditCopy(), plan.Steps[1].Content);
        Assert.Equal(new Version(1, 1, 4, 0), plan.Steps[3].ExpectedVersion);
        Assert.Equal(AppControlMode.Audit, plan.Steps[3].ExpectedMode);
    }

    [Fact]
    public void The_restore_is_itself_undone_from_the_file_it_saves()
    {
        var plan = Restore(SavedAuditCopy());

        Assert.Equal($@"{RollbackFolder}\{BaseFile}-{Stamp}-Enforced.cip", plan.RollbackPath);
        Assert.Equal($"Set-ALApplicationControlMode -RollbackPath '{plan.RollbackPath}'", plan.UndoCommand);
    }

    [Fact]
    public void The_rollback_copy_of_a_switch_restores_the_original_bytes()
    {
        var bundle = AppControlBundles.AzureLocalEnforced();
        var original = AppControlBundles.PolicyFile(bundle, AppControlBundles.AzureLocalBase);
        var rollback = SetMode(bundle, AppControlMode.Audit).Steps[0].Content!;

        // The node after the switch: the audit-mode file deployed, CiTool's options from it.
        var switched = AppControlBundles.WithPolicyFile(AppControlBundles.AzureLocalAudit(), AppControlBundles.AzureLocalBase, CompiledPolicyModeSwitch.Apply(original, AppControlMode.Audit));
        var plan = AppControlPlanner.PlanRestore(AppControlAnalyzer.Read(switched), Files(switched), rollback, Facts(rollback), null, Options());

        Assert.Equal(original, plan.Steps.Single(s => s.Kind == AppControlStepKind.WritePolicyFile).Content);
        Assert.Equal(AppControlMode.Enforced, plan.TargetMode);
    }

    [Fact]
    public void A_saved_copy_of_a_policy_that_is_not_active_is_refused()
    {
        var other = AppControlBundles.Header(new Guid("11111111-2222-3333-4444-555555555555"), AppControlBundles.BaseFlags, new Version(1, 0, 0, 0));

        var plan = Restore(other);

        Assert.Equal(AppControlRefusal.RollbackMismatch, plan.Refusal);
        Assert.Contains("Add-ALApplicationControlSupplementalPolicy -Path", plan.RefusalMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_saved_copy_of_another_policy_than_the_one_named_is_refused()
    {
        var plan = Restore(SavedAuditCopy(), AppControlBundles.ContosoPolicy);

        Assert.Equal(AppControlRefusal.RollbackMismatch, plan.Refusal);
        Assert.Equal("The saved copy is of policy {a6368f66-e2c9-4aa2-ab79-8743f6597683}, not of {2112036a-74e9-47dc-a016-f126297a3427}.", plan.RefusalMessage);
    }

    [Fact]
    public void Restoring_the_file_deployed_now_is_an_empty_plan()
    {
        var plan = Restore(AppControlBundles.PolicyFile(AppControlBundles.AzureLocalEnforced(), AppControlBundles.AzureLocalBase));

        Assert.True(plan.IsEmpty);
        Assert.Single(plan.Notes);
    }
}
