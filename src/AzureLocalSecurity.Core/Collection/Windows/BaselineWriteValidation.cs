using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AzureLocalSecurity.Baseline.Facts;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// Everything about a baseline write that can be checked without Windows: which source, which value kind, the
/// ranges the documentation gives, and the conversion to the units and sentinels the APIs take. Pure; every
/// refusal is a <see cref="BaselineWriteException"/> that names the setting and says why.
/// </summary>
internal static class BaselineWriteValidation
{
    /// <summary>ONE_DAY (LMaccess.h): the modals functions count ages in seconds.</summary>
    internal const uint SecondsPerDay = 86400;

    internal const uint SecondsPerMinute = 60;

    /// <summary>Registry element size limits (learn.microsoft.com/windows/win32/sysinfo/registry-element-size-limits).</summary>
    internal const int MaxKeyNameLength = 255;

    internal const int MaxValueNameLength = 16383;

    /// <summary>NetUserSetInfo remarks: user account names are limited to 20 characters.</summary>
    internal const int MaxAccountNameLength = 20;

    /// <summary>SID_MAX_SUB_AUTHORITIES (winnt.h).</summary>
    internal const int MaxSubAuthorities = 15;

    /// <summary>The printable characters the NetUserSetInfo remarks forbid in an account name.</summary>
    private const string ForbiddenAccountNameCharacters = "\"/\\[]:|<>+=;?*,";

    /// <summary>Checks <paramref name="value"/> against what <paramref name="fact"/>'s source accepts and converts it.</summary>
    internal static BaselineWriteOperation Validate(FactRef fact, FactValue value, string? registryType) => fact.Source switch
    {
        FactSource.Registry => ValidateRegistry(fact, value, registryType),
        FactSource.UserRight => ValidateUserRight(fact, value),
        FactSource.AuditPolicy => ValidateAuditPolicy(fact, value),
        FactSource.AccountPolicy => ValidateAccountPolicy(fact, value),
        FactSource.BuiltinAccount => ValidateBuiltinAccount(fact, value),
        FactSource.SecuredCoreStatus => throw Refuse(fact, "a status is not a setting: the platform reports it and no API sets it."),
        FactSource.Unsupported => throw Refuse(fact, "the module does not know how to read or change this setting."),
        _ => throw Refuse(fact, $"the fact source {fact.Source} is not known."),
    };

    /// <summary>The exception every refusal uses: the setting, then why.</summary>
    internal static BaselineWriteException Refuse(FactRef fact, string why) => new($"Cannot change {fact}: {why}");

    // ---- Registry ----

    /// <summary>The key below HKLM named by a registry fact's path (<c>HKLM\</c>, <c>HKLM:\</c> or <c>HKEY_LOCAL_MACHINE\</c>).</summary>
    internal static string RegistrySubKey(FactRef fact)
    {
        var path = fact.Path;
        if (path.Length == 0 || path.Trim().Length != path.Length)
        {
            throw Refuse(fact, "the key path is empty or has leading or trailing white space.");
        }

        var slash = path.IndexOf('\\');
        var hive = slash < 0 ? path : path.Substring(0, slash);
        if (!IsLocalMachine(hive))
        {
            throw Refuse(fact, $"only HKLM keys are changed; '{hive}' is not HKLM.");
        }

        var subKey = slash < 0 ? string.Empty : path.Substring(slash + 1).TrimEnd('\\');
        if (subKey.Length == 0)
        {
            throw Refuse(fact, "no key below HKLM is named; values are not written to the root of a hive.");
        }

        foreach (var component in subKey.Split('\\'))
        {
            if (component.Length == 0)
            {
                throw Refuse(fact, "the key path has an empty component (two backslashes in a row).");
            }

            if (component.Length > MaxKeyNameLength)
            {
                throw Refuse(fact, $"a key name is {component.Length} characters long; the registry allows {MaxKeyNameLength}.");
            }
        }

        return subKey;
    }

