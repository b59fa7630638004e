using System;
using AzureLocalSecurity.Baseline.Facts;

namespace AzureLocalSecurity.Baseline.Repair;

/// <summary>One change as the undo file records it: the setting, its value before (possibly absent) and the value set.</summary>
public sealed class BaselineUndoEntry
{
    /// <summary>Creates an entry.</summary>
    public BaselineUndoEntry(string ruleName, FactRef fact, string? registryType, FactValue before, FactValue after)
    {
        RuleName = ruleName ?? throw new ArgumentNullException(nameof(ruleName));
        Fact = fact ?? throw new ArgumentNullException(nameof(fact));
        RegistryType = registryType;
        Before = before ?? throw new ArgumentNullException(nameof(before));
        After = after ?? throw new ArgumentNullException(nameof(after));
    }

    /// <summary>The rule the change was for.</summary>
    public string RuleName { get; }

    /// <summary>The setting.</summary>
    public FactRef Fact { get; }

    /// <summary>The REG_ type of the value before (for registry settings), used to restore it exactly.</summary>
    public string? RegistryType { get; }

    /// <summary>The value before the change; <see cref="FactValue.Absent"/> when there was none.</summary>
    public FactValue Before { get; }

    /// <summary>The value the change set.</summary>
    public FactValue After { get; }
}
