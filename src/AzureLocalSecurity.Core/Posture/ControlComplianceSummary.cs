using AzureLocalSecurity.Results;

namespace AzureLocalSecurity.Posture;

/// <summary>
/// One framework control across the results mapped to it: how many are compliant, non-compliant, unknown (Unknown or Error)
/// and not applicable, and the worst status among them (NonCompliant, then Error, Unknown, Compliant, NotApplicable). Immutable.
/// </summary>
public sealed class ControlComplianceSummary
{
    internal ControlComplianceSummary(ComplianceFramework framework, string control, int compliant, int nonCompliant, int unknown, int notApplicable, CheckStatus worstStatus)
    {
        Framework = framework;
        Control = control;
        Compliant = compliant;
        NonCompliant = nonCompliant;
        Unknown = unknown;
        NotApplicable = notApplicable;
        WorstStatus = worstStatus;
    }

    /// <summary>The framework.</summary>
    public ComplianceFramework Framework { get; }

    /// <summary>The control id, such as <c>AC-6(9)</c>.</summary>
    public string Control { get; }

    /// <summary>Results mapped to the control that are Compliant.</summary>
    public int Compliant { get; }

    /// <summary>Results mapped to the control that are NonCompliant.</summary>
    public int NonCompliant { get; }

    /// <summary>Results mapped to the control that are Unknown or Error.</summary>
    public int Unknown { get; }

    /// <summary>Results mapped to the control that are NotApplicable.</summary>
    public int NotApplicable { get; }

    /// <summary>The worst status among the results: NonCompliant, then Error, Unknown, Compliant, NotApplicable.</summary>
    public CheckStatus WorstStatus { get; }

    /// <inheritdoc />
    public override string ToString() => $"{ComplianceReference.Name(Framework)} {Control}: {WorstStatus}";
}
