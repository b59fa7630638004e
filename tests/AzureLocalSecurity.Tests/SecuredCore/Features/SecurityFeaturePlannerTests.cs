using System;
using System.Linq;
using AzureLocalSecurity.Baseline;
using AzureLocalSecurity.Baseline.Catalog;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Baseline.Repair;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.SecuredCore.Features;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.SecuredCore.Features;

public sealed class SecurityFeaturePlannerTests
{
    private const string MemoryManagementKey = @"HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Memory Management";
    private const string VirtualizationKey = @"HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Virtualization";
    private const string WorkstationKey = @"HKLM\SYSTEM\CurrentControlSet\Services\LanmanWorkstation\Parameters";
    private const string ServerKey = @"HKLM\SYSTEM\CurrentControlSet\Services\LanmanServer\Parameters";
    private const string DeviceGuardPolicyKey = @"HKLM\SOFTWARE\Policies\Microsoft\Windows\DeviceGuard";
    private static readonly BaselineCatalog Catalog2610 = ShippedBaselines.Get("2610", BaselineProfile.AdLess);
    private static readonly EvidenceBundle CompliantNode = FeatureBundles.Compliant();
    private static readonly EvidenceBundle DriftOff = FeatureBundles.With(CompliantNode, FeatureBundles.DriftControl(false));

    private static (string Key, string Name, FactValue From, FactValue To, string? Type) Row(BaselineRepairAction a) => (a.Fact.Path, a.Fact.Name, a.Before, a.After, a.RegistryType);

    [Fact]
    public void Disabling_side_channel_mitigation_sets_the_documented_off_values_from_the_current_ones()
    {
        var plan = SecurityFeaturePlanner.Plan(DriftOff, SecurityFeature.SideChannelMitigation, enable: false, Catalog2610);

        Assert.Equal(
            [
                (MemoryManagementKey, "FeatureSettingsOverride", FactValue.FromNumber(1426063432), FactValue.FromNumber(3), "REG_DWORD"),
                (VirtualizationKey, "MinVmVersionForCpuBasedMitigations", FactValue.FromText("1.0"), FactValue.Absent, "REG_SZ"),
            ],
            plan.Changes.Select(Row));
        Assert.True(plan.RestartRequired);
        Assert.Null(plan.Refusal);
    }

    [Fact]
    public void Enabling_side_channel_mitigation_where_it_is_off_restores_the_catalogs_values()
    {
        var off = FeatureBundles.Set(DriftOff,
            (MemoryManagementKey, "FeatureSettingsOverride", FactValue.FromNumber(3), "REG_DWORD"),
            (VirtualizationKey, "MinVmVersionForCpuBasedMitigations", FactValue.Absent, "REG_SZ"));

        var plan = SecurityFeaturePlanner.Plan(off, SecurityFeature.SideChannelMitigation, enable: true, Catalog2610);

        Assert.Equal(
            [
                (MemoryManagementKey, "FeatureSettingsOverride", FactValue.FromNumber(3), FactValue.FromNumber(1426063432), "REG_DWORD"),
                (VirtualizationKey, "MinVmVersionForCpuBasedMitigations", FactValue.Absent, FactValue.FromText("1.0"), "REG_SZ"),
            ],
            plan.Changes.Select(Row));
        Assert.Equal(["SideChannelMitigation:SideChannelFeatureOverride", "SideChannelMitigation:SideChannelMinVmVersion"], plan.Changes.Select(c => c.RuleName));
    }

    [Fact]
    public void Disabling_SMB_signing_without_drift_control_clears_the_two_requirements_and_needs_no_restart()
    {
        var plan = SecurityFeaturePlanner.Plan(DriftOff, SecurityFeature.SMBSigning, enable: false, Catalog2610);

        Assert.Equal(
            [
                (WorkstationKey, "RequireSecuritySignature", FactValue.FromNumber(1), FactValue.FromNumber(0), "REG_DWORD"),
                (ServerKey, "RequireSecuritySignature", FactValue.FromNumber(1), FactValue.FromNumber(0), "REG_DWORD"),
            ],
            plan.Changes.Select(Row));
        Assert.False(plan.RestartRequired);
        Assert.Equal(SecurityFeatureRefusal.None, plan.RefusalKind);
    }

