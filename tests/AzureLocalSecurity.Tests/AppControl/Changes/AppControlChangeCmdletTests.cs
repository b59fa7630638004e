using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using AzureLocalSecurity.AppControl.Changes;
using AzureLocalSecurity.AppControl.Live;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.AppControl.Changes;

/// <summary>
/// The App Control change cmdlets in the real engine, on recorded bundles and a fake executor injected through the module's
/// test hooks (set by reflection: the tests do not reference the cmdlet assembly). The live path is taken as if on Windows.
/// </summary>
[Collection(AppControlHookTests.Name)]
public sealed class AppControlChangeCmdletTests : IClassFixture<ModuleSession>, IDisposable
{
    private static readonly Guid Fabrikam = new("0d3f1e5a-7b2c-4d9e-8f10-5a6b7c8d9e01");

    private readonly ModuleSession _session;
    private readonly Type _hooks;
    private readonly FakeAppControlExecutor _executor = new();
    private readonly TempDir _dir = new();
    private EvidenceBundle _live = AppControlBundles.AzureLocalEnforced();

    public AppControlChangeCmdletTests(ModuleSession session)
    {
        _session = session;
        var assembly = (Assembly)_session.Run("[AzureLocalSecurity.Commands.SetALApplicationControlModeCommand].Assembly").Output.Single().BaseObject;
        _hooks = assembly.GetType("AzureLocalSecurity.Commands.AppControlTestHooks", throwOnError: true)!;
        _executor.State = () => AppControlAnalyzer.Read(AppControlBundles.AzureLocalAudit());
        Set("Executor", new Func<IAppControlExecutor>(() => _executor));
        Set("LiveBundle", new Func<EvidenceBundle>(() => _live));
        Set("PretendWindows", true);
        Set("Inspector", null);
    }

    private string Folder => _dir.Combine("rollback");

    public void Dispose()
    {
        Set("Executor", null);
        Set("LiveBundle", null);
        Set("PretendWindows", false);
        Set("Inspector", null);
        _dir.Dispose();
    }

    [Fact]
    public void Set_Mode_Audit_on_the_live_node_runs_the_plan_and_writes_the_result_with_its_undo()
    {
        var (output, errors) = _session.Run($"Set-ALApplicationControlMode -Mode Audit -RollbackFolder '{Folder}' -Confirm:$false");

        Assert.Empty(errors);
        var result = (AppControlChangeResult)output.Single().BaseObject;
        Assert.True(result.Succeeded);
        var rollback = Path.Combine(Folder, "{A6368F66-E2C9-4AA2-AB79-8743F6597683}-20261101T083000Z-Enforced.cip");
        Assert.Equal("WriteFile " + rollback, _executor.Calls[0]);
        Assert.Equal($"Set-ALApplicationControlMode -RollbackPath '{rollback}'", result.UndoCommand);
    }

    [Fact]
    public void WhatIf_changes_nothing_and_writes_nothing()
    {
        var (output, errors) = _session.Run($"Set-ALApplicationControlMode -Mode Audit -RollbackFolder '{Folder}' -WhatIf");

        Assert.Empty(errors);
        Assert.Empty(output);
        Assert.Empty(_executor.Calls);
    }

    [Fact]
    public void With_Evidence_the_plan_is_written_with_the_nodes_folders_and_the_executor_is_not_used()
    {
        var (output, errors) = _session.Run("Set-ALApplicationControlMode -Mode Audit -Evidence $b", new Dictionary<string, object?> { ["b"] = AppControlBundles.AzureLocalEnforced() });

        Assert.Empty(errors);
        var plan = (AppControlPlan)output.Single().BaseObject;
        Assert.Equal(4, plan.Steps.Count);
        Assert.Equal(@"%ProgramData%\AzureLocalSecurity\AppControl\Rollback\{A6368F66-E2C9-4AA2-AB79-8743F6597683}-20261101T083000Z-Enforced.cip", plan.RollbackPath);
        Assert.Equal(@"%TEMP%\AzureLocalSecurity\AppControl\20261101T083000Z\{A6368F66-E2C9-4AA2-AB79-8743F6597683}.cip", plan.StagingPath);
        Assert.Empty(_executor.Calls);
    }

