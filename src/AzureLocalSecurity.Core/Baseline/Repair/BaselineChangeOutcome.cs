using System;
using AzureLocalSecurity.Baseline.Facts;

namespace AzureLocalSecurity.Baseline.Repair;

/// <summary>The outcome of changing one setting: before, after, whether it took, and whether a restart is needed.</summary>
public sealed class BaselineChangeOutcome
{
    internal BaselineChangeOutcome(string nodeName, string ruleName, FactRef fact, FactValue? before, FactValue after, BaselineChangeResult result, bool rebootRequired, string? message)
    {
        NodeName = nodeName;
        RuleName = ruleName;
        Fact = fact ?? throw new ArgumentNullException(nameof(fact));
        Before = before;
        After = after;
        Result = result;
        RebootRequired = rebootRequired;
        Message = message;
    }

    /// <summary>The node.</summary>
    public string NodeName { get; }

    /// <summary>The rule the change was for.</summary>
    public string RuleName { get; }

    /// <summary>The setting.</summary>
    public FactRef Fact { get; }

    /// <summary>The value read just before the change (null when it could not be read).</summary>
    public FactValue? Before { get; }

    /// <summary>The value set.</summary>
    public FactValue After { get; }

    /// <summary>What happened.</summary>
    public BaselineChangeResult Result { get; }

    /// <summary>True when the change takes effect only after a restart.</summary>
    public bool RebootRequired { get; }

    /// <summary>Why it failed, or a note.</summary>
    public string? Message { get; }

    /// <inheritdoc />
    public override string ToString() => $"{RuleName}: {Result}";
}
