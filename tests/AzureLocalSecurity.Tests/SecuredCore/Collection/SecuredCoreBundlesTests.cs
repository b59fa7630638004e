using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Collection.Linux;
using AzureLocalSecurity.Collection.Windows;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.SecureBoot.VariableStore;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.SecuredCore.Collection;

/// <summary>
/// The recorded bundles hold what the collectors write: every id, of the same kind, with the record properties the readers
/// file. If a collector's ids or record shapes change, these fail, so the bundles the analyzer is tested on cannot drift.
/// </summary>
[SuppressMessage("Interoperability", "CA1416:Validate platform compatibility", Justification = "Only the Windows collector's off-Windows path and the readers' constants are used; no Windows API is called.")]
public sealed class SecuredCoreBundlesTests
{
    private static readonly Dictionary<string, Func<EvidenceBundle>> WindowsBundles = new()
    {
        [nameof(SecuredCoreBundles.CompliantAzureLocalNode)] = SecuredCoreBundles.CompliantAzureLocalNode,
        [nameof(SecuredCoreBundles.VbsConfiguredNotRunning)] = SecuredCoreBundles.VbsConfiguredNotRunning,
        [nameof(SecuredCoreBundles.BiosNode)] = SecuredCoreBundles.BiosNode,
        [nameof(SecuredCoreBundles.DeviceGuardClassMissing)] = SecuredCoreBundles.DeviceGuardClassMissing,
    };

    /// <summary>The record properties the kernel and TBS readers file, in order (WindowsPlatformStatusReader).</summary>
    private static readonly Dictionary<string, string[]> KernelProperties = new()
    {
        [BaselineEvidenceIds.CodeIntegrity] = ["CodeIntegrityOptions"],
        [BaselineEvidenceIds.IsolatedUserMode] = ["Flags0", "Flags1"],
        [BaselineEvidenceIds.DmaGuard] = ["DmaGuardPolicyEnabled"],
        [BaselineEvidenceIds.TpmDeviceInfo] = ["StructVersion", "TpmVersion", "TpmInterfaceType", "TpmImpRevision"],
    };

    /// <summary>The value kinds CimEvidence.ToEvidenceValue produces; registry kinds (DWord, QWord, ExpandString) are not among them.</summary>
    private static readonly EvidenceValueKind[] CimKinds =
    [
        EvidenceValueKind.Null, EvidenceValueKind.String, EvidenceValueKind.Boolean, EvidenceValueKind.UInt64, EvidenceValueKind.Int64,
        EvidenceValueKind.MultiString, EvidenceValueKind.UInt64Array, EvidenceValueKind.Binary, EvidenceValueKind.DateTime,
    ];

    public static TheoryData<string> WindowsBundleNames => [.. WindowsBundles.Keys];

    public static TheoryData<string> AllBundleNames => [.. WindowsBundles.Keys, nameof(SecuredCoreBundles.LinuxHost)];

    [Theory]
    [MemberData(nameof(WindowsBundleNames))]
    public void A_Windows_bundle_holds_every_id_the_Windows_collector_files_with_the_same_kind(string name)
    {
        var bundle = WindowsBundles[name]();

        foreach (var expected in WindowsSecuredCoreCollector.NotSupported(new CollectionContext("/", () => Bundles.Time)))
        {
            var item = bundle.Find(expected.Id);
            Assert.True(item is not null, $"{name} has no {expected.Id}");
            Assert.Equal(expected.Kind, item.Kind);
        }
    }

    [Theory]
    [MemberData(nameof(WindowsBundleNames))]
    public void A_Windows_bundles_CIM_records_name_only_contract_properties_in_contract_order_with_CIM_value_kinds(string name)
    {
        var bundle = WindowsBundles[name]();

        foreach (var spec in WindowsSecuredCoreCimReader.Classes)
        {
            var item = bundle.Find(spec.Id)!;
            Assert.Equal(spec.Source, item.Source);
            if (!item.Succeeded)
            {
                continue;
            }

            var record = Assert.Single(item.Records!);
            var names = record.Properties.Select(p => p.Key).ToList();
            Assert.Equal(spec.Properties.Where(names.Contains), names);
            Assert.All(record.Properties, p => Assert.Contains(p.Value.Kind, CimKinds));
        }
    }

