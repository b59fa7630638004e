using System;
using System.Runtime.InteropServices;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// advapi32.dll advanced-audit-policy functions (WINAPI.md §4). Every Audit* function returns BOOLEAN (one byte),
/// so the return is marshalled as U1; failures come from GetLastError; buffers are freed with AuditFree.
/// </summary>
internal static class Advapi32AuditWrite
{
    /// <summary>POLICY_AUDIT_EVENT_UNCHANGED (NTSecAPI.h): leave the subcategory as it is. Never sent.</summary>
    internal const uint PolicyAuditEventUnchanged = 0x0;

    /// <summary>POLICY_AUDIT_EVENT_SUCCESS (NTSecAPI.h).</summary>
    internal const uint PolicyAuditEventSuccess = 0x1;

    /// <summary>POLICY_AUDIT_EVENT_FAILURE (NTSecAPI.h).</summary>
    internal const uint PolicyAuditEventFailure = 0x2;

    /// <summary>POLICY_AUDIT_EVENT_NONE (NTSecAPI.h): do not audit; clears the existing options.</summary>
    internal const uint PolicyAuditEventNone = 0x4;

    /// <summary>
    /// <c>AUDIT_POLICY_INFORMATION { GUID AuditSubCategoryGuid; ULONG AuditingInformation; GUID AuditCategoryGuid; }</c>,
    /// NTSecAPI.h (learn.microsoft.com/windows/win32/api/ntsecapi/ns-ntsecapi-audit_policy_information): 36 bytes, blittable.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct AuditPolicyInformation
    {
        public Guid AuditSubCategoryGuid;
        public uint AuditingInformation;
        public Guid AuditCategoryGuid;
    }

    /// <summary>
    /// <c>BOOLEAN NTAPI AuditSetSystemPolicy(_In_reads_(dwPolicyCount) PCAUDIT_POLICY_INFORMATION pAuditPolicy, _In_ ULONG dwPolicyCount)</c>,
    /// NTSecAPI.h (learn.microsoft.com/windows/win32/api/ntsecapi/nf-ntsecapi-auditsetsystempolicy). Needs
    /// SeSecurityPrivilege or AUDIT_SET_SYSTEM_POLICY access; AuditCategoryGuid is ignored. Documented errors 5 and 87.
    /// </summary>
    [DllImport("advapi32.dll", ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static extern bool AuditSetSystemPolicy([In] AuditPolicyInformation[] pAuditPolicy, uint dwPolicyCount);

    /// <summary>
    /// <c>BOOLEAN NTAPI AuditQuerySystemPolicy(_In_reads_(dwPolicyCount) const GUID* pSubCategoryGuids, _In_ ULONG dwPolicyCount,
    /// _Outptr_result_buffer_(dwPolicyCount) PAUDIT_POLICY_INFORMATION* ppAuditPolicy)</c>, NTSecAPI.h
    /// (learn.microsoft.com/windows/win32/api/ntsecapi/nf-ntsecapi-auditquerysystempolicy). The out buffer is a
    /// contiguous array of structs (WINAPI.md §4), freed with <see cref="AuditFree"/>. Used to read back the change.
    /// </summary>
    [DllImport("advapi32.dll", ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static extern bool AuditQuerySystemPolicy([In] Guid[] pSubCategoryGuids, uint dwPolicyCount, out IntPtr ppAuditPolicy);

    /// <summary>
    /// <c>VOID NTAPI AuditFree(_In_ PVOID Buffer)</c>, NTSecAPI.h
    /// (learn.microsoft.com/windows/win32/api/ntsecapi/nf-ntsecapi-auditfree).
    /// </summary>
    [DllImport("advapi32.dll", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern void AuditFree(IntPtr buffer);
}
