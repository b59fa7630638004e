using AzureLocalSecurity.Results;

namespace AzureLocalSecurity.Baseline.Drift;

/// <summary>One rule that changed since a snapshot: before, after, and whether it is compliant now.</summary>
public sealed class BaselineDriftItem
{
    internal BaselineDriftItem(string nodeName, string ruleName, BaselineDriftKind change, string? before, string? after, CheckStatus? statusBefore, CheckStatus? statusAfter, string? severity)
    {
        NodeName = nodeName;
        RuleName = ruleName;
        Change = change;
        Before = before;
        After = after;
        StatusBefore = statusBefore;
        StatusAfter = statusAfter;
        Severity = severity;
    }

    /// <summary>The node.</summary>
    public string NodeName { get; }

    /// <summary>The rule.</summary>
    public string RuleName { get; }

    /// <summary>What kind of change.</summary>
    public BaselineDriftKind Change { get; }

    /// <summary>The value in the snapshot (null: it could not be read then).</summary>
    public string? Before { get; }

    /// <summary>The value now (null: it cannot be read now).</summary>
    public string? After { get; }

    /// <summary>The status in the snapshot.</summary>
    public CheckStatus? StatusBefore { get; }

    /// <summary>The status now.</summary>
    public CheckStatus? StatusAfter { get; }

    /// <summary>True when the rule is met now, false when not, null when it cannot be decided now.</summary>
    public bool? NowCompliant => StatusAfter switch
    {
        CheckStatus.Compliant => true,
        CheckStatus.NonCompliant => false,
        _ => null,
    };

    /// <summary>The rule's severity.</summary>
    public string? Severity { get; }

    /// <inheritdoc />
    public override string ToString() => $"{RuleName}: {Before} -> {After}";
}
