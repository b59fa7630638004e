using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using AzureLocalSecurity.AppControl.Live;
using AzureLocalSecurity.Baseline.Catalog;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Collection.Remote;
using AzureLocalSecurity.Collection.Windows;
using AzureLocalSecurity.Defender;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Evidence.Import;
using AzureLocalSecurity.SecuredCore;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Capture;

/// <summary>
/// The capture script run in the real PowerShell engine with Windows commands replaced by recorded outputs
/// (<see cref="RecordedWindows"/>), its JSON parsed and imported, and the bundle compared with what the native collectors
/// filed in the recorded bundle for the same facts.
/// </summary>
[Collection(AzureLocalSecurity.Tests.Support.ProcessEnvironmentTests.Name)]
public sealed class CaptureScriptTests : IDisposable
{
    private static readonly string RecordedBundlePath = Path.Combine(Repo.Root, "tests", "AzureLocalSecurity.Tests", "Vectors", "securedcore", "compliant-azure-local-node.zip");

    private readonly TempDir _windows = new();

    public CaptureScriptTests()
    {
        var active = Path.Combine(_windows.Path, "System32", "CodeIntegrity", "CiPolicies", "Active");
        Directory.CreateDirectory(active);
        File.Copy(Path.Combine(Repo.Root, "tests", "AzureLocalSecurity.Tests", "Vectors", "appcontrol", "test.bin"), Path.Combine(active, "{A6368F66-E2C9-4AA2-AB79-8743F6597683}.cip"));
    }

    public void Dispose() => _windows.Dispose();

    private static IReadOnlyList<FactRef> BaselineFacts() =>
        BaselineFactMap.RequiredFacts(ShippedBaselines.Get("2411", global::AzureLocalSecurity.Baseline.BaselineProfile.DomainJoined).Rules);

    /// <summary>The 2411 baseline's facts, and the built-in Administrator besides (2411 asks only about the Guest).</summary>
    private static IReadOnlyList<FactRef> CapturedFacts() => [.. BaselineFacts(), new FactRef(FactSource.BuiltinAccount, "500", "Name")];

    private (EvidenceBundle Recorded, EvidenceBundle Imported, CaptureDocument Document) CaptureRecordedNode(string? throwFor = null)
    {
        var recorded = EvidenceBundleReader.Read(RecordedBundlePath);
        using var windows = new RecordedWindows(recorded, _windows.Path, throwFor);
        var json = windows.Capture(CaptureScript.Parameters(CapturedFacts(), new DateTimeOffset(2026, 10, 25, 0, 0, 0, TimeSpan.Zero), 100));
        var document = CaptureDocument.Parse(json);
        return (recorded, CaptureImporter.ToBundle(document), document);
    }

    [Fact]
    public void The_script_parses_under_the_PowerShell_7_parser_without_errors()
    {
        Parser.ParseInput(CaptureScript.Text, out _, out var errors);

        Assert.Empty(errors);
    }

    [Fact]
    public void The_script_uses_no_syntax_newer_than_Windows_PowerShell_5_1()
    {
        var ast = Parser.ParseInput(CaptureScript.Text, out _, out _);

        var newer = ast.FindAll(a => a is TernaryExpressionAst or PipelineChainAst || (a is BinaryExpressionAst b && b.Operator == TokenKind.QuestionQuestion) || (a is AssignmentStatementAst s && s.Operator == TokenKind.QuestionQuestionEquals), searchNestedScriptBlocks: true);
        Assert.Empty(newer);
        Assert.DoesNotContain(ast.FindAll(a => a is CommandParameterAst p && p.ParameterName.Equals("Parallel", StringComparison.OrdinalIgnoreCase), true), _ => true);
    }

