namespace AzureLocalSecurity.Baseline.Facts;

/// <summary>Where on a node the actual value of a baseline rule lives.</summary>
public enum FactSource
{
    /// <summary>A registry value: <see cref="FactRef.Path"/> is the key (<c>HKLM\...</c>), <see cref="FactRef.Name"/> the value name.</summary>
    Registry,

    /// <summary>A user right held through LSA: <see cref="FactRef.Name"/> is the right (<c>SeNetworkLogonRight</c>).</summary>
    UserRight,

    /// <summary>Password or lockout policy of the local account database: <see cref="FactRef.Name"/> is the policy (<c>MinimumPasswordLength</c>, <c>AccountLockoutPolicy</c>, ...).</summary>
    AccountPolicy,

    /// <summary>An advanced audit policy subcategory: <see cref="FactRef.Name"/> is its GUID (<c>0cce9217-69ae-11d9-bed3-505054503030</c>).</summary>
    AuditPolicy,

    /// <summary>A property of a built-in account found by its RID: <see cref="FactRef.Path"/> is <c>500</c> or <c>501</c>, <see cref="FactRef.Name"/> is <c>Name</c> or <c>Enabled</c>.</summary>
    BuiltinAccount,

    /// <summary>A Secured-core status the platform reports (<c>BootDMAProtection</c>, <c>TPMVersion</c>, ...): <see cref="FactRef.Name"/>.</summary>
    SecuredCoreStatus,

    /// <summary>The module does not know how to read this setting; <see cref="FactRef.Name"/> says why.</summary>
    Unsupported,
}
