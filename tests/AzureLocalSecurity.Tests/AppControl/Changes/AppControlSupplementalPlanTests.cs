using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.AppControl.Changes;
using AzureLocalSecurity.AppControl.Live;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Tests.Support;
using Xunit;
using static AzureLocalSecurity.Tests.AppControl.Changes.AppControlChangeFixtures;

namespace AzureLocalSecurity.Tests.AppControl.Changes;

public sealed class AppControlSupplementalPlanTests
{
    /// <summary>A supplemental policy of AS_Base_Policy that is not deployed on the recorded nodes.</summary>
    private static readonly Guid Fabrikam = new("0d3f1e5a-7b2c-4d9e-8f10-5a6b7c8d9e01");

    private static readonly FakeCompiledPolicyInspector Inspector = NewInspector();

    private static FakeCompiledPolicyInspector NewInspector()
    {
        var inspector = new FakeCompiledPolicyInspector();
        inspector.BaseOf[Fabrikam] = AppControlBundles.AzureLocalBase;
        inspector.BaseOf[AppControlBundles.ContosoPolicy] = AppControlBundles.AzureLocalBase;
        inspector.Names[Fabrikam] = "Fabrikam-Agent";
        inspector.Names[AppControlBundles.ContosoPolicy] = "Contoso-Policy";
        return inspector;
    }

    private static byte[] Supplemental(Guid id, Version version) => AppControlBundles.Header(id, AppControlBundles.SupplementalFlags, version);

    private static AppControlPlan Add(EvidenceBundle bundle, byte[] compiled, ICompiledPolicyInspector? inspector = null, bool force = false)
    {
        Assert.True((inspector ?? Inspector).TryInspect(compiled, out var facts, out var problem), problem);
        return AppControlPlanner.PlanAddSupplemental(AppControlAnalyzer.Read(bundle), Files(bundle), compiled, facts!, Options(force));
    }

    private static AppControlPlan Remove(EvidenceBundle bundle, Guid id, bool force = false) =>
        AppControlPlanner.PlanRemoveSupplemental(AppControlAnalyzer.Read(bundle), Files(bundle), id, Options(force));

    [Fact]
    public void A_new_supplemental_is_staged_deployed_and_checked_with_nothing_to_save()
    {
        var plan = Add(AppControlBundles.AzureLocalEnforced(), Supplemental(Fabrikam, new Version(1, 0, 0, 0)));

        Assert.Equal(AppControlRefusal.None, plan.Refusal);
        Assert.Equal([AppControlStepKind.WritePolicyFile, AppControlStepKind.UpdatePolicy, AppControlStepKind.VerifyActive], plan.Steps.Select(s => s.Kind));
        Assert.Equal($@"{StagingFolder}\{Stamp}\{{0D3F1E5A-7B2C-4D9E-8F10-5A6B7C8D9E01}}.cip", plan.Steps[0].Path);
        Assert.Equal(new Version(1, 0, 0, 0), plan.Steps[2].ExpectedVersion);
        Assert.Null(plan.RollbackPath);
    }

    [Fact]
    public void The_undo_of_a_new_supplemental_is_its_removal()
    {
        var plan = Add(AppControlBundles.AzureLocalEnforced(), Supplemental(Fabrikam, new Version(1, 0, 0, 0)));

        Assert.Equal("Remove-ALApplicationControlSupplementalPolicy -PolicyId 0d3f1e5a-7b2c-4d9e-8f10-5a6b7c8d9e01", plan.UndoCommand);
    }

