namespace AzureLocalSecurity.Baseline.Repair;

/// <summary>A non-compliant rule the plan does not change, and why.</summary>
public sealed class BaselineRepairSkip
{
    internal BaselineRepairSkip(BaselineRule rule, string reason)
    {
        Rule = rule;
        Reason = reason;
    }

    /// <summary>The rule.</summary>
    public BaselineRule Rule { get; }

    /// <summary>The rule's name.</summary>
    public string RuleName => Rule.Name;

    /// <summary>Why it is not changed.</summary>
    public string Reason { get; }

    /// <inheritdoc />
    public override string ToString() => $"{RuleName}: {Reason}";
}
