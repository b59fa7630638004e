using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace AzureLocalSecurity.Baseline.Facts;

/// <summary>
/// The Policy CSP UserRights names the catalogs use, each with the LSA user-right constant it sets (NTSecAPI.h /
/// winnt.h SE_*_NAME). From the Policy CSP - UserRights reference; the tests check it against the secedit constant the
/// 2610 catalogs name in their Validation column.
/// </summary>
internal static class UserRightTable
{
    private static readonly Dictionary<string, string> ByCspName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AccessCredentialManagerAsTrustedCaller"] = "SeTrustedCredManAccessPrivilege",
        ["AccessFromNetwork"] = "SeNetworkLogonRight",
        ["ActAsPartOfTheOperatingSystem"] = "SeTcbPrivilege",
        ["AdjustMemoryQuotasForProcess"] = "SeIncreaseQuotaPrivilege",
        ["AllowLocalLogOn"] = "SeInteractiveLogonRight",
        ["AllowLogOnThroughRemoteDesktop"] = "SeRemoteInteractiveLogonRight",
        ["BackupFilesAndDirectories"] = "SeBackupPrivilege",
        ["BypassTraverseChecking"] = "SeChangeNotifyPrivilege",
        ["ChangeSystemTime"] = "SeSystemtimePrivilege",
        ["ChangeTimeZone"] = "SeTimeZonePrivilege",
        ["CreateGlobalObjects"] = "SeCreateGlobalPrivilege",
        ["CreatePageFile"] = "SeCreatePagefilePrivilege",
        ["CreatePermanentSharedObjects"] = "SeCreatePermanentPrivilege",
        ["CreateSymbolicLinks"] = "SeCreateSymbolicLinkPrivilege",
        ["CreateToken"] = "SeCreateTokenPrivilege",
        ["DebugPrograms"] = "SeDebugPrivilege",
        ["DenyAccessFromNetwork"] = "SeDenyNetworkLogonRight",
        ["DenyLocalLogOn"] = "SeDenyInteractiveLogonRight",
        ["DenyLogOnAsBatchJob"] = "SeDenyBatchLogonRight",
        ["DenyLogOnAsService"] = "SeDenyServiceLogonRight",
        ["DenyRemoteDesktopServicesLogOn"] = "SeDenyRemoteInteractiveLogonRight",
        ["EnableDelegation"] = "SeEnableDelegationPrivilege",
        ["GenerateSecurityAudits"] = "SeAuditPrivilege",
        ["ImpersonateClient"] = "SeImpersonatePrivilege",
        ["IncreaseProcessWorkingSet"] = "SeIncreaseWorkingSetPrivilege",
        ["IncreaseSchedulingPriority"] = "SeIncreaseBasePriorityPrivilege",
        ["LoadUnloadDeviceDrivers"] = "SeLoadDriverPrivilege",
        ["LockMemory"] = "SeLockMemoryPrivilege",
        ["LogOnAsBatchJob"] = "SeBatchLogonRight",
        ["LogOnAsService"] = "SeServiceLogonRight",
        ["ManageAuditingAndSecurityLog"] = "SeSecurityPrivilege",
        ["ManageVolume"] = "SeManageVolumePrivilege",
        ["ModifyFirmwareEnvironment"] = "SeSystemEnvironmentPrivilege",
        ["ModifyObjectLabel"] = "SeRelabelPrivilege",
        ["ProfileSingleProcess"] = "SeProfileSingleProcessPrivilege",
        ["ProfileSystemPerformance"] = "SeSystemProfilePrivilege",
        ["RemoteShutdown"] = "SeRemoteShutdownPrivilege",
        ["ReplaceProcessLevelToken"] = "SeAssignPrimaryTokenPrivilege",
        ["RestoreFilesAndDirectories"] = "SeRestorePrivilege",
        ["ShutDownTheSystem"] = "SeShutdownPrivilege",
        ["TakeOwnership"] = "SeTakeOwnershipPrivilege",
    };

    // Privilege constants end in "Privilege", logon rights in "Right" (winnt.h SE_*_NAME, NTSecAPI.h SE_*_LOGON_NAME).
    private static readonly Regex ConstantShape = new("^Se[A-Za-z]+(Privilege|Right)$", RegexOptions.CultureInvariant);

    /// <summary>Every CSP name the table knows, for tests.</summary>
    internal static IEnumerable<KeyValuePair<string, string>> Entries => ByCspName;

    /// <summary>The constant for a UserRights CSP policy name, or null.</summary>
    internal static string? ForCspName(string cspName) => ByCspName.TryGetValue(cspName, out var constant) ? constant : null;

    /// <summary>True when the text has the shape of a user-right constant (secedit's [Privilege Rights] keys).</summary>
    internal static bool IsConstant(string name) => ConstantShape.IsMatch(name);
}
