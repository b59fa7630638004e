using System;
using AzureLocalSecurity.Baseline.Facts;

namespace AzureLocalSecurity.SecuredCore.Features;

/// <summary>One setting of a feature on a node: its current value, whether that value counts as on, and where it was read.</summary>
public sealed class SecurityFeatureSettingState
{
    internal SecurityFeatureSettingState(SecurityFeatureSetting setting, FactValue? current, bool? isOn, string source, string? unknownReason, string? owner)
    {
        Setting = setting ?? throw new ArgumentNullException(nameof(setting));
        Current = current;
        IsOn = isOn;
        Source = source ?? throw new ArgumentNullException(nameof(source));
        UnknownReason = unknownReason;
        Owner = owner;
    }

    /// <summary>The setting.</summary>
    public SecurityFeatureSetting Setting { get; }

    /// <summary>The registry key (or cluster class) of the setting.</summary>
    public string Path => Setting.Path;

    /// <summary>The value or property name.</summary>
    public string Name => Setting.Name;

    /// <summary>The value now (<see cref="FactValue.Absent"/> when the value does not exist); null when it could not be read.</summary>
    public FactValue? Current { get; }

    /// <summary>True when <see cref="Current"/> counts as on (<see cref="SecurityFeatureSetting.OnExpression"/>); null when it could not be read.</summary>
    public bool? IsOn { get; }

    /// <summary>How the value was read (registry path, CIM class) and the evidence id.</summary>
    public string Source { get; }

    /// <summary>Why the value could not be read, or null.</summary>
    public string? UnknownReason { get; }

    /// <summary>Who manages the value when that can be told (Group Policy for a policy key, MDM, OSConfig), or null.</summary>
    public string? Owner { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Path}\\{Name} = {(Current is null ? "unknown" : Current.ToString())}";
}
