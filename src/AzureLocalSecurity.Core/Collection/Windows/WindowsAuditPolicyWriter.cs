using System;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using AzureLocalSecurity.Baseline.Facts;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// Sets one advanced-audit subcategory with AuditSetSystemPolicy under SeSecurityPrivilege, then reads it back with
/// AuditQuerySystemPolicy. The steps come from <see cref="BaselineWriteValidation.AuditSetSequence"/>.
/// </summary>
[SupportedOSPlatform("windows")]
internal static class WindowsAuditPolicyWriter
{
    private const string SeSecurityPrivilege = Advapi32Audit.SeSecurityPrivilege;

    // Writers in this process take turns: the privilege is enabled and restored on the one process token.
    private static readonly object Gate = new();

    internal static void Apply(AuditPolicyChange change)
    {
        lock (Gate)
        {
            using (var privilege = PrivilegeScope.Enable(SeSecurityPrivilege))
            {
                if (!privilege.Enabled)
                {
                    throw new BaselineWriteException(
                        NativeErrorText.Win32($"AdjustTokenPrivileges({SeSecurityPrivilege})", privilege.Error)
                        + (privilege.Error == Advapi32Token.ErrorNotAllAssigned ? $" The process token does not hold {SeSecurityPrivilege}; run PowerShell elevated, as an administrator." : string.Empty));
                }

                var before = Query(change.Subcategory);
                var steps = BaselineWriteValidation.AuditSetSequence(before, change.Desired);
                for (var i = 0; i < steps.Count; i++)
                {
                    Set(change.Subcategory, steps[i], i == 0 ? null : steps[i - 1]);
                }

                var after = Query(change.Subcategory) & (Advapi32Audit.PolicyAuditEventSuccess | Advapi32Audit.PolicyAuditEventFailure);
                if (after != change.Desired)
                {
                    throw new BaselineWriteException(
                        $"AuditSetSystemPolicy reported success for {change.Subcategory:D}, but AuditQuerySystemPolicy now reads {after.ToString(CultureInfo.InvariantCulture)} where {change.Desired.ToString(CultureInfo.InvariantCulture)} was set.");
                }
            }
        }
    }

    private static void Set(Guid subcategory, uint auditingInformation, uint? previousStep)
    {
        // AuditCategoryGuid is ignored by AuditSetSystemPolicy (its documentation); left empty.
        var policy = new[] { new Advapi32Audit.AuditPolicyInformation { AuditSubCategoryGuid = subcategory, AuditingInformation = auditingInformation } };
        if (!Advapi32Audit.AuditSetSystemPolicy(policy, 1))
        {
            var error = Marshal.GetLastWin32Error();
            var state = previousStep is uint p
                ? $" Auditing of {subcategory:D} was already set to {p.ToString(CultureInfo.InvariantCulture)} by the step before (4 = none)."
                : string.Empty;
            throw new BaselineWriteException(NativeErrorText.Win32($"AuditSetSystemPolicy({subcategory:D}, {auditingInformation.ToString(CultureInfo.InvariantCulture)})", error) + state);
        }
    }

    private static uint Query(Guid subcategory)
    {
        if (!Advapi32Audit.AuditQuerySystemPolicy([subcategory], 1, out var buffer))
        {
            throw new BaselineWriteException(NativeErrorText.Win32($"AuditQuerySystemPolicy({subcategory:D})", Marshal.GetLastWin32Error()));
        }

        try
        {
            return Marshal.PtrToStructure<Advapi32Audit.AuditPolicyInformation>(buffer).AuditingInformation;
        }
        finally
        {
            Advapi32Audit.AuditFree(buffer);
        }
    }
}