    [Theory]
    [MemberData(nameof(WindowsBundleNames))]
    public void A_Windows_bundles_kernel_and_TBS_records_carry_the_readers_properties_as_UInt64(string name)
    {
        var bundle = WindowsBundles[name]();

        foreach (var (id, properties) in KernelProperties)
        {
            var record = Assert.Single(bundle.Find(id)!.Records!);
            Assert.Equal(properties, record.Properties.Select(p => p.Key));
            Assert.All(record.Properties, p => Assert.Equal(EvidenceValueKind.UInt64, p.Value.Kind));
        }
    }

    [Theory]
    [MemberData(nameof(WindowsBundleNames))]
    public void A_Windows_bundle_holds_the_Secure_Boot_and_TPM_facts_the_lead_adds_to_the_capture(string name)
    {
        var bundle = WindowsBundles[name]();

        Assert.NotNull(bundle.Find(SecureBootEvidenceIds.Variable(EfiVariableNames.SecureBoot, EfiVariableNames.GlobalVariable)));
        Assert.NotNull(bundle.Find(SecureBootEvidenceIds.VariableAttributes(EfiVariableNames.SecureBoot, EfiVariableNames.GlobalVariable)));
        Assert.NotNull(bundle.Find(EvidenceIds.Registry(@"HKLM\SYSTEM\CurrentControlSet\Control\SecureBoot\State")));
        Assert.NotNull(bundle.Find(TpmEvidenceIds.Win32Tpm));
        Assert.NotNull(bundle.Find(EvidenceIds.WindowsFirmwareType));
    }

    [Fact]
    public void The_Linux_bundle_holds_exactly_the_ids_kinds_and_IOMMU_properties_the_Linux_collector_files()
    {
        using var root = new TempDir();
        Directory.CreateDirectory(root.Combine("sys", "class", "iommu", "dmar0"));
        Directory.CreateDirectory(root.Combine("sys", "kernel", "iommu_groups", "0"));
        Directory.CreateDirectory(root.Combine("sys", "kernel", "security"));
        File.WriteAllText(root.Combine("sys", "kernel", "security", "lockdown"), "[none] integrity confidentiality\n");
        var collected = new LinuxSecuredCoreCollector().Collect(new CollectionContext(root.Path, () => Bundles.Time)).ToList();
        var bundle = SecuredCoreBundles.LinuxHost();

        foreach (var expected in collected)
        {
            var item = bundle.Find(expected.Id)!;
            Assert.Equal(expected.Kind, item.Kind);
            Assert.Equal(expected.Source, item.Source);
        }

        var shape = (EvidenceRecord r) => r.Properties.Select(p => (p.Key, p.Value.Kind));
        Assert.Equal(shape(collected[0].Records!.Single()), shape(bundle.Find(SecuredCoreEvidenceIds.LinuxIommu)!.Records!.Single()));
    }

    [Fact]
    public void The_Linux_bundle_is_a_Linux_node_without_any_Windows_fact()
    {
        var bundle = SecuredCoreBundles.LinuxHost();

        Assert.Equal(NodePlatform.Linux, bundle.Node.Platform);
        Assert.DoesNotContain(bundle.Items, i => i.Id.StartsWith("windows/", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AllBundleNames))]
    public void Every_bundle_survives_a_write_and_read_unchanged(string name)
    {
        var bundle = name == nameof(SecuredCoreBundles.LinuxHost) ? SecuredCoreBundles.LinuxHost() : WindowsBundles[name]();
        using var dir = new TempDir();

        var read = EvidenceBundleReader.Read(EvidenceBundleWriter.Write(bundle, dir.Combine("bundle"), overwrite: false).Location!);

        Assert.Equal(bundle.Items.Select(Describe), read.Items.Select(Describe));
    }

    [Fact]
    public void The_compliant_node_runs_VBS_with_Credential_Guard_HVCI_and_System_Guard()
    {
        var record = DeviceGuard(SecuredCoreBundles.CompliantAzureLocalNode());

        Assert.Equal(EvidenceValue.FromUInt64(2), record.Get("VirtualizationBasedSecurityStatus"));
        Assert.Equal(EvidenceValue.FromUInt64Array([1, 2, 3]), record.Get("SecurityServicesRunning"));
        Assert.Contains(6UL, (ulong[])record.Get("AvailableSecurityProperties")!.Value!);
    }

