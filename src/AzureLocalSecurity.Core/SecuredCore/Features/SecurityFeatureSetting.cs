using System;
using AzureLocalSecurity.Baseline;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Baseline.Rules;

namespace AzureLocalSecurity.SecuredCore.Features;

/// <summary>
/// One setting that turns a security feature on: where it lives, the values that count as on (<see cref="OnExpression"/>), the value
/// an Enable writes (<see cref="OnValue"/>), the value a Disable writes (<see cref="OffValue"/>), and the baseline rule it comes from.
/// </summary>
public sealed class SecurityFeatureSetting
{
    internal SecurityFeatureSetting(
        SecurityFeature feature,
        SecurityFeatureSettingSource source,
        string path,
        string name,
        string? registryType,
        RuleExpression onExpression,
        string onExpressionText,
        FactValue onValue,
        FactValue? offValue,
        bool keptOnDisable,
        BaselineRule? baselineRule,
        string origin)
    {
        Feature = feature;
        Source = source;
        Path = path ?? throw new ArgumentNullException(nameof(path));
        Name = name ?? throw new ArgumentNullException(nameof(name));
        RegistryType = registryType;
        ParsedOnExpression = onExpression ?? throw new ArgumentNullException(nameof(onExpression));
        OnExpression = onExpressionText ?? throw new ArgumentNullException(nameof(onExpressionText));
        OnValue = onValue ?? throw new ArgumentNullException(nameof(onValue));
        OffValue = offValue;
        KeptOnDisable = keptOnDisable;
        BaselineRule = baselineRule;
        Origin = origin ?? throw new ArgumentNullException(nameof(origin));
    }

    /// <summary>The feature the setting belongs to.</summary>
    public SecurityFeature Feature { get; }

    /// <summary>A registry value or a cluster property.</summary>
    public SecurityFeatureSettingSource Source { get; }

    /// <summary>The registry key with its hive (<c>HKLM\...</c>), or the CIM namespace and class of a cluster property.</summary>
    public string Path { get; }

    /// <summary>The registry value name or the property name.</summary>
    public string Name { get; }

    /// <summary>The registry value's address (null for a cluster property).</summary>
    public FactRef? Fact => Source == SecurityFeatureSettingSource.Registry ? FactRef.Registry(Path, Name) : null;

    /// <summary>The REG_ type written (REG_DWORD, REG_SZ), for a registry value.</summary>
    public string? RegistryType { get; }

    /// <summary>The values that count as on, in the baseline rule language (<c>Range(1, 2)</c>).</summary>
    public string OnExpression { get; }

    /// <summary>The value Enable writes.</summary>
    public FactValue OnValue { get; }

    /// <summary>The value Disable writes (<see cref="FactValue.Absent"/>: the value is removed); null when it is left alone or not known.</summary>
    public FactValue? OffValue { get; }

    /// <summary>True when Disable leaves the setting as it is (signing when the other side asks, for SMB signing).</summary>
    public bool KeptOnDisable { get; }

    /// <summary>The rule of the node's baseline catalog that sets the value, or null when the catalog has none (or none was given).</summary>
    public BaselineRule? BaselineRule { get; }

    /// <summary>The baseline rule's name, or null.</summary>
    public string? BaselineRuleName => BaselineRule?.Name;

    /// <summary>Where the on value comes from: the catalog (release, profile, rule) or the module's fallback table, and why.</summary>
    public string Origin { get; }

    /// <summary>The parsed <see cref="OnExpression"/>.</summary>
    internal RuleExpression ParsedOnExpression { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Path}\\{Name}: on {OnExpression} (writes {OnValue}), off {(KeptOnDisable ? "unchanged" : OffValue?.ToString() ?? "unknown")}";
}
