using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Baseline;
using AzureLocalSecurity.Baseline.Catalog;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Baseline.Repair;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Tests.Support;

namespace AzureLocalSecurity.Tests.SecuredCore.Features;

/// <summary>
/// Recorded nodes for the security-feature tests, in the shapes the collectors file: the registry of a node that meets its
/// release's baseline (<see cref="BaselineEvidence.Compliant(BaselineCatalog, bool, out IReadOnlyList{string})"/>, written through
/// the evidence store as a capture has them), Win32_DeviceGuard as the Secured-core collector records it (one record, CIM names,
/// UInt64 and UInt64Array), MSCluster_Cluster as <c>WindowsSecurityFeatureCollector</c> records it, and drift control as
/// Get-AzsSecurity reports it. Hand-made, not captures.
/// </summary>
internal static class FeatureBundles
{
    internal const string DeviceGuardId = "windows/cim/root/Microsoft/Windows/DeviceGuard/Win32_DeviceGuard";
    internal const string DeviceGuardSource = @"CIM root\Microsoft\Windows\DeviceGuard Win32_DeviceGuard";

    /// <summary>
    /// An Azure Local node of <paramref name="release"/> that meets its baseline, with VBS running Credential Guard, HVCI and System Guard
    /// (Win32_DeviceGuard 2 and 1,2,3), SMB cluster encryption on (SecurityLevelForStorage 2) and drift control on.
    /// </summary>
    internal static EvidenceBundle Compliant(string release = "2610", BaselineProfile profile = BaselineProfile.AdLess)
    {
        var bundle = BaselineEvidence.Compliant(ShippedBaselines.Get(release, profile), domainJoined: profile == BaselineProfile.DomainJoined, out _);
        return With(bundle, DeviceGuard(2, [1, 2, 3], [1, 2, 3]), Cluster(storage: 2));
    }

    /// <summary>Win32_DeviceGuard's record: VirtualizationBasedSecurityStatus and the configured and running services.</summary>
    internal static EvidenceItem DeviceGuard(ulong vbsStatus, ulong[] configured, ulong[] running) =>
        EvidenceItem.ForRecords(DeviceGuardId, DeviceGuardSource, Bundles.Time,
        [
            Bundles.Record(
                ("VirtualizationBasedSecurityStatus", EvidenceValue.FromUInt64(vbsStatus)),
                ("SecurityServicesConfigured", EvidenceValue.FromUInt64Array(configured)),
                ("SecurityServicesRunning", EvidenceValue.FromUInt64Array(running)),
                ("AvailableSecurityProperties", EvidenceValue.FromUInt64Array([1, 2, 3, 4, 5, 6, 7])),
                ("RequiredSecurityProperties", EvidenceValue.FromUInt64Array([1, 2])),
                ("CodeIntegrityPolicyEnforcementStatus", EvidenceValue.FromUInt64(2)),
                ("UsermodeCodeIntegrityPolicyEnforcementStatus", EvidenceValue.FromUInt64(2)),
                ("InstanceIdentifier", EvidenceValue.FromString("4ff40742-2649-41b8-bdd1-e80fad1cce80")),
                ("Version", EvidenceValue.FromString("1.0"))),
        ]);

    /// <summary>Win32_DeviceGuard where its namespace does not exist: the Device Guard WMI provider is not there.</summary>
    internal static EvidenceItem DeviceGuardMissing() =>
        EvidenceItem.ForError(DeviceGuardId, EvidenceKind.Properties, DeviceGuardSource, Bundles.Time,
            new EvidenceError(EvidenceErrorCategory.NotFound, @"The Device Guard WMI provider is not there: root\Microsoft\Windows\DeviceGuard Win32_DeviceGuard does not exist on this node (InvalidNamespace (MI_RESULT 3)).", 3));

    /// <summary>MSCluster_Cluster's record.</summary>
    internal static EvidenceItem Cluster(ulong storage, ulong level = 1) =>
        EvidenceItem.ForRecords(FailoverClusterEvidenceIds.Cluster, @"CIM root\MSCluster MSCluster_Cluster", Bundles.Time,
        [
            Bundles.Record(
                (FailoverClusterEvidenceIds.NameProperty, EvidenceValue.FromString("HCI-CL01")),
                (FailoverClusterEvidenceIds.SecurityLevelProperty, EvidenceValue.FromUInt64(level)),
                (FailoverClusterEvidenceIds.SecurityLevelForStorageProperty, EvidenceValue.FromUInt64(storage))),
        ]);

    /// <summary>Drift control as Get-AzsSecurity -FeatureName DriftControl -Local reports it.</summary>
    internal static EvidenceItem DriftControl(bool enabled) =>
        EvidenceItem.ForRecords(EvidenceIds.AzureLocalDriftControl, "Get-AzsSecurity -FeatureName DriftControl -Local", Bundles.Time, [Bundles.Record(("Enabled", EvidenceValue.FromBoolean(enabled)))]);

    /// <summary>The bundle with these items in place of those of the same id (or added).</summary>
    internal static EvidenceBundle With(EvidenceBundle bundle, params EvidenceItem[] items)
    {
        var ids = new HashSet<string>(items.Select(i => i.Id));
        var kept = bundle.Items.Select(i => ids.Contains(i.Id) ? items.First(n => n.Id == i.Id) : i).ToList();
        kept.AddRange(items.Where(i => bundle.Find(i.Id) is null));
        return new EvidenceBundle(bundle.SchemaVersion, bundle.Node, bundle.CapturedAt, bundle.ModuleVersion, kept);
    }

    /// <summary>The bundle without the items of these ids.</summary>
    internal static EvidenceBundle Without(EvidenceBundle bundle, params string[] ids) =>
        new(bundle.SchemaVersion, bundle.Node, bundle.CapturedAt, bundle.ModuleVersion, bundle.Items.Where(i => !ids.Contains(i.Id)));

    /// <summary>The bundle with registry values changed as a capture would show them after the change.</summary>
    internal static EvidenceBundle Set(EvidenceBundle bundle, params (string Key, string Name, FactValue Value, string Type)[] values)
    {
        var store = new EvidenceStateStore(bundle);
        foreach (var (key, name, value, type) in values)
        {
            store.Write(FactRef.Registry(key, name), value, type);
        }

        return store.ToBundle();
    }
}
