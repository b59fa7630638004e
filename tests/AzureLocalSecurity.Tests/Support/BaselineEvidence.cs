using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Baseline;
using AzureLocalSecurity.Baseline.Catalog;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Baseline.Repair;
using AzureLocalSecurity.Baseline.Rules;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Tests.Support;

/// <summary>
/// Evidence built from a catalog's own expectations: every setting a rule names gets the value the rule asks for
/// (its default when that satisfies it, else the value the remedy derives), written through the evidence store,
/// so the bundle has exactly the shape a capture has. Statuses are set on the raw facts a healthy Secured-core node reports.
/// </summary>
internal static class BaselineEvidence
{
    internal static EvidenceBundle Compliant(BaselineCatalog catalog, bool domainJoined, out IReadOnlyList<string> notWritten)
    {
        var store = new EvidenceStateStore(SecuredCoreNode(domainJoined));
        var skipped = new List<string>();
        foreach (var rule in catalog.Rules)
        {
            var fact = BaselineFactMap.Resolve(rule);
            if (rule.Expression is null || fact.Source is FactSource.Unsupported or FactSource.SecuredCoreStatus)
            {
                skipped.Add(rule.Name);
                continue;
            }

            var current = store.Read(fact).Value;
            if (current is null && fact.Source != FactSource.Registry && fact.Source != FactSource.UserRight && fact.Source != FactSource.AuditPolicy)
            {
                // Settings no documented API reads (password complexity, ...) stay Unknown.
                skipped.Add(rule.Name);
                continue;
            }

            current ??= FactValue.Absent;
            if (RuleEvaluator.Matches(rule.Expression, current))
            {
                continue;
            }

            var choice = RuleRemedy.Choose(rule.Expression, current, rule.DefaultValue, BaselineFactMap.TargetKind(rule, fact));
            if (choice.Target is null)
            {
                skipped.Add(rule.Name);
                continue;
            }

            store.Write(fact, choice.Target, RegistryTypeOf(rule, choice.Target));
        }

        notWritten = skipped;
        return store.ToBundle();
    }

    internal static string? RegistryTypeOf(BaselineRule rule, FactValue value) =>
        rule.RegistryValueType?.ToUpperInvariant() ?? value.Kind switch
        {
            FactValueKind.Number => "REG_DWORD",
            FactValueKind.Text => "REG_SZ",
            FactValueKind.TextList => "REG_MULTI_SZ",
            FactValueKind.Binary => "REG_BINARY",
            _ => null,
        };

    /// <summary>A Windows node whose platform reports Secured-core running: HVCI, VBS, DMA protection, TPM 2.0, Secure Boot on.</summary>
    internal static EvidenceBundle SecuredCoreNode(bool domainJoined)
    {
        var baseBundle = Bundles.Windows(joinStatus: domainJoined ? 3 : 2, joinName: domainJoined ? "CONTOSO" : "WORKGROUP");
        var t = Bundles.Time;
        static EvidenceRecord One(string name, ulong value) => new([new(name, EvidenceValue.FromUInt64(value))]);
        var items = baseBundle.Items.ToList();
        items.Add(EvidenceItem.ForRecords(BaselineEvidenceIds.CodeIntegrity, "ntdll!NtQuerySystemInformation(103)", t, [One("CodeIntegrityOptions", 0x401)]));
        items.Add(EvidenceItem.ForRecords(BaselineEvidenceIds.IsolatedUserMode, "ntdll!NtQuerySystemInformation(165)", t, [new EvidenceRecord([new("Flags0", EvidenceValue.FromUInt64(0x03)), new("Flags1", EvidenceValue.FromUInt64(0))])]));
        items.Add(EvidenceItem.ForRecords(BaselineEvidenceIds.DmaGuard, "ntdll!NtQuerySystemInformation(202)", t, [One("DmaGuardPolicyEnabled", 1)]));
        items.Add(EvidenceItem.ForRecords(BaselineEvidenceIds.TpmDeviceInfo, "tbs!Tbsi_GetDeviceInfo", t, [new EvidenceRecord([new("StructVersion", EvidenceValue.FromUInt64(1)), new("TpmVersion", EvidenceValue.FromUInt64(2)), new("TpmInterfaceType", EvidenceValue.FromUInt64(3)), new("TpmImpRevision", EvidenceValue.FromUInt64(0))])]));
        items.Add(EvidenceItem.ForRegistry(EvidenceIds.Registry(@"HKLM\SYSTEM\CurrentControlSet\Control\SecureBoot\State"), "Registry", t, new RegistryKeyEvidence(@"HKLM\SYSTEM\CurrentControlSet\Control\SecureBoot\State", [new("UEFISecureBootEnabled", EvidenceValue.FromDWord(1))])));
        items.Add(EvidenceItem.ForRecords(BaselineEvidenceIds.UserModals0, "netapi32!NetUserModalsGet(0)", t, [new EvidenceRecord([new("MinPasswdLen", EvidenceValue.FromUInt64(0)), new("MaxPasswdAge", EvidenceValue.FromUInt64(3628800)), new("MinPasswdAge", EvidenceValue.FromUInt64(0)), new("ForceLogoff", EvidenceValue.FromUInt64(uint.MaxValue)), new("PasswordHistLen", EvidenceValue.FromUInt64(0))])]));
        items.Add(EvidenceItem.ForRecords(BaselineEvidenceIds.UserModals3, "netapi32!NetUserModalsGet(3)", t, [new EvidenceRecord([new("LockoutDuration", EvidenceValue.FromUInt64(1800)), new("LockoutObservationWindow", EvidenceValue.FromUInt64(1800)), new("LockoutThreshold", EvidenceValue.FromUInt64(0))])]));
        items.Add(EvidenceItem.ForRecords(BaselineEvidenceIds.BuiltinAccounts, "advapi32!LookupAccountSidW, netapi32!NetUserGetInfo(1)", t,
        [
            new EvidenceRecord([new("Rid", EvidenceValue.FromUInt64(500)), new("Sid", EvidenceValue.FromString("S-1-5-21-1-2-3-500")), new("Name", EvidenceValue.FromString("Administrator")), new("Flags", EvidenceValue.FromUInt64(0x201))]),
            new EvidenceRecord([new("Rid", EvidenceValue.FromUInt64(501)), new("Sid", EvidenceValue.FromString("S-1-5-21-1-2-3-501")), new("Name", EvidenceValue.FromString("Guest")), new("Flags", EvidenceValue.FromUInt64(0x203))]),
        ]));
        items.Add(EvidenceItem.ForRecords(EvidenceIds.AzureLocalDriftControl, "Get-AzsSecurity -FeatureName DriftControl -Local", t, [new EvidenceRecord([new("Enabled", EvidenceValue.FromBoolean(true))])]));
        return new EvidenceBundle(baseBundle.SchemaVersion, baseBundle.Node, baseBundle.CapturedAt, baseBundle.ModuleVersion, items);
    }
}
