using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AzureLocalSecurity.Baseline;
using AzureLocalSecurity.Baseline.Analysis;
using AzureLocalSecurity.Baseline.Catalog;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Baseline.Repair;
using AzureLocalSecurity.Baseline.Rules;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.SecuredCore.Features;

/// <summary>
/// Plans turning a security feature on or off: for each of its settings whose value is not already the one asked, a change from
/// the value now to the catalog's on value (Enable) or the documented off value (Disable). Pure: it reads only the bundle and the
/// catalog. An already-satisfied switch is an empty plan. A switch drift control would undo, one Azure Local does not support
/// (turning VBS off), one that is not a registry setting, or one whose current values cannot be read is refused, saying why.
/// </summary>
public static class SecurityFeaturePlanner
{
    /// <summary>Plans <paramref name="enable"/> (true: on, false: off) of <paramref name="feature"/> on the node of <paramref name="bundle"/>.</summary>
    /// <param name="bundle">The node's evidence: the feature's registry values and, for the drift control check, whether drift control is on.</param>
    /// <param name="feature">The feature.</param>
    /// <param name="enable">True to turn it on, false to turn it off.</param>
    /// <param name="catalog">The node's baseline catalog, where the settings and their values come from; null uses the fallback table.</param>
    public static SecurityFeaturePlan Plan(EvidenceBundle bundle, SecurityFeature feature, bool enable, BaselineCatalog? catalog)
    {
        if (bundle is null)
        {
            throw new ArgumentNullException(nameof(bundle));
        }

        var definition = SecurityFeatureCatalog.Resolve(feature, catalog);
        var node = bundle.NodeName;
        if (!definition.Switchable)
        {
            return Refused(node, definition, enable, SecurityFeatureRefusal.NotSwitchable, NotSwitchableReason(definition, enable));
        }

        if (!enable && !definition.DisableSupported)
        {
            return Refused(node, definition, enable, SecurityFeatureRefusal.Blocked,
                $"Azure Local does not support turning {feature} off: Disable-AzsSecurity offers no Disable for {feature}, and the baseline marks the VBS settings "
                + "Blocked (\"we do not support VBS disablement\"). HVCI, Credential Guard and DRTM, which run on VBS, can be turned off on their own. Nothing was planned.");
        }

        var state = SecurityFeatureAnalyzer.Describe(bundle, definition, catalog);
        var unreadable = state.Settings.Where(s => s.Current is null).ToList();
        if (unreadable.Count > 0)
        {
            return Refused(node, definition, enable, SecurityFeatureRefusal.FactsUnknown,
                $"The current value of {string.Join("; ", unreadable.Select(s => $"{s.Path}\\{s.Name} ({s.UnknownReason})"))} cannot be read, so its prior value could not be "
                + $"recorded for undo. Nothing was planned, so {feature} is not switched half-way.");
        }

        if (!enable && definition.Settings.FirstOrDefault(s => s.OffValue is null && !s.KeptOnDisable) is { } unknownOff)
        {
            return Refused(node, definition, enable, SecurityFeatureRefusal.NotSwitchable,
                $"The baseline ties {unknownOff.Path}\\{unknownOff.Name} (rule {unknownOff.BaselineRuleName}) to {feature}, and the value that turns it off is not one this module knows. Nothing was planned.");
        }

        var changes = new List<BaselineRepairAction>();
        var targets = new List<(SecurityFeatureSettingState Setting, FactValue Target)>();
        foreach (var s in state.Settings)
        {
            var setting = s.Setting;
            if (!enable && setting.KeptOnDisable)
            {
                continue;
            }

            var target = enable ? setting.OnValue : setting.OffValue!;
            var satisfied = enable ? s.IsOn == true : s.Current!.Equals(target);
            if (satisfied)
            {
                continue;
            }

            targets.Add((s, target));
            var rule = SwitchRule(definition, setting, enable, target, catalog);
            changes.Add(new BaselineRepairAction(
                rule,
                setting.Fact!,
                BaselineRepairPlanner.RegistryType(rule, target),
                s.Current!,
                target,
                definition.RestartRequired,
                s.Owner,
                enable ? $"Turns {feature} on: {setting.Origin}." : $"Turns {feature} off: {OffReason(setting)}."));
        }

        var warnings = Warnings(bundle, definition, state, enable, catalog, targets);
        var refusalKind = SecurityFeatureRefusal.None;
        string? refusal = null;
        if (changes.Count > 0 && BaselineAnalyzer.DriftControlEnabled(bundle) == true)
        {
            var conflicts = targets
                .Where(t => t.Setting.Setting.BaselineRule?.Expression is { } expected && !Holds(expected, t.Target))
                .Select(t => t.Setting.Setting.BaselineRule!)
                .ToList();
            if (conflicts.Count > 0)
            {
                refusalKind = SecurityFeatureRefusal.DriftControl;
                refusal = $"Azure Local's drift control is on, and the node's baseline ({definition.Catalog}) sets "
                    + string.Join(", ", conflicts.Select(r => $"{r.Name} to {r.ExpectedValue}"))
                    + $": drift control re-applies the baseline within 90 minutes and would turn {feature} back {(enable ? "off" : "on")}. "
                    + "Use -Force to change it anyway, or turn drift control off first with Disable-AzsSecurity -FeatureName DriftControl -Local (this node) or -Cluster (every node).";
            }
        }

        return new SecurityFeaturePlan(node, feature, enable, definition.Catalog, changes, definition.RestartRequired && changes.Count > 0, refusalKind, refusal, warnings);
    }

