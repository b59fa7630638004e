using System.Collections.Generic;

namespace AzureLocalSecurity.Fleet;

/// <summary>
/// How to reach the nodes: computer names with their connection options, or sessions already open. Credential and
/// sessions are held as the objects PowerShell gave (PSCredential, PSSession) and passed on untouched.
/// </summary>
public sealed class FleetConnection
{
    /// <summary>Invoke-Command's own default throttle.</summary>
    public const int DefaultThrottleLimit = 32;

    /// <summary>The computer names to connect to (the -ComputerName form).</summary>
    public IReadOnlyList<string> ComputerNames { get; set; } = [];

    /// <summary>The open sessions to run in (the -Session form); the other connection options do not apply to them.</summary>
    public IReadOnlyList<object> Sessions { get; set; } = [];

    /// <summary>The PSCredential to connect with; null: the current user (Kerberos in a domain).</summary>
    public object? Credential { get; set; }

    /// <summary>The AuthenticationMechanism name; Default (Negotiate: Kerberos in a domain) unless set. Credssp is refused.</summary>
    public string Authentication { get; set; } = "Default";

    /// <summary>The WinRM port; null: the default of the transport (5985, or 5986 with SSL).</summary>
    public int? Port { get; set; }

    /// <summary>Connect over HTTPS.</summary>
    public bool UseSsl { get; set; }

    /// <summary>How many nodes run at once.</summary>
    public int ThrottleLimit { get; set; } = DefaultThrottleLimit;
}
