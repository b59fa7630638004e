using System.Collections.Generic;

namespace AzureLocalSecurity.Baseline.Repair;

/// <summary>What a repair would change, and which non-compliant rules it leaves alone and why. Computing it changes nothing.</summary>
public sealed class BaselineRepairPlan
{
    internal BaselineRepairPlan(string nodeName, IReadOnlyList<BaselineRepairAction> actions, IReadOnlyList<BaselineRepairSkip> skipped)
    {
        NodeName = nodeName;
        Actions = actions;
        Skipped = skipped;
    }

    /// <summary>The node the plan is for.</summary>
    public string NodeName { get; }

    /// <summary>The changes, in catalog order.</summary>
    public IReadOnlyList<BaselineRepairAction> Actions { get; }

    /// <summary>The non-compliant rules not changed.</summary>
    public IReadOnlyList<BaselineRepairSkip> Skipped { get; }
}
