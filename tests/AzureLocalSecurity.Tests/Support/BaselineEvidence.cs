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
    /// <summary>Values an administrator chooses where a rule only says what a value must not be (Not, Pattern) and gives no default.</summary>
    private static readonly Dictionary<string, FactValue> AdministratorChoices = new(System.StringComparer.OrdinalIgnoreCase)
    {
        ["RenameAdministratorAccount"] = FactValue.FromText("ALAdmin01"),
        ["RenameGuestAccount"] = FactValue.FromText("ALGuest01"),
        ["MessageTextUserLogon"] = FactValue.FromText("Authorized use only."),
        ["MessageTextUserLogonTitle"] = FactValue.FromText("Notice"),
    };

    internal static EvidenceBundle Compliant(BaselineCatalog catalog, bool domainJoined, out IReadOnlyList<string> notWritten) =>
        Compliant(catalog, domainJoined, out notWritten, out _);

    /// <summary>
    /// As above; <paramref name="contradicted"/> lists the rules whose setting a later rule of the same catalog set to a
    /// value they reject (2310–2405 list one UAC value twice with two values): no node can meet both.
    /// </summary>
    internal static EvidenceBundle Compliant(BaselineCatalog catalog, bool domainJoined, out IReadOnlyList<string> notWritten, out IReadOnlyList<string> contradicted)
    {
        var store = new EvidenceStateStore(SecuredCoreNode(domainJoined));
        var skipped = new List<string>();
        var writers = new Dictionary<FactRef, BaselineRule>();
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

            var captured = current is not null;
            current ??= FactValue.Absent;
            if (captured && RuleEvaluator.Matches(rule.Expression, current))
            {
                continue;
            }

            var target = RuleRemedy.Choose(rule.Expression, current, rule.DefaultValue, BaselineFactMap.TargetKind(rule, fact)).Target;
            if (target is null && AdministratorChoices.TryGetValue(rule.Name, out var chosen))
            {
                target = chosen;
            }

            if (target is null)
            {
                skipped.Add(rule.Name);
                continue;
            }

            store.Write(fact, target, RegistryTypeOf(rule, target));
            writers[fact] = rule;
        }

        notWritten = skipped;
        var bundle = store.ToBundle();
        var reader = new BaselineFactReader(bundle);
        contradicted = catalog.Rules
            .Where(r => r.Expression is not null)
            .Where(r =>
            {
                var f = BaselineFactMap.Resolve(r);
                var v = reader.Read(f).Value;
                return writers.TryGetValue(f, out var w) && w != r && v is not null && !RuleEvaluator.Matches(r.Expression!, v);
            })
            .Select(r => r.Name)
            .ToList();
        return bundle;
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
