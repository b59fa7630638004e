using System;
using System.Linq;
using AzureLocalSecurity.AppControl.Changes;
using AzureLocalSecurity.AppControl.Live;
using AzureLocalSecurity.Tests.Support;
using Xunit;
using static AzureLocalSecurity.Tests.AppControl.Changes.AppControlChangeFixtures;

namespace AzureLocalSecurity.Tests.AppControl.Changes;

public sealed class AppControlPlanRunnerTests
{
    private static readonly string RollbackPath = $@"{RollbackFolder}\{BaseFile}-{Stamp}-Enforced.cip";
    private static readonly string StagingPath = $@"{StagingFolder}\{Stamp}\{BaseFile}.cip";

    /// <summary>Switching the enforced node's base policy to audit; the node read again is the audit node.</summary>
    private static (AppControlPlan Plan, FakeAppControlExecutor Executor) ToAudit()
    {
        var plan = SetMode(AppControlBundles.AzureLocalEnforced(), AppControlMode.Audit);
        var executor = new FakeAppControlExecutor { State = () => AppControlAnalyzer.Read(AppControlBundles.AzureLocalAudit()) };
        return (plan, executor);
    }

    [Fact]
    public void Every_step_runs_in_order_with_the_rollback_copy_written_first()
    {
        var (plan, executor) = ToAudit();

        var outcomes = AppControlPlanRunner.Run(plan, executor);

        Assert.All(outcomes, o => Assert.Equal(AppControlStepResult.Succeeded, o.Result));
        Assert.Equal(["WriteFile " + RollbackPath, "WriteFile " + StagingPath, "CiTool --update-policy " + StagingPath + " --json", "ReadState"], executor.Calls);
        Assert.Equal(plan.Steps[0].Content, executor.Files[RollbackPath]);
    }

    [Fact]
    public void The_check_reports_the_policy_found_in_the_target_mode()
    {
        var (plan, executor) = ToAudit();

        var verify = AppControlPlanRunner.Run(plan, executor)[^1];

        Assert.Equal("{a6368f66-e2c9-4aa2-ab79-8743f6597683} is active with version 1.1.4.0, Audit mode (OptionFlags 0x91992484 of {A6368F66-E2C9-4AA2-AB79-8743F6597683}.cip).", verify.Message);
    }

    [Fact]
    public void A_rollback_copy_that_cannot_be_written_stops_the_run_before_anything_changes()
    {
        var (plan, executor) = ToAudit();
        executor.DeniedPaths.Add(RollbackPath);

        var outcomes = AppControlPlanRunner.Run(plan, executor);

        Assert.Equal(["WriteFile " + RollbackPath], executor.Calls);
        Assert.Equal(AppControlStepResult.Failed, outcomes[0].Result);
        Assert.Contains("UnauthorizedAccessException", outcomes[0].Message, StringComparison.Ordinal);
        Assert.All(outcomes.Skip(1), o => Assert.Equal(AppControlStepResult.NotRun, o.Result));
    }

    [Fact]
    public void An_existing_rollback_file_is_never_overwritten_and_nothing_changes()
    {
        var (plan, executor) = ToAudit();
        executor.Files[RollbackPath] = [1, 2, 3];

        var outcomes = AppControlPlanRunner.Run(plan, executor);

        Assert.Equal(AppControlStepResult.Failed, outcomes[0].Result);
        Assert.Equal([1, 2, 3], executor.Files[RollbackPath]);
        Assert.DoesNotContain(executor.Calls, c => c.StartsWith("CiTool", StringComparison.Ordinal));
    }

    [Fact]
    public void A_CiTool_failure_stops_before_the_check_and_its_message_carries_the_exit_code_in_hex_and_standard_error()
    {
        var (plan, executor) = ToAudit();
        executor.CiTool = _ => FakeAppControlExecutor.Run(unchecked((int)0x80070005), string.Empty, "Access is denied.");

        var outcomes = AppControlPlanRunner.Run(plan, executor);

        var update = outcomes[2];
        Assert.Equal(AppControlStepResult.Failed, update.Result);
        Assert.Equal(unchecked((int)0x80070005), update.ExitCode);
        Assert.Equal("CiTool exited with 0x80070005 (E_ACCESSDENIED: run PowerShell elevated). Standard error: Access is denied.", update.Message);
        Assert.Equal(AppControlStepResult.NotRun, outcomes[3].Result);
        Assert.DoesNotContain("ReadState", executor.Calls);
    }

