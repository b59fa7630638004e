using System.Collections.Generic;

namespace AzureLocalSecurity.Evidence;

/// <summary>
/// The ids the privileged-access read side files its facts under (issue 12), and the record shapes. Groups are found by
/// well-known SID, never by name: a name is kept only for display, so a French or German node reads the same.
/// </summary>
public static class PrivilegedAccessEvidenceIds
{
    /// <summary>
    /// The members of the privileged local groups (netapi32!NetLocalGroupGetMembers level 2): one record per group in
    /// <see cref="PrivilegedGroupSids"/>, <c>GroupSid</c> (String), <c>GroupName</c> (String: the local name LookupAccountSidW
    /// gave for the SID, for display and for the API, which takes a name), then the members as three parallel lists in the
    /// API's order: <c>MemberSids</c> (MultiString, SDDL form), <c>MemberNames</c> (MultiString, <c>DOMAIN\name</c> as the
    /// API gave it, empty when it gave none) and <c>MemberSidUsages</c> (UInt64Array, SID_NAME_USE: 1 user, 2 group, 4 alias,
    /// 5 well-known group, 6 deleted, 8 unknown). A group that could not be read has <c>Error</c> (String) and <c>ErrorCode</c>
    /// (Int64) instead: 1376 ERROR_NO_SUCH_ALIAS or 1332 ERROR_NONE_MAPPED when the node has no such group (Hyper-V
    /// Administrators without the Hyper-V role), a fact rather than a gap. NotSupported off Windows.
    /// </summary>
    public const string LocalGroupMembers = "windows/api/NetLocalGroupGetMembers";

    /// <summary>
    /// The node's domains (advapi32!LsaQueryInformationPolicy): one record with <c>AccountDomainSid</c> (String, the local
    /// account database, whose RID 500 is the built-in Administrator) and, on a domain member, <c>PrimaryDomainSid</c> and
    /// <c>PrimaryDomainName</c> (String; left out when the node is in a workgroup), from which Domain Admins (RID 512) is known.
    /// </summary>
    public const string Domains = "windows/api/LsaQueryInformationPolicy/Domains";

    /// <summary>
    /// The JEA role capability files found (<c>RoleCapabilities\*.psrc</c> in every module folder under
    /// <c>%ProgramFiles%\WindowsPowerShell\Modules</c> and <c>%SystemRoot%\System32\WindowsPowerShell\v1.0\Modules</c>, and the
    /// files a session configuration names in <c>RoleCapabilityFiles</c>): one record per file with <c>Path</c> (String); each
    /// file's text is under <see cref="File"/>.
    /// </summary>
    public const string RoleCapabilityFiles = "windows/jea/RoleCapabilityFiles";

    /// <summary>
    /// WinRM's own configuration of the service (not a documented interface: <c>auth_credssp</c> DWORD 1 is what
    /// <c>Enable-WSManCredSSP -Role Server</c> leaves; WinRM's default for Service\Auth\CredSSP is false).
    /// </summary>
    public const string WsmanServiceKey = @"HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\WSMAN\Service";

    /// <summary>WinRM's own configuration of the client (<c>auth_credssp</c>, as for <see cref="WsmanServiceKey"/>).</summary>
    public const string WsmanClientKey = @"HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\WSMAN\Client";

    /// <summary>The WinRM listeners: one subkey per listener named <c>address+transport</c> (<c>*+HTTP</c>, <c>*+HTTPS</c>).</summary>
    public const string WsmanListenerKey = @"HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\WSMAN\Listener";

    /// <summary>The WinRM plugins, one subkey per session configuration, each with its <c>ConfigXml</c> (String).</summary>
    public const string WsmanPluginKey = @"HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\WSMAN\Plugin";

    /// <summary>
    /// The WinRM service policy (WindowsRemoteManagement.admx, Policy CSP RemoteManagement): <c>AllowCredSSP</c> and
    /// <c>AllowUnencryptedTraffic</c> (DWORD 1 allow, 0 deny), which override WinRM's own configuration.
    /// </summary>
    public const string WinRmServicePolicyKey = @"HKLM\SOFTWARE\Policies\Microsoft\Windows\WinRM\Service";

    /// <summary>The WinRM client policy: <c>AllowCredSSP</c> (AllowCredSSP_2 in WindowsRemoteManagement.admx).</summary>
    public const string WinRmClientPolicyKey = @"HKLM\SOFTWARE\Policies\Microsoft\Windows\WinRM\Client";

