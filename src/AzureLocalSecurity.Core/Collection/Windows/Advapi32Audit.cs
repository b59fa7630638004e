using System;
using System.Runtime.InteropServices;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// P/Invoke declarations for the advanced audit policy functions of advapi32.dll. Checked against reference/WINAPI.md §4:
/// every Audit* function returns BOOLEAN (one byte, so <c>U1</c>) and sets the last error; out buffers are contiguous
/// arrays freed with <see cref="AuditFree"/>; GUIDs go by pointer, never by value.
/// </summary>
internal static class Advapi32Audit
{
    /// <summary>The SeSecurityPrivilege name (winnt.h SE_SECURITY_NAME), needed by AuditQuerySystemPolicy.</summary>
    internal const string SeSecurityPrivilege = "SeSecurityPrivilege";

    /// <summary>AUDIT_POLICY_INFORMATION (NTSecAPI.h): 36 bytes, GUID + ULONG + GUID.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct AuditPolicyInformation
    {
        public Guid AuditSubCategoryGuid;
        public uint AuditingInformation;
        public Guid AuditCategoryGuid;
    }

    /// <summary>
    /// <c>BOOLEAN AuditEnumerateSubCategories(const GUID *pAuditCategoryGuid, BOOLEAN bRetrieveAllSubCategories, GUID **ppAuditSubCategoriesArray, PULONG pdwCountReturned)</c>,
    /// NTSecAPI.h (learn.microsoft.com/windows/win32/api/ntsecapi/nf-ntsecapi-auditenumeratesubcategories). With a NULL category and
    /// TRUE it lists every subcategory this build knows.
    /// </summary>
    [DllImport("advapi32.dll", ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static extern bool AuditEnumerateSubCategories(IntPtr auditCategoryGuid, [MarshalAs(UnmanagedType.U1)] bool retrieveAllSubCategories, out IntPtr auditSubCategoriesArray, out uint countReturned);

    /// <summary>
    /// <c>BOOLEAN AuditQuerySystemPolicy(const GUID *pSubCategoryGuids, ULONG dwPolicyCount, PAUDIT_POLICY_INFORMATION *ppAuditPolicy)</c>,
    /// NTSecAPI.h (learn.microsoft.com/windows/win32/api/ntsecapi/nf-ntsecapi-auditquerysystempolicy). Needs SeSecurityPrivilege or
    /// AUDIT_QUERY_SYSTEM_POLICY access.
    /// </summary>
    [DllImport("advapi32.dll", ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static extern bool AuditQuerySystemPolicy([In] Guid[] subCategoryGuids, uint policyCount, out IntPtr auditPolicy);

    /// <summary><c>VOID AuditFree(PVOID Buffer)</c>, NTSecAPI.h (learn.microsoft.com/windows/win32/api/ntsecapi/nf-ntsecapi-auditfree).</summary>
    [DllImport("advapi32.dll", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern void AuditFree(IntPtr buffer);

    /// <summary>POLICY_AUDIT_EVENT_UNCHANGED (NTSecAPI.h): leave the subcategory as it is. Never sent.</summary>
    internal const uint PolicyAuditEventUnchanged = 0x0;

    /// <summary>POLICY_AUDIT_EVENT_SUCCESS (NTSecAPI.h).</summary>
    internal const uint PolicyAuditEventSuccess = 0x1;

    /// <summary>POLICY_AUDIT_EVENT_FAILURE (NTSecAPI.h).</summary>
    internal const uint PolicyAuditEventFailure = 0x2;

    /// <summary>POLICY_AUDIT_EVENT_NONE (NTSecAPI.h): do not audit; clears the existing options.</summary>
    internal const uint PolicyAuditEventNone = 0x4;

    /// <summary>
    /// <c>BOOLEAN NTAPI AuditSetSystemPolicy(_In_reads_(dwPolicyCount) PCAUDIT_POLICY_INFORMATION pAuditPolicy, _In_ ULONG dwPolicyCount)</c>,
    /// NTSecAPI.h (learn.microsoft.com/windows/win32/api/ntsecapi/nf-ntsecapi-auditsetsystempolicy). Needs
    /// SeSecurityPrivilege or AUDIT_SET_SYSTEM_POLICY access; AuditCategoryGuid is ignored. Documented errors 5 and 87.
    /// </summary>
    [DllImport("advapi32.dll", ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static extern bool AuditSetSystemPolicy([In] AuditPolicyInformation[] pAuditPolicy, uint dwPolicyCount);
}
