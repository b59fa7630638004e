using System;
using AzureLocalSecurity.Baseline.Facts;

namespace AzureLocalSecurity.Baseline.Repair;

/// <summary>One planned change: which rule, which setting, from what to what, and what the change needs.</summary>
public sealed class BaselineRepairAction
{
    internal BaselineRepairAction(BaselineRule rule, FactRef fact, string? registryType, FactValue before, FactValue after, bool rebootRequired, string? owner, string reason)
    {
        Rule = rule ?? throw new ArgumentNullException(nameof(rule));
        Fact = fact ?? throw new ArgumentNullException(nameof(fact));
        RegistryType = registryType;
        Before = before ?? throw new ArgumentNullException(nameof(before));
        After = after ?? throw new ArgumentNullException(nameof(after));
        RebootRequired = rebootRequired;
        Owner = owner;
        Reason = reason ?? string.Empty;
    }

    /// <summary>The rule the change makes compliant.</summary>
    public BaselineRule Rule { get; }

    /// <summary>The rule's name.</summary>
    public string RuleName => Rule.Name;

    /// <summary>The setting changed.</summary>
    public FactRef Fact { get; }

    /// <summary>The REG_ type written, for registry settings.</summary>
    public string? RegistryType { get; }

    /// <summary>The value now.</summary>
    public FactValue Before { get; }

    /// <summary>The value the change sets (<see cref="FactValue.Absent"/>: the value is removed).</summary>
    public FactValue After { get; }

    /// <summary>True when the change takes effect only after a restart.</summary>
    public bool RebootRequired { get; }

    /// <summary>Who manages the setting (Group Policy, MDM, OSConfig) when known: a local change may be overwritten.</summary>
    public string? Owner { get; }

    /// <summary>Why this value was chosen.</summary>
    public string Reason { get; }

    /// <summary>The change in a line, for -WhatIf and confirmation prompts.</summary>
    public string Description => $"{Fact}: {Before} -> {(After.Kind == FactValueKind.Absent ? "(remove)" : After.ToString())}";

    /// <inheritdoc />
    public override string ToString() => $"{RuleName}: {Description}";
}
