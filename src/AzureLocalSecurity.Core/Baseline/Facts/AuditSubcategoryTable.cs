using System;
using System.Collections.Generic;
using System.Text;

namespace AzureLocalSecurity.Baseline.Facts;

/// <summary>
/// Advanced audit policy subcategories: their GUIDs (NTSecAPI.h DEFINE_GUIDs, WINAPI.md Appendix B), the auditpol
/// display names the 2310–2411 catalogs write in their Location column, and the Policy CSP Audit names the later
/// catalogs use. Display names are matched without case, spaces or punctuation, and with or without a leading "Audit".
/// </summary>
internal static class AuditSubcategoryTable
{
    private static readonly (string Prefix, string Name)[] DisplayNames =
    [
        // auditpol /list /subcategory:* (English names) -> subcategory GUID prefix; every GUID ends -69ae-11d9-bed3-505054503030.
        ("0cce9210", "Security State Change"),
        ("0cce9211", "Security System Extension"),
        ("0cce9212", "System Integrity"),
        ("0cce9213", "IPsec Driver"),
        ("0cce9214", "Other System Events"),
        ("0cce9215", "Logon"),
        ("0cce9216", "Logoff"),
        ("0cce9217", "Account Lockout"),
        ("0cce9218", "IPsec Main Mode"),
        ("0cce9219", "IPsec Quick Mode"),
        ("0cce921a", "IPsec Extended Mode"),
        ("0cce921b", "Special Logon"),
        ("0cce921c", "Other Logon/Logoff Events"),
        ("0cce921d", "File System"),
        ("0cce921e", "Registry"),
        ("0cce921f", "Kernel Object"),
        ("0cce9220", "SAM"),
        ("0cce9221", "Certification Services"),
        ("0cce9222", "Application Generated"),
        ("0cce9223", "Handle Manipulation"),
        ("0cce9224", "File Share"),
        ("0cce9225", "Filtering Platform Packet Drop"),
        ("0cce9226", "Filtering Platform Connection"),
        ("0cce9227", "Other Object Access Events"),
        ("0cce9228", "Sensitive Privilege Use"),
        ("0cce9229", "Non Sensitive Privilege Use"),
        ("0cce922a", "Other Privilege Use Events"),
        ("0cce922b", "Process Creation"),
        ("0cce922c", "Process Termination"),
        ("0cce922d", "DPAPI Activity"),
        ("0cce922e", "RPC Events"),
        ("0cce922f", "Audit Policy Change"),
        ("0cce9230", "Authentication Policy Change"),
        ("0cce9231", "Authorization Policy Change"),
        ("0cce9232", "MPSSVC Rule-Level Policy Change"),
        ("0cce9233", "Filtering Platform Policy Change"),
        ("0cce9234", "Other Policy Change Events"),
        ("0cce9235", "User Account Management"),
        ("0cce9236", "Computer Account Management"),
        ("0cce9237", "Security Group Management"),
        ("0cce9238", "Distribution Group Management"),
        ("0cce9239", "Application Group Management"),
        ("0cce923a", "Other Account Management Events"),
        ("0cce923b", "Directory Service Access"),
        ("0cce923c", "Directory Service Changes"),
        ("0cce923d", "Directory Service Replication"),
        ("0cce923e", "Detailed Directory Service Replication"),
        ("0cce923f", "Credential Validation"),
        ("0cce9240", "Kerberos Service Ticket Operations"),
        ("0cce9241", "Other Account Logon Events"),
        ("0cce9242", "Kerberos Authentication Service"),
        ("0cce9243", "Network Policy Server"),
        ("0cce9244", "Detailed File Share"),
        ("0cce9245", "Removable Storage"),
        ("0cce9246", "Central Policy Staging"),
        ("0cce9247", "User / Device Claims"),
        ("0cce9248", "Plug and Play Events"),
        ("0cce9249", "Group Membership"),
        ("0cce924a", "Token Right Adjusted Events"),

        // The 2310-2411 catalogs write "Audit PNP Activity" for Plug and Play Events (the CSP's DetailedTracking_AuditPNPActivity).
        ("0cce9248", "PNP Activity"),
    ];