    /// <summary>The registry kind for a REG_ type name (case and surrounding spaces ignored).</summary>
    internal static RegistryWriteKind ParseRegistryType(FactRef fact, string? registryType)
    {
        if (registryType is null || registryType.Trim().Length == 0)
        {
            throw Refuse(fact, "a registry value needs its type (REG_DWORD, REG_QWORD, REG_SZ, REG_EXPAND_SZ, REG_MULTI_SZ or REG_BINARY).");
        }

        return registryType.Trim().ToUpperInvariant() switch
        {
            "REG_DWORD" => RegistryWriteKind.DWord,
            "REG_QWORD" => RegistryWriteKind.QWord,
            "REG_SZ" => RegistryWriteKind.String,
            "REG_EXPAND_SZ" => RegistryWriteKind.ExpandString,
            "REG_MULTI_SZ" => RegistryWriteKind.MultiString,
            "REG_BINARY" => RegistryWriteKind.Binary,
            _ => throw Refuse(fact, $"'{registryType}' is not a registry type this writer sets (REG_DWORD, REG_QWORD, REG_SZ, REG_EXPAND_SZ, REG_MULTI_SZ, REG_BINARY)."),
        };
    }

    /// <summary>The REG_ name of a kind, for messages.</summary>
    internal static string RegistryTypeName(RegistryWriteKind kind) => kind switch
    {
        RegistryWriteKind.DWord => "REG_DWORD",
        RegistryWriteKind.QWord => "REG_QWORD",
        RegistryWriteKind.String => "REG_SZ",
        RegistryWriteKind.ExpandString => "REG_EXPAND_SZ",
        RegistryWriteKind.MultiString => "REG_MULTI_SZ",
        RegistryWriteKind.Binary => "REG_BINARY",
        _ => kind.ToString(),
    };

    /// <summary>
    /// The object RegistryKey.SetValue takes for <paramref name="kind"/>. REG_DWORD is passed as the int with the same
    /// 32 bits, because SetValue converts with Convert.ToInt32 and a uint above int.MaxValue would throw (WINAPI.md §7).
    /// </summary>
    internal static object RegistryData(FactRef fact, RegistryWriteKind kind, FactValue value)
    {
        var type = RegistryTypeName(kind);
        switch (kind)
        {
            case RegistryWriteKind.DWord:
                {
                    var n = RequireNumber(fact, value, type);
                    if (n < 0 || n > uint.MaxValue)
                    {
                        throw Refuse(fact, $"{n.ToString(CultureInfo.InvariantCulture)} does not fit a REG_DWORD (0 to 4294967295).");
                    }

                    return unchecked((int)(uint)n);
                }

            case RegistryWriteKind.QWord:
                // The 64 bits are stored as they are; a negative number is the two's-complement pattern.
                return RequireNumber(fact, value, type);

            case RegistryWriteKind.String:
            case RegistryWriteKind.ExpandString:
                {
                    if (value.Kind != FactValueKind.Text)
                    {
                        throw WrongKind(fact, value, $"a {type} is written from a Text value");
                    }

                    var text = value.Text!;
                    if (text.IndexOf('\0') >= 0)
                    {
                        throw Refuse(fact, $"the text contains a NUL character, which would end the {type} early.");
                    }

                    return text;
                }

            case RegistryWriteKind.MultiString:
                {
                    if (value.Kind != FactValueKind.TextList)
                    {
                        throw WrongKind(fact, value, "a REG_MULTI_SZ is written from a TextList value");
                    }

                    var items = value.Items.ToArray();
                    for (var i = 0; i < items.Length; i++)
                    {
                        // REG_MULTI_SZ is a run of NUL-terminated strings ended by an empty one: an empty or
                        // NUL-holding item would end the list there when Windows reads it back.
                        if (items[i].Length == 0 || items[i].IndexOf('\0') >= 0)
                        {
                            throw Refuse(fact, $"item {i} of the REG_MULTI_SZ is empty or contains a NUL character; the list would end there.");
                        }
                    }

                    return items;
                }

            case RegistryWriteKind.Binary:
                if (value.Kind != FactValueKind.Binary)
                {
                    throw WrongKind(fact, value, "a REG_BINARY is written from a Binary value");
                }

                return value.Bytes.ToArray();

            default:
                throw Refuse(fact, $"the registry kind {kind} is not written by this writer.");
        }
    }

