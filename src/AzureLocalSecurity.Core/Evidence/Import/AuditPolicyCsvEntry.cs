using System;

namespace AzureLocalSecurity.Evidence.Import;

/// <summary>
/// One row of an <c>auditpol /backup</c> CSV (the same layout as a Group Policy <c>audit.csv</c>): a subcategory's setting, or
/// an option (<c>Option:CrashOnAuditFail</c>), or a global SACL. Fields are kept as written; the localized names are for people.
/// </summary>
public sealed class AuditPolicyCsvEntry
{
    /// <summary>Creates a row.</summary>
    public AuditPolicyCsvEntry(int lineNumber, string machineName, string policyTarget, string subcategory, Guid? subcategoryGuid, string inclusionSetting, string exclusionSetting, string settingValue)
    {
        LineNumber = lineNumber;
        MachineName = machineName ?? throw new ArgumentNullException(nameof(machineName));
        PolicyTarget = policyTarget ?? throw new ArgumentNullException(nameof(policyTarget));
        Subcategory = subcategory ?? throw new ArgumentNullException(nameof(subcategory));
        SubcategoryGuid = subcategoryGuid;
        InclusionSetting = inclusionSetting ?? throw new ArgumentNullException(nameof(inclusionSetting));
        ExclusionSetting = exclusionSetting ?? throw new ArgumentNullException(nameof(exclusionSetting));
        SettingValue = settingValue ?? throw new ArgumentNullException(nameof(settingValue));
    }

    /// <summary>The 1-based line the row was read from.</summary>
    public int LineNumber { get; }

    /// <summary>The <c>Machine Name</c> column (empty in a Group Policy audit.csv).</summary>
    public string MachineName { get; }

    /// <summary>The <c>Policy Target</c> column: <c>System</c> for a subcategory, empty for an option or a SACL.</summary>
    public string PolicyTarget { get; }

    /// <summary>The <c>Subcategory</c> column: the localized subcategory name, or <c>Option:...</c>, <c>FileGlobalSacl</c>, <c>RegistryGlobalSacl</c>.</summary>
    public string Subcategory { get; }

    /// <summary>The subcategory GUID, or null on a row that is not a subcategory (an option, a global SACL).</summary>
    public Guid? SubcategoryGuid { get; }

    /// <summary>The <c>Inclusion Setting</c> column as written (localized: read <see cref="SettingValue"/> instead).</summary>
    public string InclusionSetting { get; }

    /// <summary>The <c>Exclusion Setting</c> column (per-user policy; empty for the system policy).</summary>
    public string ExclusionSetting { get; }

    /// <summary>The <c>Setting Value</c> column as written: for a subcategory 0 no auditing, 1 success, 2 failure, 3 both; for an option 0 or 1.</summary>
    public string SettingValue { get; }

    /// <summary>
    /// The subcategory's setting as AUDIT_POLICY_INFORMATION.AuditingInformation bits as AuditQuerySystemPolicy reports them
    /// (POLICY_AUDIT_EVENT_SUCCESS 1, POLICY_AUDIT_EVENT_FAILURE 2; no auditing 0), or null on a row that is not a subcategory
    /// or whose Setting Value is not one of 0 to 3. The CSV's number and the query's bits share their meaning bit for bit.
    /// </summary>
    public uint? AuditingInformation =>
        SubcategoryGuid is not null && SettingValue.Length == 1 && SettingValue[0] >= '0' && SettingValue[0] <= '3'
            ? (uint)(SettingValue[0] - '0')
            : null;
}
