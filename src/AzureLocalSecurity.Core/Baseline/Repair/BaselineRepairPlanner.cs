using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Baseline.Analysis;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Baseline.Rules;
using AzureLocalSecurity.Results;

namespace AzureLocalSecurity.Baseline.Repair;

/// <summary>
/// Turns non-compliant results into a plan: for each, the smallest change that satisfies the rule (the catalog's
/// default value when it does, else a value derived from the expression). Pure: it reads only the results.
/// Settings a Group Policy, MDM or OSConfig owner manages are left alone unless <c>includeManaged</c>, because
/// a local change would be overwritten at the next refresh.
/// </summary>
public static class BaselineRepairPlanner
{
    /// <summary>Plans the repair of the non-compliant results among <paramref name="results"/>.</summary>
    public static BaselineRepairPlan Plan(IEnumerable<BaselineRuleResult> results, bool includeManaged = false)
    {
        if (results is null)
        {
            throw new ArgumentNullException(nameof(results));
        }

        var actions = new List<BaselineRepairAction>();
        var skipped = new List<BaselineRepairSkip>();
        var planned = new Dictionary<FactRef, BaselineRepairAction>();
        string node = string.Empty;
        foreach (var result in results.Where(r => r.Status == CheckStatus.NonCompliant))
        {
            node = result.NodeName;
            var rule = result.Rule;
            var fact = result.Fact;
            if (fact.Source is FactSource.SecuredCoreStatus or FactSource.Unsupported)
            {
                skipped.Add(new BaselineRepairSkip(rule, "The value is a status the platform reports, not a setting; see Test-ALSecuredCore for what it needs."));
                continue;
            }

            if (result.Owner is not null && !includeManaged)
            {
                skipped.Add(new BaselineRepairSkip(rule, $"The setting is managed by {result.Owner}; a local change would be overwritten. Change it in {result.Owner}, or use -Force to change it locally."));
                continue;
            }

            var current = result.ActualValue!;
            var choice = RuleRemedy.Choose(rule.Expression!, current, rule.DefaultValue, BaselineFactMap.TargetKind(rule, fact));
            if (choice.Target is null)
            {
                skipped.Add(new BaselineRepairSkip(rule, choice.Reason));
                continue;
            }

            if (planned.TryGetValue(fact, out var earlier))
            {
                if (!earlier.After.Equals(choice.Target))
                {
                    skipped.Add(new BaselineRepairSkip(rule, $"Rule '{earlier.RuleName}' sets the same value to {earlier.After}; the two rules disagree, so this one is left for an administrator."));
                }

                continue;
            }

            var action = new BaselineRepairAction(rule, fact, RegistryType(rule, choice.Target), current, choice.Target, NeedsReboot(fact), result.Owner, choice.Reason);
            planned.Add(fact, action);
            actions.Add(action);
        }

        return new BaselineRepairPlan(node, actions, skipped);
    }

    /// <summary>The REG_ type to write: the catalog's, else the one the value's kind implies.</summary>
    internal static string? RegistryType(BaselineRule rule, FactValue target)
    {
        if (rule.RegistryValueType is not null)
        {
            return rule.RegistryValueType.ToUpperInvariant();
        }

        return target.Kind switch
        {
            FactValueKind.Number => "REG_DWORD",
            FactValueKind.Text => "REG_SZ",
            FactValueKind.TextList => "REG_MULTI_SZ",
            FactValueKind.Binary => "REG_BINARY",
            _ => null,
        };
    }

    /// <summary>
    /// Device Guard / VBS settings and the values the kernel, LSA and services read at start (under
    /// CurrentControlSet) take effect at the next restart; policy keys under SOFTWARE are read at policy refresh;
    /// user rights at the next logon; audit policy at once.
    /// </summary>
    internal static bool NeedsReboot(FactRef fact) =>
        fact.Source == FactSource.Registry
        && (fact.Path.IndexOf(@"\DeviceGuard", StringComparison.OrdinalIgnoreCase) >= 0
            || fact.Path.StartsWith(@"HKLM\SYSTEM\CurrentControlSet\", StringComparison.OrdinalIgnoreCase));
}
