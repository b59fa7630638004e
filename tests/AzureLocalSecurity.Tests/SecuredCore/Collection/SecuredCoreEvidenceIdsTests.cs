using System;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Reflection;
using AzureLocalSecurity.Collection.Windows;
using AzureLocalSecurity.Evidence;
using Xunit;

namespace AzureLocalSecurity.Tests.SecuredCore.Collection;

/// <summary>The Secured-core evidence contract: the ids the analyzer codes against, and their agreement with what the readers file.</summary>
[SuppressMessage("Interoperability", "CA1416:Validate platform compatibility", Justification = "Only the CIM reader's class descriptions are read; no CIM API is called.")]
public sealed class SecuredCoreEvidenceIdsTests
{
    [Theory]
    [InlineData(SecuredCoreEvidenceIds.DeviceGuard, @"windows/cim/root/Microsoft/Windows/DeviceGuard/Win32_DeviceGuard")]
    [InlineData(SecuredCoreEvidenceIds.SmbServerConfiguration, @"windows/cim/root/Microsoft/Windows/SMB/MSFT_SmbServerConfiguration")]
    [InlineData(SecuredCoreEvidenceIds.SmbClientConfiguration, @"windows/cim/root/Microsoft/Windows/SMB/MSFT_SmbClientConfiguration")]
    [InlineData(SecuredCoreEvidenceIds.DefenderStatus, @"windows/cim/root/Microsoft/Windows/Defender/MSFT_MpComputerStatus")]
    [InlineData(SecuredCoreEvidenceIds.LinuxIommu, "linux/iommu")]
    public void The_ids_are_the_ones_the_analyzer_codes_against(string id, string expected)
    {
        Assert.Equal(expected, id);
    }

    [Fact]
    public void Each_CIM_class_is_filed_under_windows_cim_its_namespace_and_its_name()
    {
        foreach (var spec in WindowsSecuredCoreCimReader.Classes)
        {
            Assert.Equal("windows/cim/" + spec.Namespace.Replace('\\', '/') + "/" + spec.ClassName, spec.Id);
        }
    }

    [Fact]
    public void The_CIM_reader_reads_the_five_contract_classes_with_the_contract_property_lists()
    {
        var read = WindowsSecuredCoreCimReader.Classes.Select(c => (c.Id, c.Properties)).ToList();

        Assert.Equal(
            [
                (SecuredCoreEvidenceIds.DeviceGuard, SecuredCoreEvidenceIds.DeviceGuardProperties),
                (SecuredCoreEvidenceIds.SmbServerConfiguration, SecuredCoreEvidenceIds.SmbServerConfigurationProperties),
                (SecuredCoreEvidenceIds.SmbClientConfiguration, SecuredCoreEvidenceIds.SmbClientConfigurationProperties),
                (SecuredCoreEvidenceIds.DefenderStatus, SecuredCoreEvidenceIds.DefenderStatusProperties),
                (DefenderEvidenceIds.Preference, DefenderEvidenceIds.PreferenceProperties),
            ],
            read);
    }

    [Fact]
    public void The_Device_Guard_record_lists_the_properties_the_brief_names_first()
    {
        Assert.Equal(
            ["VirtualizationBasedSecurityStatus", "SecurityServicesConfigured", "SecurityServicesRunning", "AvailableSecurityProperties", "RequiredSecurityProperties", "CodeIntegrityPolicyEnforcementStatus", "UsermodeCodeIntegrityPolicyEnforcementStatus"],
            SecuredCoreEvidenceIds.DeviceGuardProperties.Take(7));
    }

    [Fact]
    public void No_property_list_names_a_property_twice_in_any_case()
    {
        foreach (var list in new[] { SecuredCoreEvidenceIds.DeviceGuardProperties, SecuredCoreEvidenceIds.SmbServerConfigurationProperties, SecuredCoreEvidenceIds.SmbClientConfigurationProperties, SecuredCoreEvidenceIds.DefenderStatusProperties })
        {
            Assert.Equal(list.Count, list.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        }
    }

    [Fact]
    public void The_registry_key_list_holds_exactly_the_named_keys_once_each()
    {
        var named = typeof(SecuredCoreEvidenceIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name.EndsWith("Key", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!)
            .OrderBy(k => k, StringComparer.Ordinal)
            .ToList();

        Assert.Equal(10, named.Count);
        Assert.Equal(named, SecuredCoreEvidenceIds.RegistryKeys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(SecuredCoreEvidenceIds.RegistryKeys.Count, SecuredCoreEvidenceIds.RegistryKeys.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [InlineData(SecuredCoreEvidenceIds.HypervisorEnforcedCodeIntegrityKey, @"HKLM\SYSTEM\CurrentControlSet\Control\DeviceGuard\Scenarios\HypervisorEnforcedCodeIntegrity")]
    [InlineData(SecuredCoreEvidenceIds.SystemGuardKey, @"HKLM\SYSTEM\CurrentControlSet\Control\DeviceGuard\Scenarios\SystemGuard")]
    [InlineData(SecuredCoreEvidenceIds.CredentialGuardKey, @"HKLM\SYSTEM\CurrentControlSet\Control\DeviceGuard\Scenarios\CredentialGuard")]
    [InlineData(SecuredCoreEvidenceIds.MemoryManagementKey, @"HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Memory Management")]
    public void Composite_key_paths_spell_out_the_registry_path(string key, string expected)
    {
        Assert.Equal(expected, key);
    }

    [Fact]
    public void A_registry_key_is_filed_under_windows_registry_with_forward_slashes()
    {
        Assert.Equal("windows/registry/HKLM/SYSTEM/CurrentControlSet/Control/Session Manager/Memory Management", EvidenceIds.Registry(SecuredCoreEvidenceIds.MemoryManagementKey));
    }

    [Fact]
    public void The_lockdown_id_is_the_Linux_file_id_of_the_securityfs_file()
    {
        Assert.Equal(SecuredCoreEvidenceIds.LinuxLockdown, EvidenceIds.LinuxFile(SecuredCoreEvidenceIds.LinuxLockdownPath));
        Assert.Equal("linux/file/sys/kernel/security/lockdown", SecuredCoreEvidenceIds.LinuxLockdown);
    }
}
