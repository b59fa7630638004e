using System.Linq;
using AzureLocalSecurity.Baseline;
using AzureLocalSecurity.Baseline.Catalog;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.SecuredCore.Features;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.SecuredCore.Features;

public sealed class SecurityFeatureAnalyzerTests
{
    private const string MemoryManagementKey = @"HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Memory Management";
    private static readonly BaselineCatalog Catalog2610 = ShippedBaselines.Get("2610", BaselineProfile.AdLess);
    private static readonly EvidenceBundle CompliantNode = FeatureBundles.Compliant();

    private static SecurityFeatureState State(EvidenceBundle bundle, SecurityFeature feature, BaselineCatalog? catalog = null) =>
        SecurityFeatureAnalyzer.Describe(bundle, catalog ?? Catalog2610).Single(s => s.Name == feature);

    [Fact]
    public void A_compliant_node_has_every_feature_configured_and_running_with_no_restart_pending()
    {
        var states = SecurityFeatureAnalyzer.Describe(CompliantNode, Catalog2610);

        Assert.Equal(SecurityFeatureCatalog.Features, states.Select(s => s.Name));
        Assert.All(states, s => Assert.True(s.Configured, $"{s.Name}: {string.Join("; ", s.Unknowns)}"));
        Assert.All(states, s => Assert.True(s.Running, s.Name.ToString()));
        Assert.All(states.Where(s => s.Name != SecurityFeature.SideChannelMitigation), s => Assert.False(s.RestartPending, s.Name.ToString()));
        Assert.All(states, s => Assert.Equal("NODE01", s.NodeName));
    }

    [Fact]
    public void Running_comes_from_Win32_DeviceGuard()
    {
        var state = State(CompliantNode, SecurityFeature.CredentialGuard);

        Assert.Equal($"Win32_DeviceGuard SecurityServicesRunning contains 1 ({FeatureBundles.DeviceGuardId})", state.Sources["Running"]);
    }

    [Fact]
    public void A_node_with_VBS_configured_but_not_running_has_a_restart_pending()
    {
        var bundle = FeatureBundles.With(CompliantNode, FeatureBundles.DeviceGuard(1, [1, 2, 3], []));

        var vbs = State(bundle, SecurityFeature.VBS);
        var hvci = State(bundle, SecurityFeature.HVCI);

        Assert.Equal((true, false, true), (vbs.Configured, vbs.Running, vbs.RestartPending));
        Assert.Equal((true, false, true), (hvci.Configured, hvci.Running, hvci.RestartPending));
    }

