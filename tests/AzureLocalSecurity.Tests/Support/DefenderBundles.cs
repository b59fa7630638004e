using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using AzureLocalSecurity.Collection.Windows;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Tests.Support;

/// <summary>
/// Hand-recorded Microsoft Defender bundles, item for item in the collectors' shapes (<see cref="SecuredCoreEvidenceIds.DefenderStatus"/>,
/// <see cref="DefenderEvidenceIds"/>), on top of <see cref="Bundles.Windows"/> (a domain-joined Azure Local node, so the 2610
/// domain-joined baseline is the expected state). They are not captures: the property names and types are those of Microsoft's
/// MSFT_MpComputerStatus and MSFT_MpPreference documentation; versions and times are illustrative. The ASR actions are the 19
/// rows of AzureLocal_SecurityBaseline_2610domjoin.csv, written out here by hand as a node that applied the baseline holds them.
/// </summary>
[SuppressMessage("Interoperability", "CA1416:Validate platform compatibility", Justification = "Only the CIM reader's class specs are used, so that the bundles say what the collector says; no Windows API is called.")]
internal static class DefenderBundles
{
    internal const string LsassRule = "9e6c4e1f-7d60-472f-ba1a-a39ef669e4b2";

    /// <summary>The 2610 baseline's ASR rules and actions (0 off, 1 block, 2 audit).</summary>
    internal static readonly (string Guid, uint Action)[] BaselineAsr =
    [
        ("56a863a9-875e-4185-98a7-b882c64b5ce5", 1),
        ("7674ba52-37eb-4a4f-a9a1-f0f9a1619a2c", 0),
        ("be9ba2d9-53ea-4cdc-84e5-9b1eeee46550", 0),
        ("01443614-cd74-433a-b99e-2ecdc07bfc25", 1),
        ("d3e037e1-3eb8-44c8-a917-57927947596d", 1),
        (LsassRule, 1),
        ("d4f940ab-401b-4efc-aadc-ad5f3c50688a", 0),
        ("26190899-1602-49e8-8b27-eb1d0a1ce869", 0),
        ("3b576869-a4ec-4529-8536-b80a7769e899", 0),
        ("75668c1f-73b5-4cf0-bb93-3ecf5cb7cc84", 0),
        ("e6db77e5-3df2-4cf1-b95a-636979351e5b", 2),
        ("5beb7efe-fd9a-4556-801d-275e5ffc04cc", 1),
        ("d1e49aac-8f56-4280-b9ba-993a6d77406c", 2),
        ("33ddedf1-c6e0-47cb-833e-de6133960387", 2),
        ("b2b3f03d-6a65-4f7b-a9c7-1c7ef74a9ba4", 1),
        ("c0033c00-d16d-4114-a5a0-dc9b3a7d2ceb", 2),
        ("a8f5898e-1dc8-49a9-9878-85004b8a61e6", 1),
        ("92e97fa1-2edf-4476-bdd6-9dd0b4dddc7b", 0),
        ("c1db55ab-c21a-4637-bb3f-a12568109d35", 1),
    ];

    private static DateTimeOffset T => Bundles.Time;

    /// <summary>
    /// A hardened node: Defender active in Normal mode, real-time protection on, security intelligence updated this morning,
    /// tamper protection on, the baseline's ASR rules set by policy, and only the Hyper-V and cluster exclusions Microsoft documents.
    /// </summary>
    internal static EvidenceBundle Hardened() => With(
        Bundles.Windows(),
        Status(realTime: true, signatureAge: 0, updated: new DateTime(2026, 11, 1, 6, 12, 0, DateTimeKind.Utc), tamper: true),
        Preference(
            disableRealtime: false,
            paths: [@"C:\ClusterStorage", @"C:\ProgramData\Microsoft\Windows\Hyper-V", @"%SystemRoot%\Cluster"],
            extensions: null,
            processes: ["vmms.exe", @"C:\Windows\System32\vmwp.exe"]),
        AsrPolicy(BaselineAsr),
        NoPolicyKey(DefenderEvidenceIds.PathExclusionsPolicyKey),
        NoPolicyKey(DefenderEvidenceIds.ExtensionExclusionsPolicyKey),
        NoPolicyKey(DefenderEvidenceIds.ProcessExclusionsPolicyKey));