    [Fact]
    public void A_negative_OperationResult_is_a_failure_even_with_exit_code_0()
    {
        var (plan, executor) = ToAudit();
        executor.CiTool = _ => FakeAppControlExecutor.Run(0, "{\"OperationResult\":-2147024809,\"ErrorMessage\":\"The parameter is incorrect.\"}");

        var update = AppControlPlanRunner.Run(plan, executor)[2];

        Assert.Equal(AppControlStepResult.Failed, update.Result);
        Assert.Equal("CiTool exited with 0x00000000, OperationResult 0x80070057 (E_INVALIDARG). CiTool said: The parameter is incorrect.", update.Message);
    }

    [Fact]
    public void A_check_that_finds_the_old_mode_fails_and_says_a_restart_may_be_needed()
    {
        var (plan, executor) = ToAudit();
        executor.State = () => AppControlAnalyzer.Read(AppControlBundles.AzureLocalEnforced());

        var verify = AppControlPlanRunner.Run(plan, executor)[^1];

        Assert.Equal(AppControlStepResult.Failed, verify.Result);
        Assert.Contains("is active in Enforced mode (CiTool PolicyOptions), not Audit", verify.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_removal_whose_policy_is_still_listed_fails_its_check()
    {
        var plan = AppControlPlanner.PlanRemoveSupplemental(AppControlAnalyzer.Read(AppControlBundles.AzureLocalEnforced()), Files(AppControlBundles.AzureLocalEnforced()), AppControlBundles.ContosoPolicy, Options());
        var executor = new FakeAppControlExecutor { State = () => AppControlAnalyzer.Read(AppControlBundles.AzureLocalEnforced()) };

        var outcomes = AppControlPlanRunner.Run(plan, executor);

        Assert.Equal(AppControlStepResult.Succeeded, outcomes[1].Result);
        Assert.Equal(AppControlStepResult.Failed, outcomes[2].Result);
        Assert.Contains("still listed as active", outcomes[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_CiTool_step_runs_before_every_rollback_copy_of_the_plan_is_saved()
    {
        // A plan put together in the wrong order: the runner, not only the planner, keeps the undo first.
        var plan = new AppControlPlan(AppControlChangeAction.RemoveSupplemental, "NODE01");
        plan.Add(new AppControlPlanStep(AppControlStepKind.RemovePolicy, "remove") { Arguments = ["--remove-policy", ContosoFile, "--json"] });
        plan.Add(new AppControlPlanStep(AppControlStepKind.SaveRollbackCopy, "save", [1, 2, 3]) { Path = RollbackPath });
        var executor = new FakeAppControlExecutor();

        var outcomes = AppControlPlanRunner.Run(plan, executor);

        Assert.Equal(AppControlStepResult.Failed, outcomes[0].Result);
        Assert.Equal("The rollback copy was not saved, so the policy is not changed.", outcomes[0].Message);
        Assert.Empty(executor.Calls);
    }

    [Fact]
    public void A_refused_plan_cannot_run()
    {
        var plan = SetMode(AppControlBundles.AzureLocalAudit(), AppControlMode.Enforced);

        Assert.Throws<InvalidOperationException>(() => AppControlPlanRunner.Run(plan, new FakeAppControlExecutor()));
    }

    [Fact]
    public void The_result_gives_the_undo_once_CiTool_ran_and_not_when_the_copy_failed()
    {
        var (plan, executor) = ToAudit();
        var ran = new AppControlChangeResult(plan, AppControlPlanRunner.Run(plan, executor));
        var (plan2, executor2) = ToAudit();
        executor2.DeniedPaths.Add(RollbackPath);
        var stopped = new AppControlChangeResult(plan2, AppControlPlanRunner.Run(plan2, executor2));

        Assert.True(ran.Succeeded);
        Assert.Equal(plan.UndoCommand, ran.UndoCommand);
        Assert.Equal(RollbackPath, ran.RollbackPath);
        Assert.False(stopped.Succeeded);
        Assert.Null(stopped.UndoCommand);
        Assert.Null(stopped.RollbackPath);
    }
}