    private static BaselineWriteOperation ValidateRegistry(FactRef fact, FactValue value, string? registryType)
    {
        var subKey = RegistrySubKey(fact);
        if (fact.Name.Length > MaxValueNameLength)
        {
            throw Refuse(fact, $"the value name is {fact.Name.Length} characters long; the registry allows {MaxValueNameLength}.");
        }

        if (value.Kind == FactValueKind.Absent)
        {
            return new RegistryValueDeletion(fact, subKey, fact.Name);
        }

        var kind = ParseRegistryType(fact, registryType);
        return new RegistryValueChange(fact, subKey, fact.Name, kind, RegistryData(fact, kind, value));
    }

    private static bool IsLocalMachine(string hive) =>
        string.Equals(hive, "HKLM", StringComparison.OrdinalIgnoreCase)
        || string.Equals(hive, "HKLM:", StringComparison.OrdinalIgnoreCase)
        || string.Equals(hive, "HKEY_LOCAL_MACHINE", StringComparison.OrdinalIgnoreCase);

    // ---- User rights ----

    /// <summary>True for a right or privilege constant: <c>Se</c>, letters, then <c>Right</c> or <c>Privilege</c> (NTSecAPI.h, winnt.h).</summary>
    internal static bool IsRightName(string name)
    {
        if (name.Length < 8 || name.Length > 64 || !name.StartsWith("Se", StringComparison.Ordinal))
        {
            return false;
        }

        if (!name.EndsWith("Right", StringComparison.Ordinal) && !name.EndsWith("Privilege", StringComparison.Ordinal))
        {
            return false;
        }

        return name.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z'));
    }

