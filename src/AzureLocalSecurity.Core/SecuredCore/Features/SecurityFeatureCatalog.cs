using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AzureLocalSecurity.Baseline;
using AzureLocalSecurity.Baseline.Catalog;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Baseline.Rules;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.SecuredCore.Features;

/// <summary>
/// What each security feature is on a node of a given release: its settings are taken from that release's baseline catalog,
/// so the values are Microsoft's (FeatureSettingsOverride is 16777288 in 2310, 83886152 in 2405–2604 and 1426063432 in 2610;
/// Credential Guard's LsaCfgFlags moves from the LSA key to the System policy key in 2610). Pure.
/// </summary>
/// <remarks>
/// <para>
/// Which rules belong to a feature: in a catalog that tags its rules (2610: the Change Risk Level column says
/// "Toggle: SMBSigning — Tested and offered via Enable/Disable-AzsSecurity", likewise CredentialGuard and SideChannelMitigation),
/// exactly the rules tagged with the feature's name. Otherwise the rules whose registry value is one this table knows for the
/// feature: the Device Guard policy values of 2506 and later, the Device Guard scenario values of 2310–2411 (never the
/// <c>Locked</c> values: a UEFI lock is not the feature, and Enable does not set one), LsaCfgFlags in either key, the
/// side-channel values and the four SMB signing values. The 2610 catalog's "VBS related settings" rows
/// (RequirePlatformSecurityFeatures, RequireMicrosoftSignedBootChain) are VBS's; HVCIMATRequired, which it marks "HVCI related
/// setting - we do not toggle it", is not HVCI's. The tag "Toggle: SMBEncryption" (the SMB client's RequireEncryption policy,
/// which the baseline allows at 0 or 1) is not mapped to SMBClusterEncryption: Microsoft's table calls that switch a cluster
/// setting without drift control, which a per-node policy value is not (docs/security-features.md).
/// </para>
/// <para>
/// The value an Enable writes is the catalog's value when that value turns the feature on (its Default Value when it satisfies
/// the Expected Value, as a repair chooses it). Where a release's baseline sets the feature off (2402–2411 set System Guard's
/// Enabled to 0) or the catalog has no rule for the feature, the fallback table gives the value: the 2610 catalog's where it has
/// one, else the value Microsoft documents for the setting. Disable writes the value Microsoft documents as off
/// (FeatureSettingsOverride 3 with Mask 3 per KB4072698; ConfigureSystemGuardLaunch 2; LsaCfgFlags, HypervisorEnforcedCodeIntegrity
/// and EnableVirtualizationBasedSecurity 0), removes values that exist only to turn a feature on, and leaves SMB's "sign if the
/// other side agrees" values as they are: only RequireSecuritySignature makes signing mandatory.
/// </para>
/// </remarks>
public static class SecurityFeatureCatalog
{
    private const string DeviceGuardPolicyKey = @"HKLM\SOFTWARE\Policies\Microsoft\Windows\DeviceGuard";
    private const string DeviceGuardKey = @"HKLM\SYSTEM\CurrentControlSet\Control\DeviceGuard";
    private const string HvciScenarioKey = DeviceGuardKey + @"\Scenarios\HypervisorEnforcedCodeIntegrity";
    private const string SystemGuardScenarioKey = DeviceGuardKey + @"\Scenarios\SystemGuard";
    private const string SystemPolicyKey = @"HKLM\SOFTWARE\Policies\Microsoft\Windows\System";
    private const string LsaKey = @"HKLM\SYSTEM\CurrentControlSet\Control\Lsa";
    private const string MemoryManagementKey = @"HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Memory Management";
    private const string VirtualizationKey = @"HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Virtualization";
    private const string WorkstationKey = @"HKLM\SYSTEM\CurrentControlSet\Services\LanmanWorkstation\Parameters";
    private const string ServerKey = @"HKLM\SYSTEM\CurrentControlSet\Services\LanmanServer\Parameters";
    private const string Dword = "REG_DWORD";
    private const string TagPrefix = "Toggle: ";

    /// <summary>The features in the order Azure Local's documentation lists them.</summary>
    public static IReadOnlyList<SecurityFeature> Features { get; } =
    [
        SecurityFeature.VBS,
        SecurityFeature.CredentialGuard,
        SecurityFeature.DRTM,
        SecurityFeature.HVCI,
        SecurityFeature.SideChannelMitigation,
        SecurityFeature.SMBSigning,
        SecurityFeature.SMBClusterEncryption,
    ];

