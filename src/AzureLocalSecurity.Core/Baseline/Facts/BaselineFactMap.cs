using System;
using System.Collections.Generic;

namespace AzureLocalSecurity.Baseline.Facts;

/// <summary>
/// Where each baseline rule's actual value lives on a node: a registry value, an LSA user right, the local account
/// policy, an audit subcategory, a built-in account or a Secured-core status. Pure: it reads only the rule's columns.
/// </summary>
public static class BaselineFactMap
{
    /// <summary>The key whose <c>&lt;Policy&gt;_WinningProvider</c> values say which MDM provider set a Policy CSP setting.</summary>
    internal const string PolicyManagerDeviceKey = @"HKLM\SOFTWARE\Microsoft\PolicyManager\current\device";

    /// <summary>UEFISecureBootEnabled (REG_DWORD 1/0), written by Windows at boot on UEFI machines.</summary>
    internal const string SecureBootStateKey = @"HKLM\SYSTEM\CurrentControlSet\Control\SecureBoot\State";

    /// <summary>EnableVirtualizationBasedSecurity: VBS turned on outside Group Policy.</summary>
    internal const string DeviceGuardKey = @"HKLM\SYSTEM\CurrentControlSet\Control\DeviceGuard";

    /// <summary>Enabled: memory integrity (HVCI) turned on outside Group Policy.</summary>
    internal const string HvciScenarioKey = @"HKLM\SYSTEM\CurrentControlSet\Control\DeviceGuard\Scenarios\HypervisorEnforcedCodeIntegrity";

    /// <summary>Enabled: System Guard Secure Launch turned on outside Group Policy.</summary>
    internal const string SystemGuardScenarioKey = @"HKLM\SYSTEM\CurrentControlSet\Control\DeviceGuard\Scenarios\SystemGuard";

    /// <summary>The Device Guard policy (Group Policy or the DeviceGuard / VirtualizationBasedTechnology CSPs).</summary>
    internal const string DeviceGuardPolicyKey = @"HKLM\SOFTWARE\Policies\Microsoft\Windows\DeviceGuard";

    private const string WinningProviderSuffix = "_WinningProvider";
    private const string ProviderSetSuffix = "_ProviderSet";

    private static readonly Dictionary<string, string> DeviceLockPolicies = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MinimumPasswordLength"] = BaselineFactNames.MinimumPasswordLength,

