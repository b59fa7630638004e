using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using AzureLocalSecurity.Evidence;
using P = AzureLocalSecurity.Evidence.BaselineEvidenceProperties;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// Reads the advanced audit policy of every subcategory this build lists (AuditEnumerateSubCategories), so a newer
/// subcategory never fails the query of the others; values are kept as the AuditingInformation bits (WINAPI.md §4).
/// </summary>
[SupportedOSPlatform("windows")]
internal static class WindowsAuditPolicyReader
{
    internal const string Source = "advapi32!AuditQuerySystemPolicy";

    private const int ErrorAccessDenied = 5;

    internal static EvidenceItem Read(DateTimeOffset now)
    {
        // AuditQuerySystemPolicy needs SeSecurityPrivilege (or AUDIT_QUERY_SYSTEM_POLICY access); the scope puts the token back.
        using var privilege = PrivilegeScope.Enable(Advapi32Audit.SeSecurityPrivilege);

        if (!Advapi32Audit.AuditEnumerateSubCategories(IntPtr.Zero, true, out var list, out var count))
        {
            var error = Marshal.GetLastWin32Error();
            return Failed(now, "AuditEnumerateSubCategories", error, privilege);
        }

        Guid[] subcategories;
        try
        {
            subcategories = new Guid[count];
            var size = Marshal.SizeOf<Guid>();
            for (var i = 0; i < subcategories.Length; i++)
            {
                subcategories[i] = Marshal.PtrToStructure<Guid>(IntPtr.Add(list, i * size));
            }
        }
        finally
        {
            Advapi32Audit.AuditFree(list);
        }

        if (subcategories.Length == 0)
        {
            return EvidenceItem.ForRecords(BaselineEvidenceIds.AuditSystemPolicy, Source, now, []);
        }

        if (!Advapi32Audit.AuditQuerySystemPolicy(subcategories, (uint)subcategories.Length, out var policies))
        {
            var error = Marshal.GetLastWin32Error();
            return Failed(now, "AuditQuerySystemPolicy", error, privilege);
        }

        var records = new List<EvidenceRecord>(subcategories.Length);
        try
        {
            // A contiguous array of AUDIT_POLICY_INFORMATION (36 bytes each), not an array of pointers.
            var size = Marshal.SizeOf<Advapi32Audit.AuditPolicyInformation>();
            for (var i = 0; i < subcategories.Length; i++)
            {
                var info = Marshal.PtrToStructure<Advapi32Audit.AuditPolicyInformation>(IntPtr.Add(policies, i * size));
                records.Add(new EvidenceRecord(
                [
                    new KeyValuePair<string, EvidenceValue>(P.SubcategoryGuid, EvidenceValue.FromString(info.AuditSubCategoryGuid.ToString("D"))),
                    new KeyValuePair<string, EvidenceValue>(P.AuditingInformation, EvidenceValue.FromUInt64(info.AuditingInformation)),
                ]));
            }
        }
        finally
        {
            Advapi32Audit.AuditFree(policies);
        }

        return EvidenceItem.ForRecords(BaselineEvidenceIds.AuditSystemPolicy, Source, now, records);
    }

    private static EvidenceItem Failed(DateTimeOffset now, string function, int error, PrivilegeScope privilege)
    {
        var message = $"{function}: {new Win32Exception(error).Message}";
        if (!privilege.Enabled)
        {
            message += $" (SeSecurityPrivilege could not be enabled: error {privilege.Error.ToString(CultureInfo.InvariantCulture)}; run elevated)";
        }

        var category = error == ErrorAccessDenied ? EvidenceErrorCategory.AccessDenied : EvidenceErrorCategory.Failed;
        return EvidenceItem.ForError(BaselineEvidenceIds.AuditSystemPolicy, EvidenceKind.Properties, Source, now, new EvidenceError(category, message, error));
    }
}