    /// <summary>
    /// The known settings of each feature. <c>Fallback</c> marks the ones used when a catalog has no rule for the feature (the 2610
    /// catalog's values); the others are the same switch as older releases write it, used to recognize their rules.
    /// </summary>
    private static readonly KnownSetting[] Known =
    [
        new(SecurityFeature.VBS, DeviceGuardPolicyKey, "EnableVirtualizationBasedSecurity", Dword, "Equals(1)", FactValue.FromNumber(1), FactValue.FromNumber(0), fallback: true),
        new(SecurityFeature.VBS, DeviceGuardPolicyKey, "RequirePlatformSecurityFeatures", Dword, "OneOf(Equals(1), Equals(3))", FactValue.FromNumber(1), FactValue.Absent, fallback: true),
        new(SecurityFeature.VBS, DeviceGuardKey, "RequireMicrosoftSignedBootChain", Dword, "Range(1, 2)", FactValue.FromNumber(1), FactValue.Absent, fallback: true),
        new(SecurityFeature.VBS, DeviceGuardKey, "EnableVirtualizationBasedSecurity", Dword, "Equals(1)", FactValue.FromNumber(1), FactValue.FromNumber(0)),
        new(SecurityFeature.VBS, DeviceGuardKey, "RequirePlatformSecurityFeatures", Dword, "OneOf(Equals(1), Equals(3))", FactValue.FromNumber(1), FactValue.Absent),
        new(SecurityFeature.HVCI, DeviceGuardPolicyKey, "HypervisorEnforcedCodeIntegrity", Dword, "Range(1, 2)", FactValue.FromNumber(2), FactValue.FromNumber(0), fallback: true),
        new(SecurityFeature.HVCI, HvciScenarioKey, "Enabled", Dword, "Equals(1)", FactValue.FromNumber(1), FactValue.FromNumber(0)),
        new(SecurityFeature.DRTM, DeviceGuardPolicyKey, "ConfigureSystemGuardLaunch", Dword, "Equals(1)", FactValue.FromNumber(1), FactValue.FromNumber(2), fallback: true),
        new(SecurityFeature.DRTM, SystemGuardScenarioKey, "Enabled", Dword, "Equals(1)", FactValue.FromNumber(1), FactValue.FromNumber(0)),
        new(SecurityFeature.CredentialGuard, SystemPolicyKey, "LsaCfgFlags", Dword, "Range(1, 2)", FactValue.FromNumber(2), FactValue.FromNumber(0), fallback: true),
        new(SecurityFeature.CredentialGuard, LsaKey, "LsaCfgFlags", Dword, "Range(1, 2)", FactValue.FromNumber(2), FactValue.FromNumber(0)),
        new(SecurityFeature.SideChannelMitigation, MemoryManagementKey, "FeatureSettingsOverride", Dword, "Equals(1426063432)", FactValue.FromNumber(1426063432), FactValue.FromNumber(3), fallback: true),
        new(SecurityFeature.SideChannelMitigation, MemoryManagementKey, "FeatureSettingsOverrideMask", Dword, "Equals(3)", FactValue.FromNumber(3), FactValue.FromNumber(3), fallback: true),
        new(SecurityFeature.SideChannelMitigation, VirtualizationKey, "MinVmVersionForCpuBasedMitigations", "REG_SZ", "Equals('1.0')", FactValue.FromText("1.0"), FactValue.Absent, fallback: true),
        new(SecurityFeature.SMBSigning, WorkstationKey, "RequireSecuritySignature", Dword, "Equals(1)", FactValue.FromNumber(1), FactValue.FromNumber(0), fallback: true),
        new(SecurityFeature.SMBSigning, ServerKey, "RequireSecuritySignature", Dword, "Equals(1)", FactValue.FromNumber(1), FactValue.FromNumber(0), fallback: true),
        new(SecurityFeature.SMBSigning, ServerKey, "EnableSecuritySignature", Dword, "Equals(1)", FactValue.FromNumber(1), null, fallback: true),
        new(SecurityFeature.SMBSigning, WorkstationKey, "EnableSecuritySignature", Dword, "Equals(1)", FactValue.FromNumber(1), null, fallback: true),
    ];