    [Fact]
    public void The_script_never_names_the_method_that_returns_a_recovery_password()
    {
        Assert.DoesNotContain("GetKeyProtectorNumericalPassword", CaptureScript.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("GetKeyProtectorExternalKey", CaptureScript.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Parameters_carry_the_baseline_keys_rights_and_areas_then_the_fixed_keys()
    {
        var parameters = CaptureScript.Parameters(BaselineFacts(), null, 50);

        var keys = (string[])parameters["RegistryKeys"];
        Assert.Contains(@"HKLM\SYSTEM\CurrentControlSet\Control\Lsa", keys);
        Assert.Contains(@"HKLM\SYSTEM\CurrentControlSet\Control\SecureBoot\Servicing", keys);
        Assert.Equal(keys.Length, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("SeNetworkLogonRight", (string[])parameters["UserRights"]);
        var rids = BaselineFacts().Where(f => f.Source == FactSource.BuiltinAccount).Select(f => int.Parse(f.Path, System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order();
        Assert.Equal(rids, (int[])parameters["BuiltinRids"]);
        Assert.NotEmpty((int[])parameters["BuiltinRids"]);
        Assert.True((bool)parameters["AuditPolicy"]);
        Assert.Equal(string.Empty, parameters["Since"]);
        Assert.Equal(50, parameters["MaxEvents"]);
    }

    [Fact]
    public void Windows_commands_replaced_by_recorded_outputs_give_the_recorded_registry_keys()
    {
        var (recorded, imported, _) = CaptureRecordedNode();

        var keys = recorded.Items.Where(i => i.Kind == EvidenceKind.Registry).ToList();
        Assert.NotEmpty(keys);
        foreach (var item in keys)
        {
            var other = imported.Find(item.Id);
            Assert.True(other is not null, item.Id);
            Assert.Equal(item.Succeeded, other!.Succeeded);
            Assert.Equal(item.Error?.Category, other.Error?.Category);
            Assert.Equal(item.Registry?.Values.Select(v => (v.Name, v.Value)), other.Registry?.Values.Select(v => (v.Name, v.Value)));
            Assert.Equal(item.Registry?.SubKeys, other.Registry?.SubKeys);
        }
    }

    [Fact]
    public void The_defender_preferences_and_policy_keys_travel_through_the_capture_as_the_native_collector_files_them()
    {
        var defender = DefenderBundles.Weak();
        var recorded = DefenderBundles.With(
            EvidenceBundleReader.Read(RecordedBundlePath),
            defender.Find(DefenderEvidenceIds.Preference)!,
            defender.Find(EvidenceIds.Registry(DefenderEvidenceIds.AsrRulesPolicyKey))!);
        using var windows = new RecordedWindows(recorded, _windows.Path, null);
        var imported = CaptureImporter.ToBundle(CaptureDocument.Parse(windows.Capture(CaptureScript.Parameters(CapturedFacts(), null, 10))));

        var preference = imported.Find(DefenderEvidenceIds.Preference)!;
        Assert.True(preference.Succeeded, preference.Error?.ToString());
        Assert.Equal(recorded.Find(DefenderEvidenceIds.Preference)!.Records!.SelectMany(r => r.Properties), preference.Records!.SelectMany(r => r.Properties));
        var asr = imported.Find(EvidenceIds.Registry(DefenderEvidenceIds.AsrRulesPolicyKey))!;
        Assert.Equal(19, asr.Registry!.Values.Count);
        Assert.Equal(
            DefenderChecks.Evaluate(defender).Select(r => (r.Id, r.Status)).Skip(4),
            DefenderChecks.Evaluate(imported).Select(r => (r.Id, r.Status)).Skip(4));
    }

    [Fact]
    public void Windows_commands_replaced_by_recorded_outputs_give_the_recorded_cim_records()
    {
        var (recorded, imported, _) = CaptureRecordedNode();

        foreach (var id in new[] { SecuredCoreEvidenceIds.DeviceGuard, SecuredCoreEvidenceIds.SmbServerConfiguration, SecuredCoreEvidenceIds.SmbClientConfiguration, SecuredCoreEvidenceIds.DefenderStatus, TpmEvidenceIds.Win32Tpm })
        {
            var expected = recorded.Find(id)!;
            var actual = imported.Find(id)!;
            Assert.True(actual.Succeeded, id + ": " + actual.Error);
            Assert.Equal(expected.Records!.SelectMany(r => r.Properties), actual.Records!.SelectMany(r => r.Properties));
        }
    }

    [Fact]
    public void Windows_commands_replaced_by_recorded_outputs_give_the_recorded_uefi_variable_bytes()
    {
        var (recorded, imported, _) = CaptureRecordedNode();

        var variables = recorded.Items.Where(i => i.Id.StartsWith("firmware/variable/", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, variables.Count);
        foreach (var item in variables)
        {
            Assert.Equal(item.GetData(), imported.Find(item.Id)!.GetData());
            var attributes = imported.Find(item.Id.Replace("firmware/variable/", "firmware/variable-attributes/", StringComparison.Ordinal))!;
            Assert.Equal(EvidenceErrorCategory.NotSupported, attributes.Error!.Category);
        }
    }

    [Fact]
    public void A_variable_the_firmware_does_not_have_is_not_found_for_data_and_attributes()
    {
        var (_, imported, _) = CaptureRecordedNode();

        var pk = imported.Find("firmware/variable/PK-8be4df61-93ca-11d2-aa0d-00e098032b8c")!;
        Assert.Equal(EvidenceErrorCategory.NotFound, pk.Error!.Category);
        Assert.Equal(EvidenceErrorCategory.NotFound, imported.Find("firmware/variable-attributes/PK-8be4df61-93ca-11d2-aa0d-00e098032b8c")!.Error!.Category);
    }

    [Fact]
    public void The_real_auditpol_backup_becomes_59_audit_records_of_success_and_failure()
    {
        var (_, imported, _) = CaptureRecordedNode();

        var records = imported.Find(BaselineEvidenceIds.AuditSystemPolicy)!.Records!;
        Assert.Equal(59, records.Count);
        Assert.Equal("0cce9213-69ae-11d9-bed3-505054503030", records[0].Get("SubcategoryGuid")!.AsString());
        Assert.All(records, r => Assert.Equal(3L, r.Get("AuditingInformation")!.AsInt64()));
    }

    [Fact]
    public void The_real_secedit_export_gives_user_rights_with_sids_and_the_unmapped_name_said()
    {
        var (_, imported, document) = CaptureRecordedNode();

        var rights = imported.Find(BaselineEvidenceIds.UserRights)!.Records!;
        Assert.Equal(document.Request.UserRights, rights.Select(r => r.Get("Right")!.AsString()));
        var interactive = rights.Single(r => r.Get("Right")!.AsString() == "SeInteractiveLogonRight");
        Assert.Equal(["Gast", "S-1-5-32-544", "S-1-5-32-545", "S-1-5-32-551"], interactive.Get("Sids")!.AsStrings());
        Assert.Equal(["Gast"], interactive.Get("Unmapped")!.AsStrings());
        var network = rights.Single(r => r.Get("Right")!.AsString() == "SeNetworkLogonRight");
        Assert.Equal(["S-1-1-0", "S-1-5-32-544", "S-1-5-32-545", "S-1-5-32-551"], network.Get("Sids")!.AsStrings());
        Assert.Null(network.Get("Unmapped"));
    }

    [Fact]
    public void The_real_secedit_export_gives_the_account_policy_in_seconds()
    {
        var (_, imported, _) = CaptureRecordedNode();

        var modals0 = imported.Find(BaselineEvidenceIds.UserModals0)!.Records!.Single();
        Assert.Equal(42L * 86400, modals0.Get("MaxPasswdAge")!.AsInt64());
        Assert.Equal(0L, modals0.Get("MinPasswdAge")!.AsInt64());
        Assert.Equal(0xFFFFFFFFL, modals0.Get("ForceLogoff")!.AsInt64());
        var modals3 = imported.Find(BaselineEvidenceIds.UserModals3)!.Records!.Single();
        Assert.Equal(0L, modals3.Get("LockoutThreshold")!.AsInt64());
        Assert.Null(modals3.Get("LockoutDuration"));
    }

    [Fact]
    public void Built_in_accounts_are_found_by_rid_with_only_the_disabled_bit()
    {
        var (_, imported, _) = CaptureRecordedNode();

        var records = imported.Find(BaselineEvidenceIds.BuiltinAccounts)!.Records!;
        Assert.Equal(["Administrator", "Guest"], records.Select(r => r.Get("Name")!.AsString()));
        Assert.Equal([0L, 2L], records.Select(r => r.Get("Flags")!.AsInt64()));
        Assert.Equal("S-1-5-21-1004336348-1177238915-682003330-501", records[1].Get("Sid")!.AsString());
    }

    [Fact]
    public void The_deployed_policy_files_equal_what_the_native_reader_files_from_the_same_folder()
    {
        var (_, imported, _) = CaptureRecordedNode();
#pragma warning disable CA1416 // The native reader's file part is plain file IO; it runs here on the same folder.
        var native = WindowsAppControlCollector.ReadPolicyFiles(Path.Combine(_windows.Path, "System32", "CodeIntegrity"), () => Bundles.Time);
#pragma warning restore CA1416

        foreach (var item in native)
        {
            var other = imported.Find(item.Id)!;
            Assert.Equal(item.Succeeded, other.Succeeded);
            Assert.Equal(item.Error?.Category, other.Error?.Category);
            Assert.Equal(item.GetData(), other.GetData());
            Assert.Equal(item.Records?.SelectMany(r => r.Properties), other.Records?.SelectMany(r => r.Properties));
        }
    }

    [Fact]
    public void CiTool_without_json_falls_back_to_the_text_listing_as_the_native_collector_does()
    {
        var (_, imported, _) = CaptureRecordedNode();

        Assert.Equal(string.Join("\n", RecordedWindows.CiToolLines), imported.Find(AppControlEvidenceIds.CiToolPolicies)!.GetText());
        var run = imported.Find(AppControlEvidenceIds.CiToolRun)!.Records!.Single();
        Assert.Equal("text", run.Get("Format")!.AsString());
        Assert.Equal(1L, run.Get("JsonExitCode")!.AsInt64());
        Assert.Single(CiToolPolicyListParser.Parse(imported.Find(AppControlEvidenceIds.CiToolPolicies)!.GetText()!));
    }

    [Fact]
    public void The_servicing_events_are_filed_as_their_xml_newest_first()
    {
        var (_, imported, _) = CaptureRecordedNode();

        Assert.Equal(string.Concat(RecordedWindows.ServicingEvents.Select(x => x + "\n")), imported.Find(SecureBootEvidenceIds.ServicingEvents)!.GetText());
    }

    [Fact]
    public void Facts_only_native_code_reaches_are_not_supported_with_the_reason()
    {
        var (_, imported, _) = CaptureRecordedNode();

        foreach (var id in new[] { BaselineEvidenceIds.CodeIntegrity, BaselineEvidenceIds.IsolatedUserMode, BaselineEvidenceIds.DmaGuard, BaselineEvidenceIds.TpmDeviceInfo, EvidenceIds.WindowsFirmwareType })
        {
            var error = imported.Find(id)!.Error!;
            Assert.Equal(EvidenceErrorCategory.NotSupported, error.Category);
            Assert.Contains("in-box", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_item_says_it_came_from_the_capture_script()
    {
        var (_, imported, _) = CaptureRecordedNode();

        Assert.All(imported.Items, i => Assert.StartsWith("capture script " + CaptureScript.Version + ": ", i.Source, StringComparison.Ordinal));
        Assert.Equal("NODE01", imported.NodeName);
        Assert.Equal(NodePlatform.Windows, imported.Node.Platform);
    }

    [Fact]
    public void The_baseline_analyzer_gives_the_same_verdict_on_every_registry_rule()
    {
        var (recorded, imported, _) = CaptureRecordedNode();
        var catalog = ShippedBaselines.Get("2411", global::AzureLocalSecurity.Baseline.BaselineProfile.DomainJoined);
        // The rules whose key the recorded bundle holds: for the others it recorded nothing, so it says Unknown where the
        // capture, which read every key the baseline names, knows the key is absent.
        var registryRules = catalog.Rules.Where(r => BaselineFactMap.Resolve(r) is { Source: FactSource.Registry } f && recorded.Find(EvidenceIds.Registry(f.Path)) is not null).ToList();

        var expected = global::AzureLocalSecurity.Baseline.Analysis.BaselineAnalyzer.Evaluate(registryRules, recorded).Select(r => (r.Rule.Name, r.Status));
        var actual = global::AzureLocalSecurity.Baseline.Analysis.BaselineAnalyzer.Evaluate(registryRules, imported).Select(r => (r.Rule.Name, r.Status));
        Assert.NotEmpty(registryRules);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void The_secured_core_analyzer_gives_the_same_verdicts_on_the_capture_but_tpm_version_and_dma_guard()
    {
        var (recorded, imported, _) = CaptureRecordedNode();
        string[] nativeOnly = [SecuredCoreAnalyzer.TpmId, SecuredCoreAnalyzer.DmaId];

        var expected = SecuredCoreAnalyzer.Evaluate(recorded).Results.Where(r => !nativeOnly.Contains(r.Id)).Select(r => (r.Id, r.Status));
        var actual = SecuredCoreAnalyzer.Evaluate(imported).Results.Where(r => !nativeOnly.Contains(r.Id)).Select(r => (r.Id, r.Status));
        Assert.Equal(7, actual.Count());
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(SecuredCoreAnalyzer.TpmId)]
    [InlineData(SecuredCoreAnalyzer.DmaId)]
    public void Tpm_version_and_dma_guard_are_unknown_on_a_capture_with_the_in_box_reason(string checkId)
    {
        var (_, imported, _) = CaptureRecordedNode();

        var check = SecuredCoreAnalyzer.Evaluate(imported).Results.Single(r => r.Id == checkId);
        Assert.Equal(Results.CheckStatus.Unknown, check.Status);
        Assert.Contains("in-box", check.Reason ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public void A_command_that_throws_fails_its_capture_only()
    {
        var (_, imported, document) = CaptureRecordedNode(throwFor: @"root\Microsoft\Windows\DeviceGuard:Win32_DeviceGuard");

        var entry = document.Captures.Single(c => c.Target == @"root\Microsoft\Windows\DeviceGuard:Win32_DeviceGuard");
        Assert.Equal("System.InvalidOperationException", entry.Error!.Type);
        var item = imported.Find(SecuredCoreEvidenceIds.DeviceGuard)!;
        Assert.Equal(EvidenceErrorCategory.Failed, item.Error!.Category);
        Assert.Contains("stand-in failure", item.Error.Message, StringComparison.Ordinal);
        Assert.True(imported.Find(SecuredCoreEvidenceIds.SmbServerConfiguration)!.Succeeded);
        Assert.True(imported.Find(BaselineEvidenceIds.AuditSystemPolicy)!.Succeeded);
    }

    [Fact]
    public void A_failed_secedit_fails_the_rights_and_account_policy_and_nothing_else()
    {
        var (_, imported, _) = CaptureRecordedNode(throwFor: "secedit");

        Assert.Equal(EvidenceErrorCategory.Failed, imported.Find(BaselineEvidenceIds.UserRights)!.Error!.Category);
        Assert.False(imported.Find(BaselineEvidenceIds.UserModals0)!.Succeeded);
        Assert.True(imported.Find(BaselineEvidenceIds.AuditSystemPolicy)!.Succeeded);
    }
}