    [Fact]
    public void With_the_header_reader_the_base_cannot_be_read_and_the_plan_is_refused()
    {
        var plan = Add(AppControlBundles.AzureLocalEnforced(), Supplemental(Fabrikam, new Version(1, 0, 0, 0)), CompiledPolicyHeaderReader.Instance);

        Assert.Equal(AppControlRefusal.FactsUnknown, plan.Refusal);
        Assert.StartsWith("The policy's policy id and base policy id could not be read, so its base could not be checked", plan.RefusalMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_supplemental_whose_base_is_not_active_is_refused()
    {
        var inspector = new FakeCompiledPolicyInspector();
        var missingBase = new Guid("99999999-8888-4777-8666-555555555555");
        inspector.BaseOf[Fabrikam] = missingBase;

        var plan = Add(AppControlBundles.AzureLocalEnforced(), Supplemental(Fabrikam, new Version(1, 0, 0, 0)), inspector);

        Assert.Equal(AppControlRefusal.BaseNotActive, plan.Refusal);
        Assert.Contains("{99999999-8888-4777-8666-555555555555}, which is not active on NODE01", plan.RefusalMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_base_policy_is_refused_as_not_supplemental()
    {
        var plan = Add(AppControlBundles.AzureLocalEnforced(), Supplemental(new Guid("77777777-0000-4000-8000-000000000077"), new Version(1, 0, 0, 0)));

        Assert.Equal(AppControlRefusal.NotSupplemental, plan.Refusal);
    }

    [Fact]
    public void A_base_without_Allow_Supplemental_Policies_refuses_the_supplemental()
    {
        // The audit node's options come from its file: this one lacks bit 0x400.
        var header = AppControlBundles.Header(AppControlBundles.AzureLocalBase, (AppControlBundles.BaseFlags | AppControlBundles.AuditFlag) & ~0x400u, new Version(1, 1, 4, 0));
        var bundle = AppControlBundles.WithPolicyFile(AppControlBundles.AzureLocalAudit(), AppControlBundles.AzureLocalBase, header);

        var plan = Add(bundle, Supplemental(Fabrikam, new Version(1, 0, 0, 0)));

        Assert.Equal(AppControlRefusal.SupplementalsNotAllowed, plan.Refusal);
        Assert.Contains("\"Enabled:Allow Supplemental Policies\"", plan.RefusalMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_supplemental_active_with_the_same_version_is_an_empty_plan()
    {
        var bundle = AppControlBundles.AzureLocalEnforced();

        var plan = Add(bundle, AppControlBundles.PolicyFile(bundle, AppControlBundles.ContosoPolicy));

        Assert.True(plan.IsEmpty);
        Assert.Equal(["Contoso-Policy {2112036a-74e9-47dc-a016-f126297a3427} is already active, byte for byte this file; nothing to change."], plan.Notes);
    }

    [Fact]
    public void Other_content_with_the_active_version_is_not_deployed_and_says_to_raise_the_version()
    {
        var plan = Add(AppControlBundles.AzureLocalEnforced(), AppControlBundles.Header(AppControlBundles.ContosoPolicy, AppControlBundles.SupplementalFlags | 0x20000, new Version(1, 0, 0, 1)));

        Assert.True(plan.IsEmpty);
        Assert.Contains(plan.Warnings, w => w.Contains("raise its version", StringComparison.Ordinal));
    }

    [Fact]
    public void A_newer_version_saves_the_active_one_then_replaces_it()
    {
        var bundle = AppControlBundles.AzureLocalEnforced();

        var plan = Add(bundle, Supplemental(AppControlBundles.ContosoPolicy, new Version(1, 0, 0, 2)));

        Assert.Equal([AppControlStepKind.SaveRollbackCopy, AppControlStepKind.WritePolicyFile, AppControlStepKind.UpdatePolicy, AppControlStepKind.VerifyActive], plan.Steps.Select(s => s.Kind));
        Assert.Equal(AppControlBundles.PolicyFile(bundle, AppControlBundles.ContosoPolicy), plan.Steps[0].Content);
        Assert.Equal($@"{RollbackFolder}\{ContosoFile}-{Stamp}-Enforced.cip", plan.RollbackPath);
        Assert.Equal($"Set-ALApplicationControlMode -RollbackPath '{plan.RollbackPath}'", plan.UndoCommand);
    }

    [Fact]
    public void An_older_version_than_the_active_one_is_refused_unless_Force()
    {
        var bundle = AppControlBundles.AzureLocalEnforced();
        var older = Supplemental(AppControlBundles.ContosoPolicy, new Version(1, 0, 0, 0));

        var refused = Add(bundle, older);
        var forced = Add(bundle, older, force: true);

        Assert.Equal(AppControlRefusal.VersionDowngrade, refused.Refusal);
        Assert.Equal(AppControlRefusal.None, forced.Refusal);
        Assert.Contains(forced.Warnings, w => w.StartsWith("-Force: Contoso-Policy", StringComparison.Ordinal));
    }

    [Fact]
    public void A_signed_supplemental_for_an_unsigned_base_is_only_a_warning()
    {
        var signed = AppControlBundles.Signed(Supplemental(Fabrikam, new Version(1, 0, 0, 0)));

        var plan = Add(AppControlBundles.AzureLocalEnforced(), signed);

        Assert.Equal(AppControlRefusal.None, plan.Refusal);
        Assert.Contains(plan.Warnings, w => w.StartsWith("Fabrikam-Agent {0d3f1e5a-7b2c-4d9e-8f10-5a6b7c8d9e01} is signed and its base", StringComparison.Ordinal));
    }

    [Fact]
    public void Adding_on_a_node_without_CiTool_is_refused()
    {
        var plan = Add(AppControlBundles.WithoutCiTool(), Supplemental(Fabrikam, new Version(1, 0, 0, 0)));

        Assert.Equal(AppControlRefusal.CiToolUnavailable, plan.Refusal);
    }

    [Fact]
    public void Removing_a_supplemental_saves_its_file_then_CiTool_removes_it_by_its_braced_id_and_the_node_is_checked()
    {
        var bundle = AppControlBundles.AzureLocalEnforced();

        var plan = Remove(bundle, AppControlBundles.ContosoPolicy);

        Assert.Equal([AppControlStepKind.SaveRollbackCopy, AppControlStepKind.RemovePolicy, AppControlStepKind.VerifyGone], plan.Steps.Select(s => s.Kind));
        Assert.Equal(AppControlBundles.PolicyFile(bundle, AppControlBundles.ContosoPolicy), plan.Steps[0].Content);
        Assert.Equal(["--remove-policy", ContosoFile, "--json"], plan.Steps[1].Arguments);
    }

    [Fact]
    public void The_undo_of_a_removal_adds_the_saved_copy_again()
    {
        var plan = Remove(AppControlBundles.AzureLocalEnforced(), AppControlBundles.ContosoPolicy);

        Assert.Equal($@"Add-ALApplicationControlSupplementalPolicy -Path '{RollbackFolder}\{ContosoFile}-{Stamp}-Enforced.cip'", plan.UndoCommand);
    }

    [Fact]
    public void Removing_a_policy_that_is_not_active_is_an_empty_plan_with_a_note()
    {
        var plan = Remove(AppControlBundles.AzureLocalEnforced(), Fabrikam);

        Assert.True(plan.IsEmpty);
        Assert.Equal(["No policy {0d3f1e5a-7b2c-4d9e-8f10-5a6b7c8d9e01} is active on NODE01; nothing to remove."], plan.Notes);
    }

    [Fact]
    public void Removing_a_base_policy_is_refused()
    {
        var plan = Remove(AppControlBundles.AzureLocalEnforced(), AppControlBundles.AzureLocalBase);

        Assert.Equal(AppControlRefusal.ProtectedPolicy, plan.Refusal);
        Assert.StartsWith("AS_Base_Policy {a6368f66-e2c9-4aa2-ab79-8743f6597683} is a base policy", plan.RefusalMessage, StringComparison.Ordinal);
        Assert.Empty(plan.Steps);
    }

    [Fact]
    public void Removing_a_supplemental_Microsoft_provides_is_refused()
    {
        var smartAppControlSupplemental = new ActivePolicy
        {
            PolicyId = new Guid("1678656c-05ef-481f-bc5b-ebd8c991502d"),
            BasePolicyId = new Guid("0283ac0f-fff1-49ae-ada1-8a933130cad6"),
            IsBase = false,
            IsMicrosoftProvided = true,
            Label = "Windows inbox: Smart App Control (Insider)",
            Mode = AppControlMode.Enforced,
        };
        var state = new ApplicationControlState { NodeName = "NODE02", PoliciesKnown = true, PolicySource = AppControlAnalyzer.CiToolSource, Policies = [smartAppControlSupplemental] };

        var plan = AppControlPlanner.PlanRemoveSupplemental(state, new Dictionary<Guid, byte[]>(), smartAppControlSupplemental.PolicyId.Value, Options());

        Assert.Equal(AppControlRefusal.ProtectedPolicy, plan.Refusal);
        Assert.Contains("provided by Microsoft (Windows inbox: Smart App Control (Insider))", plan.RefusalMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Removing_a_supplemental_whose_file_is_unknown_is_refused_unless_Force()
    {
        var bundle = AppControlBundles.Without(AppControlBundles.AzureLocalEnforced(), AppControlEvidenceIds.ActivePolicyFile(ContosoFile + ".cip"));

        var refused = Remove(bundle, AppControlBundles.ContosoPolicy);
        var forced = Remove(bundle, AppControlBundles.ContosoPolicy, force: true);

        Assert.Equal(AppControlRefusal.FactsUnknown, refused.Refusal);
        Assert.Equal([AppControlStepKind.RemovePolicy, AppControlStepKind.VerifyGone], forced.Steps.Select(s => s.Kind));
        Assert.Null(forced.UndoCommand);
        Assert.Contains(forced.Warnings, w => w.StartsWith("-Force: Contoso-Policy", StringComparison.Ordinal));
    }

    [Fact]
    public void The_policy_files_of_a_bundle_are_its_Active_folder_files_by_policy_id()
    {
        var bundle = AppControlBundles.AzureLocalEnforced();

        var files = AppControlPlanner.PolicyFiles(bundle);

        Assert.Equal(new HashSet<Guid> { AppControlBundles.AzureLocalBase, AppControlBundles.ContosoPolicy }, files.Keys.ToHashSet());
        Assert.Equal(0x48, files[AppControlBundles.ContosoPolicy].Length);
    }

    [Fact]
    public void The_signed_driver_policy_file_is_the_driver_policys()
    {
        var files = AppControlPlanner.PolicyFiles(AppControlBundles.WithoutCiTool());

        Assert.Equal(0x30, files[AppControlBundles.DriverPolicy][0]);
        Assert.True(files.ContainsKey(AppControlBundles.AzureLocalBase));
    }
}