    /// <summary>The cluster property SMB cluster encryption is: CSV and Storage Bus Layer traffic encrypted.</summary>
    private static readonly SecurityFeatureSetting ClusterStorageEncryption = new(
        SecurityFeature.SMBClusterEncryption,
        SecurityFeatureSettingSource.ClusterProperty,
        @"root\MSCluster MSCluster_Cluster",
        FailoverClusterEvidenceIds.SecurityLevelForStorageProperty,
        null,
        RuleParser.Parse("Equals(2)"),
        "Equals(2)",
        FactValue.FromNumber(2),
        null,
        keptOnDisable: false,
        baselineRule: null,
        "The failover cluster's SecurityLevelForStorage (0 clear text, 1 signed, 2 encrypted, per Microsoft's Failover Clustering team); not a baseline rule");

    /// <summary>Every feature resolved against <paramref name="catalog"/> (null: the fallback table), in <see cref="Features"/> order.</summary>
    public static IReadOnlyList<SecurityFeatureDefinition> ResolveAll(BaselineCatalog? catalog) => Features.Select(f => Resolve(f, catalog)).ToList();

    /// <summary>One feature's settings as the node's baseline <paramref name="catalog"/> defines them (null: the fallback table).</summary>
    public static SecurityFeatureDefinition Resolve(SecurityFeature feature, BaselineCatalog? catalog)
    {
        var label = catalog is null ? null : Label(catalog);
        var restart = feature is not (SecurityFeature.SMBSigning or SecurityFeature.SMBClusterEncryption);
        var disable = feature != SecurityFeature.VBS;
        if (feature == SecurityFeature.SMBClusterEncryption)
        {
            return new SecurityFeatureDefinition(feature, DisplayName(feature), restart, disable, null, null, [ClusterStorageEncryption]);
        }

        List<(BaselineRule Rule, FactRef Fact)> members = catalog is null ? [] : Members(feature, catalog);
        var settings = new List<SecurityFeatureSetting>();
        foreach (var (rule, fact) in members)
        {
            var setting = FromRule(feature, rule, fact, label!);
            if (setting is not null)
            {
                settings.Add(setting);
            }
        }

        var fromCatalog = settings.Count > 0;
        if (!fromCatalog)
        {
            var why = catalog is null
                ? "fallback table (no catalog given; the 2610 catalog's value)"
                : $"fallback table (catalog {label} has no rule for {feature}; the 2610 catalog's value)";
            settings.AddRange(Known.Where(k => k.Feature == feature && k.Fallback).Select(k => FromTable(k, null, why)));
        }

        var posture = fromCatalog ? Posture(members.Select(m => m.Rule.CustomizationPosture)) : null;
        return new SecurityFeatureDefinition(feature, DisplayName(feature), restart, disable, posture, fromCatalog ? label : null, settings);
    }

    /// <summary>
    /// The registry values a live capture must read for every feature under <paramref name="catalog"/>: the resolved settings and
    /// every value the table knows, so a capture also serves the fallback and the other releases.
    /// </summary>
    public static IReadOnlyList<FactRef> RegistryFacts(BaselineCatalog? catalog)
    {
        var facts = new List<FactRef>();
        var seen = new HashSet<FactRef>();
        foreach (var fact in ResolveAll(catalog).SelectMany(d => d.Settings).Select(s => s.Fact).Concat(Known.Select(k => FactRef.Registry(k.Key, k.Name))))
        {
            if (fact is not null && seen.Add(fact))
            {
                facts.Add(fact);
            }
        }

        return facts;
    }

    /// <summary>The catalog as a label: release and profile (<c>2610 AdLess</c>).</summary>
    internal static string Label(BaselineCatalog catalog) => catalog.Profile is null ? catalog.Release : catalog.Release + " " + catalog.Profile;

    /// <summary>The feature name a rule's Change Risk Level tags it with (<c>Toggle: SMBSigning — ...</c>), or null.</summary>
    internal static string? ToggleTag(BaselineRule rule)
    {
        var text = rule.ChangeRiskLevel;
        var at = text?.IndexOf(TagPrefix, StringComparison.Ordinal) ?? -1;
        if (at < 0)
        {
            return null;
        }

        var start = at + TagPrefix.Length;
        var end = start;
        while (end < text!.Length && char.IsLetterOrDigit(text[end]))
        {
            end++;
        }

        return end > start ? text.Substring(start, end - start) : null;
    }

    private static string DisplayName(SecurityFeature feature) => feature switch
    {
        SecurityFeature.VBS => "Virtualization-based security",
        SecurityFeature.HVCI => "Hypervisor-protected code integrity",
        SecurityFeature.CredentialGuard => "Credential Guard",
        SecurityFeature.DRTM => "System Guard Secure Launch (DRTM)",
        SecurityFeature.SideChannelMitigation => "Side-channel mitigation",
        SecurityFeature.SMBSigning => "SMB signing",
        SecurityFeature.SMBClusterEncryption => "SMB encryption for in-cluster traffic",
        _ => feature.ToString(),
    };

