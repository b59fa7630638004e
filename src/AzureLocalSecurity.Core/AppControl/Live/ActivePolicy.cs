using System;
using System.Collections.Generic;

namespace AzureLocalSecurity.AppControl.Live;

/// <summary>
/// One App Control policy active on a node: what CiTool lists (or, without CiTool, a deployed policy file), with the facts of
/// its compiled file and its latest activation event, whether Microsoft provides it, and its own mode. Each policy also
/// carries the node's name and mode, so a pipeline of policies from several nodes reads on its own. A fact that could not be
/// read is null, and <see cref="Unknowns"/> says why.
/// </summary>
public sealed class ActivePolicy
{
    /// <summary>The node.</summary>
    public string NodeName { get; internal set; } = string.Empty;

    /// <summary>The node's user-mode App Control status (<see cref="ApplicationControlState.Mode"/>).</summary>
    public AppControlMode NodeMode { get; internal set; }

    /// <summary>The policy's id; null for a single-policy-format file whose header does not name it.</summary>
    public Guid? PolicyId { get; internal set; }

    /// <summary>The base policy's id (the policy's own for a base policy).</summary>
    public Guid? BasePolicyId { get; internal set; }

    /// <summary>The policy's name.</summary>
    public string? Name { get; internal set; }

    /// <summary>The policy's version (VersionEx).</summary>
    public Version? Version { get; internal set; }

    /// <summary>The version as CiTool prints it (packed in 64 bits); null when it did not come from CiTool.</summary>
    public ulong? VersionRaw { get; internal set; }

    /// <summary>Whether it is a base policy (true) or a supplemental one (false); null when not known.</summary>
    public bool? IsBase { get; internal set; }

    /// <summary>"Base", "Supplemental", or null when not known.</summary>
    public string? PolicyType => IsBase switch { true => "Base", false => "Supplemental", _ => null };

    /// <summary>The policy's own mode: Audit when it has the "Enabled:Audit Mode" rule option, Enforced when it does not.</summary>
    public AppControlMode Mode { get; internal set; }

    /// <summary>Where <see cref="Mode"/> was read.</summary>
    public string? ModeSource { get; internal set; }

    /// <summary>Whether the policy is signed.</summary>
    public bool? IsSigned { get; internal set; }

    /// <summary>CiTool's "Is Currently Enforced" (the policy is active); null when not listed by CiTool.</summary>
    public bool? IsEnforced { get; internal set; }

    /// <summary>CiTool's "Is Authorized".</summary>
    public bool? IsAuthorized { get; internal set; }

    /// <summary>CiTool's "Has File on Disk".</summary>
    public bool? HasFileOnDisk { get; internal set; }

    /// <summary>CiTool's "Platform Policy": Microsoft provides it.</summary>
    public bool? IsPlatformPolicy { get; internal set; }

    /// <summary>The rule options (CiTool's, else those of the compiled file's option bits, else those of its activation event).</summary>
    public IReadOnlyList<string> Options { get; internal set; } = [];

    /// <summary>The compiled file's option bits, or its activation event's; null when neither was read.</summary>
    public uint? OptionFlags { get; internal set; }

    /// <summary>Whether Microsoft provides the policy: one the module knows (Azure Local's base policy, Windows' inbox policies) or one CiTool calls a platform policy.</summary>
    public bool IsMicrosoftProvided { get; internal set; }

    /// <summary>Whether it is Azure Local's base policy, AS_Base_Policy <c>{A6368F66-E2C9-4AA2-AB79-8743F6597683}</c>.</summary>
    public bool IsAzureLocalBase { get; internal set; }

    /// <summary>What the module knows the policy as (such as "Azure Local base policy (AS_Base_Policy)"); null for another policy.</summary>
    public string? Label { get; internal set; }

    /// <summary>Where the policy was listed from: "CiTool", or "file" when CiTool could not be read.</summary>
    public string Source { get; internal set; } = string.Empty;

    /// <summary>The deployed file whose bytes were read, such as <c>{A6368F66-E2C9-4AA2-AB79-8743F6597683}.cip</c>; null when none was.</summary>
    public string? FileName { get; internal set; }

    /// <summary>When the policy was last activated, from its latest 3099 event in the capture.</summary>
    public DateTimeOffset? LastActivated { get; internal set; }

    /// <summary>Each fact about the policy that could not be read, with the reason.</summary>
    public IReadOnlyList<string> Unknowns { get; internal set; } = [];

    /// <inheritdoc />
    public override string ToString() => $"{NodeName} {PolicyId:B} {Name} {Mode}";
}