    private static SecurityFeaturePlan Refused(string node, SecurityFeatureDefinition definition, bool enable, SecurityFeatureRefusal kind, string reason) =>
        new(node, definition.Feature, enable, definition.Catalog, [], false, kind, reason, []);

    private static string NotSwitchableReason(SecurityFeatureDefinition definition, bool enable)
    {
        var setting = definition.Settings.Count > 0 ? definition.Settings[0] : null;
        return $"{definition.DisplayName} is the failover cluster's {setting?.Name ?? "SecurityLevelForStorage"} property, kept in the cluster database rather than in "
            + "this node's registry, so it cannot be changed and undone the way the other switches are. "
            + (enable
                ? "Turn it on with Enable-AzsSecurity -FeatureName SMBClusterEncryption -Cluster on an Azure Local node, or with the FailoverClusters module: (Get-Cluster).SecurityLevelForStorage = 2."
                : "Turn it off with Disable-AzsSecurity -FeatureName SMBClusterEncryption -Cluster on an Azure Local node, or with the FailoverClusters module: "
                    + "(Get-Cluster).SecurityLevelForStorage = <the value it had before; 0 is clear text>.")
            + " Get-ALSecurityFeature -Name SMBClusterEncryption shows the current value. Nothing was planned.";
    }

    private static string OffReason(SecurityFeatureSetting setting) =>
        setting.OffValue!.Kind == FactValueKind.Absent
            ? "the value exists only to turn the feature on, so it is removed"
            : $"{setting.OffValue} is the documented off value";

    /// <summary>
    /// The rule an action carries: named for the feature and the setting (the name the undo record keeps), expecting the target, so the
    /// executor's read-back counts a value the feature's on expression accepts (Enable) or exactly the off value (Disable) as done.
    /// </summary>
    private static BaselineRule SwitchRule(SecurityFeatureDefinition definition, SecurityFeatureSetting setting, bool enable, FactValue target, BaselineCatalog? catalog) =>
        new(new BaselineRuleData
        {
            Name = $"{definition.Feature}:{setting.BaselineRuleName ?? setting.Name}",
            ControlName = $"{(enable ? "Enable" : "Disable")} {definition.DisplayName}",
            Category = "SecurityFeature",
            Severity = "Unknown",
            RegistryKey = setting.Path,
            RegistryValueName = setting.Name,
            RegistryValueType = setting.RegistryType,
            DefaultValue = target.Kind == FactValueKind.Absent ? null : target.ToString(),
            ExpectedValue = enable ? setting.OnExpression : EqualsExpression(target),
            Release = catalog?.Release,
            Profile = catalog?.Profile,
            SourceName = "SecurityFeatureCatalog",
        });

    private static string EqualsExpression(FactValue value) => value.Kind switch
    {
        FactValueKind.Absent => "Equals(null)",
        FactValueKind.Number => string.Format(CultureInfo.InvariantCulture, "Equals({0})", value.Number),
        FactValueKind.Text => "Equals('" + value.Text!.Replace("'", "''") + "')",
        _ => string.Empty,
    };

    private static bool Holds(RuleExpression expected, FactValue value)
    {
        try
        {
            return RuleEvaluator.Matches(expected, value);
        }
        catch (RuleEvaluationException)
        {
            // A value the baseline's expression cannot judge is not one drift control is known to keep.
            return true;
        }
    }

    private static List<string> Warnings(EvidenceBundle bundle, SecurityFeatureDefinition definition, SecurityFeatureState state, bool enable, BaselineCatalog? catalog, List<(SecurityFeatureSettingState Setting, FactValue Target)> targets)
    {
        var warnings = new List<string>();
        foreach (var (s, _) in targets.Where(t => t.Setting.Owner is not null))
        {
            warnings.Add($"{s.Path}\\{s.Name} is managed by {s.Owner}; a policy that sets it will set it back at its next refresh.");
        }

        if (targets.Count > 0 && BaselineAnalyzer.DriftControlEnabled(bundle) is null && targets.Any(t => t.Setting.Setting.BaselineRule is not null))
        {
            warnings.Add("Whether Azure Local's drift control is on is not known; if it is, it re-applies the baseline within 90 minutes.");
        }

        if (enable && targets.Count == 0 && state.RestartPending == true)
        {
            warnings.Add($"{definition.DisplayName} is configured but not running: a restart is pending.");
        }

        if (!enable && targets.Count == 0 && state.RestartPending == true)
        {
            warnings.Add($"{definition.DisplayName} is configured off but still running: a restart is pending.");
        }

        if (enable && definition.Feature is SecurityFeature.HVCI or SecurityFeature.CredentialGuard or SecurityFeature.DRTM)
        {
            var vbs = SecurityFeatureAnalyzer.Describe(bundle, SecurityFeatureCatalog.Resolve(SecurityFeature.VBS, catalog), catalog);
            if (vbs.Configured == false)
            {
                warnings.Add($"{definition.DisplayName} runs on VBS, which is not configured on this node; turn it on too (Enable-ALSecurityFeature -Name VBS).");
            }
        }

        if (!enable && definition.Feature == SecurityFeature.CredentialGuard
            && targets.Any(t => t.Setting.Name == "LsaCfgFlags" && t.Setting.Current!.Number == 1))
        {
            warnings.Add("Credential Guard was turned on with UEFI lock (LsaCfgFlags 1): the registry change alone does not turn it off. "
                + "Microsoft documents the further steps (deleting the UEFI variables at the next boot) in \"Configure Credential Guard\".");
        }

        return warnings;
    }
}