    [Fact]
    public void Enforcing_over_audit_events_is_an_AppControlWouldBlock_error_naming_the_file_and_changes_nothing()
    {
        _live = AppControlBundles.AzureLocalAudit();

        var (output, errors) = _session.Run($"Set-ALApplicationControlMode -Mode Enforced -RollbackFolder '{Folder}' -Confirm:$false");

        Assert.Empty(output);
        var error = errors.Single();
        Assert.Equal("AppControlWouldBlock,AzureLocalSecurity.Commands.SetALApplicationControlModeCommand", error.FullyQualifiedErrorId);
        Assert.Contains(@"\Users\admin\Downloads\netscan.exe", error.Exception.Message, StringComparison.Ordinal);
        Assert.IsType<AppControlPlan>(error.TargetObject);
        Assert.Empty(_executor.Calls);
    }

    [Fact]
    public void Force_enforces_over_audit_events_with_a_warning_naming_the_file()
    {
        _live = AppControlBundles.AzureLocalAudit();
        _executor.State = () => AppControlAnalyzer.Read(AppControlBundles.AzureLocalEnforced());

        using var ps = _session.RunWithStreams($"Set-ALApplicationControlMode -Mode Enforced -Force -RollbackFolder '{Folder}' -Confirm:$false -WarningAction Continue", out var output);

        Assert.Empty(ps.Streams.Error);
        Assert.True(((AppControlChangeResult)output.Single().BaseObject).Succeeded);
        Assert.Contains(ps.Streams.Warning, w => w.Message.StartsWith("NODE01: -Force: enforcing AS_Base_Policy", StringComparison.Ordinal) && w.Message.Contains("netscan.exe", StringComparison.Ordinal));
    }

    [Fact]
    public void A_failed_CiTool_run_is_an_AppControlStepFailed_error_with_the_exit_code_and_no_check()
    {
        _executor.CiTool = _ => FakeAppControlExecutor.Run(unchecked((int)0x80070005), string.Empty, "Access is denied.");

        var (output, errors) = _session.Run($"Set-ALApplicationControlMode -Mode Audit -RollbackFolder '{Folder}' -Confirm:$false");

        var error = errors.Single();
        Assert.Equal("AppControlStepFailed,AzureLocalSecurity.Commands.SetALApplicationControlModeCommand", error.FullyQualifiedErrorId);
        Assert.Contains("CiTool exited with 0x80070005", error.Exception.Message, StringComparison.Ordinal);
        Assert.False(((AppControlChangeResult)output.Single().BaseObject).Succeeded);
        Assert.DoesNotContain("ReadState", _executor.Calls);
    }

    [Fact]
    public void RollbackPath_deploys_a_saved_copy_again()
    {
        var saved = _dir.Combine("saved.cip");
        File.WriteAllBytes(saved, AppControlBundles.Header(AppControlBundles.AzureLocalBase, AppControlBundles.BaseFlags | AppControlBundles.AuditFlag, new Version(1, 1, 4, 0)));

        var (output, errors) = _session.Run($"Set-ALApplicationControlMode -RollbackPath '{saved}' -RollbackFolder '{Folder}' -Confirm:$false");

        Assert.Empty(errors);
        var result = (AppControlChangeResult)output.Single().BaseObject;
        Assert.Equal(AppControlChangeAction.Restore, result.Action);
        Assert.True(result.Succeeded);
        Assert.Equal(File.ReadAllBytes(saved), _executor.Files[result.Plan.StagingPath!]);
    }

    [Fact]
    public void Policies_piped_from_Get_ALApplicationControl_are_removed_by_their_PolicyId()
    {
        var after = AppControlAnalyzer.Read(AppControlBundles.AzureLocalEnforced());
        _executor.State = () => new ApplicationControlState
        {
            NodeName = "NODE01",
            PoliciesKnown = true,
            PolicySource = AppControlAnalyzer.CiToolSource,
            Policies = after.Policies.Where(p => p.PolicyId != AppControlBundles.ContosoPolicy).ToList(),
        };

        var (output, errors) = _session.Run(
            $"Get-ALApplicationControl -Evidence $b | Where-Object PolicyType -eq 'Supplemental' | Remove-ALApplicationControlSupplementalPolicy -RollbackFolder '{Folder}' -Confirm:$false",
            new Dictionary<string, object?> { ["b"] = AppControlBundles.AzureLocalEnforced() });

        Assert.Empty(errors);
        Assert.True(((AppControlChangeResult)output.Single().BaseObject).Succeeded);
        Assert.Contains("CiTool --remove-policy {2112036A-74E9-47DC-A016-F126297A3427} --json", _executor.Calls);
    }