    private static List<(BaselineRule Rule, FactRef Fact)> Members(SecurityFeature feature, BaselineCatalog catalog)
    {
        var registryRules = catalog.Rules
            .Select(r => (Rule: r, Fact: BaselineFactMap.Resolve(r)))
            .Where(m => m.Fact.Source == FactSource.Registry)
            .ToList();
        var tag = feature.ToString();
        var tagged = registryRules.Where(m => string.Equals(ToggleTag(m.Rule), tag, StringComparison.Ordinal)).ToList();
        return tagged.Count > 0 ? tagged : registryRules.Where(m => Find(feature, m.Fact) is not null).ToList();
    }

    private static KnownSetting? Find(SecurityFeature feature, FactRef fact) =>
        Array.Find(Known, k => k.Feature == feature && FactRef.Registry(k.Key, k.Name).Equals(fact));

    private static SecurityFeatureSetting? FromRule(SecurityFeature feature, BaselineRule rule, FactRef fact, string label)
    {
        var known = Find(feature, fact);
        var kind = BaselineFactMap.TargetKind(rule, fact);
        var catalogValue = rule.Expression is null ? null : RuleRemedy.Choose(rule.Expression, FactValue.Absent, rule.DefaultValue, kind).Target;
        var type = rule.RegistryValueType?.ToUpperInvariant() ?? known?.Type;

        // The catalog's value turns the feature on unless it is the documented off value (and not also the on value, as the
        // side-channel mask 3 is both).
        var catalogIsOn = catalogValue is not null && catalogValue.Kind != FactValueKind.Absent
            && (known is null || catalogValue.Equals(known.On) || known.Off is null || !catalogValue.Equals(known.Off));
        if (catalogIsOn)
        {
            return new SecurityFeatureSetting(feature, SecurityFeatureSettingSource.Registry, fact.Path, fact.Name, type, rule.Expression!, rule.ExpectedValue,
                catalogValue!, known?.Off, known?.KeptOnDisable ?? false, rule, $"catalog {label}, rule {rule.Name}");
        }

        if (known is null)
        {
            return null;
        }

        var baseline = catalogValue is null ? "an expected value that names no value" : catalogValue.ToString();
        return FromTable(known, rule, $"fallback table (catalog {label}, rule {rule.Name}, sets {baseline}: {feature} off)");
    }

    private static SecurityFeatureSetting FromTable(KnownSetting known, BaselineRule? rule, string origin) =>
        new(known.Feature, SecurityFeatureSettingSource.Registry, known.Key, known.Name, known.Type, RuleParser.Parse(known.OnText), known.OnText,
            known.On, known.Off, known.KeptOnDisable, rule, origin);

    /// <summary>The most restrictive posture among the rules: Blocked, then Warning Allowed, then Toggle Allowed, then any other text.</summary>
    private static string? Posture(IEnumerable<string?> postures)
    {
        static int Rank(string p) =>
            p.StartsWith("Blocked", StringComparison.OrdinalIgnoreCase) ? 3
            : p.StartsWith("Warning", StringComparison.OrdinalIgnoreCase) ? 2
            : p.StartsWith("Toggle", StringComparison.OrdinalIgnoreCase) ? 1
            : 0;

        return postures.Where(p => p is not null).Select(p => p!).OrderByDescending(Rank).FirstOrDefault();
    }

    private sealed class KnownSetting
    {
        internal KnownSetting(SecurityFeature feature, string key, string name, string type, string onText, FactValue on, FactValue? off, bool fallback = false)
        {
            Feature = feature;
            Key = key;
            Name = name;
            Type = type;
            OnText = onText;
            On = on;
            Off = off;
            Fallback = fallback;
        }

        internal SecurityFeature Feature { get; }

        internal string Key { get; }

        internal string Name { get; }

        internal string Type { get; }

        internal string OnText { get; }

        internal FactValue On { get; }

        internal FactValue? Off { get; }

        /// <summary>Disable leaves the value alone (a null off value here always means that: every other off value is known).</summary>
        internal bool KeptOnDisable => Off is null;

        internal bool Fallback { get; }

        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} {1}\\{2}", Feature, Key, Name);
    }
}