    [Fact]
    public void Disabling_SMB_signing_under_drift_control_is_refused_but_keeps_the_changes_for_Force()
    {
        var plan = SecurityFeaturePlanner.Plan(CompliantNode, SecurityFeature.SMBSigning, enable: false, Catalog2610);

        Assert.Equal(SecurityFeatureRefusal.DriftControl, plan.RefusalKind);
        Assert.True(plan.CanForce);
        Assert.Contains("within 90 minutes", plan.Refusal, StringComparison.Ordinal);
        Assert.Contains("Disable-AzsSecurity -FeatureName DriftControl", plan.Refusal, StringComparison.Ordinal);
        Assert.Contains("DigitallySignCommunicationsAlwaysClient to Equals(1)", plan.Refusal, StringComparison.Ordinal);
        Assert.Equal(2, plan.Changes.Count);
    }

    [Fact]
    public void Enabling_what_is_already_on_is_an_empty_plan()
    {
        var plans = SecurityFeatureCatalog.Features.Where(f => f != SecurityFeature.SMBClusterEncryption)
            .Select(f => SecurityFeaturePlanner.Plan(CompliantNode, f, enable: true, Catalog2610))
            .ToList();

        Assert.All(plans, p => Assert.Empty(p.Changes));
        Assert.All(plans, p => Assert.Null(p.Refusal));
        Assert.All(plans, p => Assert.False(p.RestartRequired));
    }