    [Fact]
    public void Removing_a_base_policy_is_an_AppControlPolicyProtected_error()
    {
        var (output, errors) = _session.Run($"Remove-ALApplicationControlSupplementalPolicy -PolicyId {AppControlBundles.AzureLocalBase} -RollbackFolder '{Folder}' -Confirm:$false");

        Assert.Empty(output);
        Assert.Equal("AppControlPolicyProtected,AzureLocalSecurity.Commands.RemoveALApplicationControlSupplementalPolicyCommand", errors.Single().FullyQualifiedErrorId);
        Assert.Empty(_executor.Calls);
    }

    [Fact]
    public void Add_with_an_inspector_that_reads_the_base_deploys_the_file()
    {
        var inspector = new FakeCompiledPolicyInspector();
        inspector.BaseOf[Fabrikam] = AppControlBundles.AzureLocalBase;
        Set("Inspector", inspector);
        var file = WriteSupplemental("fabrikam.cip");
        var active = AppControlAnalyzer.Read(AppControlBundles.AzureLocalEnforced());
        _executor.State = () => new ApplicationControlState
        {
            NodeName = "NODE01",
            PoliciesKnown = true,
            PolicySource = AppControlAnalyzer.CiToolSource,
            Policies = [.. active.Policies, new ActivePolicy { PolicyId = Fabrikam, BasePolicyId = AppControlBundles.AzureLocalBase, IsBase = false, Version = new Version(1, 0, 0, 0), Mode = AppControlMode.Enforced }],
        };

        var (output, errors) = _session.Run($"Add-ALApplicationControlSupplementalPolicy -Path '{file}' -RollbackFolder '{Folder}' -Confirm:$false");

        Assert.Empty(errors);
        var result = (AppControlChangeResult)output.Single().BaseObject;
        Assert.True(result.Succeeded);
        Assert.Equal("Remove-ALApplicationControlSupplementalPolicy -PolicyId 0d3f1e5a-7b2c-4d9e-8f10-5a6b7c8d9e01", result.UndoCommand);
        Assert.Equal(File.ReadAllBytes(file), _executor.Files[result.Plan.StagingPath!]);
    }

    [Fact]
    public void Add_compiles_policy_XML_and_reads_its_base_with_the_full_reader()
    {
        var xml = File.ReadAllText(Path.Combine(Repo.Root, "tests", "AzureLocalSecurity.Tests", "Vectors", "wdac", "Empty_Supplemental.xml"))
            .Replace("{E0ABDA1F-CCF0-468E-8855-3E0F08B02D6A}", AppControlBundles.AzureLocalBase.ToString("B").ToUpperInvariant(), StringComparison.Ordinal);
        var file = _dir.Combine("supplemental.xml");
        File.WriteAllText(file, xml);

        var (output, errors) = _session.Run($"Add-ALApplicationControlSupplementalPolicy -Path '{file}' -Evidence $b", new Dictionary<string, object?> { ["b"] = AppControlBundles.AzureLocalEnforced() });

        Assert.Empty(errors);
        var plan = (AppControlPlan)output.Single().BaseObject;
        Assert.Equal(new Guid("B5C8D1E7-A920-4E0C-BD86-783BB59C145E"), plan.PolicyId);
        Assert.Contains(plan.Steps, s => s.Kind == AppControlStepKind.UpdatePolicy);
        Assert.Empty(_executor.Calls);
    }

    [Fact]
    public void Add_of_policy_XML_with_a_validation_error_is_AppControlPolicyValidationFailed_and_plans_nothing()
    {
        var xml = File.ReadAllText(Path.Combine(Repo.Root, "tests", "AzureLocalSecurity.Tests", "Vectors", "wdac", "Empty_Supplemental.xml"))
            .Replace("<BasePolicyID>{E0ABDA1F-CCF0-468E-8855-3E0F08B02D6A}</BasePolicyID>", "<BasePolicyID>{B5C8D1E7-A920-4E0C-BD86-783BB59C145E}</BasePolicyID>", StringComparison.Ordinal);
        var file = _dir.Combine("self-based.xml");
        File.WriteAllText(file, xml);

        var (output, errors) = _session.Run($"Add-ALApplicationControlSupplementalPolicy -Path '{file}' -Evidence $b", new Dictionary<string, object?> { ["b"] = AppControlBundles.AzureLocalEnforced() });

        Assert.Empty(output);
        Assert.Equal("AppControlPolicyValidationFailed,AzureLocalSecurity.Commands.AddALApplicationControlSupplementalPolicyCommand", errors.Single().FullyQualifiedErrorId);
    }

