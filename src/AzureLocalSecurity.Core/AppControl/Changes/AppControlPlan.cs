using System;
using System.Collections.Generic;
using AzureLocalSecurity.AppControl.Live;

namespace AzureLocalSecurity.AppControl.Changes;

/// <summary>
/// What an App Control change would do on one node, computed purely from its facts: ordered steps with a reason each, or a
/// refusal a human can act on, plus warnings and notes. A plan that changes anything saves the policy's current file first
/// and says how to undo it (<see cref="RollbackPath"/>, <see cref="UndoCommand"/>) before it runs. An empty plan with no
/// refusal means the node is already as asked.
/// </summary>
public sealed class AppControlPlan
{
    private readonly List<AppControlPlanStep> _steps = [];
    private readonly List<string> _warnings = [];
    private readonly List<string> _notes = [];

    internal AppControlPlan(AppControlChangeAction action, string nodeName)
    {
        Action = action;
        NodeName = nodeName ?? string.Empty;
    }

    /// <summary>What the change does.</summary>
    public AppControlChangeAction Action { get; }

    /// <summary>The node.</summary>
    public string NodeName { get; }

    /// <summary>The policy changed (switched, deployed, restored or removed); null when none could be picked.</summary>
    public Guid? PolicyId { get; internal set; }

    /// <summary>The policy's name, when known.</summary>
    public string? PolicyName { get; internal set; }

    /// <summary>The policy's mode now (SetMode and Restore); Unknown otherwise.</summary>
    public AppControlMode CurrentMode { get; internal set; }

    /// <summary>The mode asked for (SetMode), or the saved copy's (Restore); Unknown otherwise.</summary>
    public AppControlMode TargetMode { get; internal set; }

    /// <summary>The version of the policy to deploy (AddSupplemental, Restore), when known.</summary>
    public Version? Version { get; internal set; }

    /// <summary>The steps, in the order they must run.</summary>
    public IReadOnlyList<AppControlPlanStep> Steps => _steps;

    /// <summary>Why the plan was refused; <see cref="AppControlRefusal.None"/> when it was not.</summary>
    public AppControlRefusal Refusal { get; private set; }

    /// <summary>The refusal in words, saying what to do; null when not refused.</summary>
    public string? RefusalMessage { get; private set; }

    /// <summary>Things to know that do not stop the plan (what -Force let through, what is not verified).</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>Why an empty plan changes nothing, and other notes.</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>
    /// For SetMode to Enforced: the audit events (3076, 3034) of the lookback window grouped by file and signer, what the
    /// enforced policy would have blocked; empty when there were none or they were not read.
    /// </summary>
    public IReadOnlyList<CodeIntegrityEventGroup> WouldBeBlocked { get; internal set; } = [];

    /// <summary>For SetMode to Enforced: how many days back the audit events were read.</summary>
    public int? LookbackDays { get; internal set; }

    /// <summary>The file the policy's current compiled form is saved to before the change; null when nothing is saved.</summary>
    public string? RollbackPath { get; internal set; }

    /// <summary>The staging file the compiled policy is written to and deployed from; null when nothing is deployed.</summary>
    public string? StagingPath { get; internal set; }

    /// <summary>The command that undoes the change once it ran; null for an empty or refused plan.</summary>
    public string? UndoCommand { get; internal set; }

    /// <summary>Whether the plan would change nothing (and was not refused).</summary>
    public bool IsEmpty => Refusal == AppControlRefusal.None && _steps.Count == 0;

    internal AppControlPlanStep Add(AppControlPlanStep step)
    {
        _steps.Add(step);
        return step;
    }

    internal void Warn(string warning) => _warnings.Add(warning);

    internal void Note(string note) => _notes.Add(note);

    internal AppControlPlan Refuse(AppControlRefusal refusal, string message)
    {
        _steps.Clear();
        RollbackPath = null;
        StagingPath = null;
        UndoCommand = null;
        Refusal = refusal;
        RefusalMessage = message;
        return this;
    }

    /// <inheritdoc />
    public override string ToString() => Refusal != AppControlRefusal.None
        ? $"{NodeName} {Action} {PolicyId:B} refused ({Refusal}): {RefusalMessage}"
        : $"{NodeName} {Action} {PolicyId:B}: {(_steps.Count == 0 ? "nothing to change" : _steps.Count + " step(s)")}";
}
