using System;
using System.Collections.Generic;

namespace AzureLocalSecurity.AppControl.Live;

/// <summary>
/// What a compiled policy file says about itself. The header fields (FORMATS.md §3: FormatVersion at 0, the policy type id at
/// 4, the platform id at 0x14, OptionFlags at 0x24, VersionEx at 0x38) are always there; <see cref="PolicyId"/>,
/// <see cref="BasePolicyId"/> and <see cref="Name"/> are null unless the inspector reads the policy's body.
/// </summary>
public sealed class CompiledPolicyFacts
{
    /// <summary>The option bit of "Enabled:Audit Mode" (bit 16; Microsoft's event tag page, "Policy activation event Options").</summary>
    public const uint AuditModeFlag = 0x10000;

    /// <summary>The binary format's version (the u32 at offset 0).</summary>
    public uint FormatVersion { get; set; }

    /// <summary>The GUID at offset 4: the policy's id in the multiple-policy format, a policy type id (Enterprise, Driver, ...) in the single-policy format.</summary>
    public Guid PolicyTypeId { get; set; }

    /// <summary>The platform id at offset 0x14 (<c>{2E07F7E4-194C-4D20-B7C9-6F44A6C5A234}</c> for Windows).</summary>
    public Guid PlatformId { get; set; }

    /// <summary>The option flags at offset 0x24, the rule options' bits (audit mode is <see cref="AuditModeFlag"/>).</summary>
    public uint OptionFlags { get; set; }

    /// <summary>The policy's VersionEx (offset 0x38: revision, build, minor and major, u16 each).</summary>
    public Version? Version { get; set; }

    /// <summary>Whether the file is PKCS#7 SignedData around the policy (a signed policy).</summary>
    public bool IsSigned { get; set; }

    /// <summary>The policy's id, when the inspector reads it from the body; null from the header alone.</summary>
    public Guid? PolicyId { get; set; }

    /// <summary>The base policy's id, when the inspector reads it from the body; null from the header alone.</summary>
    public Guid? BasePolicyId { get; set; }

    /// <summary>The policy's name (PolicyInfo Information Name), when the inspector reads it; null from the header alone.</summary>
    public string? Name { get; set; }

    /// <summary>The rule options by name (<c>Enabled:UMCI</c>, ...); the header reader names the documented bits of <see cref="OptionFlags"/>.</summary>
    public IReadOnlyList<string> Options { get; set; } = [];

    /// <summary>Whether the policy is in audit mode: "Enabled:Audit Mode" is set.</summary>
    public bool IsAuditMode => (OptionFlags & AuditModeFlag) != 0;
}
