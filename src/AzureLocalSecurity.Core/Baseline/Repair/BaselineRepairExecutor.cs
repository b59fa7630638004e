using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Baseline.Rules;

namespace AzureLocalSecurity.Baseline.Repair;

/// <summary>
/// Applies a plan through a state store and undoes it. The undo record is saved before the first change; a
/// setting that already has the target value is not written (a second run changes nothing); each change is
/// read back.
/// </summary>
public static class BaselineRepairExecutor
{
    /// <summary>
    /// Applies <paramref name="actions"/> (already confirmed by the caller). Reads each setting's current value,
    /// saves the undo record through <paramref name="saveUndo"/> when anything will change, then writes.
    /// </summary>
    public static IReadOnlyList<BaselineChangeOutcome> Apply(string nodeName, IEnumerable<BaselineRepairAction> actions, IBaselineStateStore store, string moduleVersion, DateTimeOffset now, Action<BaselineUndoFile> saveUndo)
    {
        if (actions is null)
        {
            throw new ArgumentNullException(nameof(actions));
        }

        if (store is null)
        {
            throw new ArgumentNullException(nameof(store));
        }

        if (saveUndo is null)
        {
            throw new ArgumentNullException(nameof(saveUndo));
        }

        var outcomes = new List<BaselineChangeOutcome>();
        var pending = new List<(BaselineRepairAction Action, FactValue Before)>();
        foreach (var action in actions)
        {
            var current = store.Read(action.Fact);
            if (current.Value is null)
            {
                outcomes.Add(new BaselineChangeOutcome(nodeName, action.RuleName, action.Fact, null, action.After, BaselineChangeResult.Failed, false, "The current value cannot be read, so it could not be undone; nothing was changed: " + current.UnknownReason));
            }
            else if (Same(current.Value, action.After))
            {
                outcomes.Add(new BaselineChangeOutcome(nodeName, action.RuleName, action.Fact, current.Value, action.After, BaselineChangeResult.Unchanged, false, null));
            }
            else
            {
                pending.Add((action, current.Value));
            }
        }

        if (pending.Count == 0)
        {
            return outcomes;
        }

        saveUndo(new BaselineUndoFile(nodeName, now, moduleVersion, pending.Select(p => new BaselineUndoEntry(p.Action.RuleName, p.Action.Fact, p.Action.RegistryType, p.Before, p.Action.After))));
        foreach (var (action, before) in pending)
        {
            outcomes.Add(Write(nodeName, action.RuleName, action.Fact, before, action.After, action.RegistryType, action.RebootRequired, store, action.Rule.Expression));
        }

        return outcomes;
    }

    /// <summary>
    /// Restores every entry of an undo record, last change first. An entry whose setting already has its
    /// prior value is not written, so undo can be run again safely.
    /// </summary>
    public static IReadOnlyList<BaselineChangeOutcome> Undo(BaselineUndoFile undo, IBaselineStateStore store, Func<BaselineUndoEntry, bool>? shouldProcess = null)
    {
        if (undo is null)
        {
            throw new ArgumentNullException(nameof(undo));
        }

        if (store is null)
        {
            throw new ArgumentNullException(nameof(store));
        }

        var outcomes = new List<BaselineChangeOutcome>();
        foreach (var entry in undo.Entries.Reverse())
        {
            var current = store.Read(entry.Fact);
            if (current.Value is not null && Same(current.Value, entry.Before))
            {
                outcomes.Add(new BaselineChangeOutcome(undo.NodeName, entry.RuleName, entry.Fact, current.Value, entry.Before, BaselineChangeResult.Unchanged, false, null));
                continue;
            }

            if (shouldProcess is not null && !shouldProcess(entry))
            {
                continue;
            }

            outcomes.Add(Write(undo.NodeName, entry.RuleName, entry.Fact, current.Value, entry.Before, entry.RegistryType, BaselineRepairPlanner.NeedsReboot(entry.Fact), store, null));
        }

        return outcomes;
    }

    private static BaselineChangeOutcome Write(string node, string rule, FactRef fact, FactValue? before, FactValue after, string? registryType, bool reboot, IBaselineStateStore store, RuleExpression? expression)
    {
        try
        {
            store.Write(fact, after, registryType);
        }
        catch (BaselineWriteException ex)
        {
            return new BaselineChangeOutcome(node, rule, fact, before, after, BaselineChangeResult.Failed, false, ex.Message);
        }

        var check = store.Read(fact);
        var verified = check.Value is not null && (Same(check.Value, after) || (expression is not null && RuleEvaluator.Matches(expression, check.Value)));
        return new BaselineChangeOutcome(node, rule, fact, before, after, verified ? BaselineChangeResult.Changed : BaselineChangeResult.NotVerified, reboot,
            verified ? null : $"The value reads back as {check.Value?.ToString() ?? check.UnknownReason}.");
    }

    /// <summary>Equal values; the holders of a user right are a set (LSA returns them in no set order) and account-policy pairs a map.</summary>
    private static bool Same(FactValue a, FactValue b)
    {
        if (a.Equals(b))
        {
            return true;
        }

        var comparer = StringComparer.OrdinalIgnoreCase;
        if (a.Kind == FactValueKind.KeyValues && b.Kind == FactValueKind.KeyValues)
        {
            // Account-policy pairs are a map: the order they are listed in means nothing.
            return a.Pairs.Count == b.Pairs.Count && a.Pairs.All(p => b.Pairs.Any(q => comparer.Equals(p.Key.Trim(), q.Key.Trim()) && string.Equals(p.Value.Trim(), q.Value.Trim(), StringComparison.Ordinal)));
        }

        if (a.Kind != b.Kind || a.Kind != FactValueKind.SidList)
        {
            return false;
        }

        return a.Items.Count == b.Items.Count && new HashSet<string>(a.Items, comparer).SetEquals(b.Items);
    }
}
