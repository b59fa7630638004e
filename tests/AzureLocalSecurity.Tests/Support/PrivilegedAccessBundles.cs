using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Evidence;
using Ids = AzureLocalSecurity.Evidence.PrivilegedAccessEvidenceIds;

namespace AzureLocalSecurity.Tests.Support;

/// <summary>
/// Hand-recorded privileged-access bundles in the Windows collector's shapes (<see cref="PrivilegedAccessEvidenceIds"/>), on
/// top of <see cref="Bundles.Windows"/>. Not captures: the SIDs, names and files are made up for the tests; the registry
/// value names are those Microsoft documents (WinRM and Remote Desktop policy, Windows LAPS policy roots) and WinRM's own
/// <c>auth_credssp</c>.
/// </summary>
internal static class PrivilegedAccessBundles
{
    internal const string NodeDomain = "S-1-5-21-1111111111-2222222222-3333333333";
    internal const string Contoso = "S-1-5-21-4444444444-5555555555-6666666666";
    internal const string ExtraAdminSid = Contoso + "-1105";
    internal const string PsscPath = @"C:\ProgramData\JEA\Maintenance.pssc";
    internal const string PsrcPath = @"C:\Program Files\WindowsPowerShell\Modules\ContosoJea\RoleCapabilities\Maintenance.psrc";

    private const string Pssc = """
        @{
            SchemaVersion = '2.0.0.0'
            # Written as New-PSSessionConfigurationFile writes it.
            SessionType = 'RestrictedRemoteServer'
            RunAsVirtualAccount = $true
            RoleDefinitions = @{ 'CONTOSO\NodeOperators' = @{ RoleCapabilities = 'Maintenance' } }
        }
        """;

    private const string HardenedPsrc = """
        @{
        GUID = 'a1c7f0d2-3b6e-4f53-9d1e-6f2b7c8e9a01'
        VisibleCmdlets = 'Get-Service', @{ Name = 'Restart-Service'; Parameters = @{ Name = 'Name'; ValidateSet = 'Spooler', 'W32Time' } }
        VisibleFunctions = 'Get-ClusterNodeHealth'
        }
        """;

    private const string WeakPsrc = """
        @{
        GUID = 'a1c7f0d2-3b6e-4f53-9d1e-6f2b7c8e9a01'
        VisibleCmdlets = 'Get-Service', 'Invoke-Expression'
        }
        """;

    private static EvidenceItem Key(string path, params (string Name, EvidenceValue Value)[] values) => Key(path, [], values);

    private static EvidenceItem Key(string path, string[] subKeys, params (string Name, EvidenceValue Value)[] values) =>
        EvidenceItem.ForRegistry(EvidenceIds.Registry(path), "Registry (64-bit view) " + path, Bundles.Time,
            new RegistryKeyEvidence(path, values.Select(v => new RegistryValueEvidence(v.Name, v.Value)), subKeys));

    private static EvidenceItem Missing(string path) =>
        EvidenceItem.ForError(EvidenceIds.Registry(path), EvidenceKind.Registry, "Registry (64-bit view) " + path, Bundles.Time, new EvidenceError(EvidenceErrorCategory.NotFound, $"The key {path} does not exist."));

    private static EvidenceRecord Group(string sid, string name, params (string Sid, string Name, ulong Use)[] members) => new(
    [
        new(Ids.GroupSid, EvidenceValue.FromString(sid)),
        new(Ids.GroupName, EvidenceValue.FromString(name)),
        new(Ids.MemberSids, EvidenceValue.FromMultiString(members.Select(m => m.Sid))),
        new(Ids.MemberNames, EvidenceValue.FromMultiString(members.Select(m => m.Name))),
        new(Ids.MemberSidUsages, EvidenceValue.FromUInt64Array(members.Select(m => m.Use))),
    ]);

    private static EvidenceRecord NoGroup(string sid) => new(
    [
        new(Ids.GroupSid, EvidenceValue.FromString(sid)),
        new(Ids.Error, EvidenceValue.FromString("LookupAccountSidW: No mapping between account names and security IDs was done.")),
        new(Ids.ErrorCode, EvidenceValue.FromInt64(1332)),
    ]);

    /// <summary>A node whose only standing admins are RID 500 and Domain Admins, CredSSP off, WinRM over HTTPS, RDP off, a constrained JEA role, and Windows LAPS backing up to AD.</summary>
    internal static EvidenceBundle Hardened() => Build(weak: false);

    /// <summary>The same node with CredSSP on (server), an extra standing admin, a JEA role exposing Invoke-Expression, an HTTP listener, RDP on without NLA and no LAPS.</summary>
    internal static EvidenceBundle Weak() => Build(weak: true);

    internal static EvidenceBundle With(EvidenceBundle bundle, params EvidenceItem[] replacements)
    {
        var ids = replacements.Select(r => r.Id).ToHashSet();
        return new EvidenceBundle(bundle.SchemaVersion, bundle.Node, bundle.CapturedAt, bundle.ModuleVersion, bundle.Items.Where(i => !ids.Contains(i.Id)).Concat(replacements));
    }