    /// <summary>Remote Desktop on or off: <c>fDenyTSConnections</c> (DWORD 1 deny, 0 allow).</summary>
    public const string TerminalServerKey = @"HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server";

    /// <summary>The RDP listener: <c>UserAuthentication</c> (DWORD 1 Network Level Authentication required, 0 not) and <c>SecurityLayer</c>.</summary>
    public const string RdpTcpKey = @"HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp";

    /// <summary>The Remote Desktop Services policy: <c>fDenyTSConnections</c> and <c>UserAuthentication</c>, which override the two keys above.</summary>
    public const string TerminalServicesPolicyKey = @"HKLM\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services";

    /// <summary>
    /// The Windows LAPS policy roots in the order Windows LAPS queries them (Microsoft's "Configure policy settings for Windows
    /// LAPS", Supported policy roots): the first root with at least one value is the active policy. The last is legacy Microsoft
    /// LAPS (<c>AdmPwdEnabled</c>).
    /// </summary>
    public static readonly IReadOnlyList<string> LapsPolicyKeys =
    [
        @"HKLM\Software\Microsoft\Policies\LAPS",
        @"HKLM\Software\Microsoft\Windows\CurrentVersion\Policies\LAPS",
        @"HKLM\Software\Microsoft\Windows\CurrentVersion\LAPS\Config",
        @"HKLM\Software\Policies\Microsoft Services\AdmPwd",
    ];

    /// <summary>The registry keys the collector reads (besides one key per WinRM plugin, under <see cref="WsmanPluginKey"/>).</summary>
    public static IReadOnlyList<string> RegistryKeys =>
    [
        WsmanServiceKey, WsmanClientKey, WsmanListenerKey, WsmanPluginKey, WinRmServicePolicyKey, WinRmClientPolicyKey,
        TerminalServerKey, RdpTcpKey, TerminalServicesPolicyKey, .. LapsPolicyKeys,
    ];

    /// <summary>
    /// The privileged local groups read, by well-known SID: Administrators (544), Power Users (547), Account Operators (548),
    /// Server Operators (549), Print Operators (550), Backup Operators (551), Remote Desktop Users (555), Hyper-V Administrators
    /// (578), Remote Management Users (580).
    /// </summary>
    public static readonly IReadOnlyList<string> PrivilegedGroupSids =
    [
        "S-1-5-32-544", "S-1-5-32-547", "S-1-5-32-548", "S-1-5-32-549", "S-1-5-32-550", "S-1-5-32-551", "S-1-5-32-555", "S-1-5-32-578", "S-1-5-32-580",
    ];

    /// <summary>The id of one WinRM plugin's key.</summary>
    public static string PluginKey(string pluginName) => WsmanPluginKey + @"\" + pluginName;

    /// <summary>The id of a file's text read on a Windows node (a .pssc or .psrc), for a full path such as <c>C:\Program Files\...</c>.</summary>
    public static string File(string windowsPath) => "windows/file/" + (windowsPath ?? string.Empty).Replace('\\', '/');

    /// <summary>Record property names.</summary>
    public const string GroupSid = "GroupSid";

    /// <summary>Record property: the group's local name.</summary>
    public const string GroupName = "GroupName";

    /// <summary>Record property: the members' SIDs.</summary>
    public const string MemberSids = "MemberSids";

    /// <summary>Record property: the members' names.</summary>
    public const string MemberNames = "MemberNames";

    /// <summary>Record property: the members' SID_NAME_USE.</summary>
    public const string MemberSidUsages = "MemberSidUsages";

    /// <summary>Record property: why a record holds no answer.</summary>
    public const string Error = "Error";

    /// <summary>Record property: the API's code for <see cref="Error"/>.</summary>
    public const string ErrorCode = "ErrorCode";

    /// <summary>Record property: a file path.</summary>
    public const string Path = "Path";

    /// <summary>Record property of <see cref="Domains"/>.</summary>
    public const string AccountDomainSid = "AccountDomainSid";

    /// <summary>Record property of <see cref="Domains"/>.</summary>
    public const string PrimaryDomainSid = "PrimaryDomainSid";

    /// <summary>Record property of <see cref="Domains"/>.</summary>
    public const string PrimaryDomainName = "PrimaryDomainName";
}