    /// <summary>
    /// A weak node: real-time protection off (DisableRealtimeMonitoring set), security intelligence 10 days old, tamper protection
    /// off, the LSASS credential-stealing rule off although the baseline blocks it, and C:\ and %TEMP% excluded.
    /// </summary>
    internal static EvidenceBundle Weak() => With(
        Bundles.Windows(),
        Status(realTime: false, signatureAge: 10, updated: new DateTime(2026, 10, 22, 6, 12, 0, DateTimeKind.Utc), tamper: false),
        Preference(disableRealtime: true, paths: [@"C:\", "%TEMP%"], extensions: null, processes: null),
        AsrPolicy(BaselineAsr.Select(r => r.Guid == LsassRule ? (r.Guid, 0u) : r).ToArray()),
        NoPolicyKey(DefenderEvidenceIds.PathExclusionsPolicyKey),
        NoPolicyKey(DefenderEvidenceIds.ExtensionExclusionsPolicyKey),
        NoPolicyKey(DefenderEvidenceIds.ProcessExclusionsPolicyKey));

    /// <summary>The bundle with <paramref name="items"/> added, an item of the same id replaced.</summary>
    internal static EvidenceBundle With(EvidenceBundle bundle, params EvidenceItem[] items)
    {
        var ids = new HashSet<string>(items.Select(i => i.Id), StringComparer.Ordinal);
        return new EvidenceBundle(bundle.SchemaVersion, bundle.Node, bundle.CapturedAt, bundle.ModuleVersion, bundle.Items.Where(i => !ids.Contains(i.Id)).Concat(items));
    }

    /// <summary>The bundle without the items of <paramref name="ids"/>.</summary>
    internal static EvidenceBundle Without(EvidenceBundle bundle, params string[] ids) =>
        new(bundle.SchemaVersion, bundle.Node, bundle.CapturedAt, bundle.ModuleVersion, bundle.Items.Where(i => !ids.Contains(i.Id, StringComparer.Ordinal)));

    internal static EvidenceItem Status(bool realTime, ulong signatureAge, DateTime updated, bool tamper, string mode = "Normal")
    {
        var spec = WindowsSecuredCoreCimReader.Defender;
        return EvidenceItem.ForRecords(spec.Id, spec.Source, T,
        [
            Bundles.Record(
                ("AMServiceEnabled", B(true)),
                ("AntivirusEnabled", B(true)),
                ("AntispywareEnabled", B(true)),
                ("RealTimeProtectionEnabled", B(realTime)),
                ("OnAccessProtectionEnabled", B(realTime)),
                ("IoavProtectionEnabled", B(realTime)),
                ("BehaviorMonitorEnabled", B(true)),
                ("AMRunningMode", EvidenceValue.FromString(mode)),
                ("IsTamperProtected", B(tamper)),
                ("DefenderSignaturesOutOfDate", B(false)),
                ("AntivirusSignatureAge", EvidenceValue.FromUInt64(signatureAge)),
                ("AntivirusSignatureLastUpdated", EvidenceValue.FromDateTime(updated)),
                ("AntivirusSignatureVersion", EvidenceValue.FromString("1.421.1234.0"))),
        ]);
    }

    internal static EvidenceItem Preference(bool disableRealtime, string[]? paths, string[]? extensions, string[]? processes, string[]? asrIds = null, byte[]? asrActions = null)
    {
        var spec = WindowsSecuredCoreCimReader.DefenderPreference;
        return EvidenceItem.ForRecords(spec.Id, spec.Source, T,
        [
            Bundles.Record(
                ("ExclusionPath", List(paths)),
                ("ExclusionExtension", List(extensions)),
                ("ExclusionProcess", List(processes)),
                ("AttackSurfaceReductionRules_Ids", List(asrIds)),
                ("AttackSurfaceReductionRules_Actions", asrActions is null ? EvidenceValue.Null : EvidenceValue.FromBinary(asrActions)),
                ("DisableRealtimeMonitoring", B(disableRealtime)),
                ("DisableBehaviorMonitoring", B(false))),
        ]);
    }

    internal static EvidenceItem AsrPolicy((string Guid, uint Action)[] rules) =>
        EvidenceItem.ForRegistry(EvidenceIds.Registry(DefenderEvidenceIds.AsrRulesPolicyKey), "Registry " + DefenderEvidenceIds.AsrRulesPolicyKey, T,
            new RegistryKeyEvidence(DefenderEvidenceIds.AsrRulesPolicyKey, rules.Select(r => new RegistryValueEvidence(r.Guid, EvidenceValue.FromDWord(r.Action)))));

    internal static EvidenceItem NoPolicyKey(string key) =>
        EvidenceItem.ForError(EvidenceIds.Registry(key), EvidenceKind.Registry, "Registry " + key, T, new EvidenceError(EvidenceErrorCategory.NotFound, "The key does not exist."));

    internal static EvidenceItem PolicyKey(string key, params string[] valueNames) =>
        EvidenceItem.ForRegistry(EvidenceIds.Registry(key), "Registry " + key, T,
            new RegistryKeyEvidence(key, valueNames.Select(n => new RegistryValueEvidence(n, EvidenceValue.FromString("0")))));

    private static EvidenceValue List(string[]? values) => values is null ? EvidenceValue.Null : EvidenceValue.FromMultiString(values);

    private static EvidenceValue B(bool value) => EvidenceValue.FromBoolean(value);
}