    [Fact]
    public void The_VBS_configured_node_is_configured_in_the_registry_but_not_running()
    {
        var bundle = SecuredCoreBundles.VbsConfiguredNotRunning();
        var record = DeviceGuard(bundle);

        Assert.Equal(EvidenceValue.FromDWord(1), bundle.Find(EvidenceIds.Registry(SecuredCoreEvidenceIds.DeviceGuardKey))!.Registry!.GetValue("EnableVirtualizationBasedSecurity"));
        Assert.Equal(EvidenceValue.FromUInt64(1), record.Get("VirtualizationBasedSecurityStatus"));
        Assert.Equal(EvidenceValue.FromUInt64Array([]), record.Get("SecurityServicesRunning"));
    }

    [Fact]
    public void The_BIOS_node_has_firmware_type_1_and_no_UEFI_variables()
    {
        var bundle = SecuredCoreBundles.BiosNode();

        Assert.Equal(1, bundle.Find(EvidenceIds.WindowsFirmwareType)!.Records!.Single().Get("FirmwareType")!.AsInt64());
        Assert.All(bundle.Items.Where(i => i.Id.StartsWith("firmware/variable", StringComparison.Ordinal)), i => Assert.Equal(EvidenceErrorCategory.NotSupported, i.Error!.Category));
        Assert.Equal(EvidenceValue.FromUInt64(0), DeviceGuard(bundle).Get("VirtualizationBasedSecurityStatus"));
    }

    [Fact]
    public void The_class_missing_node_is_the_compliant_node_but_for_the_Device_Guard_item()
    {
        var compliant = SecuredCoreBundles.CompliantAzureLocalNode();
        var missing = SecuredCoreBundles.DeviceGuardClassMissing();

        var error = missing.Find(SecuredCoreEvidenceIds.DeviceGuard)!.Error!;
        Assert.Equal(EvidenceErrorCategory.NotFound, error.Category);
        Assert.StartsWith("The Device Guard WMI provider is not there", error.Message, StringComparison.Ordinal);
        Assert.Equal(
            compliant.Items.Where(i => i.Id != SecuredCoreEvidenceIds.DeviceGuard).Select(Describe),
            missing.Items.Where(i => i.Id != SecuredCoreEvidenceIds.DeviceGuard).Select(Describe));
    }

    [Fact]
    public void The_Linux_host_records_lockdown_in_integrity_mode_and_an_IOMMU()
    {
        var bundle = SecuredCoreBundles.LinuxHost();

        Assert.Equal("none [integrity] confidentiality\n", bundle.Find(SecuredCoreEvidenceIds.LinuxLockdown)!.GetText());
        Assert.Equal(EvidenceValue.FromBoolean(true), bundle.Find(SecuredCoreEvidenceIds.LinuxIommu)!.Records!.Single().Get(SecuredCoreEvidenceIds.IommuPresentProperty));
    }

    private static EvidenceRecord DeviceGuard(EvidenceBundle bundle) => bundle.Find(SecuredCoreEvidenceIds.DeviceGuard)!.Records!.Single();

    /// <summary>An item as comparable text: id, kind, source, error, and every value with its kind.</summary>
    private static string Describe(EvidenceItem item)
    {
        var parts = new List<string> { item.Id, item.Kind.ToString(), item.Source, item.Error?.ToString() ?? "ok" };
        if (item.Registry is { } key)
        {
            parts.AddRange(key.Values.Select(v => $"{v.Name}={v.Value.Kind}:{v.Value}"));
            parts.AddRange(key.SubKeys);
        }

        if (item.Records is { } records)
        {
            parts.AddRange(records.SelectMany(r => r.Properties).Select(p => $"{p.Key}={p.Value.Kind}:{p.Value}"));
        }

        if (item.GetData() is { } data)
        {
            parts.Add(Convert.ToBase64String(data));
        }

        return string.Join("|", parts);
    }
}