    // Policy CSP Audit names used by the catalogs (Config/Audit/<name>).
    private static readonly (string Prefix, string Name)[] CspNames =
    [
        ("0cce9217", "AccountLogonLogoff_AuditAccountLockout"),
        ("0cce9249", "AccountLogonLogoff_AuditGroupMembership"),
        ("0cce9216", "AccountLogonLogoff_AuditLogoff"),
        ("0cce9215", "AccountLogonLogoff_AuditLogon"),
        ("0cce921c", "AccountLogonLogoff_AuditOtherLogonLogoffEvents"),
        ("0cce921b", "AccountLogonLogoff_AuditSpecialLogon"),
        ("0cce923f", "AccountLogon_AuditCredentialValidation"),
        ("0cce9237", "AccountManagement_AuditSecurityGroupManagement"),
        ("0cce9235", "AccountManagement_AuditUserAccountManagement"),
        ("0cce9248", "DetailedTracking_AuditPNPActivity"),
        ("0cce922b", "DetailedTracking_AuditProcessCreation"),
        ("0cce9244", "ObjectAccess_AuditDetailedFileShare"),
        ("0cce9224", "ObjectAccess_AuditFileShare"),
        ("0cce9226", "ObjectAccess_AuditFilteringPlatformConnection"),
        ("0cce9225", "ObjectAccess_AuditFilteringPlatformPacketDrop"),
        ("0cce9227", "ObjectAccess_AuditOtherObjectAccessEvents"),
        ("0cce9245", "ObjectAccess_AuditRemovableStorage"),
        ("0cce9230", "PolicyChange_AuditAuthenticationPolicyChange"),
        ("0cce9231", "PolicyChange_AuditAuthorizationPolicyChange"),
        ("0cce9232", "PolicyChange_AuditMPSSVCRuleLevelPolicyChange"),
        ("0cce9234", "PolicyChange_AuditOtherPolicyChangeEvents"),
        ("0cce922f", "PolicyChange_AuditPolicyChange"),
        ("0cce9228", "PrivilegeUse_AuditSensitivePrivilegeUse"),
        ("0cce9213", "System_AuditIPsecDriver"),
        ("0cce9214", "System_AuditOtherSystemEvents"),
        ("0cce9210", "System_AuditSecurityStateChange"),
        ("0cce9211", "System_AuditSecuritySystemExtension"),
        ("0cce9212", "System_AuditSystemIntegrity"),
    ];

    private static readonly Dictionary<string, string> ByDisplayName = Build(DisplayNames, StringComparer.Ordinal, Normalize);
    private static readonly Dictionary<string, string> ByCspName = Build(CspNames, StringComparer.OrdinalIgnoreCase, n => n);

    /// <summary>The CSP names the table knows, with their GUIDs, for tests.</summary>
    internal static IEnumerable<KeyValuePair<string, string>> CspEntries => ByCspName;

    /// <summary>The subcategory GUID (lower case, no braces) for a Policy CSP Audit name, or null.</summary>
    internal static string? ForCspName(string cspName) => ByCspName.TryGetValue(cspName, out var guid) ? guid : null;

    /// <summary>The subcategory GUID for an auditpol display name (with or without a leading "Audit"), or null.</summary>
    internal static string? ForDisplayName(string displayName)
    {
        var key = Normalize(displayName);
        if (ByDisplayName.TryGetValue(key, out var guid))
        {
            return guid;
        }

        return key.StartsWith("audit", StringComparison.Ordinal) && ByDisplayName.TryGetValue(key.Substring(5), out guid) ? guid : null;
    }

    private static Dictionary<string, string> Build((string Prefix, string Name)[] entries, StringComparer comparer, Func<string, string> key)
    {
        var map = new Dictionary<string, string>(comparer);
        foreach (var (prefix, name) in entries)
        {
            map[key(name)] = prefix + "-69ae-11d9-bed3-505054503030";
        }

        return map;
    }

    private static string Normalize(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }
}
