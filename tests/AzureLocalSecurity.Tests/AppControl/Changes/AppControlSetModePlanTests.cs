using System;
using System.Linq;
using AzureLocalSecurity.AppControl.Changes;
using AzureLocalSecurity.AppControl.Live;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Tests.Support;
using Xunit;
using static AzureLocalSecurity.Tests.AppControl.Changes.AppControlChangeFixtures;

namespace AzureLocalSecurity.Tests.AppControl.Changes;

public sealed class AppControlSetModePlanTests
{
    private static readonly AppControlStepKind[] SwitchSteps =
        [AppControlStepKind.SaveRollbackCopy, AppControlStepKind.WritePolicyFile, AppControlStepKind.UpdatePolicy, AppControlStepKind.VerifyMode];

    [Fact]
    public void Enforcing_is_refused_when_audit_events_of_the_week_exist_and_the_refusal_names_the_file()
    {
        var plan = SetMode(AppControlBundles.AzureLocalAudit(), AppControlMode.Enforced);

        Assert.Equal(AppControlRefusal.WouldBlock, plan.Refusal);
        Assert.Contains(@"\Users\admin\Downloads\netscan.exe ((unsigned), 2x, last 2026-10-31 11:30:00Z)", plan.RefusalMessage, StringComparison.Ordinal);
        Assert.Empty(plan.Steps);
        Assert.Null(plan.UndoCommand);
    }

    [Fact]
    public void The_refused_plan_carries_the_would_be_blocked_files_grouped_by_file_and_signer()
    {
        var plan = SetMode(AppControlBundles.AzureLocalAudit(), AppControlMode.Enforced);

        var group = Assert.Single(plan.WouldBeBlocked);
        Assert.Equal(AppControlBundles.BlockedFile, group.FilePath);
        Assert.Equal("(unsigned)", group.Signer);
        Assert.Equal(2, group.Count);
        Assert.Equal(7, plan.LookbackDays);
    }

    [Fact]
    public void Force_enforces_with_a_warning_that_names_the_file()
    {
        var plan = SetMode(AppControlBundles.AzureLocalAudit(), AppControlMode.Enforced, options: Options(force: true));

        Assert.Equal(AppControlRefusal.None, plan.Refusal);
        Assert.Equal(SwitchSteps, plan.Steps.Select(s => s.Kind));
        Assert.Contains(plan.Warnings, w => w.StartsWith("-Force: enforcing AS_Base_Policy", StringComparison.Ordinal) && w.Contains("netscan.exe", StringComparison.Ordinal));
    }

    [Fact]
    public void Audit_events_older_than_the_lookback_do_not_stop_enforcing()
    {
        var plan = SetMode(AppControlBundles.AzureLocalAuditQuiet(), AppControlMode.Enforced);

        Assert.Equal(AppControlRefusal.None, plan.Refusal);
        Assert.Equal(SwitchSteps, plan.Steps.Select(s => s.Kind));
        Assert.Empty(plan.WouldBeBlocked);
        Assert.Contains(plan.Notes, n => n.StartsWith("No audit event (3076, 3034) of AS_Base_Policy", StringComparison.Ordinal));
    }

    [Fact]
    public void A_longer_lookback_reaches_the_older_audit_events_and_refuses()
    {
        var plan = SetMode(AppControlBundles.AzureLocalAuditQuiet(), AppControlMode.Enforced, options: Options(lookbackDays: 14));

        Assert.Equal(AppControlRefusal.WouldBlock, plan.Refusal);
        Assert.Equal(1, Assert.Single(plan.WouldBeBlocked).Count);
    }

