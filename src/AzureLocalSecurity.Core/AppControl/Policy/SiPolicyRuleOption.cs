namespace AzureLocalSecurity.AppControl.Policy;

/// <summary>
/// The policy rule options (<c>Rules/Rule/Option</c>). For options 0 to 20 the value is the option's number in
/// Microsoft's "Understand App Control policy rule options" table and <c>Set-RuleOption -Option</c>; the four options the
/// schema has without such a number are 100 to 103, which are not indexes. <see cref="SiPolicyRuleOptions"/> maps each to
/// its XML name and its bit in a compiled policy.
/// </summary>
public enum SiPolicyRuleOption
{
    /// <summary>0 "Enabled:UMCI": user-mode code integrity.</summary>
    EnabledUmci = 0,

    /// <summary>1 "Enabled:Boot Menu Protection" (not supported, per Microsoft).</summary>
    EnabledBootMenuProtection = 1,

    /// <summary>2 "Required:WHQL".</summary>
    RequiredWhql = 2,

    /// <summary>3 "Enabled:Audit Mode".</summary>
    EnabledAuditMode = 3,

    /// <summary>4 "Disabled:Flight Signing".</summary>
    DisabledFlightSigning = 4,

    /// <summary>5 "Enabled:Inherit Default Policy".</summary>
    EnabledInheritDefaultPolicy = 5,

    /// <summary>6 "Enabled:Unsigned System Integrity Policy".</summary>
    EnabledUnsignedSystemIntegrityPolicy = 6,

    /// <summary>7 "Allowed:Debug Policy Augmented" (not supported, per Microsoft; no bit is known for it).</summary>
    AllowedDebugPolicyAugmented = 7,

    /// <summary>8 "Required:EV Signers".</summary>
    RequiredEvSigners = 8,

    /// <summary>9 "Enabled:Advanced Boot Options Menu".</summary>
    EnabledAdvancedBootOptionsMenu = 9,

    /// <summary>10 "Enabled:Boot Audit On Failure".</summary>
    EnabledBootAuditOnFailure = 10,

    /// <summary>11 "Disabled:Script Enforcement".</summary>
    DisabledScriptEnforcement = 11,

    /// <summary>12 "Required:Enforce Store Applications".</summary>
    RequiredEnforceStoreApplications = 12,

    /// <summary>13 "Enabled:Managed Installer".</summary>
    EnabledManagedInstaller = 13,

    /// <summary>14 "Enabled:Intelligent Security Graph Authorization".</summary>
    EnabledIntelligentSecurityGraphAuthorization = 14,

    /// <summary>15 "Enabled:Invalidate EAs on Reboot".</summary>
    EnabledInvalidateEAsOnReboot = 15,

    /// <summary>16 "Enabled:Update Policy No Reboot".</summary>
    EnabledUpdatePolicyNoReboot = 16,

    /// <summary>17 "Enabled:Allow Supplemental Policies".</summary>
    EnabledAllowSupplementalPolicies = 17,

    /// <summary>18 "Disabled:Runtime FilePath Rule Protection".</summary>
    DisabledRuntimeFilePathRuleProtection = 18,

    /// <summary>19 "Enabled:Dynamic Code Security".</summary>
    EnabledDynamicCodeSecurity = 19,

    /// <summary>20 "Enabled:Revoked Expired As Unsigned".</summary>
    EnabledRevokedExpiredAsUnsigned = 20,

    /// <summary>"Enabled:Windows Lockdown Trial Mode" (no Set-RuleOption number).</summary>
    EnabledWindowsLockdownTrialMode = 100,

    /// <summary>"Enabled:Developer Mode Dynamic Code Trust" (no Set-RuleOption number).</summary>
    EnabledDeveloperModeDynamicCodeTrust = 101,

    /// <summary>"Enabled:Secure Setting Policy" (no Set-RuleOption number).</summary>
    EnabledSecureSettingPolicy = 102,

    /// <summary>"Enabled:Conditional Windows Lockdown Policy" (no Set-RuleOption number).</summary>
    EnabledConditionalWindowsLockdownPolicy = 103,
}
