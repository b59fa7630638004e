using System;
using System.Collections.Generic;
using System.Linq;

namespace AzureLocalSecurity.Baseline.Catalog;

/// <summary>
/// Compares two catalogs rule by rule. Rules are matched by name, then by Microsoft's rule id, then by the
/// registry value they set, so a renamed rule is a change, not a removal and an addition.
/// </summary>
public static class BaselineComparer
{
    /// <summary>
    /// The rules added, removed and changed (expected value or severity) from <paramref name="reference"/> to
    /// <paramref name="difference"/>: removed and changed in the reference's order, then added in the difference's order.
    /// </summary>
    public static IReadOnlyList<BaselineRuleChange> Compare(BaselineCatalog reference, BaselineCatalog difference)
    {
        if (reference is null)
        {
            throw new ArgumentNullException(nameof(reference));
        }

        if (difference is null)
        {
            throw new ArgumentNullException(nameof(difference));
        }

        var byName = Index(difference.Rules, r => r.Name);
        var byId = Index(difference.Rules, r => r.RuleId);
        var byRegistry = Index(difference.Rules, RegistryAddress);
        var used = new HashSet<BaselineRule>();
        var changes = new List<BaselineRuleChange>();
        foreach (var rule in reference.Rules)
        {
            var match = Take(byName, rule.Name, used) ?? Take(byId, rule.RuleId, used) ?? Take(byRegistry, RegistryAddress(rule), used);
            if (match is null)
            {
                changes.Add(new BaselineRuleChange(BaselineChangeKind.Removed, rule, null, reference.Release, difference.Release));
                continue;
            }

            var change = new BaselineRuleChange(BaselineChangeKind.Changed, rule, match, reference.Release, difference.Release);
            if (change.ExpectedChanged || change.SeverityChanged)
            {
                changes.Add(change);
            }
        }

        changes.AddRange(difference.Rules.Where(r => !used.Contains(r)).Select(r => new BaselineRuleChange(BaselineChangeKind.Added, null, r, reference.Release, difference.Release)));
        return changes;
    }

    private static Dictionary<string, List<BaselineRule>> Index(IEnumerable<BaselineRule> rules, Func<BaselineRule, string?> key)
    {
        var index = new Dictionary<string, List<BaselineRule>>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in rules)
        {
            var k = key(rule);
            if (string.IsNullOrWhiteSpace(k) || string.Equals(k, "TBD", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!index.TryGetValue(k!, out var list))
            {
                index[k!] = list = [];
            }

            list.Add(rule);
        }

        return index;
    }

    private static BaselineRule? Take(Dictionary<string, List<BaselineRule>> index, string? key, HashSet<BaselineRule> used)
    {
        if (string.IsNullOrWhiteSpace(key) || !index.TryGetValue(key!, out var list))
        {
            return null;
        }

        var rule = list.FirstOrDefault(r => !used.Contains(r));
        if (rule is not null)
        {
            used.Add(rule);
        }

        return rule;
    }

    private static string? RegistryAddress(BaselineRule rule) =>
        rule.RegistryKey is null || rule.RegistryValueName is null ? null : rule.RegistryKey.Replace("HKLM:\\", "HKLM\\") + "\\" + rule.RegistryValueName;
}
