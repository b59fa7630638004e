using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Baseline.Analysis;

namespace AzureLocalSecurity.Baseline.Drift;

/// <summary>Compares a node's results now with a snapshot: the rules whose value or verdict moved.</summary>
public static class BaselineDriftDetector
{
    /// <summary>The drift, in the order of the current results, then the rules no longer evaluated.</summary>
    public static IReadOnlyList<BaselineDriftItem> Compare(BaselineSnapshot snapshot, IEnumerable<BaselineRuleResult> now)
    {
        if (snapshot is null)
        {
            throw new ArgumentNullException(nameof(snapshot));
        }

        if (now is null)
        {
            throw new ArgumentNullException(nameof(now));
        }

        var then = new Dictionary<string, BaselineSnapshotEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in snapshot.Entries)
        {
            then[entry.RuleName] = entry;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var drift = new List<BaselineDriftItem>();
        foreach (var result in now)
        {
            seen.Add(result.RuleName);
            if (!then.TryGetValue(result.RuleName, out var before))
            {
                drift.Add(new BaselineDriftItem(result.NodeName, result.RuleName, BaselineDriftKind.RuleAdded, null, result.Actual, null, result.Status, result.Severity));
                continue;
            }

            var valueChanged = !Equals(before.Actual, result.ActualValue);
            if (valueChanged || before.Status != result.Status)
            {
                drift.Add(new BaselineDriftItem(result.NodeName, result.RuleName, valueChanged ? BaselineDriftKind.ValueChanged : BaselineDriftKind.StatusChanged, before.Actual?.ToString(), result.Actual, before.Status, result.Status, result.Severity));
            }
        }

        drift.AddRange(snapshot.Entries.Where(e => !seen.Contains(e.RuleName))
            .Select(e => new BaselineDriftItem(snapshot.NodeName, e.RuleName, BaselineDriftKind.RuleRemoved, e.Actual?.ToString(), null, e.Status, null, null)));
        return drift;
    }
}
