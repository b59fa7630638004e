using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AzureLocalSecurity.Evidence;
using Ids = AzureLocalSecurity.Evidence.PrivilegedAccessEvidenceIds;

namespace AzureLocalSecurity.PrivilegedAccess;

/// <summary>
/// Reads a bundle's privileged-access facts (<see cref="PrivilegedAccessEvidenceIds"/>) into grants, remote-access settings
/// and JEA endpoints. Pure: no OS call; groups and accounts are compared by SID only.
/// </summary>
public static class PrivilegedAccessAnalyzer
{
    /// <summary>The Administrators alias.</summary>
    public const string AdministratorsSid = "S-1-5-32-544";

    /// <summary>ERROR_NO_SUCH_ALIAS and ERROR_NONE_MAPPED: the node has no such local group.</summary>
    private static readonly long[] NoSuchGroupCodes = [1376, 1332, 2220];

    private const string GroupSource = "netapi32!NetLocalGroupGetMembers level 2";

    /// <summary>The commands that run arbitrary code or reach beyond the endpoint when exposed without a constraint.</summary>
    public static readonly IReadOnlyList<string> UnconstrainedCommandNames =
    [
        "Invoke-Expression", "iex", "Add-Type", "Invoke-Command", "icm", "Start-Process", "saps", "start", "New-Object", "Invoke-Item", "ii",
        "Import-Module", "ipmo", "Enter-PSSession", "New-PSSession", "Invoke-WmiMethod", "Invoke-CimMethod", "Set-PSSessionConfiguration",
    ];

    private static readonly string[] Shells = ["powershell.exe", "pwsh.exe", "cmd.exe", "powershell", "pwsh", "cmd", "wsl.exe", "bash.exe"];

    /// <summary>The node's domain SIDs: the local account domain and, on a domain member, the primary domain (null when unknown).</summary>
    public static (string? AccountDomain, string? PrimaryDomain, string? Unknown) ReadDomains(EvidenceBundle bundle)
    {
        var item = (bundle ?? throw new ArgumentNullException(nameof(bundle))).Find(Ids.Domains);
        if (item is null)
        {
            return (null, null, "The node's domain SIDs were not captured (LsaQueryInformationPolicy).");
        }

        if (item.Error is { } error)
        {
            return (null, null, $"The node's domain SIDs could not be read: {error}");
        }

        var record = item.Records is { Count: > 0 } records ? records[0] : null;
        return (record?.Get(Ids.AccountDomainSid)?.AsString(), record?.Get(Ids.PrimaryDomainSid)?.AsString(), null);
    }

    /// <summary>
    /// The members of the privileged local groups, each marked <see cref="PrivilegedGrant.Allowed"/> against
    /// <paramref name="allowed"/> (SIDs, or names compared with the recorded <c>DOMAIN\name</c> or bare name, without case).
    /// <paramref name="unknowns"/> holds the groups that could not be read, by group SID; null when nothing was captured.
    /// </summary>
    public static IReadOnlyList<PrivilegedGrant>? ReadGrants(EvidenceBundle bundle, IReadOnlyCollection<string> allowed, out IDictionary<string, string> unknowns)
    {
        if (bundle is null)
        {
            throw new ArgumentNullException(nameof(bundle));
        }

        if (allowed is null)
        {
            throw new ArgumentNullException(nameof(allowed));
        }

        unknowns = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var item = bundle.Find(Ids.LocalGroupMembers);
        if (item is null)
        {
            unknowns["*"] = "The bundle has no local group memberships (NetLocalGroupGetMembers was not captured; capture on Windows with Export-ALSecurityEvidence from this version or later).";
            return null;
        }

        if (item.Error is { } error)
        {
            unknowns["*"] = $"The local group memberships could not be read: {error}";
            return null;
        }

        var grants = new List<PrivilegedGrant>();
        foreach (var record in item.Records ?? [])
        {
            var groupSid = record.Get(Ids.GroupSid)?.AsString();
            if (groupSid is null)
            {
                continue;
            }

            if (record.Get(Ids.Error)?.AsString() is { } message)
            {
                var code = record.Get(Ids.ErrorCode)?.AsInt64();
                if (code is null || !NoSuchGroupCodes.Contains(code.Value))
                {
                    unknowns[groupSid] = $"{groupSid}: {message}";
                }

                continue;
            }

            var sids = record.Get(Ids.MemberSids)?.AsStrings() ?? [];
            var names = record.Get(Ids.MemberNames)?.AsStrings() ?? [];
            var usages = record.Get(Ids.MemberSidUsages)?.Value as ulong[] ?? [];
            for (var i = 0; i < sids.Count; i++)
            {
                var name = i < names.Count && names[i].Length > 0 ? names[i] : null;
                var usage = i < usages.Length ? (long)usages[i] : 8;
                grants.Add(new PrivilegedGrant
                {
                    ComputerName = bundle.NodeName,
                    GroupSid = groupSid,
                    GroupName = record.Get(Ids.GroupName)?.AsString(),
                    MemberSid = sids[i],
                    MemberName = name,
                    MemberType = SidUse(usage),
                    Nested = usage is 2 or 4 or 5,
                    Allowed = IsAllowed(sids[i], name, allowed),
                    Source = GroupSource,
                });
            }
        }

        return grants;
    }

