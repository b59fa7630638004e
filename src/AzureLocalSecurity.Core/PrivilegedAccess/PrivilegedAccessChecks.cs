using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Results;

namespace AzureLocalSecurity.PrivilegedAccess;

/// <summary>
/// The privileged-access checks (issue 12): the security book's "restricted and time-bound, with fine-grained privileges"
/// read as no standing administrator beyond the accounts allowed (break-glass), no CredSSP, WinRM over HTTPS, Remote Desktop
/// off or behind NLA, JEA roles without an unconstrained command, and LAPS. Pure; a fact not read is Unknown, never NonCompliant.
/// </summary>
public static class PrivilegedAccessChecks
{
    /// <summary>The area name of these checks.</summary>
    public const string Area = "PrivilegedAccess";

    /// <summary>Administrators holds no standing member beyond the allowed accounts.</summary>
    public const string AdministratorsId = "ALSEC-PA-001";

    /// <summary>The other privileged groups hold no member beyond the allowed accounts.</summary>
    public const string OtherGroupsId = "ALSEC-PA-002";

    /// <summary>The WinRM service does not accept CredSSP.</summary>
    public const string CredSspServerId = "ALSEC-PA-003";

    /// <summary>The WinRM client does not use CredSSP.</summary>
    public const string CredSspClientId = "ALSEC-PA-004";

    /// <summary>WinRM listens over HTTPS only.</summary>
    public const string WinRmHttpsId = "ALSEC-PA-005";

    /// <summary>Remote Desktop is off, or requires Network Level Authentication.</summary>
    public const string RdpId = "ALSEC-PA-006";

    /// <summary>No JEA endpoint exposes an unconstrained command.</summary>
    public const string JeaId = "ALSEC-PA-007";

    /// <summary>LAPS manages the local administrator's password.</summary>
    public const string LapsId = "ALSEC-PA-008";

    private static readonly string[] References =
    [
        "https://learn.microsoft.com/azure/azure-local/concepts/security-features",
        "https://learn.microsoft.com/powershell/scripting/security/remoting/jea/security-considerations",
        "https://learn.microsoft.com/windows-server/identity/laps/laps-management-policy-settings",
        "https://learn.microsoft.com/windows/client-management/mdm/policy-csp-remotemanagement",
    ];

    private static readonly (string Id, string Title, Severity Severity, string Expected)[] All =
    [
        (AdministratorsId, "Administrators holds no standing member beyond the allowed (break-glass) accounts", Severity.High, "only the allowed accounts"),
        (OtherGroupsId, "The other privileged local groups hold no member beyond the allowed accounts", Severity.Medium, "no member beyond the allowed accounts"),
        (CredSspServerId, "The WinRM service does not accept CredSSP", Severity.High, "CredSSP off"),
        (CredSspClientId, "The WinRM client does not delegate credentials with CredSSP", Severity.Medium, "CredSSP off"),
        (WinRmHttpsId, "WinRM listens over HTTPS only", Severity.Low, "no HTTP listener"),
        (RdpId, "Remote Desktop is off, or requires Network Level Authentication", Severity.High, "RDP off, or NLA required"),
        (JeaId, "No JEA endpoint exposes an unconstrained command", Severity.High, "no unconstrained command"),
        (LapsId, "LAPS manages the local administrator's password", Severity.Medium, "BackupDirectory 1 or 2 (or legacy AdmPwdEnabled 1)"),
    ];

