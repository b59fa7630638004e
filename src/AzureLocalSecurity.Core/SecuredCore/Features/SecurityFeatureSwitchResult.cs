using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Baseline.Repair;

namespace AzureLocalSecurity.SecuredCore.Features;

/// <summary>
/// What Enable- or Disable-ALSecurityFeature did on a node: each setting's outcome (before, after, result), whether a restart is
/// needed for it to take effect, and the undo record that Undo-ALSecurityBaselineRepair restores the settings from.
/// </summary>
public sealed class SecurityFeatureSwitchResult
{
    /// <summary>Creates a result.</summary>
    public SecurityFeatureSwitchResult(string nodeName, SecurityFeature feature, bool enable, IEnumerable<BaselineChangeOutcome> changes, string? undoPath)
    {
        NodeName = nodeName ?? throw new ArgumentNullException(nameof(nodeName));
        Name = feature;
        Enable = enable;
        Changes = (changes ?? throw new ArgumentNullException(nameof(changes))).ToArray();
        UndoPath = undoPath;
    }

    /// <summary>The node.</summary>
    public string NodeName { get; }

    /// <summary>The feature.</summary>
    public SecurityFeature Name { get; }

    /// <summary>True when the feature was turned on, false when off.</summary>
    public bool Enable { get; }

    /// <summary>Enable or Disable, in words.</summary>
    public string Action => Enable ? "Enable" : "Disable";

    /// <summary>Each setting changed, found already as asked, or failed.</summary>
    public IReadOnlyList<BaselineChangeOutcome> Changes { get; }

    /// <summary>True when a change was made that takes effect only after a restart.</summary>
    public bool RestartRequired => Changes.Any(c => c.RebootRequired && c.Result == BaselineChangeResult.Changed);

    /// <summary>True when every setting is now as asked (changed and read back, or already so).</summary>
    public bool Succeeded => Changes.All(c => c.Result is BaselineChangeResult.Changed or BaselineChangeResult.Unchanged);

    /// <summary>The undo record written before the first change (Undo-ALSecurityBaselineRepair -Path), or null when nothing was changed.</summary>
    public string? UndoPath { get; }

    /// <inheritdoc />
    public override string ToString() => $"{NodeName}: {Action} {Name}: {Changes.Count(c => c.Result == BaselineChangeResult.Changed)} changed{(RestartRequired ? ", restart required" : string.Empty)}";
}
