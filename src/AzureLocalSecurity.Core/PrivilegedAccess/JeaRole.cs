using System.Collections.Generic;

namespace AzureLocalSecurity.PrivilegedAccess;

/// <summary>What one principal may run on a JEA endpoint: its role capabilities and the commands they make visible.</summary>
public sealed class JeaRole
{
    /// <summary>The principal of the RoleDefinitions entry (<c>DOMAIN\group</c>).</summary>
    public string Principal { get; set; } = string.Empty;

    /// <summary>The role capability names.</summary>
    public IReadOnlyList<string> RoleCapabilities { get; set; } = [];

    /// <summary>The .psrc files the names resolved to.</summary>
    public IReadOnlyList<string> RoleCapabilityFiles { get; set; } = [];

    /// <summary>The visible cmdlets (a name, or <c>name (parameters: ...)</c> when constrained).</summary>
    public IReadOnlyList<string> VisibleCmdlets { get; set; } = [];

    /// <summary>The visible functions.</summary>
    public IReadOnlyList<string> VisibleFunctions { get; set; } = [];

    /// <summary>The visible external commands (paths).</summary>
    public IReadOnlyList<string> VisibleExternalCommands { get; set; } = [];

    /// <summary>The commands exposed without a constraint that let a user run anything (Invoke-Expression, a shell...), each with why.</summary>
    public IReadOnlyList<string> UnconstrainedCommands { get; set; } = [];

    /// <summary>What could not be read for this role.</summary>
    public IReadOnlyList<string> Unknowns { get; set; } = [];
}