    /// <summary>
    /// Runs every check on <paramref name="bundle"/>. <paramref name="allowedAdministrators"/> (SIDs or names) may hold standing
    /// membership; null or empty: <see cref="PrivilegedAccessAnalyzer.DefaultAllowed"/> (RID 500 and Domain Admins).
    /// </summary>
    public static IReadOnlyList<SecurityCheckResult> Evaluate(EvidenceBundle bundle, IReadOnlyCollection<string>? allowedAdministrators = null)
    {
        if (bundle is null)
        {
            throw new ArgumentNullException(nameof(bundle));
        }

        var node = bundle.NodeName;
        if (bundle.Node.Platform == NodePlatform.Linux)
        {
            return All.Select(c => Result(c.Id, CheckStatus.NotApplicable, null, null, "Local groups, WinRM, Remote Desktop, JEA and LAPS are Windows'; this node runs Linux.", null, node)).ToList();
        }

        var allowed = allowedAdministrators is { Count: > 0 } ? allowedAdministrators : PrivilegedAccessAnalyzer.DefaultAllowed(bundle);
        var allowedText = string.Join(", ", allowed);
        var results = new List<SecurityCheckResult>();
        var grants = PrivilegedAccessAnalyzer.ReadGrants(bundle, allowed, out var groupUnknowns);
        results.Add(CheckGroups(node, grants, groupUnknowns, allowedText, admins: true));
        results.Add(CheckGroups(node, grants, groupUnknowns, allowedText, admins: false));

        var remote = PrivilegedAccessAnalyzer.ReadRemoteAccess(bundle);
        results.Add(Flag(node, CredSspServerId, remote, nameof(remote.CredSspServer), remote.CredSspServer, on => on ? "CredSSP on" : "CredSSP off", bad: true,
            "The WinRM service accepts CredSSP: a user's reusable credentials are sent to this node, where whoever controls it can take them.",
            "Disable-WSManCredSSP -Role Server (and set the policy Windows Components > WinRM > WinRM Service > Allow CredSSP authentication to Disabled). Azure Local remoting needs Kerberos, not CredSSP."));
        results.Add(Flag(node, CredSspClientId, remote, nameof(remote.CredSspClient), remote.CredSspClient, on => on ? "CredSSP on" : "CredSSP off", bad: true,
            "The WinRM client may delegate a user's credentials to other machines with CredSSP.",
            "Disable-WSManCredSSP -Role Client (and set the policy WinRM Client > Allow CredSSP authentication to Disabled)."));
        results.Add(CheckWinRm(node, remote));
        results.Add(CheckRdp(node, remote));
        results.Add(CheckJea(bundle));
        results.Add(Flag(node, LapsId, remote, nameof(remote.LapsEnabled), remote.LapsEnabled,
            on => on ? $"managed ({remote.LapsPolicyRoot}{(remote.LapsBackupDirectory is { } d ? ", BackupDirectory " + d : string.Empty)})" : remote.LapsPolicyRoot is null ? "no LAPS policy" : $"not managed ({remote.LapsPolicyRoot}, BackupDirectory {remote.LapsBackupDirectory ?? 0})",
            bad: false, "The local administrator's password is not rotated and backed up by LAPS: the same password may open every node.",
            "Configure Windows LAPS (policy System > LAPS > Configure password backup directory: Active Directory or Microsoft Entra ID)."));
        return results;
    }

    private static SecurityCheckResult CheckGroups(string node, IReadOnlyList<PrivilegedGrant>? grants, IDictionary<string, string> unknowns, string allowedText, bool admins)
    {
        var id = admins ? AdministratorsId : OtherGroupsId;
        const string Source = "netapi32!NetLocalGroupGetMembers level 2";
        if (grants is null)
        {
            return Result(id, CheckStatus.Unknown, null, null, unknowns["*"], null, node);
        }

        var scope = grants.Where(g => (g.GroupSid == PrivilegedAccessAnalyzer.AdministratorsSid) == admins).ToList();
        var extra = scope.Where(g => !g.Allowed).ToList();
        var groupUnknown = unknowns.Where(u => (u.Key == PrivilegedAccessAnalyzer.AdministratorsSid) == admins).Select(u => u.Value).ToList();
        var actual = scope.Count == 0 ? "no member" : string.Join("; ", scope.Select(Describe));
        if (extra.Count > 0)
        {
            var reason = $"Standing members beyond the allowed accounts ({allowedText}): {string.Join("; ", extra.Select(Describe))}."
                + (extra.Any(e => e.Nested) ? " A nested group's own members hold the power too." : string.Empty)
                + " Local group memberships have no end date."
                + (groupUnknown.Count > 0 ? " Not read: " + string.Join(" ", groupUnknown) : string.Empty);
            return Result(id, CheckStatus.NonCompliant, $"only {allowedText}", actual, reason,
                "Remove the extra members (Remove-LocalGroupMember -SID <group SID> -Member <SID>) and grant time-bound access instead (JEA, or Active Directory's Privileged Access Management with a TTL); or name a break-glass account with Test-ALPrivilegedAccess -AllowedAdministrator.", node, Source);
        }

        if (groupUnknown.Count > 0)
        {
            return Result(id, CheckStatus.Unknown, $"only {allowedText}", actual, string.Join(" ", groupUnknown), null, node, Source);
        }

        return Result(id, CheckStatus.Compliant, $"only {allowedText}", actual, null, null, node, Source);
    }

    private static string Describe(PrivilegedGrant g) =>
        $"{g.GroupName ?? g.GroupSid} <- {g.MemberName ?? "?"} ({g.MemberSid}, {g.MemberType}{(g.Nested ? ", nested group" : string.Empty)})";

    private static SecurityCheckResult Flag(string node, string id, RemoteAccessSettings s, string fact, bool? value, Func<bool, string> text, bool bad, string why, string remedy)
    {
        s.Sources.TryGetValue(fact, out var source);
        if (value is not { } v)
        {
            return Result(id, CheckStatus.Unknown, null, null, s.Unknowns.TryGetValue(fact, out var u) ? u : $"{fact} is unknown.", null, node, source);
        }

        return v == bad
            ? Result(id, CheckStatus.NonCompliant, null, text(v), why, remedy, node, source)
            : Result(id, CheckStatus.Compliant, null, text(v), null, null, node, source);
    }