    [Fact]
    public void Enforcing_with_an_unreadable_Code_Integrity_log_is_refused()
    {
        var bundle = AppControlBundles.Without(AppControlBundles.AzureLocalAuditQuiet(), AppControlEvidenceIds.CodeIntegrityEvents, AppControlEvidenceIds.CodeIntegrityEventQuery);

        var plan = SetMode(bundle, AppControlMode.Enforced);

        Assert.Equal(AppControlRefusal.FactsUnknown, plan.Refusal);
        Assert.Contains("the Code Integrity log could not be read (The bundle holds no Code Integrity events", plan.RefusalMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Force_enforces_with_an_unreadable_log_and_warns_that_nothing_shows_what_it_blocks()
    {
        var bundle = AppControlBundles.Without(AppControlBundles.AzureLocalAuditQuiet(), AppControlEvidenceIds.CodeIntegrityEvents, AppControlEvidenceIds.CodeIntegrityEventQuery);

        var plan = SetMode(bundle, AppControlMode.Enforced, options: Options(force: true));

        Assert.Equal(SwitchSteps, plan.Steps.Select(s => s.Kind));
        Assert.Contains(plan.Warnings, w => w.StartsWith("-Force: the Code Integrity log could not be read", StringComparison.Ordinal));
    }

    [Fact]
    public void Already_enforced_is_an_empty_plan_with_a_note()
    {
        var plan = SetMode(AppControlBundles.AzureLocalEnforced(), AppControlMode.Enforced);

        Assert.True(plan.IsEmpty);
        Assert.Equal(AppControlBundles.AzureLocalBase, plan.PolicyId);
        Assert.Equal(["AS_Base_Policy {a6368f66-e2c9-4aa2-ab79-8743f6597683} is already in enforced mode (CiTool PolicyOptions); nothing to change."], plan.Notes);
    }

    [Fact]
    public void Switching_to_audit_saves_the_deployed_file_then_stages_deploys_and_checks()
    {
        var plan = SetMode(AppControlBundles.AzureLocalEnforced(), AppControlMode.Audit);

        Assert.Equal(AppControlRefusal.None, plan.Refusal);
        Assert.Equal(SwitchSteps, plan.Steps.Select(s => s.Kind));
        Assert.Equal(AppControlMode.Enforced, plan.CurrentMode);
        Assert.Equal(AppControlMode.Audit, plan.TargetMode);
        Assert.Equal(AppControlMode.Audit, plan.Steps[3].ExpectedMode);
    }

    [Fact]
    public void The_rollback_copy_is_the_deployed_file_byte_for_byte_named_by_policy_time_and_mode()
    {
        var bundle = AppControlBundles.AzureLocalEnforced();

        var plan = SetMode(bundle, AppControlMode.Audit);

        var save = plan.Steps[0];
        Assert.Equal($@"{RollbackFolder}\{BaseFile}-{Stamp}-Enforced.cip", save.Path);
        Assert.Equal(save.Path, plan.RollbackPath);
        Assert.Equal(AppControlBundles.PolicyFile(bundle, AppControlBundles.AzureLocalBase), save.Content);
    }

    [Fact]
    public void The_staged_file_differs_from_the_deployed_one_only_in_the_audit_bit()
    {
        var bundle = AppControlBundles.AzureLocalEnforced();
        var deployed = AppControlBundles.PolicyFile(bundle, AppControlBundles.AzureLocalBase);

        var staged = SetMode(bundle, AppControlMode.Audit).Steps[1].Content!;

        Assert.Equal(AppControlBundles.BaseFlags | AppControlBundles.AuditFlag, BitConverter.ToUInt32(staged, 0x24));
        Assert.Equal([0x26], Enumerable.Range(0, deployed.Length).Where(i => deployed[i] != staged[i]));
    }

    [Fact]
    public void CiTool_deploys_the_staged_file_with_its_arguments_as_a_list()
    {
        var plan = SetMode(AppControlBundles.AzureLocalEnforced(), AppControlMode.Audit);

        var staging = $@"{StagingFolder}\{Stamp}\{BaseFile}.cip";
        Assert.Equal(staging, plan.Steps[1].Path);
        Assert.Equal(["--update-policy", staging, "--json"], plan.Steps[2].Arguments);
        Assert.Equal(staging, plan.StagingPath);
    }

    [Fact]
    public void The_undo_deploys_the_rollback_copy_again()
    {
        var plan = SetMode(AppControlBundles.AzureLocalEnforced(), AppControlMode.Audit);

        Assert.Equal($@"Set-ALApplicationControlMode -RollbackPath '{RollbackFolder}\{BaseFile}-{Stamp}-Enforced.cip'", plan.UndoCommand);
    }

    [Fact]
    public void Switching_Azure_Locals_base_policy_warns_that_Azure_Local_switches_every_node()
    {
        var plan = SetMode(AppControlBundles.AzureLocalEnforced(), AppControlMode.Audit);

        Assert.Contains(plan.Warnings, w => w.Contains("Enable-AsWdacPolicy -Mode Audit", StringComparison.Ordinal) && w.Contains("NODE01 alone", StringComparison.Ordinal));
    }

    [Fact]
    public void A_signed_Azure_Local_base_policy_is_refused_naming_Enable_AsWdacPolicy()
    {
        var plan = SetMode(AppControlBundles.AzureLocalEnforcedSigned(), AppControlMode.Audit);

        Assert.Equal(AppControlRefusal.SignedPolicy, plan.Refusal);
        Assert.Contains("Enable-AsWdacPolicy -Mode Audit", plan.RefusalMessage, StringComparison.Ordinal);
        Assert.Empty(plan.Steps);
    }

    [Fact]
    public void A_signed_file_is_refused_even_when_the_listing_does_not_say_signed()
    {
        // The audit node lists its policies in CiTool's text form, without "Policy is Signed": the file says it.
        var signed = AppControlBundles.Signed(AppControlBundles.Header(AppControlBundles.AzureLocalBase, AppControlBundles.BaseFlags | AppControlBundles.AuditFlag, new Version(1, 1, 4, 0)));
        var bundle = AppControlBundles.WithPolicyFile(AppControlBundles.AzureLocalAuditQuiet(), AppControlBundles.AzureLocalBase, signed);

        var plan = SetMode(bundle, AppControlMode.Enforced);

        Assert.Equal(AppControlRefusal.SignedPolicy, plan.Refusal);
    }

    [Fact]
    public void Another_signed_policy_is_refused_naming_signing_it_again()
    {
        var plan = SetMode(AppControlBundles.AzureLocalEnforced(), AppControlMode.Audit, AppControlBundles.DriverPolicy);

        Assert.Equal(AppControlRefusal.SignedPolicy, plan.Refusal);
        Assert.Contains("sign it again", plan.RefusalMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("Enable-AsWdacPolicy", plan.RefusalMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_that_is_not_active_is_refused()
    {
        var plan = SetMode(AppControlBundles.AzureLocalEnforced(), AppControlMode.Audit, new Guid("11111111-2222-3333-4444-555555555555"));

        Assert.Equal(AppControlRefusal.PolicyNotActive, plan.Refusal);
        Assert.StartsWith("No policy {11111111-2222-3333-4444-555555555555} is active on NODE01.", plan.RefusalMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_supplemental_policy_is_refused_because_it_takes_its_mode_from_its_base()
    {
        var plan = SetMode(AppControlBundles.AzureLocalEnforced(), AppControlMode.Audit, AppControlBundles.ContosoPolicy);

        Assert.Equal(AppControlRefusal.NotBasePolicy, plan.Refusal);
        Assert.Contains("{a6368f66-e2c9-4aa2-ab79-8743f6597683}", plan.RefusalMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_whose_file_is_not_in_the_evidence_is_refused_naming_the_missing_item()
    {
        var bundle = AppControlBundles.Without(AppControlBundles.AzureLocalEnforced(), AppControlEvidenceIds.ActivePolicyFile(BaseFile + ".cip"));

        var plan = SetMode(bundle, AppControlMode.Audit);

        Assert.Equal(AppControlRefusal.FactsUnknown, plan.Refusal);
        Assert.Contains($"(windows/file/CodeIntegrity/CiPolicies/Active/{BaseFile}.cip)", plan.RefusalMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_node_without_CiTool_is_refused_with_the_reason_and_Azure_Locals_own_cmdlets()
    {
        var plan = SetMode(AppControlBundles.WithoutCiTool(), AppControlMode.Audit);

        Assert.Equal(AppControlRefusal.CiToolUnavailable, plan.Refusal);
        Assert.Contains(@"CiTool.exe is not at C:\Windows\System32\CiTool.exe", plan.RefusalMessage, StringComparison.Ordinal);
        Assert.Contains("Enable-AsWdacPolicy -Mode", plan.RefusalMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Linux_node_is_refused_because_its_policies_are_not_known()
    {
        var plan = SetMode(AppControlBundles.LinuxHost(), AppControlMode.Audit);

        Assert.Equal(AppControlRefusal.FactsUnknown, plan.Refusal);
        Assert.Contains("this node runs Linux", plan.RefusalMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_Azure_Locals_base_two_custom_base_policies_are_ambiguous_and_both_named()
    {
        var a = new ActivePolicy { PolicyId = new Guid("aaaaaaaa-0000-4000-8000-000000000001"), BasePolicyId = new Guid("aaaaaaaa-0000-4000-8000-000000000001"), Name = "Contoso-Base", IsBase = true, Mode = AppControlMode.Audit };
        var b = new ActivePolicy { PolicyId = new Guid("bbbbbbbb-0000-4000-8000-000000000002"), BasePolicyId = new Guid("bbbbbbbb-0000-4000-8000-000000000002"), Name = "Fabrikam-Base", IsBase = true, Mode = AppControlMode.Audit };
        var state = new ApplicationControlState { NodeName = "NODE02", PoliciesKnown = true, PolicySource = AppControlAnalyzer.CiToolSource, Policies = [a, b] };

        var plan = AppControlPlanner.PlanSetMode(state, new CodeIntegrityEventLog(), new System.Collections.Generic.Dictionary<Guid, byte[]>(), null, AppControlMode.Enforced, Options());

        Assert.Equal(AppControlRefusal.AmbiguousPolicy, plan.Refusal);
        Assert.Contains("Contoso-Base", plan.RefusalMessage, StringComparison.Ordinal);
        Assert.Contains("Fabrikam-Base", plan.RefusalMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_Azure_Locals_base_the_only_custom_base_policy_is_picked()
    {
        var a = new ActivePolicy { PolicyId = new Guid("aaaaaaaa-0000-4000-8000-000000000001"), BasePolicyId = new Guid("aaaaaaaa-0000-4000-8000-000000000001"), Name = "Contoso-Base", IsBase = true, Mode = AppControlMode.Audit };
        var driver = new ActivePolicy { PolicyId = AppControlBundles.DriverPolicy, BasePolicyId = AppControlBundles.DriverPolicy, IsBase = true, IsMicrosoftProvided = true, Mode = AppControlMode.Enforced };
        var state = new ApplicationControlState { NodeName = "NODE02", PoliciesKnown = true, PolicySource = AppControlAnalyzer.CiToolSource, Policies = [driver, a] };

        var plan = AppControlPlanner.PlanSetMode(state, new CodeIntegrityEventLog(), new System.Collections.Generic.Dictionary<Guid, byte[]>(), null, AppControlMode.Audit, Options());

        Assert.Equal(a.PolicyId, plan.PolicyId);
        Assert.True(plan.IsEmpty);
    }

    [Fact]
    public void A_policy_without_Update_Policy_No_Reboot_warns_that_a_restart_may_be_needed()
    {
        var header = AppControlBundles.Header(AppControlBundles.AzureLocalBase, (AppControlBundles.BaseFlags | AppControlBundles.AuditFlag) & ~0x10000000u, new Version(1, 1, 4, 0));
        var bundle = AppControlBundles.WithPolicyFile(AppControlBundles.AzureLocalAuditQuiet(), AppControlBundles.AzureLocalBase, header);

        var plan = SetMode(bundle, AppControlMode.Enforced);

        Assert.Contains(plan.Warnings, w => w.Contains("\"Enabled:Update Policy No Reboot\"", StringComparison.Ordinal));
    }
}
