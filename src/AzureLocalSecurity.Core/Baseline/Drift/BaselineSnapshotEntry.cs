using System;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Results;

namespace AzureLocalSecurity.Baseline.Drift;

/// <summary>One rule as a snapshot remembers it: its status and the value read.</summary>
public sealed class BaselineSnapshotEntry
{
    /// <summary>Creates an entry.</summary>
    public BaselineSnapshotEntry(string ruleName, CheckStatus status, FactValue? actual, string? source)
    {
        RuleName = ruleName ?? throw new ArgumentNullException(nameof(ruleName));
        Status = status;
        Actual = actual;
        Source = source;
    }

    /// <summary>The rule.</summary>
    public string RuleName { get; }

    /// <summary>Its status then.</summary>
    public CheckStatus Status { get; }

    /// <summary>The value then; null when it could not be read.</summary>
    public FactValue? Actual { get; }

    /// <summary>Where it was read from.</summary>
    public string? Source { get; }
}
