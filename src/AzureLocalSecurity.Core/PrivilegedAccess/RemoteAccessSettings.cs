using System.Collections.Generic;

namespace AzureLocalSecurity.PrivilegedAccess;

/// <summary>How administrators reach a node: CredSSP, WinRM listeners, Remote Desktop and NLA, and LAPS. Null: not known (see <see cref="Unknowns"/>).</summary>
public sealed class RemoteAccessSettings
{
    /// <summary>The node.</summary>
    public string ComputerName { get; set; } = string.Empty;

    /// <summary>Whether the WinRM service accepts CredSSP (policy first, then WinRM's configuration).</summary>
    public bool? CredSspServer { get; set; }

    /// <summary>Whether the WinRM client may use CredSSP (policy first, then WinRM's configuration).</summary>
    public bool? CredSspClient { get; set; }

    /// <summary>The WinRM listeners, as <c>address+transport</c>.</summary>
    public IReadOnlyList<string>? WinRmListeners { get; set; }

    /// <summary>True when a WinRM listener uses HTTP.</summary>
    public bool? WinRmHttp { get; set; }

    /// <summary>True when a WinRM listener uses HTTPS.</summary>
    public bool? WinRmHttps { get; set; }

    /// <summary>The WinRM service policy AllowUnencryptedTraffic, when set.</summary>
    public bool? WinRmAllowUnencrypted { get; set; }

    /// <summary>Whether Remote Desktop connections are allowed.</summary>
    public bool? RdpEnabled { get; set; }

    /// <summary>Whether Network Level Authentication is required for Remote Desktop.</summary>
    public bool? RdpNetworkLevelAuthentication { get; set; }

    /// <summary>The active LAPS policy root (registry key), or null when none is set.</summary>
    public string? LapsPolicyRoot { get; set; }

    /// <summary>Whether LAPS manages the local administrator's password (BackupDirectory 1 or 2, or legacy AdmPwdEnabled 1).</summary>
    public bool? LapsEnabled { get; set; }

    /// <summary>Windows LAPS' BackupDirectory: 0 disabled, 1 Microsoft Entra ID, 2 Active Directory.</summary>
    public long? LapsBackupDirectory { get; set; }

    /// <summary>Where each fact came from, by property name.</summary>
    public IDictionary<string, string> Sources { get; } = new Dictionary<string, string>();

    /// <summary>Why a fact is unknown, by property name.</summary>
    public IDictionary<string, string> Unknowns { get; } = new Dictionary<string, string>();
}