        // The 2506 catalogs use the Exchange ActiveSync policy for the same control (CCE-36534-6, "Minimum password
        // length"); the DeviceLock CSP applies it to local accounts through the EAS policy engine.
        ["MinDevicePasswordLength"] = BaselineFactNames.MinimumPasswordLength,
        ["MaximumPasswordAge"] = BaselineFactNames.MaximumPasswordAge,
        ["MinimumPasswordAge"] = BaselineFactNames.MinimumPasswordAge,
        ["PasswordHistorySize"] = BaselineFactNames.PasswordHistorySize,
        ["AccountLockoutPolicy"] = BaselineFactNames.AccountLockoutPolicy,
        ["PasswordComplexity"] = BaselineFactNames.PasswordComplexity,
        ["ClearTextPassword"] = BaselineFactNames.ClearTextPassword,
        ["AllowAdministratorLockout"] = BaselineFactNames.AllowAdministratorLockout,
    };

    // secedit's [System Access] names (the 2310-2411 Location column) that are account-database settings.
    private static readonly Dictionary<string, string> SystemAccessPolicies = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MinimumPasswordLength"] = BaselineFactNames.MinimumPasswordLength,
        ["MaximumPasswordAge"] = BaselineFactNames.MaximumPasswordAge,
        ["MinimumPasswordAge"] = BaselineFactNames.MinimumPasswordAge,
        ["PasswordHistorySize"] = BaselineFactNames.PasswordHistorySize,
        ["LockoutBadCount"] = BaselineFactNames.LockoutBadCount,
        ["LockoutDuration"] = BaselineFactNames.LockoutDuration,
        ["ResetLockoutCount"] = BaselineFactNames.ResetLockoutCount,
        ["AccountLockoutPolicy"] = BaselineFactNames.AccountLockoutPolicy,
        ["ForceLogoffWhenHourExpire"] = BaselineFactNames.ForceLogoff,
        ["PasswordComplexity"] = BaselineFactNames.PasswordComplexity,
        ["ClearTextPassword"] = BaselineFactNames.ClearTextPassword,
        ["AllowAdministratorLockout"] = BaselineFactNames.AllowAdministratorLockout,
        ["LSAAnonymousNameLookup"] = BaselineFactNames.LsaAnonymousNameLookup,
    };

    private static readonly Dictionary<string, (string Rid, string Property)> SystemAccessAccounts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["EnableAdminAccount"] = (BaselineFactNames.AdministratorRid, BaselineFactNames.AccountEnabled),
        ["EnableGuestAccount"] = (BaselineFactNames.GuestRid, BaselineFactNames.AccountEnabled),
        ["NewAdministratorName"] = (BaselineFactNames.AdministratorRid, BaselineFactNames.AccountName),
        ["NewGuestName"] = (BaselineFactNames.GuestRid, BaselineFactNames.AccountName),
    };

    // Config/LocalPoliciesSecurityOptions/<X> settings that live in the account database, not in the registry.
    private static readonly Dictionary<string, FactRef> SecurityOptions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Accounts_EnableAdministratorAccountStatus"] = Account(BaselineFactNames.AdministratorRid, BaselineFactNames.AccountEnabled),
        ["Accounts_EnableGuestAccountStatus"] = Account(BaselineFactNames.GuestRid, BaselineFactNames.AccountEnabled),
        ["Accounts_RenameAdministratorAccount"] = Account(BaselineFactNames.AdministratorRid, BaselineFactNames.AccountName),
        ["Accounts_RenameGuestAccount"] = Account(BaselineFactNames.GuestRid, BaselineFactNames.AccountName),
        ["NetworkSecurity_ForceLogoffWhenLogonHoursExpire"] = Policy(BaselineFactNames.ForceLogoff),
        ["NetworkAccess_AllowAnonymousSIDOrNameTranslation"] = Policy(BaselineFactNames.LsaAnonymousNameLookup),
    };

    // DeviceStatus / OSConfig SecuredCoreState paths the catalogs give for the rows that have no registry value.
    private static readonly Dictionary<string, string> SecuredCorePaths = new(StringComparer.OrdinalIgnoreCase)
    {
        ["DMA/BootDMAProtection"] = BaselineFactNames.BootDmaProtection,
        ["DeviceGuard/HVCIStatus"] = BaselineFactNames.HvciStatus,
        ["DeviceGuard/HypervisorEnforcedCodeIntegrityStatus"] = BaselineFactNames.HvciStatus,
        ["SecureBootState"] = BaselineFactNames.SecureBootState,
        ["DeviceGuard/SystemGuardStatus"] = BaselineFactNames.SystemGuardStatus,
        ["TPM/SpecificationVersion"] = BaselineFactNames.TpmVersion,
        ["DeviceGuard/VirtualizationBasedSecurityStatus"] = BaselineFactNames.VbsStatus,
    };

    // Policies Windows stores in no single documented place: the CSP derives the SCHANNEL protocol keys from them.
    private static readonly HashSet<string> TlsVersionOverrides = new(StringComparer.OrdinalIgnoreCase)
    {
        "Config/Cryptography/OverrideMinimumEnabledTLSVersionClient",
        "Config/Cryptography/OverrideMinimumEnabledTLSVersionServer",
        "Config/Cryptography/OverrideMinimumEnabledDTLSVersionClient",
        "Config/Cryptography/OverrideMinimumEnabledDTLSVersionServer",
    };

    /// <summary>
    /// The address of a rule's actual value. In order: the rule's registry key and value; the 2310–2411 Type/Location/ValueName
    /// columns; the CSP path (UserRights, Audit, DeviceLock, the account-database security options, the Secured-core statuses).
    /// A rule none of these places is <see cref="FactSource.Unsupported"/> with the reason in <see cref="FactRef.Name"/>.
    /// </summary>
    public static FactRef Resolve(BaselineRule rule)
    {
        if (rule is null)
        {
            throw new ArgumentNullException(nameof(rule));
        }

        if (rule.RegistryKey is not null && rule.RegistryValueName is not null)
        {
            return FactRef.Registry(NormalizeKey(rule.RegistryKey), rule.RegistryValueName);
        }

        if (rule.LegacyType is not null)
        {
            return ResolveLegacy(rule);
        }

        if (rule.CspPath is not null)
        {
            return ResolveCsp(rule.CspPath);
        }

        return Unsupported(string.Empty, $"Rule '{rule.Name}' names no registry value, no CSP path and no legacy location.");
    }

    /// <summary>
    /// The kind a rule compares and writes for <paramref name="fact"/>: REG_DWORD/QWORD Number, REG_SZ/EXPAND_SZ Text,
    /// REG_MULTI_SZ TextList, REG_BINARY Binary; user rights SidList; the account lockout policy KeyValues, other account
    /// policies, audit subcategories and statuses Number; account names and the TPM version Text.
    /// </summary>
    public static FactValueKind TargetKind(BaselineRule rule, FactRef fact)
    {
        if (rule is null)
        {
            throw new ArgumentNullException(nameof(rule));
        }

        if (fact is null)
        {
            throw new ArgumentNullException(nameof(fact));
        }

        return fact.Source switch
        {
            FactSource.UserRight => FactValueKind.SidList,
            FactSource.AccountPolicy => string.Equals(fact.Name, BaselineFactNames.AccountLockoutPolicy, StringComparison.OrdinalIgnoreCase) ? FactValueKind.KeyValues : FactValueKind.Number,
            FactSource.AuditPolicy => FactValueKind.Number,
            FactSource.BuiltinAccount => string.Equals(fact.Name, BaselineFactNames.AccountName, StringComparison.OrdinalIgnoreCase) ? FactValueKind.Text : FactValueKind.Number,
            FactSource.SecuredCoreStatus => string.Equals(fact.Name, BaselineFactNames.TpmVersion, StringComparison.OrdinalIgnoreCase) ? FactValueKind.Text : FactValueKind.Number,
            _ => KindOfType(rule.RegistryValueType) ?? KindOfType(rule.CspValueType) ?? FactValueKind.Text,
        };
    }

    /// <summary>
    /// Every fact a capture needs to evaluate <paramref name="rules"/>, without duplicates and in rule order: each rule's own
    /// fact (Unsupported ones left out), the MDM PolicyManager values that tell who set each CSP-managed rule
    /// (<c>&lt;Policy&gt;_ProviderSet</c>, <c>&lt;Policy&gt;_WinningProvider</c>), and, when a Secured-core status is asked for,
    /// the Secure Boot state and Device Guard configuration values the statuses are derived from.
    /// </summary>
    public static IReadOnlyList<FactRef> RequiredFacts(IEnumerable<BaselineRule> rules)
    {
        if (rules is null)
        {
            throw new ArgumentNullException(nameof(rules));
        }

        var seen = new HashSet<FactRef>();
        var list = new List<FactRef>();
        void Add(FactRef f)
        {
            if (seen.Add(f))
            {
                list.Add(f);
            }
        }

        var securedCore = false;
        foreach (var rule in rules)
        {
            var fact = Resolve(rule);
            if (fact.Source == FactSource.Unsupported)
            {
                continue;
            }

            Add(fact);
            securedCore |= fact.Source == FactSource.SecuredCoreStatus;
            if (TryGetCspPolicy(rule, out var area, out var policy))
            {
                Add(FactRef.Registry(PolicyManagerKey(area), policy + ProviderSetSuffix));
                Add(FactRef.Registry(PolicyManagerKey(area), policy + WinningProviderSuffix));
            }
        }

        if (securedCore)
        {
            foreach (var f in SecuredCoreSupportFacts)
            {
                Add(f);
            }
        }

        return list;
    }

    /// <summary>The registry values the Secured-core statuses are derived from besides the kernel and TBS facts.</summary>
    internal static IReadOnlyList<FactRef> SecuredCoreSupportFacts { get; } =
    [
        FactRef.Registry(SecureBootStateKey, "UEFISecureBootEnabled"),
        FactRef.Registry(DeviceGuardKey, "EnableVirtualizationBasedSecurity"),
        FactRef.Registry(HvciScenarioKey, "Enabled"),
        FactRef.Registry(SystemGuardScenarioKey, "Enabled"),
        FactRef.Registry(DeviceGuardPolicyKey, "EnableVirtualizationBasedSecurity"),
        FactRef.Registry(DeviceGuardPolicyKey, "HypervisorEnforcedCodeIntegrity"),
        FactRef.Registry(DeviceGuardPolicyKey, "ConfigureSystemGuardLaunch"),
    ];

    /// <summary>The PolicyManager key of a Policy CSP area.</summary>
    internal static string PolicyManagerKey(string area) => PolicyManagerDeviceKey + "\\" + area;

    /// <summary>The value naming the provider that won a policy (REG_SZ, the provider's GUID or name).</summary>
    internal static string WinningProviderValue(string policy) => policy + WinningProviderSuffix;

    /// <summary>The Policy CSP area and policy of a rule (<c>Config/&lt;Area&gt;/&lt;Policy&gt;</c> under <c>./Vendor/MSFT/Policy</c>).</summary>
    internal static bool TryGetCspPolicy(BaselineRule rule, out string area, out string policy)
    {
        area = string.Empty;
        policy = string.Empty;
        var path = rule.CspPath;
        if (path is null || (rule.CspName is not null && rule.CspName.IndexOf("/MSFT/Policy", StringComparison.OrdinalIgnoreCase) < 0))
        {
            return false;
        }

        var parts = path.Trim().Trim('/').Split('/');
        if (parts.Length != 3 || !string.Equals(parts[0], "Config", StringComparison.OrdinalIgnoreCase) || parts[1].Length == 0 || parts[2].Length == 0)
        {
            return false;
        }

        area = parts[1];
        policy = parts[2];
        return true;
    }

    /// <summary><c>HKLM:\SOFTWARE\X\</c> as the catalogs write it becomes <c>HKLM\SOFTWARE\X</c>.</summary>
    internal static string NormalizeKey(string key)
    {
        var k = key.Trim().TrimEnd('\\');
        var colon = k.IndexOf(":\\", StringComparison.Ordinal);
        if (colon > 0 && k.IndexOf('\\') == colon + 1)
        {
            k = k.Substring(0, colon) + k.Substring(colon + 1);
        }

        if (k.StartsWith("HKEY_LOCAL_MACHINE\\", StringComparison.OrdinalIgnoreCase))
        {
            k = "HKLM" + k.Substring("HKEY_LOCAL_MACHINE".Length);
        }

        return k;
    }

    private static FactRef ResolveLegacy(BaselineRule rule)
    {
        var type = rule.LegacyType!;
        var location = rule.LegacyLocation ?? string.Empty;
        var valueName = rule.LegacyValueName ?? string.Empty;
        if (string.Equals(type, "Registry", StringComparison.OrdinalIgnoreCase))
        {
            return location.Length > 0 && valueName.Length > 0
                ? FactRef.Registry(NormalizeKey(location), valueName)
                : Unsupported(location, $"The Registry row '{rule.Name}' has no key or value name.");
        }

        if (string.Equals(type, "SecurityPolicy", StringComparison.OrdinalIgnoreCase))
        {
            if (string.Equals(valueName, "Privilege Rights", StringComparison.OrdinalIgnoreCase))
            {
                return UserRightTable.IsConstant(location)
                    ? new FactRef(FactSource.UserRight, string.Empty, location)
                    : Unsupported(location, $"'{location}' is not a user-right constant.");
            }

            if (string.Equals(valueName, "System Access", StringComparison.OrdinalIgnoreCase))
            {
                if (SystemAccessPolicies.TryGetValue(location, out var policy))
                {
                    return Policy(policy);
                }

                if (SystemAccessAccounts.TryGetValue(location, out var account))
                {
                    return Account(account.Rid, account.Property);
                }
            }

            return Unsupported(location, $"The security policy '{valueName}\\{location}' has no known source.");
        }

        if (string.Equals(type, "AuditPolicy", StringComparison.OrdinalIgnoreCase))
        {
            var guid = AuditSubcategoryTable.ForDisplayName(location);
            return guid is not null
                ? new FactRef(FactSource.AuditPolicy, string.Empty, guid)
                : Unsupported(location, $"'{location}' is not an audit subcategory this module knows.");
        }

        return Unsupported(location, $"The catalog type '{type}' is not one this module reads.");
    }

    private static FactRef ResolveCsp(string cspPath)
    {
        var path = cspPath.Trim().Trim('/');
        var slash = path.LastIndexOf('/');
        var leaf = slash < 0 ? path : path.Substring(slash + 1);
        var parent = slash < 0 ? string.Empty : path.Substring(0, slash);

        if (string.Equals(parent, "Config/UserRights", StringComparison.OrdinalIgnoreCase))
        {
            var constant = UserRightTable.ForCspName(leaf);
            return constant is not null
                ? new FactRef(FactSource.UserRight, string.Empty, constant)
                : Unsupported(path, $"The UserRights policy '{leaf}' is not one this module knows.");
        }

        if (string.Equals(parent, "Config/Audit", StringComparison.OrdinalIgnoreCase))
        {
            var guid = AuditSubcategoryTable.ForCspName(leaf);
            return guid is not null
                ? new FactRef(FactSource.AuditPolicy, string.Empty, guid)
                : Unsupported(path, $"The Audit policy '{leaf}' is not one this module knows.");
        }

        if (string.Equals(parent, "Config/DeviceLock", StringComparison.OrdinalIgnoreCase) && DeviceLockPolicies.TryGetValue(leaf, out var policy))
        {
            return Policy(policy);
        }

        if (string.Equals(parent, "Config/LocalPoliciesSecurityOptions", StringComparison.OrdinalIgnoreCase) && SecurityOptions.TryGetValue(leaf, out var option))
        {
            return option;
        }

        if (SecuredCorePaths.TryGetValue(path, out var status))
        {
            return new FactRef(FactSource.SecuredCoreStatus, string.Empty, status);
        }

        if (TlsVersionOverrides.Contains(path))
        {
            return Unsupported(path, "The Cryptography CSP's minimum TLS/DTLS version override has no documented registry value or API: "
                + "Windows turns it into several SCHANNEL protocol keys, so the policy itself cannot be read back.");
        }

        return Unsupported(path, $"No registry value, API or status is known for the CSP path '{path}'.");
    }

    private static FactRef Policy(string name) => new(FactSource.AccountPolicy, string.Empty, name);

    private static FactRef Account(string rid, string property) => new(FactSource.BuiltinAccount, rid, property);

    private static FactRef Unsupported(string path, string reason) => new(FactSource.Unsupported, path, reason);

    private static FactValueKind? KindOfType(string? type) => type?.Trim().ToUpperInvariant() switch
    {
        "REG_DWORD" or "REG_QWORD" or "INTEGER" or "INT" or "NUMBER" or "BOOLEAN" or "BOOL" => FactValueKind.Number,
        "REG_SZ" or "REG_EXPAND_SZ" or "STRING" or "CHR" => FactValueKind.Text,
        "REG_MULTI_SZ" or "MULTISTRING" => FactValueKind.TextList,
        "REG_BINARY" or "BINARY" or "B64" => FactValueKind.Binary,
        _ => null,
    };
}
