using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Baseline;
using AzureLocalSecurity.Baseline.Catalog;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.SecuredCore.Features;
using Xunit;

namespace AzureLocalSecurity.Tests.SecuredCore.Features;

public sealed class SecurityFeatureCatalogTests
{
    private const string DeviceGuardPolicyKey = @"HKLM\SOFTWARE\Policies\Microsoft\Windows\DeviceGuard";

    public static TheoryData<string, BaselineProfile> ShippedCatalogs()
    {
        var data = new TheoryData<string, BaselineProfile>();
        foreach (var catalog in ShippedBaselines.All())
        {
            data.Add(catalog.Release, catalog.Profile ?? BaselineProfile.DomainJoined);
        }

        return data;
    }

    private static SecurityFeatureDefinition Resolve(SecurityFeature feature, string release, BaselineProfile profile = BaselineProfile.AdLess) =>
        SecurityFeatureCatalog.Resolve(feature, ShippedBaselines.Get(release, profile));

    [Fact]
    public void Side_channel_mitigation_on_2610_takes_Microsofts_values_from_the_three_tagged_rules()
    {
        var definition = Resolve(SecurityFeature.SideChannelMitigation, "2610");

        Assert.Equal(["SideChannelFeatureOverride", "SideChannelFeatureOverrideMask", "SideChannelMinVmVersion"], definition.Settings.Select(s => s.BaselineRuleName));
        Assert.Equal([FactValue.FromNumber(1426063432), FactValue.FromNumber(3), FactValue.FromText("1.0")], definition.Settings.Select(s => s.OnValue));
        Assert.Equal(["REG_DWORD", "REG_DWORD", "REG_SZ"], definition.Settings.Select(s => s.RegistryType));
        Assert.Equal("2610 AdLess", definition.Catalog);
    }

    [Theory]
    [InlineData("2310", 16777288L)]
    [InlineData("2402", 16777288L)]
    [InlineData("2405", 83886152L)]
    [InlineData("2604", 83886152L)]
    [InlineData("2610", 1426063432L)]
    public void FeatureSettingsOverride_is_the_value_of_the_nodes_release(string release, long expected)
    {
        var setting = Resolve(SecurityFeature.SideChannelMitigation, release).Settings.Single(s => s.Name == "FeatureSettingsOverride");

        Assert.Equal(expected, setting.OnValue.Number);
        Assert.Equal(3, setting.OffValue!.Number);
    }

    [Fact]
    public void Credential_Guard_moves_from_the_LSA_key_in_2604_to_the_System_policy_key_in_2610()
    {
        var before = Resolve(SecurityFeature.CredentialGuard, "2604").Settings.Single();
        var after = Resolve(SecurityFeature.CredentialGuard, "2610").Settings.Single();

        Assert.Equal(@"HKLM\SYSTEM\CurrentControlSet\Control\Lsa", before.Path);
        Assert.Equal("Equals(2)", before.OnExpression);
        Assert.Equal(@"HKLM\SOFTWARE\Policies\Microsoft\Windows\System", after.Path);
        Assert.Equal("Range(1, 2)", after.OnExpression);
        Assert.Equal("DeviceGuardLsaCfgFlags", after.BaselineRuleName);
    }

    [Fact]
    public void SMB_signing_on_2610_is_exactly_the_four_rules_tagged_for_the_switch()
    {
        var definition = Resolve(SecurityFeature.SMBSigning, "2610", BaselineProfile.DomainJoined);

        Assert.Equal(
            ["DigitallySignCommunicationsAlwaysClient", "DigitallySignCommunicationsAlwaysServer", "DigitallySignCommunicationsIfClientAgrees", "DigitallySignCommunicationsIfServerAgrees"],
            definition.Settings.Select(s => s.BaselineRuleName));
        Assert.Equal("Toggle Allowed", definition.Posture);
        Assert.False(definition.RestartRequired);
    }

    [Fact]
    public void SMB_signing_off_clears_only_the_required_signing_values()
    {
        var settings = Resolve(SecurityFeature.SMBSigning, "2610").Settings;

        Assert.Equal([true, true], settings.Where(s => s.Name == "RequireSecuritySignature").Select(s => s.OffValue!.Equals(FactValue.FromNumber(0))));
        Assert.All(settings.Where(s => s.Name == "EnableSecuritySignature"), s => Assert.True(s.KeptOnDisable));
    }

    [Fact]
    public void VBS_on_2610_is_its_policy_value_and_the_rows_marked_VBS_related_and_is_Blocked()
    {
        var definition = Resolve(SecurityFeature.VBS, "2610");

        Assert.Equal(
            ["EnableVirtualizationBasedSecurity", "DeviceGuardRequireMicrosoftSignedBootChain", "DeviceGuardRequirePlatformSecurityFeatures"],
            definition.Settings.Select(s => s.BaselineRuleName).OrderBy(n => n == "EnableVirtualizationBasedSecurity" ? 0 : 1).ThenBy(n => n, System.StringComparer.Ordinal));
        Assert.Equal("Blocked", definition.Posture);
        Assert.False(definition.DisableSupported);
    }

    [Fact]
    public void HVCI_on_2610_leaves_out_the_memory_attributes_table_which_Azure_Local_does_not_toggle()
    {
        var definition = Resolve(SecurityFeature.HVCI, "2610");

        var setting = Assert.Single(definition.Settings);
        Assert.Equal("HypervisorEnforcedCodeIntegrity", setting.Name);
        Assert.Equal(DeviceGuardPolicyKey, setting.Path);
        Assert.Equal(2, setting.OnValue.Number);
        Assert.Equal(0, setting.OffValue!.Number);
        Assert.Equal("Warning Allowed", definition.Posture);
    }

