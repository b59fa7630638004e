using System.Collections.Generic;
using System.Linq;

namespace AzureLocalSecurity.AppControl.Live;

/// <summary>
/// A node's App Control for Business state: its enforcement status as Windows reports it and the policies that are active,
/// each with its own mode. What could not be read is in <see cref="Unknowns"/>, never taken for Off.
/// </summary>
public sealed class ApplicationControlState
{
    /// <summary>The node.</summary>
    public string NodeName { get; internal set; } = string.Empty;

    /// <summary>
    /// The node's user-mode status, Win32_DeviceGuard <c>UsermodeCodeIntegrityPolicyEnforcementStatus</c> (0 off, 1 audit,
    /// 2 enforced), what Azure Local's App Control mode is; the kernel's CODEINTEGRITY_OPTION_UMCI bits when the Device Guard
    /// provider could not be read.
    /// </summary>
    public AppControlMode Mode { get; internal set; }

    /// <summary>The kernel-mode status, Win32_DeviceGuard <c>CodeIntegrityPolicyEnforcementStatus</c>.</summary>
    public AppControlMode KernelMode { get; internal set; }

    /// <summary>Where <see cref="Mode"/> was read.</summary>
    public string? ModeSource { get; internal set; }

    /// <summary>Whether the active policies are known (from CiTool, or from the deployed files).</summary>
    public bool PoliciesKnown { get; internal set; }

    /// <summary>Where the policies were listed from: "CiTool" or "file"; null when they are not known.</summary>
    public string? PolicySource { get; internal set; }

    /// <summary>The active policies.</summary>
    public IReadOnlyList<ActivePolicy> Policies { get; internal set; } = [];

    /// <summary>Policies CiTool lists that are not active ("Is Currently Enforced: false").</summary>
    public IReadOnlyList<ActivePolicy> InactivePolicies { get; internal set; } = [];

    /// <summary>Whether Azure Local's base policy is among the active ones; null when the policies are not known.</summary>
    public bool? HasAzureLocalBasePolicy => PoliciesKnown ? Policies.Any(p => p.IsAzureLocalBase) : null;

    /// <summary>The active policies in audit mode.</summary>
    public int AuditPolicyCount => Policies.Count(p => p.Mode == AppControlMode.Audit);

    /// <summary>The active policies that are enforced.</summary>
    public int EnforcedPolicyCount => Policies.Count(p => p.Mode == AppControlMode.Enforced);

    /// <summary>The active supplemental policies.</summary>
    public int SupplementalPolicyCount => Policies.Count(p => p.IsBase == false);

    /// <summary>Each fact that could not be read, with the reason.</summary>
    public IReadOnlyList<string> Unknowns { get; internal set; } = [];

    /// <inheritdoc />
    public override string ToString() => $"{NodeName} {Mode} ({Policies.Count} active policies)";
}