    internal static EvidenceItem CredSspPolicyOff() => Key(Ids.WinRmServicePolicyKey, ("AllowCredSSP", EvidenceValue.FromDWord(0)));

    private static EvidenceBundle Build(bool weak)
    {
        var admins = new List<(string, string, ulong)> { (NodeDomain + "-500", @"NODE01\Administrator", 1), (Contoso + "-512", @"CONTOSO\Domain Admins", 2) };
        if (weak)
        {
            admins.Add((ExtraAdminSid, @"CONTOSO\jdoe", 1));
        }

        var items = new List<EvidenceItem>(Bundles.Windows().Items)
        {
            EvidenceItem.ForRecords(Ids.LocalGroupMembers, "netapi32!NetLocalGroupGetMembers level 2", Bundles.Time,
            [
                Group("S-1-5-32-544", "Administrateurs", admins.ToArray()),
                Group("S-1-5-32-547", "Power Users"),
                Group("S-1-5-32-548", "Account Operators"),
                Group("S-1-5-32-549", "Server Operators"),
                Group("S-1-5-32-550", "Print Operators"),
                Group("S-1-5-32-551", "Backup Operators"),
                Group("S-1-5-32-555", "Remote Desktop Users"),
                Group("S-1-5-32-578", "Hyper-V Administrators"),
                NoGroup("S-1-5-32-580"),
            ]),
            EvidenceItem.ForRecords(Ids.Domains, "advapi32!LsaQueryInformationPolicy", Bundles.Time,
            [
                new EvidenceRecord([new(Ids.AccountDomainSid, EvidenceValue.FromString(NodeDomain)), new(Ids.PrimaryDomainSid, EvidenceValue.FromString(Contoso)), new(Ids.PrimaryDomainName, EvidenceValue.FromString("CONTOSO"))]),
            ]),
            Key(Ids.WsmanServiceKey, ("auth_credssp", EvidenceValue.FromDWord(weak ? 1u : 0u))),
            Key(Ids.WsmanClientKey),
            Key(Ids.WsmanListenerKey, [weak ? "*+HTTP" : "*+HTTPS"]),
            Missing(Ids.WinRmServicePolicyKey),
            Missing(Ids.WinRmClientPolicyKey),
            Key(Ids.TerminalServerKey, ("fDenyTSConnections", EvidenceValue.FromDWord(weak ? 0u : 1u))),
            Key(Ids.RdpTcpKey, ("UserAuthentication", EvidenceValue.FromDWord(weak ? 0u : 1u)), ("SecurityLayer", EvidenceValue.FromDWord(2))),
            Missing(Ids.TerminalServicesPolicyKey),
            Missing(Ids.LapsPolicyKeys[0]),
            weak ? Missing(Ids.LapsPolicyKeys[1]) : Key(Ids.LapsPolicyKeys[1], ("BackupDirectory", EvidenceValue.FromDWord(2)), ("PasswordAgeDays", EvidenceValue.FromDWord(30))),
            Missing(Ids.LapsPolicyKeys[2]),
            Missing(Ids.LapsPolicyKeys[3]),
            Key(Ids.WsmanPluginKey, ["microsoft.powershell", "JEAMaintenance"]),
            Key(Ids.PluginKey("microsoft.powershell"), ("ConfigXml", EvidenceValue.FromString(
                "<PlugInConfiguration xmlns=\"http://schemas.microsoft.com/wbem/wsman/1/config/PluginConfiguration\" Name=\"microsoft.powershell\" Filename=\"%windir%\\system32\\pwrshplugin.dll\" Enabled=\"true\"><InitializationParameters><Param Name=\"PSVersion\" Value=\"5.1\" /></InitializationParameters></PlugInConfiguration>"))),
            Key(Ids.PluginKey("JEAMaintenance"), ("ConfigXml", EvidenceValue.FromString(
                "<PlugInConfiguration xmlns=\"http://schemas.microsoft.com/wbem/wsman/1/config/PluginConfiguration\" Name=\"JEAMaintenance\" Enabled=\"true\"><InitializationParameters><Param Name=\"configFilePath\" Value=\"" + PsscPath + "\" /><Param Name=\"PSVersion\" Value=\"5.1\" /></InitializationParameters></PlugInConfiguration>"))),
            EvidenceItem.ForRecords(Ids.RoleCapabilityFiles, "RoleCapabilities\\*.psrc in the module folders", Bundles.Time,
                [new EvidenceRecord([new(Ids.Path, EvidenceValue.FromString(PsrcPath))])]),
            EvidenceItem.ForText(Ids.File(PsscPath), "File " + PsscPath, Bundles.Time, Pssc),
            EvidenceItem.ForText(Ids.File(PsrcPath), "File " + PsrcPath, Bundles.Time, weak ? WeakPsrc : HardenedPsrc),
        };
        var b = Bundles.Windows();
        return new EvidenceBundle(b.SchemaVersion, b.Node, b.CapturedAt, b.ModuleVersion, items);
    }
}