    /// <summary>
    /// The accounts allowed standing membership when the administrator names none: the built-in Administrator (RID 500 of the
    /// account domain) and Domain Admins (RID 512 of the primary domain). When the domains are unknown, the RIDs are matched in
    /// any <c>S-1-5-21</c> domain, as a pattern <c>*-500</c>.
    /// </summary>
    public static IReadOnlyList<string> DefaultAllowed(EvidenceBundle bundle)
    {
        var (account, primary, _) = ReadDomains(bundle);
        var list = new List<string>();
        list.Add(account is null ? "*-500" : account + "-500");
        if (primary is not null)
        {
            list.Add(primary + "-512");
        }
        else if (account is null)
        {
            list.Add("*-512");
        }

        return list;
    }

    private static bool IsAllowed(string sid, string? name, IReadOnlyCollection<string> allowed)
    {
        foreach (var entry in allowed)
        {
            if (entry.StartsWith("*-", StringComparison.Ordinal))
            {
                if (sid.StartsWith("S-1-5-21-", StringComparison.OrdinalIgnoreCase) && sid.EndsWith(entry.Substring(1), StringComparison.Ordinal))
                {
                    return true;
                }
            }
            else if (entry.StartsWith("S-1-", StringComparison.OrdinalIgnoreCase))
            {
                if (string.Equals(entry, sid, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
            else if (name is not null && (string.Equals(entry, name, StringComparison.OrdinalIgnoreCase)
                || string.Equals(entry, name.Substring(name.IndexOf('\\') + 1), StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    private static string SidUse(long usage) => usage switch
    {
        1 => "User",
        2 => "Group",
        3 => "Domain",
        4 => "Alias",
        5 => "WellKnownGroup",
        6 => "DeletedAccount",
        7 => "Invalid",
        9 => "Computer",
        10 => "Label",
        11 => "LogonSession",
        _ => "Unknown",
    };

    /// <summary>The remote-access settings of the bundle; a fact not read is null with its reason in <see cref="RemoteAccessSettings.Unknowns"/>.</summary>
    public static RemoteAccessSettings ReadRemoteAccess(EvidenceBundle bundle)
    {
        if (bundle is null)
        {
            throw new ArgumentNullException(nameof(bundle));
        }

        var s = new RemoteAccessSettings { ComputerName = bundle.NodeName };
        ReadCredSsp(bundle, s, nameof(s.CredSspServer), Ids.WinRmServicePolicyKey, Ids.WsmanServiceKey, v => s.CredSspServer = v);
        ReadCredSsp(bundle, s, nameof(s.CredSspClient), Ids.WinRmClientPolicyKey, Ids.WsmanClientKey, v => s.CredSspClient = v);

        var listeners = Key(bundle, Ids.WsmanListenerKey, out var why);
        if (listeners is not null || why is null)
        {
            var names = listeners?.SubKeys ?? [];
            s.WinRmListeners = names.ToList();
            s.WinRmHttp = names.Any(n => n.EndsWith("+HTTP", StringComparison.OrdinalIgnoreCase));
            s.WinRmHttps = names.Any(n => n.EndsWith("+HTTPS", StringComparison.OrdinalIgnoreCase));
            s.Sources[nameof(s.WinRmListeners)] = "Registry " + Ids.WsmanListenerKey + (listeners is null ? " (the key does not exist: no listener)" : " subkeys");
        }
        else
        {
            s.Unknowns[nameof(s.WinRmListeners)] = why;
        }

        var winRmPolicy = Key(bundle, Ids.WinRmServicePolicyKey, out _);
        if (winRmPolicy?.GetValue("AllowUnencryptedTraffic")?.AsInt64() is { } unencrypted)
        {
            s.WinRmAllowUnencrypted = unencrypted != 0;
        }

        ReadRdp(bundle, s);
        ReadLaps(bundle, s);
        return s;
    }

    /// <summary>A registry key of the bundle; null with <paramref name="why"/> null when the key does not exist, null with a reason when it is unknown.</summary>
    private static RegistryKeyEvidence? Key(EvidenceBundle bundle, string key, out string? why)
    {
        var item = bundle.Find(EvidenceIds.Registry(key));
        if (item is null)
        {
            why = $"{key} was not captured.";
            return null;
        }

        if (item.Error is { } error)
        {
            why = error.Category == EvidenceErrorCategory.NotFound ? null : $"{key} could not be read: {error}";
            return null;
        }

        why = null;
        return item.Registry;
    }

    private static void ReadCredSsp(EvidenceBundle bundle, RemoteAccessSettings s, string fact, string policyKey, string wsmanKey, Action<bool> set)
    {
        var policy = Key(bundle, policyKey, out var policyWhy);
        if (policy?.GetValue("AllowCredSSP")?.AsInt64() is { } allow)
        {
            set(allow != 0);
            s.Sources[fact] = $"Registry {policyKey} AllowCredSSP (policy)";
            return;
        }

        if (policyWhy is not null)
        {
            s.Unknowns[fact] = policyWhy;
            return;
        }

        var wsman = Key(bundle, wsmanKey, out var wsmanWhy);
        if (wsmanWhy is not null)
        {
            s.Unknowns[fact] = wsmanWhy;
            return;
        }

        var value = wsman?.GetValue("auth_credssp")?.AsInt64();
        set(value is { } v && v != 0);
        s.Sources[fact] = value is null
            ? $"Registry {wsmanKey} (auth_credssp not set: WinRM's default is CredSSP off; no policy)"
            : $"Registry {wsmanKey} auth_credssp (no policy)";
    }

    private static void ReadRdp(EvidenceBundle bundle, RemoteAccessSettings s)
    {
        var policy = Key(bundle, Ids.TerminalServicesPolicyKey, out var policyWhy);
        var server = Key(bundle, Ids.TerminalServerKey, out var serverWhy);
        var tcp = Key(bundle, Ids.RdpTcpKey, out var tcpWhy);

        if (policy?.GetValue("fDenyTSConnections")?.AsInt64() is { } policyDeny)
        {
            s.RdpEnabled = policyDeny == 0;
            s.Sources[nameof(s.RdpEnabled)] = $"Registry {Ids.TerminalServicesPolicyKey} fDenyTSConnections (policy)";
        }
        else if (policyWhy is not null)
        {
            s.Unknowns[nameof(s.RdpEnabled)] = policyWhy;
        }
        else if (server?.GetValue("fDenyTSConnections")?.AsInt64() is { } deny)
        {
            s.RdpEnabled = deny == 0;
            s.Sources[nameof(s.RdpEnabled)] = $"Registry {Ids.TerminalServerKey} fDenyTSConnections";
        }
        else
        {
            s.Unknowns[nameof(s.RdpEnabled)] = serverWhy ?? $"{Ids.TerminalServerKey} has no fDenyTSConnections.";
        }

        if (policy?.GetValue("UserAuthentication")?.AsInt64() is { } policyNla)
        {
            s.RdpNetworkLevelAuthentication = policyNla != 0;
            s.Sources[nameof(s.RdpNetworkLevelAuthentication)] = $"Registry {Ids.TerminalServicesPolicyKey} UserAuthentication (policy)";
        }
        else if (policyWhy is not null)
        {
            s.Unknowns[nameof(s.RdpNetworkLevelAuthentication)] = policyWhy;
        }
        else if (tcp?.GetValue("UserAuthentication")?.AsInt64() is { } nla)
        {
            s.RdpNetworkLevelAuthentication = nla != 0;
            s.Sources[nameof(s.RdpNetworkLevelAuthentication)] = $"Registry {Ids.RdpTcpKey} UserAuthentication";
        }
        else
        {
            s.Unknowns[nameof(s.RdpNetworkLevelAuthentication)] = tcpWhy ?? $"{Ids.RdpTcpKey} has no UserAuthentication.";
        }
    }

    private static void ReadLaps(EvidenceBundle bundle, RemoteAccessSettings s)
    {
        foreach (var root in Ids.LapsPolicyKeys)
        {
            var key = Key(bundle, root, out var why);
            if (why is not null)
            {
                s.Unknowns[nameof(s.LapsEnabled)] = why;
                return;
            }

            if (key is null || key.Values.Count == 0)
            {
                continue;
            }

            s.LapsPolicyRoot = root;
            if (root == Ids.LapsPolicyKeys[Ids.LapsPolicyKeys.Count - 1])
            {
                s.LapsEnabled = key.GetValue("AdmPwdEnabled")?.AsInt64() == 1;
                s.Sources[nameof(s.LapsEnabled)] = $"Registry {root} AdmPwdEnabled (legacy Microsoft LAPS)";
            }
            else
            {
                // BackupDirectory not set takes its default, 0: the password is not managed.
                s.LapsBackupDirectory = key.GetValue("BackupDirectory")?.AsInt64() ?? 0;
                s.LapsEnabled = s.LapsBackupDirectory is 1 or 2;
                s.Sources[nameof(s.LapsEnabled)] = $"Registry {root} BackupDirectory (the active Windows LAPS policy root)";
            }

            return;
        }

        s.LapsEnabled = false;
        s.Sources[nameof(s.LapsEnabled)] = "Registry: no LAPS policy root holds a setting (" + string.Join(", ", Ids.LapsPolicyKeys) + ")";
    }

    /// <summary>The session configurations of the bundle; null with <paramref name="unknown"/> set when the WinRM plugins are unknown.</summary>
    public static IReadOnlyList<JeaEndpoint>? ReadJeaEndpoints(EvidenceBundle bundle, out string? unknown)
    {
        if (bundle is null)
        {
            throw new ArgumentNullException(nameof(bundle));
        }

        var plugins = Key(bundle, Ids.WsmanPluginKey, out unknown);
        if (unknown is not null)
        {
            return null;
        }

        var capabilityFiles = RoleCapabilityPaths(bundle, out var capabilityWhy);
        var endpoints = new List<JeaEndpoint>();
        foreach (var name in plugins?.SubKeys ?? [])
        {
            endpoints.Add(ReadEndpoint(bundle, name, capabilityFiles, capabilityWhy));
        }

        return endpoints;
    }

    private static List<string>? RoleCapabilityPaths(EvidenceBundle bundle, out string? why)
    {
        var item = bundle.Find(Ids.RoleCapabilityFiles);
        if (item is null || item.Error is not null)
        {
            why = item is null ? "The role capability files were not captured." : $"The role capability files could not be listed: {item.Error}";
            return null;
        }

        why = null;
        return (item.Records ?? []).Select(r => r.Get(Ids.Path)?.AsString()).Where(p => p is not null).Select(p => p!).ToList();
    }

    private static JeaEndpoint ReadEndpoint(EvidenceBundle bundle, string name, List<string>? capabilityFiles, string? capabilityWhy)
    {
        var endpoint = new JeaEndpoint { ComputerName = bundle.NodeName, Name = name, Source = "Registry " + Ids.PluginKey(name) + " ConfigXml" };
        var unknowns = new List<string>();
        var key = Key(bundle, Ids.PluginKey(name), out var why);
        var xml = key?.GetValue("ConfigXml")?.AsString();
        if (xml is null)
        {
            endpoint.Unknowns = [why ?? $"The plugin {name} has no ConfigXml."];
            return endpoint;
        }

        var config = WsmanPluginConfig.TryParse(xml, out var xmlError);
        if (config is null)
        {
            endpoint.Unknowns = [$"{name}: {xmlError}"];
            return endpoint;
        }

        endpoint.RunAs = string.IsNullOrEmpty(config.RunAsUser) ? null : config.RunAsUser;
        if (config.ConfigFilePath is not { Length: > 0 } psscPath)
        {
            return endpoint;
        }

        endpoint.IsJea = true;
        endpoint.ConfigFilePath = psscPath;
        var pssc = ReadDataFile(bundle, psscPath, out var psscWhy);
        if (pssc is null)
        {
            endpoint.Unknowns = [psscWhy!];
            return endpoint;
        }

        endpoint.Source += "; " + psscPath;
        endpoint.SessionType = pssc.TryGetValue("SessionType", out var st) ? st as string : null;
        endpoint.LanguageMode = pssc.TryGetValue("LanguageMode", out var lm) ? lm as string : null;
        if (pssc.TryGetValue("GroupManagedServiceAccount", out var gmsa) && gmsa is string g && g.Length > 0)
        {
            endpoint.RunAs = g + " (group managed service account)";
        }
        else if (pssc.TryGetValue("RunAsVirtualAccount", out var va) && va is true)
        {
            endpoint.RunAs = "virtual account" + (pssc.TryGetValue("RunAsVirtualAccountGroups", out var vag) && PowerShellDataFile.Strings(vag).Count > 0
                ? " (groups: " + string.Join(", ", PowerShellDataFile.Strings(vag)) + ")"
                : " (local Administrators)");
        }
        else
        {
            endpoint.RunAs ??= "the connecting user";
        }

        var findings = new List<string>();
        if (string.Equals(endpoint.SessionType, "Default", StringComparison.OrdinalIgnoreCase))
        {
            findings.Add("SessionType 'Default': every command is visible in FullLanguage");
        }

        if (string.Equals(endpoint.LanguageMode, "FullLanguage", StringComparison.OrdinalIgnoreCase))
        {
            findings.Add("LanguageMode 'FullLanguage': a user can run any script");
        }

        var roles = new List<JeaRole>();
        var everyone = RoleFromTable("(every user of the endpoint)", pssc, bundle, capabilityFiles, capabilityWhy);
        if (everyone.VisibleCmdlets.Count + everyone.VisibleFunctions.Count + everyone.VisibleExternalCommands.Count > 0)
        {
            roles.Add(everyone);
        }

        if (pssc.TryGetValue("RoleDefinitions", out var defs) && defs is IReadOnlyDictionary<string, object?> definitions)
        {
            foreach (var pair in definitions)
            {
                roles.Add(pair.Value is IReadOnlyDictionary<string, object?> role
                    ? RoleFromTable(pair.Key, role, bundle, capabilityFiles, capabilityWhy)
                    : new JeaRole { Principal = pair.Key, Unknowns = ["The role definition is not a hashtable."] });
            }
        }

        endpoint.Roles = roles;
        findings.AddRange(roles.SelectMany(r => r.UnconstrainedCommands.Select(c => $"{r.Principal}: {c}")));
        unknowns.AddRange(roles.SelectMany(r => r.Unknowns.Select(u => $"{r.Principal}: {u}")));
        endpoint.UnconstrainedCommands = findings;
        endpoint.Unknowns = unknowns;
        return endpoint;
    }

    private static IReadOnlyDictionary<string, object?>? ReadDataFile(EvidenceBundle bundle, string path, out string? why)
    {
        var item = bundle.Find(Ids.File(path));
        if (item is null || item.Error is not null)
        {
            why = item is null ? $"{path} was not captured." : $"{path} could not be read: {item.Error}";
            return null;
        }

        try
        {
            why = null;
            return PowerShellDataFile.Parse(item.GetText() ?? string.Empty);
        }
        catch (PowerShellDataFileException ex)
        {
            why = $"{path} could not be parsed: {ex.Message}";
            return null;
        }
    }

    private static JeaRole RoleFromTable(string principal, IReadOnlyDictionary<string, object?> table, EvidenceBundle bundle, List<string>? capabilityFiles, string? capabilityWhy)
    {
        var cmdlets = new List<string>();
        var functions = new List<string>();
        var external = new List<string>();
        var unconstrained = new List<string>();
        var unknowns = new List<string>();
        var names = table.TryGetValue("RoleCapabilities", out var rc) ? PowerShellDataFile.Strings(rc) : [];
        var files = new List<string>();
        Visible(table, cmdlets, functions, external, unconstrained, null);

        var explicitFiles = table.TryGetValue("RoleCapabilityFiles", out var rcf) ? PowerShellDataFile.Strings(rcf) : [];
        foreach (var path in explicitFiles)
        {
            files.Add(path);
        }

        foreach (var capability in names)
        {
            if (capabilityFiles is null)
            {
                unknowns.Add($"Role capability '{capability}': {capabilityWhy}");
                continue;
            }

            var match = capabilityFiles.FirstOrDefault(p => string.Equals(Path.GetFileNameWithoutExtension(p.Replace('\\', '/').Split('/').Last()), capability, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                unknowns.Add($"Role capability '{capability}': no RoleCapabilities\\{capability}.psrc was found in a module folder.");
                continue;
            }

            files.Add(match);
        }

        foreach (var path in files)
        {
            var psrc = ReadDataFile(bundle, path, out var why);
            if (psrc is null)
            {
                unknowns.Add(why!);
                continue;
            }

            Visible(psrc, cmdlets, functions, external, unconstrained, Path.GetFileName(path.Replace('\\', '/')));
        }

        return new JeaRole
        {
            Principal = principal,
            RoleCapabilities = names,
            RoleCapabilityFiles = files,
            VisibleCmdlets = cmdlets,
            VisibleFunctions = functions,
            VisibleExternalCommands = external,
            UnconstrainedCommands = unconstrained,
            Unknowns = unknowns,
        };
    }

    private static void Visible(IReadOnlyDictionary<string, object?> table, List<string> cmdlets, List<string> functions, List<string> external, List<string> unconstrained, string? file)
    {
        var from = file is null ? string.Empty : $" (in {file})";
        foreach (var (key, list) in new[] { ("VisibleCmdlets", cmdlets), ("VisibleFunctions", functions), ("VisibleAliases", functions) })
        {
            if (!table.TryGetValue(key, out var value))
            {
                continue;
            }

            var entries = value is IReadOnlyList<object?> many ? many : [value];
            foreach (var entry in entries)
            {
                string? name;
                var constrained = false;
                if (entry is string s)
                {
                    name = s;
                }
                else if (entry is IReadOnlyDictionary<string, object?> h && h.TryGetValue("Name", out var n) && n is string hn)
                {
                    name = hn;
                    constrained = h.TryGetValue("Parameters", out var p) && Constrains(p);
                }
                else
                {
                    continue;
                }

                list.Add(constrained ? name + " (parameters constrained)" : name);
                if (!constrained && UnconstrainedCommandNames.FirstOrDefault(c => Matches(name, c)) is { } hit)
                {
                    unconstrained.Add(string.Equals(hit, name, StringComparison.OrdinalIgnoreCase)
                        ? $"{name} is visible without a parameter constraint{from}"
                        : $"'{name}' makes {hit} visible without a parameter constraint{from}");
                }
            }
        }

        if (table.TryGetValue("VisibleExternalCommands", out var ext))
        {
            foreach (var command in PowerShellDataFile.Strings(ext))
            {
                external.Add(command);
                var leaf = command.Replace('/', '\\').Split('\\').Last();
                if (command.Trim() == "*" || Shells.Any(sh => string.Equals(leaf, sh, StringComparison.OrdinalIgnoreCase)))
                {
                    unconstrained.Add($"the external command '{command}' gives a full shell{from}");
                }
            }
        }
    }

    /// <summary>Whether a Parameters entry limits the values of at least one parameter (ValidateSet or ValidatePattern).</summary>
    private static bool Constrains(object? parameters)
    {
        var list = parameters is IReadOnlyList<object?> many ? many : [parameters];
        return list.OfType<IReadOnlyDictionary<string, object?>>().Any(p => p.ContainsKey("ValidateSet") || p.ContainsKey("ValidatePattern"));
    }

    /// <summary>A visible-command entry (a name or a wildcard pattern, possibly module-qualified) that covers <paramref name="command"/>.</summary>
    private static bool Matches(string entry, string command)
    {
        var name = entry.Substring(entry.LastIndexOf('\\') + 1).Trim();
        return Wildcard(name, 0, command, 0);
    }

    private static bool Wildcard(string pattern, int p, string text, int t)
    {
        // Iterative '*' and '?' matching without case; a pattern has at most a few stars, so the backtracking is bounded.
        int star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || char.ToUpperInvariant(pattern[p]) == char.ToUpperInvariant(text[t])))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