    [Fact]
    public void Add_of_a_file_whose_body_does_not_read_is_an_AppControlFactsUnknown_error_that_says_the_base_could_not_be_read()
    {
        var file = WriteSupplemental("fabrikam.cip");

        var (output, errors) = _session.Run($"Add-ALApplicationControlSupplementalPolicy -Path '{file}' -RollbackFolder '{Folder}' -Confirm:$false");

        Assert.Empty(output);
        var error = errors.Single();
        Assert.Equal("AppControlFactsUnknown,AzureLocalSecurity.Commands.AddALApplicationControlSupplementalPolicyCommand", error.FullyQualifiedErrorId);
        Assert.Contains("so its base could not be checked", error.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(_executor.Calls);
    }

    [Fact]
    public void Files_piped_by_FullName_are_each_planned_for_a_bundle()
    {
        var inspector = new FakeCompiledPolicyInspector();
        inspector.BaseOf[Fabrikam] = AppControlBundles.AzureLocalBase;
        Set("Inspector", inspector);
        var a = WriteSupplemental("a.cip");
        var b = WriteSupplemental("b.cip");

        // As Get-ChildItem's FileInfo objects bind (the hosted engine here has no Get-ChildItem): by FullName.
        var (output, errors) = _session.Run($"@([pscustomobject]@{{ FullName = '{a}' }}, [pscustomobject]@{{ FullName = '{b}' }}) | Add-ALApplicationControlSupplementalPolicy -Evidence $b", new Dictionary<string, object?> { ["b"] = AppControlBundles.AzureLocalEnforced() });

        Assert.Empty(errors);
        Assert.Equal(2, output.Count);
        Assert.All(output, o => Assert.Equal([AppControlStepKind.WritePolicyFile, AppControlStepKind.UpdatePolicy, AppControlStepKind.VerifyActive], ((AppControlPlan)o.BaseObject).Steps.Select(s => s.Kind)));
    }

    [Fact]
    public void A_file_that_is_not_a_policy_is_an_AppControlPolicyFileInvalid_error()
    {
        var file = _dir.Combine("notes.cip");
        File.WriteAllText(file, "not a policy");

        var (output, errors) = _session.Run($"Add-ALApplicationControlSupplementalPolicy -Path '{file}' -Evidence $b", new Dictionary<string, object?> { ["b"] = AppControlBundles.AzureLocalEnforced() });

        Assert.Empty(output);
        var error = errors.Single();
        Assert.Equal("AppControlPolicyFileInvalid,AzureLocalSecurity.Commands.AddALApplicationControlSupplementalPolicyCommand", error.FullyQualifiedErrorId);
        Assert.Equal(file, error.TargetObject);
    }

    [Fact]
    public void Off_Windows_the_live_node_is_refused_before_anything_is_read()
    {
        Assert.False(OperatingSystem.IsWindows(), "This test is about a node that is not Windows.");
        Set("PretendWindows", false);
        var reads = 0;
        Set("LiveBundle", new Func<EvidenceBundle>(() =>
        {
            reads++;
            return _live;
        }));

        var errors = _session.Run($"Set-ALApplicationControlMode -Mode Audit -RollbackFolder '{Folder}' -Confirm:$false").Errors;

        Assert.Equal("BaselineRepairNeedsWindows,AzureLocalSecurity.Commands.SetALApplicationControlModeCommand", errors.Single().FullyQualifiedErrorId);
        Assert.Equal(0, reads);
        Assert.Empty(_executor.Calls);
    }

    private string WriteSupplemental(string name)
    {
        var path = _dir.Combine(name);
        File.WriteAllBytes(path, AppControlBundles.Header(Fabrikam, AppControlBundles.SupplementalFlags, new Version(1, 0, 0, 0)));
        return path;
    }

    private void Set(string name, object? value) =>
        _hooks.GetProperty(name, BindingFlags.NonPublic | BindingFlags.Static)!.SetValue(null, value);
}