    [Fact]
    public void Where_Device_Guard_is_missing_VBS_and_HVCI_fall_back_to_the_kernel_facts_and_Credential_Guard_is_unknown()
    {
        var bundle = FeatureBundles.With(CompliantNode, FeatureBundles.DeviceGuardMissing());

        var vbs = State(bundle, SecurityFeature.VBS);
        var credentialGuard = State(bundle, SecurityFeature.CredentialGuard);

        Assert.True(vbs.Running);
        Assert.StartsWith("SystemIsolatedUserModeInformation Flags0 bit 0", vbs.Sources["Running"], System.StringComparison.Ordinal);
        Assert.Null(credentialGuard.Running);
        Assert.Null(credentialGuard.RestartPending);
        Assert.Contains(credentialGuard.Unknowns, u => u.StartsWith("Running: The Device Guard WMI provider is not there", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Without_Device_Guard_or_kernel_facts_VBS_running_is_unknown_with_both_reasons()
    {
        var bundle = FeatureBundles.Without(CompliantNode, FeatureBundles.DeviceGuardId, BaselineEvidenceIds.IsolatedUserMode);

        var vbs = State(bundle, SecurityFeature.VBS);

        Assert.Null(vbs.Running);
        var reason = Assert.Single(vbs.Unknowns, u => u.StartsWith("Running:", System.StringComparison.Ordinal));
        Assert.Contains("holds no Win32_DeviceGuard", reason, System.StringComparison.Ordinal);
        Assert.Contains(BaselineEvidenceIds.IsolatedUserMode + " either", reason, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_setting_off_makes_the_feature_not_configured_and_shows_its_value()
    {
        var bundle = FeatureBundles.Set(CompliantNode, (MemoryManagementKey, "FeatureSettingsOverride", FactValue.FromNumber(3), "REG_DWORD"));

        var state = State(bundle, SecurityFeature.SideChannelMitigation);

        Assert.False(state.Configured);
        var setting = state.Settings.Single(s => s.Name == "FeatureSettingsOverride");
        Assert.Equal(FactValue.FromNumber(3), setting.Current);
        Assert.False(setting.IsOn);
    }

    [Fact]
    public void Side_channel_running_is_derived_from_the_configuration_and_its_restart_state_is_unknown()
    {
        var state = State(CompliantNode, SecurityFeature.SideChannelMitigation);

        Assert.True(state.Running);
        Assert.StartsWith("Derived from the configuration", state.Sources["Running"], System.StringComparison.Ordinal);
        Assert.Null(state.RestartPending);
        Assert.Contains(state.Unknowns, u => u.StartsWith("RestartPending: Windows reads the side-channel settings at boot", System.StringComparison.Ordinal));
    }

    [Fact]
    public void SMB_signing_follows_its_configuration_and_never_waits_for_a_restart()
    {
        var bundle = FeatureBundles.Set(CompliantNode, (@"HKLM\SYSTEM\CurrentControlSet\Services\LanmanServer\Parameters", "RequireSecuritySignature", FactValue.FromNumber(0), "REG_DWORD"));

        var state = State(bundle, SecurityFeature.SMBSigning);

        Assert.Equal((false, false, false), (state.Configured, state.Running, state.RestartPending));
    }

    [Fact]
    public void A_registry_key_the_capture_does_not_hold_makes_the_feature_unknown_not_off()
    {
        var bundle = FeatureBundles.Without(CompliantNode, EvidenceIds.Registry(MemoryManagementKey));

        var state = State(bundle, SecurityFeature.SideChannelMitigation);

        Assert.Null(state.Configured);
        Assert.Null(state.Running);
        Assert.Contains(state.Unknowns, u => u.StartsWith(MemoryManagementKey + "\\FeatureSettingsOverride: The bundle holds no snapshot", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Drift_control_on_enforces_the_features_the_baseline_sets_but_not_the_cluster_setting()
    {
        var states = SecurityFeatureAnalyzer.Describe(CompliantNode, Catalog2610);

        Assert.All(states.Where(s => s.Name != SecurityFeature.SMBClusterEncryption), s => Assert.True(s.DriftControlEnforced, s.Name.ToString()));
        Assert.False(states.Single(s => s.Name == SecurityFeature.SMBClusterEncryption).DriftControlEnforced);
    }

    [Fact]
    public void Drift_control_off_enforces_nothing()
    {
        var bundle = FeatureBundles.With(CompliantNode, FeatureBundles.DriftControl(false));

        Assert.All(SecurityFeatureAnalyzer.Describe(bundle, Catalog2610), s => Assert.False(s.DriftControlEnforced));
    }

    [Fact]
    public void Drift_control_not_captured_or_no_catalog_leaves_enforcement_unknown()
    {
        var noDrift = FeatureBundles.Without(CompliantNode, EvidenceIds.AzureLocalDriftControl);

        Assert.All(SecurityFeatureAnalyzer.Describe(noDrift, Catalog2610), s => Assert.Null(s.DriftControlEnforced));
        Assert.Null(SecurityFeatureAnalyzer.Describe(CompliantNode, null).Single(s => s.Name == SecurityFeature.SMBSigning).DriftControlEnforced);
    }

    [Theory]
    [InlineData(2UL, true)]
    [InlineData(1UL, false)]
    [InlineData(0UL, false)]
    public void SMB_cluster_encryption_is_the_cluster_storage_security_level(ulong level, bool configured)
    {
        var bundle = FeatureBundles.With(CompliantNode, FeatureBundles.Cluster(storage: level));

        var state = State(bundle, SecurityFeature.SMBClusterEncryption);

        Assert.Equal(configured, state.Configured);
        Assert.Equal(FactValue.FromNumber((long)level), state.Settings.Single().Current);
    }

    [Fact]
    public void A_node_without_a_failover_cluster_has_SMB_cluster_encryption_unknown_with_the_reason()
    {
        var bundle = FeatureBundles.With(CompliantNode, EvidenceItem.ForError(FailoverClusterEvidenceIds.Cluster, EvidenceKind.Properties, @"CIM root\MSCluster MSCluster_Cluster", Bundles.Time,
            new EvidenceError(EvidenceErrorCategory.NotFound, "The failover cluster WMI provider is not there.", 3)));

        var state = State(bundle, SecurityFeature.SMBClusterEncryption);

        Assert.Null(state.Configured);
        Assert.Contains(state.Unknowns, u => u.Contains("The failover cluster WMI provider is not there.", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_2411_node_is_read_through_the_Device_Guard_scenario_keys_its_baseline_writes()
    {
        var bundle = FeatureBundles.Compliant("2411", BaselineProfile.DomainJoined);

        var states = SecurityFeatureAnalyzer.Describe(bundle, ShippedBaselines.Get("2411", BaselineProfile.DomainJoined));

        Assert.True(states.Single(s => s.Name == SecurityFeature.HVCI).Configured);
        Assert.Equal(@"HKLM\SYSTEM\CurrentControlSet\Control\DeviceGuard\Scenarios\HypervisorEnforcedCodeIntegrity", states.Single(s => s.Name == SecurityFeature.HVCI).Settings.Single().Path);

        // 2411's baseline sets System Guard off (Enabled 0): the node meets its baseline and DRTM is not configured, though it runs.
        var drtm = states.Single(s => s.Name == SecurityFeature.DRTM);
        Assert.Equal((false, true, true), (drtm.Configured, drtm.Running, drtm.RestartPending));
    }

    [Fact]
    public void A_Linux_host_has_every_feature_unknown_and_none_off()
    {
        var linux = new EvidenceBundle(EvidenceSchema.CurrentVersion, new NodeIdentity("linux01", NodePlatform.Linux, "Debian GNU/Linux 12", "X64"), Bundles.Time, "0.1.0",
            [EvidenceItem.ForText(EvidenceIds.LinuxFile("/etc/os-release"), "file /etc/os-release", Bundles.Time, "ID=debian\n")]);

        var states = SecurityFeatureAnalyzer.Describe(linux, Catalog2610);

        Assert.All(states, s => Assert.Null(s.Configured));
        Assert.All(states, s => Assert.Null(s.Running));
        Assert.All(states, s => Assert.NotEmpty(s.Unknowns));
    }

    [Fact]
    public void A_policy_key_value_carries_its_owner()
    {
        var setting = State(CompliantNode, SecurityFeature.HVCI).Settings.Single();

        Assert.Equal("Group Policy", setting.Owner);
    }
}
