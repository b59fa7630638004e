using System.Diagnostics.CodeAnalysis;
using System.Linq;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Collection.Windows;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.SecuredCore.Collection;

/// <summary>The Windows Secured-core collector's id set, from what it files off Windows (every id, NotSupported). Its reads need Windows.</summary>
[SuppressMessage("Interoperability", "CA1416:Validate platform compatibility", Justification = "Only the off-Windows path runs: it calls no Windows API.")]
public sealed class WindowsSecuredCoreCollectorTests
{
    private static readonly CollectionContext Context = new("/", () => Bundles.Time);

    [Fact]
    public void Off_Windows_every_fact_is_NotSupported_and_says_why()
    {
        var items = WindowsSecuredCoreCollector.NotSupported(Context);

        Assert.All(items, i => Assert.Equal(EvidenceErrorCategory.NotSupported, i.Error!.Category));
        Assert.All(items, i => Assert.Equal("Windows facts are read only on Windows.", i.Error!.Message));
    }

    [Fact]
    public void It_files_the_registry_keys_the_defender_policy_keys_the_kernel_and_TBS_facts_and_the_five_CIM_classes()
    {
        var ids = WindowsSecuredCoreCollector.NotSupported(Context).Select(i => i.Id).ToList();

        Assert.Equal(
            SecuredCoreEvidenceIds.RegistryKeys.Concat(DefenderEvidenceIds.RegistryKeys).Select(EvidenceIds.Registry)
                .Concat([BaselineEvidenceIds.CodeIntegrity, BaselineEvidenceIds.IsolatedUserMode, BaselineEvidenceIds.DmaGuard, BaselineEvidenceIds.TpmDeviceInfo])
                .Concat([SecuredCoreEvidenceIds.DeviceGuard, SecuredCoreEvidenceIds.SmbServerConfiguration, SecuredCoreEvidenceIds.SmbClientConfiguration, SecuredCoreEvidenceIds.DefenderStatus, DefenderEvidenceIds.Preference]),
            ids);
    }

    [Fact]
    public void Registry_items_are_of_kind_Registry_and_the_others_of_kind_Properties()
    {
        var items = WindowsSecuredCoreCollector.NotSupported(Context);

        Assert.All(items, i => Assert.Equal(i.Id.StartsWith("windows/registry/", System.StringComparison.Ordinal) ? EvidenceKind.Registry : EvidenceKind.Properties, i.Kind));
    }

    [Fact]
    public void Its_name_is_WindowsSecuredCore()
    {
        Assert.Equal("WindowsSecuredCore", new WindowsSecuredCoreCollector().Name);
    }
}