    [Fact]
    public void VBS_on_2411_is_the_Device_Guard_scenario_configuration_without_the_UEFI_lock()
    {
        var definition = Resolve(SecurityFeature.VBS, "2411");

        Assert.Equal(
            ["EnableVirtualizationBasedSecurity", "RequireMicrosoftSignedBootChain", "RequirePlatformSecurityFeatures"],
            definition.Settings.Select(s => s.Name).OrderBy(n => n, System.StringComparer.Ordinal));
        Assert.All(definition.Settings, s => Assert.Equal(@"HKLM\SYSTEM\CurrentControlSet\Control\DeviceGuard", s.Path));
        Assert.Null(definition.Posture);
    }

    [Fact]
    public void DRTM_on_2402_turns_on_with_1_although_the_release_sets_System_Guard_to_0()
    {
        var setting = Resolve(SecurityFeature.DRTM, "2402").Settings.Single();

        Assert.Equal(@"HKLM\SYSTEM\CurrentControlSet\Control\DeviceGuard\Scenarios\SystemGuard", setting.Path);
        Assert.Equal(1, setting.OnValue.Number);
        Assert.Equal("0", setting.BaselineRule!.DefaultValue);
        Assert.StartsWith("fallback table (catalog 2402", setting.Origin, System.StringComparison.Ordinal);
    }

    [Fact]
    public void DRTM_on_2610_turns_off_with_ConfigureSystemGuardLaunch_2()
    {
        var setting = Resolve(SecurityFeature.DRTM, "2610").Settings.Single();

        Assert.Equal("ConfigureSystemGuardLaunch", setting.Name);
        Assert.Equal(1, setting.OnValue.Number);
        Assert.Equal(2, setting.OffValue!.Number);
    }

    [Fact]
    public void Without_a_catalog_the_fallback_table_gives_the_2610_values()
    {
        var definitions = SecurityFeatureCatalog.ResolveAll(null);

        Assert.All(definitions, d => Assert.Null(d.Catalog));
        Assert.All(definitions.Where(d => d.Switchable).SelectMany(d => d.Settings), s => Assert.StartsWith("fallback table (no catalog given", s.Origin, System.StringComparison.Ordinal));
        Assert.Equal(1426063432, definitions.Single(d => d.Feature == SecurityFeature.SideChannelMitigation).Settings[0].OnValue.Number);
        Assert.Equal(@"HKLM\SOFTWARE\Policies\Microsoft\Windows\System", definitions.Single(d => d.Feature == SecurityFeature.CredentialGuard).Settings.Single().Path);
    }

    [Fact]
    public void SMB_cluster_encryption_is_the_cluster_storage_security_level_not_the_catalogs_client_encryption_rule()
    {
        var definition = Resolve(SecurityFeature.SMBClusterEncryption, "2610");

        var setting = Assert.Single(definition.Settings);
        Assert.Equal(SecurityFeatureSettingSource.ClusterProperty, setting.Source);
        Assert.Equal("SecurityLevelForStorage", setting.Name);
        Assert.Equal(2, setting.OnValue.Number);
        Assert.False(definition.Switchable);
        Assert.Equal("SMBEncryption", SecurityFeatureCatalog.ToggleTag(ShippedBaselines.Get("2610", BaselineProfile.AdLess).Find("RequireEncryption")!));
    }

    [Theory]
    [MemberData(nameof(ShippedCatalogs))]
    public void Every_shipped_catalog_defines_every_registry_feature_itself(string release, BaselineProfile profile)
    {
        var definitions = SecurityFeatureCatalog.ResolveAll(ShippedBaselines.Get(release, profile)).Where(d => d.Feature != SecurityFeature.SMBClusterEncryption);

        Assert.All(definitions, d => Assert.NotNull(d.Catalog));
    }

    [Theory]
    [MemberData(nameof(ShippedCatalogs))]
    public void Catalog_derived_on_values_equal_the_catalogs_default_and_expected_values(string release, BaselineProfile profile)
    {
        var fromCatalog = SecurityFeatureCatalog.ResolveAll(ShippedBaselines.Get(release, profile))
            .SelectMany(d => d.Settings)
            .Where(s => s.Origin.StartsWith("catalog ", System.StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(fromCatalog);
        Assert.All(fromCatalog, s =>
        {
            Assert.Equal(s.BaselineRule!.DefaultValue!.Trim(), s.OnValue.ToString());
            Assert.Equal(s.BaselineRule.ExpectedValue, s.OnExpression);
            Assert.Equal(BaselineFactMap.Resolve(s.BaselineRule), s.Fact);
        });
    }

    [Fact]
    public void A_live_capture_reads_every_value_any_release_uses()
    {
        var facts = SecurityFeatureCatalog.RegistryFacts(ShippedBaselines.Get("2610", BaselineProfile.AdLess));

        Assert.Contains(FactRef.Registry(@"HKLM\SYSTEM\CurrentControlSet\Control\Lsa", "LsaCfgFlags"), facts);
        Assert.Contains(FactRef.Registry(@"HKLM\SOFTWARE\Policies\Microsoft\Windows\System", "LsaCfgFlags"), facts);
        Assert.Contains(FactRef.Registry(@"HKLM\SYSTEM\CurrentControlSet\Control\DeviceGuard\Scenarios\SystemGuard", "Enabled"), facts);
        Assert.Equal(facts.Count, new HashSet<FactRef>(facts).Count);
    }
}
