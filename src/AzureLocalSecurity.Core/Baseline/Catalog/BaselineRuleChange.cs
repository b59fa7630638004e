using System;

namespace AzureLocalSecurity.Baseline.Catalog;

/// <summary>One difference between two catalogs: a rule added, removed, or changed (expected value, severity).</summary>
public sealed class BaselineRuleChange
{
    internal BaselineRuleChange(BaselineChangeKind change, BaselineRule? reference, BaselineRule? difference, string referenceRelease, string differenceRelease)
    {
        Change = change;
        ReferenceRule = reference;
        DifferenceRule = difference;
        ReferenceRelease = referenceRelease;
        DifferenceRelease = differenceRelease;
        var rule = difference ?? reference ?? throw new ArgumentException("A change needs a rule.");
        Name = rule.Name;
        RuleId = difference?.RuleId ?? reference?.RuleId;
        Category = rule.Category;
        ExpectedBefore = reference is null ? null : Canonical(reference);
        ExpectedAfter = difference is null ? null : Canonical(difference);
        SeverityBefore = reference?.Severity;
        SeverityAfter = difference?.Severity;
        if (reference is not null && difference is not null && !string.Equals(reference.Name, difference.Name, StringComparison.OrdinalIgnoreCase))
        {
            PreviousName = reference.Name;
        }
    }

    /// <summary>Added, Removed or Changed.</summary>
    public BaselineChangeKind Change { get; }

    /// <summary>The rule's name (the newer name when it was renamed).</summary>
    public string Name { get; }

    /// <summary>The rule's name in the reference catalog when it differs (matched by rule id or registry value).</summary>
    public string? PreviousName { get; }

    /// <summary>Microsoft's rule id, when there is one.</summary>
    public string? RuleId { get; }

    /// <summary>The rule's category.</summary>
    public string Category { get; }

    /// <summary>The reference catalog's release.</summary>
    public string ReferenceRelease { get; }

    /// <summary>The difference catalog's release.</summary>
    public string DifferenceRelease { get; }

    /// <summary>The expected value before (canonical), or null when added.</summary>
    public string? ExpectedBefore { get; }

    /// <summary>The expected value after (canonical), or null when removed.</summary>
    public string? ExpectedAfter { get; }

    /// <summary>The severity before, or null when added.</summary>
    public string? SeverityBefore { get; }

    /// <summary>The severity after, or null when removed.</summary>
    public string? SeverityAfter { get; }

    /// <summary>True when the expected value differs.</summary>
    public bool ExpectedChanged => Change == BaselineChangeKind.Changed && !string.Equals(ExpectedBefore, ExpectedAfter, StringComparison.Ordinal);

    /// <summary>True when the severity differs.</summary>
    public bool SeverityChanged => Change == BaselineChangeKind.Changed && !string.Equals(SeverityBefore, SeverityAfter, StringComparison.OrdinalIgnoreCase);

    /// <summary>The rule in the reference catalog.</summary>
    public BaselineRule? ReferenceRule { get; }

    /// <summary>The rule in the difference catalog.</summary>
    public BaselineRule? DifferenceRule { get; }

    /// <summary>The expected value as compared: the parsed expression's canonical text, or the raw text when it does not parse.</summary>
    internal static string Canonical(BaselineRule rule) => rule.Expression?.ToString() ?? rule.ExpectedValue.Trim();

    /// <inheritdoc />
    public override string ToString() => $"{Change} {Name}";
}