    [Fact]
    public void Disabling_VBS_is_refused_whatever_drift_control_says()
    {
        var plan = SecurityFeaturePlanner.Plan(DriftOff, SecurityFeature.VBS, enable: false, Catalog2610);

        Assert.Equal(SecurityFeatureRefusal.Blocked, plan.RefusalKind);
        Assert.False(plan.CanForce);
        Assert.Empty(plan.Changes);
        Assert.Contains("we do not support VBS disablement", plan.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Enabling_VBS_that_is_configured_but_not_running_changes_nothing_and_says_a_restart_is_pending()
    {
        var bundle = FeatureBundles.With(CompliantNode, FeatureBundles.DeviceGuard(1, [1, 2, 3], []));

        var plan = SecurityFeaturePlanner.Plan(bundle, SecurityFeature.VBS, enable: true, Catalog2610);

        Assert.Empty(plan.Changes);
        Assert.Contains("Virtualization-based security is configured but not running: a restart is pending.", plan.Warnings);
    }

    [Fact]
    public void Enabling_HVCI_where_its_policy_is_absent_writes_the_catalogs_2_and_warns_of_the_policy_owner()
    {
        var bundle = FeatureBundles.Set(DriftOff, (DeviceGuardPolicyKey, "HypervisorEnforcedCodeIntegrity", FactValue.Absent, "REG_DWORD"));

        var plan = SecurityFeaturePlanner.Plan(bundle, SecurityFeature.HVCI, enable: true, Catalog2610);

        Assert.Equal([(DeviceGuardPolicyKey, "HypervisorEnforcedCodeIntegrity", FactValue.Absent, FactValue.FromNumber(2), "REG_DWORD")], plan.Changes.Select(Row));
        Assert.True(plan.RestartRequired);
        Assert.Contains(plan.Warnings, w => w.StartsWith(DeviceGuardPolicyKey + "\\HypervisorEnforcedCodeIntegrity is managed by Group Policy", StringComparison.Ordinal));
    }

    [Fact]
    public void Enabling_Credential_Guard_where_VBS_is_off_warns_that_it_runs_on_VBS()
    {
        var bundle = FeatureBundles.Set(DriftOff,
            (DeviceGuardPolicyKey, "EnableVirtualizationBasedSecurity", FactValue.FromNumber(0), "REG_DWORD"),
            (@"HKLM\SOFTWARE\Policies\Microsoft\Windows\System", "LsaCfgFlags", FactValue.FromNumber(0), "REG_DWORD"));

        var plan = SecurityFeaturePlanner.Plan(bundle, SecurityFeature.CredentialGuard, enable: true, Catalog2610);

        Assert.Equal([(@"HKLM\SOFTWARE\Policies\Microsoft\Windows\System", "LsaCfgFlags", FactValue.FromNumber(0), FactValue.FromNumber(2), "REG_DWORD")], plan.Changes.Select(Row));
        Assert.Contains(plan.Warnings, w => w.StartsWith("Credential Guard runs on VBS", StringComparison.Ordinal));
    }

    [Fact]
    public void Disabling_Credential_Guard_sets_LsaCfgFlags_0_in_the_key_of_the_nodes_release()
    {
        var node2604 = FeatureBundles.With(FeatureBundles.Compliant("2604", BaselineProfile.AdLess), FeatureBundles.DriftControl(false));

        var plan = SecurityFeaturePlanner.Plan(node2604, SecurityFeature.CredentialGuard, enable: false, ShippedBaselines.Get("2604", BaselineProfile.AdLess));

        Assert.Equal([(@"HKLM\SYSTEM\CurrentControlSet\Control\Lsa", "LsaCfgFlags", FactValue.FromNumber(2), FactValue.FromNumber(0), "REG_DWORD")], plan.Changes.Select(Row));
        Assert.True(plan.RestartRequired);
    }

    [Fact]
    public void Disabling_Credential_Guard_turned_on_with_UEFI_lock_warns_that_the_registry_is_not_enough()
    {
        var bundle = FeatureBundles.Set(DriftOff, (@"HKLM\SOFTWARE\Policies\Microsoft\Windows\System", "LsaCfgFlags", FactValue.FromNumber(1), "REG_DWORD"));

        var plan = SecurityFeaturePlanner.Plan(bundle, SecurityFeature.CredentialGuard, enable: false, Catalog2610);

        Assert.Single(plan.Changes);
        Assert.Contains(plan.Warnings, w => w.StartsWith("Credential Guard was turned on with UEFI lock", StringComparison.Ordinal));
    }

    [Fact]
    public void Enabling_DRTM_on_a_2402_node_under_drift_control_is_refused_because_the_baseline_sets_it_off()
    {
        var bundle = FeatureBundles.Compliant("2402", BaselineProfile.DomainJoined);

        var plan = SecurityFeaturePlanner.Plan(bundle, SecurityFeature.DRTM, enable: true, ShippedBaselines.Get("2402", BaselineProfile.DomainJoined));

        Assert.Equal([(@"HKLM\SYSTEM\CurrentControlSet\Control\DeviceGuard\Scenarios\SystemGuard", "Enabled", FactValue.FromNumber(0), FactValue.FromNumber(1), "REG_DWORD")], plan.Changes.Select(Row));
        Assert.Equal(SecurityFeatureRefusal.DriftControl, plan.RefusalKind);
        Assert.Contains("would turn DRTM back off", plan.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Disabling_DRTM_sets_ConfigureSystemGuardLaunch_to_2()
    {
        var plan = SecurityFeaturePlanner.Plan(DriftOff, SecurityFeature.DRTM, enable: false, Catalog2610);

        Assert.Equal([(DeviceGuardPolicyKey, "ConfigureSystemGuardLaunch", FactValue.FromNumber(1), FactValue.FromNumber(2), "REG_DWORD")], plan.Changes.Select(Row));
    }

    [Theory]
    [InlineData(true, "Enable-AzsSecurity -FeatureName SMBClusterEncryption -Cluster")]
    [InlineData(false, "Disable-AzsSecurity -FeatureName SMBClusterEncryption -Cluster")]
    public void SMB_cluster_encryption_is_refused_naming_what_to_run_instead(bool enable, string command)
    {
        var plan = SecurityFeaturePlanner.Plan(DriftOff, SecurityFeature.SMBClusterEncryption, enable, Catalog2610);

        Assert.Equal(SecurityFeatureRefusal.NotSwitchable, plan.RefusalKind);
        Assert.Empty(plan.Changes);
        Assert.Contains(command, plan.Refusal, StringComparison.Ordinal);
        Assert.Contains("(Get-Cluster).SecurityLevelForStorage", plan.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_that_cannot_be_read_refuses_the_whole_switch()
    {
        var bundle = FeatureBundles.Without(DriftOff, EvidenceIds.Registry(VirtualizationKey));

        var plan = SecurityFeaturePlanner.Plan(bundle, SecurityFeature.SideChannelMitigation, enable: false, Catalog2610);

        Assert.Equal(SecurityFeatureRefusal.FactsUnknown, plan.RefusalKind);
        Assert.Empty(plan.Changes);
        Assert.Contains(VirtualizationKey + "\\MinVmVersionForCpuBasedMitigations", plan.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_catalog_the_plan_uses_the_fallback_values_and_cannot_judge_drift_control()
    {
        var plan = SecurityFeaturePlanner.Plan(CompliantNode, SecurityFeature.SMBSigning, enable: false, catalog: null);

        Assert.Equal(2, plan.Changes.Count);
        Assert.Equal(SecurityFeatureRefusal.None, plan.RefusalKind);
        Assert.Null(plan.Catalog);
    }

    [Fact]
    public void The_executor_applies_a_switch_with_an_undo_record_that_restores_the_node_exactly()
    {
        var plan = SecurityFeaturePlanner.Plan(DriftOff, SecurityFeature.SideChannelMitigation, enable: false, Catalog2610);
        var store = new EvidenceStateStore(DriftOff);
        BaselineUndoFile? undo = null;

        var outcomes = BaselineRepairExecutor.Apply(DriftOff.NodeName, plan.Changes, store, "0.1.0", Bundles.Time, u => undo = u);
        var switched = store.ToBundle();

        Assert.All(outcomes, o => Assert.Equal(BaselineChangeResult.Changed, o.Result));
        Assert.All(outcomes, o => Assert.True(o.RebootRequired));
        Assert.False(SecurityFeatureAnalyzer.Describe(switched, Catalog2610).Single(s => s.Name == SecurityFeature.SideChannelMitigation).Configured);
        Assert.Equal(["SideChannelMitigation:SideChannelFeatureOverride", "SideChannelMitigation:SideChannelMinVmVersion"], undo!.Entries.Select(e => e.RuleName));

        var reread = BaselineUndoFile.Parse(System.Text.Encoding.UTF8.GetBytes(SaveToText(undo)));
        BaselineRepairExecutor.Undo(reread, store);
        var restored = store.ToBundle();
        Assert.Equal(
            DriftOff.Find(EvidenceIds.Registry(MemoryManagementKey))!.Registry!.Values.Select(v => (v.Name, v.Value.ToString())),
            restored.Find(EvidenceIds.Registry(MemoryManagementKey))!.Registry!.Values.Select(v => (v.Name, v.Value.ToString())));
        Assert.True(SecurityFeatureAnalyzer.Describe(restored, Catalog2610).Single(s => s.Name == SecurityFeature.SideChannelMitigation).Configured);
    }

    [Fact]
    public void A_switch_applied_once_plans_nothing_the_second_time()
    {
        var store = new EvidenceStateStore(DriftOff);
        var first = SecurityFeaturePlanner.Plan(DriftOff, SecurityFeature.SMBSigning, enable: false, Catalog2610);
        BaselineRepairExecutor.Apply(DriftOff.NodeName, first.Changes, store, "0.1.0", Bundles.Time, _ => { });

        var second = SecurityFeaturePlanner.Plan(store.ToBundle(), SecurityFeature.SMBSigning, enable: false, Catalog2610);

        Assert.Equal(2, first.Changes.Count);
        Assert.Empty(second.Changes);
    }

    private static string SaveToText(BaselineUndoFile undo)
    {
        using var dir = new TempDir();
        var path = System.IO.Path.Combine(dir.Path, "undo.json");
        undo.Save(path);
        return System.IO.File.ReadAllText(path);
    }
}
