using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Baseline.Repair;

namespace AzureLocalSecurity.SecuredCore.Features;

/// <summary>
/// What turning a security feature on or off would change on a node, as data: each registry value with its type, its value now
/// (possibly absent) and the value set. The changes are <see cref="BaselineRepairAction"/>s, so the baseline repair executor applies
/// them and writes the same undo record (Undo-ALSecurityBaselineRepair restores them). Computing it changes nothing.
/// </summary>
public sealed class SecurityFeaturePlan
{
    internal SecurityFeaturePlan(string nodeName, SecurityFeature feature, bool enable, string? catalog, IEnumerable<BaselineRepairAction> changes, bool restartRequired, SecurityFeatureRefusal refusalKind, string? refusal, IEnumerable<string> warnings)
    {
        NodeName = nodeName ?? throw new ArgumentNullException(nameof(nodeName));
        Name = feature;
        Enable = enable;
        Catalog = catalog;
        Changes = (changes ?? throw new ArgumentNullException(nameof(changes))).ToArray();
        RestartRequired = restartRequired;
        RefusalKind = refusalKind;
        Refusal = refusal;
        Warnings = (warnings ?? throw new ArgumentNullException(nameof(warnings))).ToArray();
    }

    /// <summary>The node.</summary>
    public string NodeName { get; }

    /// <summary>The feature.</summary>
    public SecurityFeature Name { get; }

    /// <summary>True to turn the feature on, false to turn it off.</summary>
    public bool Enable { get; }

    /// <summary>Enable or Disable, in words.</summary>
    public string Action => Enable ? "Enable" : "Disable";

    /// <summary>The baseline catalog the settings came from (<c>2610 AdLess</c>), or null for the fallback table.</summary>
    public string? Catalog { get; }

    /// <summary>
    /// The registry changes in order, each with its key, value name, REG_ type, value now and value set. Empty when the feature is
    /// already as asked (a second run changes nothing), and when the switch is refused for any reason but drift control.
    /// </summary>
    public IReadOnlyList<BaselineRepairAction> Changes { get; }

    /// <summary>True when the changes take effect only after a restart.</summary>
    public bool RestartRequired { get; }

    /// <summary>Why the switch is refused, by kind.</summary>
    public SecurityFeatureRefusal RefusalKind { get; }

    /// <summary>Why the switch is refused, in words (what to do instead); null when it is not.</summary>
    public string? Refusal { get; }

    /// <summary>True when the refusal is drift control's, which <c>-Force</c> overrides.</summary>
    public bool CanForce => RefusalKind == SecurityFeatureRefusal.DriftControl;

    /// <summary>What the administrator should know before the change: owners that may set values back, a restart already pending, a feature another needs.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{NodeName}: {Action} {Name}: {(Refusal is not null ? "refused (" + RefusalKind + ")" : Changes.Count == 0 ? "nothing to change" : Changes.Count + " change(s)")}";
}
