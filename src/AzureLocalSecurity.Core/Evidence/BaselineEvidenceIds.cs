namespace AzureLocalSecurity.Evidence;

/// <summary>
/// The stable ids of the raw facts the baseline collector files: user rights, account policy, audit policy,
/// the built-in accounts and the Secured-core status sources. Every value is kept as the API returned it
/// (seconds, bit masks, flag bytes); meaning is derived only when a bundle is read.
/// </summary>
public static class BaselineEvidenceIds
{
    /// <summary>
    /// LsaEnumerateAccountsWithUserRight, one record per requested right: <c>Right</c> (String), and either <c>Sids</c>
    /// (MultiString of SID strings, empty when no account holds the right) or <c>Error</c> (String) with <c>ErrorCode</c> (Int64, the NTSTATUS).
    /// </summary>
    public const string UserRights = "windows/lsa/user-rights";

    /// <summary>
    /// NetUserModalsGet level 0, one record with the USER_MODALS_INFO_0 fields as stored (UInt64): <c>MinPasswdLen</c>,
    /// <c>MaxPasswdAge</c>, <c>MinPasswdAge</c>, <c>ForceLogoff</c> (seconds; 4294967295 is TIMEQ_FOREVER) and <c>PasswordHistLen</c>.
    /// </summary>
    public const string UserModals0 = "windows/netapi/user-modals-0";

    /// <summary>
    /// NetUserModalsGet level 3, one record with the USER_MODALS_INFO_3 fields as stored (UInt64): <c>LockoutDuration</c>,
    /// <c>LockoutObservationWindow</c> (seconds) and <c>LockoutThreshold</c>.
    /// </summary>
    public const string UserModals3 = "windows/netapi/user-modals-3";

    /// <summary>
    /// <c>windows/secedit/system-access</c>: the [System Access] settings of a <c>secedit /export</c> (or a GPO's GptTmpl.inf)
    /// that no documented API returns (<c>PasswordComplexity</c>, <c>ClearTextPassword</c>, <c>AllowAdministratorLockout</c>,
    /// <c>LSAAnonymousNameLookup</c>), one record with each the template has, as Int64. Only imports from secedit files
    /// file it; the native collectors cannot.
    /// </summary>
    public const string SecurityTemplateSystemAccess = "windows/secedit/system-access";

    /// <summary>
    /// AuditQuerySystemPolicy for every subcategory AuditEnumerateSubCategories lists, one record each:
    /// <c>SubcategoryGuid</c> (String, lower case, no braces) and <c>AuditingInformation</c> (UInt64; bit 1 success, bit 2 failure, 4 none).
    /// </summary>
    public const string AuditSystemPolicy = "windows/audit/system-policy";

    /// <summary>
    /// The built-in accounts found by RID (500 Administrator, 501 Guest), one record each: <c>Rid</c> (UInt64), <c>Sid</c> (String),
    /// <c>Name</c> (String), <c>Flags</c> (UInt64, USER_INFO_1 usri1_flags), or <c>Error</c> (String) with <c>ErrorCode</c> (Int64) for the step that failed.
    /// </summary>
    public const string BuiltinAccounts = "windows/accounts/builtin";

    /// <summary>NtQuerySystemInformation(SystemCodeIntegrityInformation): one record, <c>CodeIntegrityOptions</c> (UInt64, CODEINTEGRITY_OPTION_* bits).</summary>
    public const string CodeIntegrity = "windows/ntdll/code-integrity";

    /// <summary>NtQuerySystemInformation(SystemIsolatedUserModeInformation): one record, the raw flag bytes <c>Flags0</c> and <c>Flags1</c> (UInt64 each).</summary>
    public const string IsolatedUserMode = "windows/ntdll/isolated-user-mode";

    /// <summary>NtQuerySystemInformation(SystemDmaGuardPolicyInformation): one record, <c>DmaGuardPolicyEnabled</c> (UInt64, the raw BOOLEAN byte).</summary>
    public const string DmaGuard = "windows/ntdll/dma-guard";

    /// <summary>
    /// Tbsi_GetDeviceInfo: one record with the TPM_DEVICE_INFO fields (UInt64): <c>StructVersion</c>, <c>TpmVersion</c>
    /// (1 = TPM 1.2, 2 = TPM 2.0), <c>TpmInterfaceType</c>, <c>TpmImpRevision</c>. An error item with category NotFound means TBS found no TPM.
    /// </summary>
    public const string TpmDeviceInfo = "windows/tbs/device-info";
}