    /// <summary>
    /// True for a SID in the S-R-I-S… string form (revision 1, an identifier authority below 2^48, one to fifteen
    /// 32-bit sub-authorities, decimal). SDDL aliases such as <c>BA</c> and account names are not SIDs.
    /// </summary>
    internal static bool IsSidString(string sid)
    {
        var parts = sid.Split('-');
        if (parts.Length < 4 || parts.Length > 3 + MaxSubAuthorities || parts[0] != "S" || parts[1] != "1")
        {
            return false;
        }

        if (!TryParseDecimal(parts[2], 15, out var authority) || authority > 0xFFFFFFFFFFFFUL)
        {
            return false;
        }

        for (var i = 3; i < parts.Length; i++)
        {
            if (!TryParseDecimal(parts[i], 10, out var sub) || sub > uint.MaxValue)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The desired holders: each SID normalized (no <c>*</c>, upper-case S), checked, duplicates dropped, order kept.</summary>
    internal static IReadOnlyList<string> DesiredHolders(FactRef fact, FactValue value)
    {
        if (value.Kind != FactValueKind.SidList)
        {
            throw WrongKind(fact, value, "a user right is set from a SidList value, the complete set of holders (empty for none)");
        }

        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in value.Items)
        {
            var sid = FactValue.NormalizeSid(item);
            if (!IsSidString(sid))
            {
                throw Refuse(fact, $"'{item}' is not a SID string (S-1-…); a user right is granted by SID, not by name.");
            }

            if (seen.Add(sid))
            {
                result.Add(sid);
            }
        }

        return result;
    }

    private static UserRightChange ValidateUserRight(FactRef fact, FactValue value)
    {
        if (!IsRightName(fact.Name))
        {
            throw Refuse(fact, $"'{fact.Name}' is not a user right or privilege name (Se…Right or Se…Privilege).");
        }

        return new UserRightChange(fact, fact.Name, DesiredHolders(fact, value));
    }

    // ---- Audit policy ----

    /// <summary>
    /// The audit bits for a rule value: 0 none, 1 success, 2 failure, 3 both. This is the end state, not what is
    /// sent: POLICY_AUDIT_EVENT_UNCHANGED is 0, so "none" is sent as POLICY_AUDIT_EVENT_NONE (see <see cref="AuditSetSequence"/>).
    /// </summary>
    internal static uint AuditingBits(FactRef fact, FactValue value)
    {
        var n = RequireNumber(fact, value, "an audit subcategory");
        if (n is < 0 or > 3)
        {
            throw Refuse(fact, $"audit setting {n.ToString(CultureInfo.InvariantCulture)} is not 0 (no auditing), 1 (success), 2 (failure) or 3 (success and failure).");
        }

        return (uint)n;
    }

    /// <summary>
    /// The AuditingInformation values to pass to AuditSetSystemPolicy, in order, to take a subcategory from
    /// <paramref name="current"/> to <paramref name="desired"/> (both success/failure bits; a read-back 4 counts as 0).
    /// <list type="bullet">
    /// <item>Already there: nothing.</item>
    /// <item>No auditing wanted: POLICY_AUDIT_EVENT_NONE (4), never 0, which means "unchanged".</item>
    /// <item>Only bits to add: the desired bits, whether the API replaces or adds.</item>
    /// <item>A bit to drop: NONE first, then the desired bits. The LSA audit documentation (POLICY_AUDIT_EVENTS_INFO,
    /// MS-LSAD 2.2.4.4) says set options are added to the existing ones unless NONE is given; the
    /// AUDIT_POLICY_INFORMATION page does not say whether AuditSetSystemPolicy behaves the same, so the sequence is
    /// correct either way and the writer reads the result back.</item>
    /// </list>
    /// </summary>
    internal static IReadOnlyList<uint> AuditSetSequence(uint current, uint desired)
    {
        const uint Both = Advapi32Audit.PolicyAuditEventSuccess | Advapi32Audit.PolicyAuditEventFailure;
        if ((desired & ~Both) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(desired), desired, "Desired audit bits are 0 to 3.");
        }

        current &= Both;
        if (current == desired)
        {
            return [];
        }

        if (desired == 0)
        {
            return [Advapi32Audit.PolicyAuditEventNone];
        }

        return (current & ~desired) == 0 ? [desired] : [Advapi32Audit.PolicyAuditEventNone, desired];
    }

    private static AuditPolicyChange ValidateAuditPolicy(FactRef fact, FactValue value)
    {
        if (!Guid.TryParse(fact.Name, out var subcategory) || subcategory == Guid.Empty)
        {
            throw Refuse(fact, $"'{fact.Name}' is not an audit subcategory GUID.");
        }

        return new AuditPolicyChange(fact, subcategory, AuditingBits(fact, value));
    }

    // ---- Account policy ----

    /// <summary>Whole days to seconds, refusing anything that would not fit a DWORD or would equal TIMEQ_FOREVER.</summary>
    internal static uint DaysToSeconds(FactRef fact, long days) => ToSeconds(fact, days, SecondsPerDay, "days");

    /// <summary>Whole minutes to seconds, refusing anything that would not fit a DWORD or would equal TIMEQ_FOREVER.</summary>
    internal static uint MinutesToSeconds(FactRef fact, long minutes) => ToSeconds(fact, minutes, SecondsPerMinute, "minutes");

    /// <summary>
    /// Maximum password age in days to usrmod1002_max_passwd_age: 1–999 days (MS-GPSB 2.2.1.1) in seconds;
    /// -1 (secedit, MS-GPSB) or 0 (the Group Policy editor and the DeviceLock CSP) for "never expires", TIMEQ_FOREVER.
    /// </summary>
    internal static uint MaximumPasswordAgeSeconds(FactRef fact, long days)
    {
        if (days is -1 or 0)
        {
            return NetApi32.TimeqForever;
        }

        if (days is < 1 or > 999)
        {
            throw Refuse(fact, $"{days.ToString(CultureInfo.InvariantCulture)} days is outside 1 to 999 (or -1 or 0 for never).");
        }

        return DaysToSeconds(fact, days);
    }

