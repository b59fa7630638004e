using System;
using AzureLocalSecurity.Baseline.Facts;

namespace AzureLocalSecurity.Baseline.Rules;

/// <summary>
/// The value a repair would set for a rule, and why; or no value, and why none can be chosen.
/// A <see cref="Target"/> of kind <see cref="FactValueKind.Absent"/> means "delete the value".
/// </summary>
public sealed class RemedyChoice
{
    /// <summary>Creates a choice.</summary>
    public RemedyChoice(FactValue? target, string reason)
    {
        Target = target;
        Reason = reason ?? throw new ArgumentNullException(nameof(reason));
    }

    /// <summary>The value to set (Absent: delete it), or null when no value can be chosen.</summary>
    public FactValue? Target { get; }

    /// <summary>Why this target, or why none can be chosen.</summary>
    public string Reason { get; }

    /// <inheritdoc />
    public override string ToString() => Target is null ? "(no target) " + Reason : Target + " (" + Reason + ")";
}
