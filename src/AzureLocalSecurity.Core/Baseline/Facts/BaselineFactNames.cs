namespace AzureLocalSecurity.Baseline.Facts;

/// <summary>
/// The names <see cref="BaselineFactMap"/> puts in <see cref="FactRef.Name"/> (and <see cref="FactRef.Path"/> for built-in
/// accounts) for the sources that are not registry values. Account-policy names are secedit's <c>[System Access]</c> names,
/// so a reading lines up with what <c>secedit /export</c> prints.
/// </summary>
public static class BaselineFactNames
{
    /// <summary>Minimum password length, in characters (NetUserModalsGet level 0).</summary>
    public const string MinimumPasswordLength = "MinimumPasswordLength";

    /// <summary>Maximum password age, in days; -1 when passwords never expire (NetUserModalsGet level 0).</summary>
    public const string MaximumPasswordAge = "MaximumPasswordAge";

    /// <summary>Minimum password age, in days (NetUserModalsGet level 0).</summary>
    public const string MinimumPasswordAge = "MinimumPasswordAge";

    /// <summary>Passwords remembered (NetUserModalsGet level 0).</summary>
    public const string PasswordHistorySize = "PasswordHistorySize";

    /// <summary>Force logoff when logon hours expire: 1 when logoff is immediate, 0 when never (NetUserModalsGet level 0).</summary>
    public const string ForceLogoff = "ForceLogoff";

    /// <summary>Account lockout threshold, in failed attempts (NetUserModalsGet level 3).</summary>
    public const string LockoutBadCount = "LockoutBadCount";

    /// <summary>Account lockout duration, in minutes; -1 until an administrator unlocks (NetUserModalsGet level 3).</summary>
    public const string LockoutDuration = "LockoutDuration";

    /// <summary>Reset the lockout counter after, in minutes (NetUserModalsGet level 3).</summary>
    public const string ResetLockoutCount = "ResetLockoutCount";

    /// <summary>
    /// The three lockout values as the DeviceLock CSP writes them:
    /// <c>ResetAccountLockoutCounterAfter:&lt;min&gt;, AccountLockoutDuration:&lt;min&gt;, AccountLockoutThreshold:&lt;n&gt;</c>.
    /// </summary>
    public const string AccountLockoutPolicy = "AccountLockoutPolicy";

    /// <summary>Password must meet complexity requirements (a SAM domain password property: no documented API reads it).</summary>
    public const string PasswordComplexity = "PasswordComplexity";

    /// <summary>Store passwords using reversible encryption (a SAM domain password property: no documented API reads it).</summary>
    public const string ClearTextPassword = "ClearTextPassword";

    /// <summary>Allow administrator account lockout (a SAM domain lockout property: no documented API reads it).</summary>
    public const string AllowAdministratorLockout = "AllowAdministratorLockout";

    /// <summary>Network access: Allow anonymous SID/Name translation (kept in the LSA policy database: no documented API reads it).</summary>
    public const string LsaAnonymousNameLookup = "LSAAnonymousNameLookup";

    /// <summary>The RID of the built-in Administrator account, as <see cref="FactRef.Path"/>.</summary>
    public const string AdministratorRid = "500";

    /// <summary>The RID of the built-in Guest account, as <see cref="FactRef.Path"/>.</summary>
    public const string GuestRid = "501";

    /// <summary>A built-in account's current name (Text).</summary>
    public const string AccountName = "Name";

    /// <summary>Whether a built-in account is enabled: 1, or 0 when UF_ACCOUNTDISABLE is set (Number).</summary>
    public const string AccountEnabled = "Enabled";

    /// <summary>Kernel DMA protection: 1 on, 0 off.</summary>
    public const string BootDmaProtection = "BootDMAProtection";

    /// <summary>Memory integrity (HVCI), DeviceStatus CSP codes: 0 running, 1 reboot required, 2 not configured.</summary>
    public const string HvciStatus = "HypervisorEnforcedCodeIntegrityStatus";

    /// <summary>Secure Boot: 1 on, 0 off.</summary>
    public const string SecureBootState = "SecureBootState";

    /// <summary>System Guard Secure Launch, DeviceStatus CSP codes: 0 running, 1 reboot required, 2 not configured.</summary>
    public const string SystemGuardStatus = "SystemGuardStatus";

    /// <summary>The TPM's specification version: <c>2.0</c> or <c>1.2</c> (Text).</summary>
    public const string TpmVersion = "TPMVersion";

    /// <summary>Virtualization-based security, DeviceStatus CSP codes: 0 running, 1 reboot required, 4 not configured.</summary>
    public const string VbsStatus = "VirtualizationBasedSecurityStatus";
}
