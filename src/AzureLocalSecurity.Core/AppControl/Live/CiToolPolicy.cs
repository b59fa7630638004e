using System;
using System.Collections.Generic;

namespace AzureLocalSecurity.AppControl.Live;

/// <summary>
/// One policy as CiTool lists it (<c>CiTool --list-policies</c>, Microsoft's "CiTool technical reference"), in either form. A
/// fact the output did not carry is null: the text form has no options, and some builds print no <c>Policy is Signed</c>.
/// </summary>
public sealed class CiToolPolicy
{
    /// <summary>The policy's id (<c>Policy ID</c>, JSON <c>PolicyID</c>).</summary>
    public Guid PolicyId { get; internal set; }

    /// <summary>The id of the base policy it supplements, its own id for a base policy (<c>Base Policy ID</c>, JSON <c>BasePolicyID</c>).</summary>
    public Guid? BasePolicyId { get; internal set; }

    /// <summary>The policy's name, the PolicyInfo Information Name setting (<c>Friendly Name</c>, JSON <c>FriendlyName</c>).</summary>
    public string? FriendlyName { get; internal set; }

    /// <summary>The policy's VersionEx, major.minor.build.revision, from the packed number or (JSON) <c>VersionString</c>.</summary>
    public Version? Version { get; internal set; }

    /// <summary>The version as CiTool prints it: VersionEx packed into 64 bits, major in the top 16 (<c>Version</c>).</summary>
    public ulong? VersionRaw { get; internal set; }

    /// <summary>Whether Microsoft provides the policy, such as the driver block list (<c>Platform Policy</c>, JSON <c>IsSystemPolicy</c>).</summary>
    public bool? IsPlatformPolicy { get; internal set; }

    /// <summary>Whether the policy has a valid signature (<c>Policy is Signed</c>, JSON <c>IsSignedPolicy</c>); null when not printed.</summary>
    public bool? IsSigned { get; internal set; }

    /// <summary>Whether the policy file is on the disk (<c>Has File on Disk</c>, JSON <c>IsOnDisk</c>).</summary>
    public bool? HasFileOnDisk { get; internal set; }

    /// <summary>Whether the policy is active (<c>Is Currently Enforced</c>, JSON <c>IsEnforced</c>). Active, not "not audit": an audit-mode policy that is loaded is enforced in this sense.</summary>
    public bool? IsEnforced { get; internal set; }

    /// <summary>Whether its token authorizes it; the same as <see cref="IsEnforced"/> for a policy that needs no token (<c>Is Authorized</c>, JSON <c>IsAuthorized</c>).</summary>
    public bool? IsAuthorized { get; internal set; }

    /// <summary>CiTool's <c>Status</c> (0 in every sample); null when the output has none.</summary>
    public long? Status { get; internal set; }

    /// <summary>The rule options (JSON <c>PolicyOptions</c>, such as <c>Enabled:UMCI</c>); null when the output has none (the text form).</summary>
    public IReadOnlyList<string>? PolicyOptions { get; internal set; }

    /// <summary>The form the policy was read from.</summary>
    public CiToolOutputFormat Format { get; internal set; }

    /// <summary>Whether the policy is a base policy (its base is itself); null when the base is not known.</summary>
    public bool? IsBasePolicy => BasePolicyId is { } b ? b == PolicyId : null;

    /// <summary>
    /// VersionEx from the 64-bit number CiTool prints: major, minor, build and revision are its four 16-bit parts from the top
    /// (<c>2814751463178240</c> is 10.0.25880.0).
    /// </summary>
    public static Version VersionFromPacked(ulong packed) =>
        new((int)(packed >> 48), (int)((packed >> 32) & 0xFFFF), (int)((packed >> 16) & 0xFFFF), (int)(packed & 0xFFFF));

    /// <inheritdoc />
    public override string ToString() => $"{PolicyId:D} {FriendlyName} {Version}";
}
