using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.AppControl.Live;

namespace AzureLocalSecurity.AppControl.Changes;

/// <summary>What an App Control change did on one node: the plan, one outcome per step, and how to undo it.</summary>
public sealed class AppControlChangeResult
{
    /// <summary>Creates the result of running <paramref name="plan"/>.</summary>
    public AppControlChangeResult(AppControlPlan plan, IReadOnlyList<AppControlStepOutcome> outcomes)
    {
        Plan = plan ?? throw new ArgumentNullException(nameof(plan));
        Outcomes = outcomes ?? throw new ArgumentNullException(nameof(outcomes));
    }

    /// <summary>What the change did.</summary>
    public AppControlChangeAction Action => Plan.Action;

    /// <summary>The node.</summary>
    public string NodeName => Plan.NodeName;

    /// <summary>The policy changed.</summary>
    public Guid? PolicyId => Plan.PolicyId;

    /// <summary>The policy's name, when known.</summary>
    public string? PolicyName => Plan.PolicyName;

    /// <summary>The mode asked for (SetMode, Restore).</summary>
    public AppControlMode TargetMode => Plan.TargetMode;

    /// <summary>The plan that ran.</summary>
    public AppControlPlan Plan { get; }

    /// <summary>One outcome per step, in order.</summary>
    public IReadOnlyList<AppControlStepOutcome> Outcomes { get; }

    /// <summary>Whether every step succeeded (true for an empty plan: nothing had to change).</summary>
    public bool Succeeded => Outcomes.All(o => o.Result == AppControlStepResult.Succeeded);

    /// <summary>The rollback copy, when it was written.</summary>
    public string? RollbackPath => Outcomes.Any(o => o.Step.Kind == AppControlStepKind.SaveRollbackCopy && o.Result == AppControlStepResult.Succeeded) ? Plan.RollbackPath : null;

    /// <summary>How to undo the change, once CiTool ran (even when it failed: it may have changed something); null when it did not.</summary>
    public string? UndoCommand => Outcomes.Any(o => o.Step.Kind is AppControlStepKind.UpdatePolicy or AppControlStepKind.RemovePolicy && o.Result != AppControlStepResult.NotRun) ? Plan.UndoCommand : null;

    /// <inheritdoc />
    public override string ToString() =>
        $"{NodeName} {Action} {PolicyId:B}: {(Outcomes.Count == 0 ? "nothing to change" : Succeeded ? "succeeded" : "failed")}";
}
