using System.Collections.Generic;

namespace AzureLocalSecurity.PrivilegedAccess;

/// <summary>A PowerShell session configuration (a WinRM plugin), and for a JEA endpoint its run-as identity and roles.</summary>
public sealed class JeaEndpoint
{
    /// <summary>The node.</summary>
    public string ComputerName { get; set; } = string.Empty;

    /// <summary>The session configuration's name.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>True when the configuration comes from a session configuration file (.pssc), as JEA endpoints do.</summary>
    public bool IsJea { get; set; }

    /// <summary>The .pssc path the configuration was registered from.</summary>
    public string? ConfigFilePath { get; set; }

    /// <summary>SessionType of the .pssc (RestrictedRemoteServer, Empty, Default).</summary>
    public string? SessionType { get; set; }

    /// <summary>LanguageMode of the .pssc.</summary>
    public string? LanguageMode { get; set; }

    /// <summary>Who commands run as: a virtual account, a group managed service account, the plugin's RunAsUser, or the connecting user.</summary>
    public string? RunAs { get; set; }

    /// <summary>The roles of the endpoint.</summary>
    public IReadOnlyList<JeaRole> Roles { get; set; } = [];

    /// <summary>Every unconstrained command or setting of the endpoint, with the principal that gets it.</summary>
    public IReadOnlyList<string> UnconstrainedCommands { get; set; } = [];

    /// <summary>What could not be read.</summary>
    public IReadOnlyList<string> Unknowns { get; set; } = [];

    /// <summary>Where the facts came from.</summary>
    public string Source { get; set; } = string.Empty;
}