    /// <summary>Minimum password age in days to usrmod1003_min_passwd_age: 0–999 days (MS-GPSB 2.2.1.1) in seconds.</summary>
    internal static uint MinimumPasswordAgeSeconds(FactRef fact, long days)
    {
        if (days is < 0 or > 999)
        {
            throw Refuse(fact, $"{days.ToString(CultureInfo.InvariantCulture)} days is outside 0 to 999.");
        }

        return DaysToSeconds(fact, days);
    }

    /// <summary>
    /// "Force logoff when logon hours expire" (1 enabled, 0 disabled) to usrmod1004_force_logoff: enabled is 0
    /// seconds (log off as the hours expire), disabled is TIMEQ_FOREVER (never forced), per USER_MODALS_INFO_1004.
    /// </summary>
    internal static uint ForceLogoffSeconds(FactRef fact, long enabled) => enabled switch
    {
        1 => 0,
        0 => NetApi32.TimeqForever,
        _ => throw Refuse(fact, $"{enabled.ToString(CultureInfo.InvariantCulture)} is not 1 (force logoff) or 0 (never)."),
    };

    /// <summary>
    /// The AccountLockoutPolicy pairs to a level-3 change. Keys (case ignored): AccountLockoutDuration (minutes;
    /// -1 or 0 until an administrator unlocks, else 1–99999), ResetAccountLockoutCounterAfter (minutes, 1–99999),
    /// AccountLockoutThreshold (0–999, 0 never locks). A missing key keeps the current value. The duration must
    /// not be shorter than the reset time (MS-GPSB 2.2.1.2).
    /// </summary>
    internal static LockoutPolicyChange ParseLockoutPolicy(FactRef fact, FactValue value)
    {
        if (value.Kind != FactValueKind.KeyValues)
        {
            throw WrongKind(fact, value, "the lockout policy is set from KeyValues pairs");
        }

        if (value.Pairs.Count == 0)
        {
            throw Refuse(fact, "no lockout setting is given.");
        }

        long? duration = null;
        long? reset = null;
        long? threshold = null;
        foreach (var pair in value.Pairs)
        {
            var key = (pair.Key ?? string.Empty).Trim();
            if (!long.TryParse((pair.Value ?? string.Empty).Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
            {
                throw Refuse(fact, $"'{pair.Value}' for {key} is not a whole number.");
            }

            if (string.Equals(key, "AccountLockoutDuration", StringComparison.OrdinalIgnoreCase))
            {
                duration = Once(fact, key, duration, n);
            }
            else if (string.Equals(key, "ResetAccountLockoutCounterAfter", StringComparison.OrdinalIgnoreCase))
            {
                reset = Once(fact, key, reset, n);
            }
            else if (string.Equals(key, "AccountLockoutThreshold", StringComparison.OrdinalIgnoreCase))
            {
                threshold = Once(fact, key, threshold, n);
            }
            else if (string.Equals(key, "AllowAdministratorLockout", StringComparison.OrdinalIgnoreCase))
            {
                throw NoDocumentedApi(fact, "AllowAdministratorLockout");
            }
            else
            {
                throw Refuse(fact, $"'{key}' is not a lockout setting (AccountLockoutDuration, ResetAccountLockoutCounterAfter, AccountLockoutThreshold).");
            }
        }

        uint? durationSeconds = null;
        if (duration is long d)
        {
            if (d is -1 or 0)
            {
                durationSeconds = NetApi32.TimeqForever;
            }
            else if (d is < 1 or > 99999)
            {
                throw Refuse(fact, $"AccountLockoutDuration {d.ToString(CultureInfo.InvariantCulture)} is outside 1 to 99999 minutes (or -1 or 0 until an administrator unlocks).");
            }
            else
            {
                durationSeconds = MinutesToSeconds(fact, d);
            }
        }

        uint? windowSeconds = null;
        if (reset is long r)
        {
            if (r is < 1 or > 99999)
            {
                throw Refuse(fact, $"ResetAccountLockoutCounterAfter {r.ToString(CultureInfo.InvariantCulture)} is outside 1 to 99999 minutes.");
            }

            windowSeconds = MinutesToSeconds(fact, r);
        }

        if (threshold is < 0 or > 999)
        {
            throw Refuse(fact, $"AccountLockoutThreshold {threshold.Value.ToString(CultureInfo.InvariantCulture)} is outside 0 to 999.");
        }

        if (durationSeconds is uint ds && ds != NetApi32.TimeqForever && windowSeconds is uint ws && ws > ds)
        {
            throw Refuse(fact, "ResetAccountLockoutCounterAfter is longer than AccountLockoutDuration; the duration must be at least the reset time.");
        }

        return new LockoutPolicyChange(fact, durationSeconds, windowSeconds, threshold is long t ? (uint)t : null);
    }

    private static BaselineWriteOperation ValidateAccountPolicy(FactRef fact, FactValue value)
    {
        var name = fact.Name;
        if (Is(name, "MinimumPasswordLength"))
        {
            return new AccountPolicyChange(fact, 1001, Count(fact, RequireNumber(fact, value, "MinimumPasswordLength")));
        }

        if (Is(name, "MaximumPasswordAge"))
        {
            return new AccountPolicyChange(fact, 1002, MaximumPasswordAgeSeconds(fact, RequireNumber(fact, value, "MaximumPasswordAge")));
        }

        if (Is(name, "MinimumPasswordAge"))
        {
            return new AccountPolicyChange(fact, 1003, MinimumPasswordAgeSeconds(fact, RequireNumber(fact, value, "MinimumPasswordAge")));
        }

        if (Is(name, "ForceLogoff"))
        {
            return new AccountPolicyChange(fact, 1004, ForceLogoffSeconds(fact, RequireNumber(fact, value, "ForceLogoff")));
        }

        if (Is(name, "PasswordHistorySize"))
        {
            return new AccountPolicyChange(fact, 1005, Count(fact, RequireNumber(fact, value, "PasswordHistorySize")));
        }

        if (Is(name, "AccountLockoutPolicy"))
        {
            return ParseLockoutPolicy(fact, value);
        }

        if (Is(name, "PasswordComplexity") || Is(name, "ClearTextPassword") || Is(name, "AllowAdministratorLockout"))
        {
            throw NoDocumentedApi(fact, name);
        }

        throw Refuse(fact, $"'{name}' is not an account policy this writer knows (MinimumPasswordLength, MaximumPasswordAge, MinimumPasswordAge, ForceLogoff, PasswordHistorySize, AccountLockoutPolicy).");
    }

    private static BaselineWriteException NoDocumentedApi(FactRef fact, string name) => Refuse(
        fact,
        $"no documented Windows API sets {name}; it is a password property of the SAM domain that Group Policy (secedit) or the DeviceLock policy CSP apply. Change it through one of those.");

    private static uint ToSeconds(FactRef fact, long amount, uint unit, string unitName)
    {
        if (amount < 0 || amount > (NetApi32.TimeqForever - 1) / unit)
        {
            throw Refuse(fact, $"{amount.ToString(CultureInfo.InvariantCulture)} {unitName} does not fit the API's 32-bit count of seconds.");
        }

        return (uint)(amount * unit);
    }

    private static uint Count(FactRef fact, long n)
    {
        if (n < 0 || n > uint.MaxValue)
        {
            throw Refuse(fact, $"{n.ToString(CultureInfo.InvariantCulture)} is not a count from 0 to 4294967295.");
        }

        return (uint)n;
    }

    private static long Once(FactRef fact, string key, long? existing, long n) =>
        existing.HasValue ? throw Refuse(fact, $"{key} is given twice.") : n;

    // ---- Built-in accounts ----

    /// <summary>
    /// Checks a new account name against the NetUserSetInfo remarks: 1 to 20 characters, not ending with a period,
    /// none of <c>" / \ [ ] : | &lt; &gt; + = ; ? * ,</c> and no characters 1–31; leading or trailing spaces are refused too.
    /// </summary>
    internal static string AccountName(FactRef fact, string name)
    {
        if (name.Length == 0 || name.Trim().Length != name.Length)
        {
            throw Refuse(fact, "the account name is empty or has leading or trailing white space.");
        }

        if (name.Length > MaxAccountNameLength)
        {
            throw Refuse(fact, $"the account name has {name.Length} characters; account names are limited to {MaxAccountNameLength}.");
        }

        if (name[name.Length - 1] == '.')
        {
            throw Refuse(fact, "an account name cannot end with a period.");
        }

        foreach (var c in name)
        {
            if (c < 32 || ForbiddenAccountNameCharacters.IndexOf(c) >= 0)
            {
                throw Refuse(fact, $"an account name cannot contain {(c < 32 ? "control characters" : "'" + c + "'")}.");
            }
        }

        return name;
    }

    /// <summary>The flags for NetUserSetInfo level 1008: the read flags with UF_ACCOUNTDISABLE set or cleared and UF_SCRIPT set (required).</summary>
    internal static uint AccountFlags(uint currentFlags, bool enabled) =>
        (enabled ? currentFlags & ~NetApi32.UfAccountDisable : currentFlags | NetApi32.UfAccountDisable) | NetApi32.UfScript;

    private static BaselineWriteOperation ValidateBuiltinAccount(FactRef fact, FactValue value)
    {
        uint rid = fact.Path switch
        {
            "500" => 500,
            "501" => 501,
            _ => throw Refuse(fact, $"'{fact.Path}' is not a built-in account RID this writer knows (500 Administrator, 501 Guest)."),
        };

        if (Is(fact.Name, "Name"))
        {
            if (value.Kind != FactValueKind.Text)
            {
                throw WrongKind(fact, value, "an account is renamed from a Text value");
            }

            return new BuiltinAccountRename(fact, rid, AccountName(fact, value.Text!));
        }

        if (Is(fact.Name, "Enabled"))
        {
            var n = RequireNumber(fact, value, "Enabled");
            return n switch
            {
                1 => new BuiltinAccountEnablement(fact, rid, true),
                0 => new BuiltinAccountEnablement(fact, rid, false),
                _ => throw Refuse(fact, $"{n.ToString(CultureInfo.InvariantCulture)} is not 1 (enabled) or 0 (disabled)."),
            };
        }

        throw Refuse(fact, $"'{fact.Name}' is not a built-in account property this writer sets (Name, Enabled).");
    }

    // ---- Shared ----

    private static long RequireNumber(FactRef fact, FactValue value, string what) =>
        value.Kind == FactValueKind.Number ? value.Number!.Value : throw WrongKind(fact, value, $"{what} is set from a Number value");

    private static BaselineWriteException WrongKind(FactRef fact, FactValue value, string rule) =>
        Refuse(fact, $"{rule}; got {(value.Kind == FactValueKind.Absent ? "Absent (nothing to remove here)" : "a " + value.Kind + " value")}.");

    private static bool Is(string name, string expected) => string.Equals(name, expected, StringComparison.OrdinalIgnoreCase);

    private static bool TryParseDecimal(string s, int maxDigits, out ulong result)
    {
        result = 0;
        if (s.Length == 0 || s.Length > maxDigits)
        {
            return false;
        }

        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            result = (result * 10) + (ulong)(c - '0');
        }

        return true;
    }
}