    private static SecurityCheckResult CheckWinRm(string node, RemoteAccessSettings s)
    {
        s.Sources.TryGetValue(nameof(s.WinRmListeners), out var source);
        if (s.WinRmListeners is not { } listeners)
        {
            return Result(WinRmHttpsId, CheckStatus.Unknown, null, null, s.Unknowns[nameof(s.WinRmListeners)], null, node, source);
        }

        var actual = listeners.Count == 0 ? "no listener" : string.Join(", ", listeners);
        if (s.WinRmHttp == true)
        {
            var unencrypted = s.WinRmAllowUnencrypted == true
                ? " The policy AllowUnencryptedTraffic is on, so messages may cross the network in the clear."
                : " With Kerberos or Negotiate WinRM still encrypts each message, but the transport itself is not TLS and the server is not proven by a certificate.";
            return Result(WinRmHttpsId, CheckStatus.NonCompliant, null, actual, "A WinRM listener uses HTTP." + unencrypted,
                "Create an HTTPS listener with a certificate the clients trust (New-Item WSMan:\\localhost\\Listener -Transport HTTPS ...) and remove the HTTP one once every client uses it; Azure Local's own remoting must be checked before the HTTP listener is removed.", node, source);
        }

        return Result(WinRmHttpsId, CheckStatus.Compliant, null, actual, null, null, node, source);
    }

    private static SecurityCheckResult CheckRdp(string node, RemoteAccessSettings s)
    {
        var sources = string.Join("; ", new[] { nameof(s.RdpEnabled), nameof(s.RdpNetworkLevelAuthentication) }.Where(s.Sources.ContainsKey).Select(k => s.Sources[k]));
        if (s.RdpEnabled == false)
        {
            return Result(RdpId, CheckStatus.Compliant, null, "Remote Desktop off", null, null, node, sources);
        }

        if (s.RdpEnabled is null)
        {
            return Result(RdpId, CheckStatus.Unknown, null, null, s.Unknowns[nameof(s.RdpEnabled)], null, node, sources);
        }

        return s.RdpNetworkLevelAuthentication switch
        {
            true => Result(RdpId, CheckStatus.Compliant, null, "Remote Desktop on, NLA required", null, null, node, sources),
            false => Result(RdpId, CheckStatus.NonCompliant, null, "Remote Desktop on, NLA not required", "Remote Desktop accepts a connection before the user is authenticated, so the logon screen and the RDP stack are open to anyone who reaches the port.",
                "Require NLA (Computer Configuration > Administrative Templates > Windows Components > Remote Desktop Services > Remote Desktop Session Host > Security > Require user authentication for remote connections by using Network Level Authentication), or turn Remote Desktop off.", node, sources),
            null => Result(RdpId, CheckStatus.Unknown, null, "Remote Desktop on", s.Unknowns[nameof(s.RdpNetworkLevelAuthentication)], null, node, sources),
        };
    }

    private static SecurityCheckResult CheckJea(EvidenceBundle bundle)
    {
        var node = bundle.NodeName;
        var endpoints = PrivilegedAccessAnalyzer.ReadJeaEndpoints(bundle, out var unknown);
        if (endpoints is null)
        {
            return Result(JeaId, CheckStatus.Unknown, null, null, unknown, null, node);
        }

        var jea = endpoints.Where(e => e.IsJea || e.Unknowns.Count > 0).ToList();
        var source = string.Join("; ", jea.Select(e => e.Source));
        var findings = jea.SelectMany(e => e.UnconstrainedCommands.Select(f => $"{e.Name}: {f}")).ToList();
        var unknowns = jea.SelectMany(e => e.Unknowns.Select(u => $"{e.Name}: {u}")).ToList();
        if (findings.Count > 0)
        {
            return Result(JeaId, CheckStatus.NonCompliant, null, string.Join("; ", findings),
                "A JEA role that can run arbitrary code gives its users the endpoint's run-as identity (often a local administrator) without limit." + (unknowns.Count > 0 ? " Not read: " + string.Join(" ", unknowns) : string.Empty),
                "Remove the command from the role capability (.psrc), or expose it only with ValidateSet/ValidatePattern constraints on its parameters; keep SessionType RestrictedRemoteServer and NoLanguage.", node, source);
        }

        if (unknowns.Count > 0)
        {
            return Result(JeaId, CheckStatus.Unknown, null, null, string.Join(" ", unknowns), null, node, source);
        }

        if (jea.Count == 0)
        {
            return Result(JeaId, CheckStatus.NotApplicable, null, "no JEA endpoint", "No session configuration is registered from a .pssc file.", null, node, "Registry " + PrivilegedAccessEvidenceIds.WsmanPluginKey);
        }

        return Result(JeaId, CheckStatus.Compliant, null, string.Join(", ", jea.Select(e => e.Name)), null, null, node, source);
    }

    private static SecurityCheckResult Result(string id, CheckStatus status, string? expected, string? actual, string? reason, string? remediation, string node, string? source = null)
    {
        var c = All.First(a => a.Id == id);
        return new SecurityCheckResult(id, c.Title, Area, status, c.Severity, expected ?? c.Expected, actual, string.IsNullOrEmpty(source) ? null : source, reason, remediation, References, node);
    }
}
