using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Baseline;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Tests.Support;
using P = AzureLocalSecurity.Evidence.BaselineEvidenceProperties;

namespace AzureLocalSecurity.Tests.Baseline.Facts;

/// <summary>
/// Hand-made bundles holding the items the baseline collector files, in the shapes it files them (raw API values:
/// seconds, bit masks, flag bytes). Recordings made up for the tests, not captures from a machine.
/// </summary>
internal static class FactBundles
{
    private static readonly string[] Administrators = ["S-1-5-32-544"];

    internal static EvidenceBundle Of(params EvidenceItem[] items) =>
        new(EvidenceSchema.CurrentVersion, new NodeIdentity("NODE01", NodePlatform.Windows, "Microsoft Windows 10.0.26100", "X64"), Bundles.Time, "0.1.0", items);

    internal static EvidenceItem Key(string path, params (string Name, EvidenceValue Value)[] values) =>
        EvidenceItem.ForRegistry(EvidenceIds.Registry(path), "Registry (64-bit view) " + path, Bundles.Time,
            new RegistryKeyEvidence(path, values.Select(v => new RegistryValueEvidence(v.Name, v.Value))));

    internal static EvidenceItem KeyError(string path, EvidenceErrorCategory category, string message, long? code = null) =>
        EvidenceItem.ForError(EvidenceIds.Registry(path), EvidenceKind.Registry, "Registry (64-bit view) " + path, Bundles.Time, new EvidenceError(category, message, code));

    internal static EvidenceItem Error(string id, EvidenceErrorCategory category, string message, long? code = null) =>
        EvidenceItem.ForError(id, EvidenceKind.Properties, "test " + id, Bundles.Time, new EvidenceError(category, message, code));

    internal static EvidenceItem Records(string id, params EvidenceRecord[] records) => EvidenceItem.ForRecords(id, "test " + id, Bundles.Time, records);

    internal static EvidenceItem UserRights(params (string Right, string[] Sids)[] rights) =>
        Records(BaselineEvidenceIds.UserRights, rights.Select(r => Bundles.Record((P.Right, EvidenceValue.FromString(r.Right)), (P.Sids, EvidenceValue.FromMultiString(r.Sids)))).ToArray());

    internal static EvidenceItem Modals0(ulong minLength = 14, ulong maxAge = 42 * 86400, ulong minAge = 86400, ulong forceLogoff = 0, ulong history = 24) =>
        Records(BaselineEvidenceIds.UserModals0, Bundles.Record(
            (P.MinPasswdLen, EvidenceValue.FromUInt64(minLength)),
            (P.MaxPasswdAge, EvidenceValue.FromUInt64(maxAge)),
            (P.MinPasswdAge, EvidenceValue.FromUInt64(minAge)),
            (P.ForceLogoff, EvidenceValue.FromUInt64(forceLogoff)),
            (P.PasswordHistLen, EvidenceValue.FromUInt64(history))));

    internal static EvidenceItem Modals3(ulong duration = 900, ulong window = 900, ulong threshold = 3) =>
        Records(BaselineEvidenceIds.UserModals3, Bundles.Record(
            (P.LockoutDuration, EvidenceValue.FromUInt64(duration)),
            (P.LockoutObservationWindow, EvidenceValue.FromUInt64(window)),
            (P.LockoutThreshold, EvidenceValue.FromUInt64(threshold))));

    internal static EvidenceItem Audit(params (string Guid, ulong Bits)[] subcategories) =>
        Records(BaselineEvidenceIds.AuditSystemPolicy, subcategories.Select(s => Bundles.Record((P.SubcategoryGuid, EvidenceValue.FromString(s.Guid)), (P.AuditingInformation, EvidenceValue.FromUInt64(s.Bits)))).ToArray());

    internal static EvidenceRecord Account(ulong rid, string name, ulong flags) =>
        Bundles.Record((P.Rid, EvidenceValue.FromUInt64(rid)), (P.Sid, EvidenceValue.FromString("S-1-5-21-1-2-3-" + rid)), (P.Name, EvidenceValue.FromString(name)), (P.Flags, EvidenceValue.FromUInt64(flags)));

    internal static EvidenceItem Single(string id, string property, ulong value) => Records(id, Bundles.Record((property, EvidenceValue.FromUInt64(value))));

    /// <summary>
    /// A bundle answering every fact <paramref name="rules"/> need: each registry key with each value the rules name
    /// (REG_DWORD 1 or REG_SZ "x"), every user right held by Administrators, the account policy, every audit subcategory,
    /// both built-in accounts and the Secured-core sources.
    /// </summary>
    internal static EvidenceBundle Complete(IEnumerable<BaselineRule> rules)
    {
        var facts = BaselineFactMap.RequiredFacts(rules);
        var items = new List<EvidenceItem>();
        foreach (var key in facts.Where(f => f.Source == FactSource.Registry).GroupBy(f => f.Path, System.StringComparer.OrdinalIgnoreCase))
        {
            var values = key.Select(f => f.Name).Distinct(System.StringComparer.OrdinalIgnoreCase)
                .Select(n => (n, n.EndsWith("_WinningProvider", System.StringComparison.Ordinal) ? EvidenceValue.FromString("x") : EvidenceValue.FromDWord(1)))
                .ToArray();
            items.Add(Key(key.Key, values));
        }

        items.Add(UserRights(facts.Where(f => f.Source == FactSource.UserRight).Select(f => (f.Name, Administrators)).ToArray()));
        items.Add(Modals0());
        items.Add(Modals3());
        items.Add(Audit(facts.Where(f => f.Source == FactSource.AuditPolicy).Select(f => (f.Name, 3UL)).ToArray()));
        items.Add(Records(BaselineEvidenceIds.BuiltinAccounts, Account(500, "ASBuiltInAdmin", 0x10201), Account(501, "ASBuiltInGuest", 0x10203)));
        items.Add(Single(BaselineEvidenceIds.CodeIntegrity, P.CodeIntegrityOptions, 0x2401));
        items.Add(Records(BaselineEvidenceIds.IsolatedUserMode, Bundles.Record((P.Flags0, EvidenceValue.FromUInt64(0x03)), (P.Flags1, EvidenceValue.FromUInt64(0)))));
        items.Add(Single(BaselineEvidenceIds.DmaGuard, P.DmaGuardPolicyEnabled, 1));
        items.Add(Single(BaselineEvidenceIds.TpmDeviceInfo, P.TpmVersion, 2));
        return Of(items.ToArray());
    }
}
