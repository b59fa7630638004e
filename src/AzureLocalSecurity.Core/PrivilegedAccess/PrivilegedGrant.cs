using System;

namespace AzureLocalSecurity.PrivilegedAccess;

/// <summary>One account or group that holds a privileged local group's power on a node: who, through which group, and for how long.</summary>
public sealed class PrivilegedGrant
{
    /// <summary>The node.</summary>
    public string ComputerName { get; set; } = string.Empty;

    /// <summary>The privileged group's well-known SID, such as <c>S-1-5-32-544</c>.</summary>
    public string GroupSid { get; set; } = string.Empty;

    /// <summary>The group's name as the node gave it (localized; for display only).</summary>
    public string? GroupName { get; set; }

    /// <summary>The member's SID.</summary>
    public string MemberSid { get; set; } = string.Empty;

    /// <summary>The member's <c>DOMAIN\name</c> as the node resolved it, or null when it could not.</summary>
    public string? MemberName { get; set; }

    /// <summary>What the member is (SID_NAME_USE): User, Group, Alias, WellKnownGroup, DeletedAccount, Unknown...</summary>
    public string MemberType { get; set; } = "Unknown";

    /// <summary>True when the member is itself a group, whose members hold the power too (a nested domain or local group).</summary>
    public bool Nested { get; set; }

    /// <summary>True when the member is allowed to hold standing rights here (a break-glass account, see Test-ALPrivilegedAccess -AllowedAdministrator).</summary>
    public bool Allowed { get; set; }

    /// <summary>Where the membership was read.</summary>
    public string Source { get; set; } = string.Empty;

    /// <summary>When the membership ends; null: standing (a local group membership has no end), or not read for a nested domain group's own members.</summary>
    public DateTimeOffset? Expires { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{GroupName ?? GroupSid}: {MemberName ?? MemberSid}";
}
