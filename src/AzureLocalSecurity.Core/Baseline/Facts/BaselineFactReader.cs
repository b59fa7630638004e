using System;
using System.Collections.Generic;
using System.Globalization;
using AzureLocalSecurity.Evidence;
using P = AzureLocalSecurity.Evidence.BaselineEvidenceProperties;

namespace AzureLocalSecurity.Baseline.Facts;

/// <summary>
/// Reads baseline facts back out of an evidence bundle: the typed value of each <see cref="FactRef"/>, where it came from,
/// who manages it, or why it cannot be told. Pure and total: a fact the bundle lacks, an API that failed or data of an
/// unexpected shape is Unknown with the reason, never an exception. Indexes are built once, in time linear in the bundle.
/// </summary>
/// <remarks>
/// Conversions, chosen to match what <c>secedit /export</c> reports: password ages are whole days (seconds / 86400, rounded
/// down) and lockout times whole minutes (seconds / 60, rounded down); TIMEQ_FOREVER (4294967295) is -1, secedit's "never"
/// (passwords never expire, locked until an administrator unlocks). Force logoff is 1 when NetUserModalsGet reports 0 seconds
/// and 0 when it reports TIMEQ_FOREVER; any other delay is Unknown, the policy being a yes/no. Audit subcategories read as the
/// CSP / auditpol number 0 none, 1 success, 2 failure, 3 both. The Device Guard statuses use the DeviceStatus CSP codes:
/// 0 running; when not running, 1 (reboot required) if the feature is configured to run in the registry or Group Policy, else
/// "not configured" (4 for VBS, 2 for HVCI and System Guard).
/// </remarks>
public sealed class BaselineFactReader
{
    // CODEINTEGRITY_OPTION_HVCI_KMCI_ENABLED (winternl.h): memory integrity enforcing kernel-mode code integrity.
    private const long HvciKmciEnabled = 0x400;

    // SYSTEM_ISOLATED_USER_MODE_INFORMATION Flags0 bit 0 (phnt): the secure kernel (VBS) is running.
    private const long SecureKernelRunning = 0x01;

    private const long TimeqForever = 0xFFFFFFFF;
    private const string RegistryIdPrefix = "windows/registry/";
    private const long UfAccountDisable = 0x0002;

    private static readonly Dictionary<string, string> UndocumentedPolicies = new(StringComparer.OrdinalIgnoreCase)
    {
        [BaselineFactNames.PasswordComplexity] = "Password complexity is the DOMAIN_PASSWORD_COMPLEX bit of the SAM domain's password properties; "
            + "no documented Win32 API returns it (NetUserModalsGet has no such field, and SamrQueryInformationDomain is an RPC protocol, not an API), so it is not guessed. secedit /export shows it.",
        [BaselineFactNames.ClearTextPassword] = "Reversible password encryption is the DOMAIN_PASSWORD_STORE_CLEARTEXT bit of the SAM domain's password properties; "
            + "no documented Win32 API returns it, so it is not guessed. secedit /export shows it.",
        [BaselineFactNames.AllowAdministratorLockout] = "Administrator lockout is the DOMAIN_LOCKOUT_ADMINS bit of the SAM domain's password properties; "
            + "no documented Win32 API returns it, so it is not guessed. secedit /export shows it.",
        [BaselineFactNames.LsaAnonymousNameLookup] = "Anonymous SID/name translation is kept in the LSA policy database, not the registry; "
            + "no documented API returns it, so it is not guessed. secedit /export shows it.",
    };

    private readonly EvidenceBundle _bundle;
    private readonly Dictionary<string, RegistryEntry> _registryByPath = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, RegistryEntry> _registryById = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, EvidenceRecord> _rights = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<Guid, EvidenceRecord> _audit = [];
    private readonly Dictionary<long, EvidenceRecord> _accounts = [];
    private readonly Dictionary<FactRef, (RegistryEntry Entry, string Value)> _winningProviders = [];

    /// <summary>Creates a reader over <paramref name="bundle"/>; owners are told from registry paths only.</summary>
    public BaselineFactReader(EvidenceBundle bundle)
        : this(bundle, null)
    {
    }

    /// <summary>
    /// Creates a reader over <paramref name="bundle"/>. With <paramref name="rules"/>, a fact of a rule that has a Policy CSP
    /// path also reads its owner from the MDM PolicyManager key the capture holds (<c>MDM</c>, or <c>OSConfig</c> for Azure
    /// Local's OSConfig authority).
    /// </summary>
    public BaselineFactReader(EvidenceBundle bundle, IEnumerable<BaselineRule>? rules)
    {
        _bundle = bundle ?? throw new ArgumentNullException(nameof(bundle));
        foreach (var item in bundle.Items)
        {
            IndexItem(item);
        }

        foreach (var rule in rules ?? [])
        {
            if (rule is not null)
            {
                IndexProvider(rule);
            }
        }

        IsDomainJoined = ReadDomainJoined();
    }

    /// <summary>
    /// Whether the node is joined to an Active Directory domain (NetGetJoinInformation NetSetupDomainName), false for a
    /// workgroup or unjoined node, null when the bundle does not say.
    /// </summary>
    public bool? IsDomainJoined { get; }

    /// <summary>The value of <paramref name="fact"/> on the node the bundle was captured on, or why it is unknown.</summary>
    public FactReading Read(FactRef fact)
    {
        if (fact is null)
        {
            throw new ArgumentNullException(nameof(fact));
        }

        return fact.Source switch
        {
            FactSource.Registry => ReadRegistry(fact),
            FactSource.UserRight => ReadUserRight(fact),
            FactSource.AccountPolicy => ReadAccountPolicy(fact),
            FactSource.AuditPolicy => ReadAuditPolicy(fact),
            FactSource.BuiltinAccount => ReadBuiltinAccount(fact),
            FactSource.SecuredCoreStatus => ReadSecuredCoreStatus(fact),
            FactSource.Unsupported => FactReading.Unknown(fact, "BaselineFactMap", string.IsNullOrWhiteSpace(fact.Name) ? "The module does not know where this setting lives." : fact.Name),
            _ => FactReading.Unknown(fact, "BaselineFactReader", $"The fact source '{fact.Source}' is not one this reader knows."),
        };
    }

    /// <summary>
    /// Remembers where the PolicyManager names the winning provider of a CSP-managed rule's fact, resolved once here so
    /// reading an owner costs a short lookup. A PolicyManager key the bundle lacks names no owner.
    /// </summary>
    private void IndexProvider(BaselineRule rule)
    {
        if (!BaselineFactMap.TryGetCspPolicy(rule, out var area, out var policy))
        {
            return;
        }

        var fact = BaselineFactMap.Resolve(rule);
        if (fact.Source == FactSource.Unsupported || FindKey(BaselineFactMap.PolicyManagerKey(area)) is not { } policyManager)
        {
            return;
        }

        var provider = (policyManager, BaselineFactMap.WinningProviderValue(policy));
        if (fact.Source == FactSource.Registry)
        {
            FindKey(BaselineFactMap.NormalizeKey(fact.Path))?.AddProvider(fact.Name, provider);
        }
        else if (!_winningProviders.ContainsKey(fact))
        {
            _winningProviders.Add(fact, provider);
        }
    }

    private void IndexItem(EvidenceItem item)
    {
        if (item.Id.StartsWith(RegistryIdPrefix, StringComparison.OrdinalIgnoreCase))
        {
            // Keyed by path: a snapshot's own path, else the path its id was made from. The id index catches a key
            // whose name holds '/', which an id cannot tell from a separator.
            var path = BaselineFactMap.NormalizeKey(item.Registry?.Path ?? item.Id.Substring(RegistryIdPrefix.Length).Replace('/', '\\'));
            var entry = new RegistryEntry(item, IsGroupPolicyPath(path));
            if (!_registryByPath.ContainsKey(path))
            {
                _registryByPath.Add(path, entry);
            }

            if (!_registryById.ContainsKey(item.Id))
            {
                _registryById.Add(item.Id, entry);
            }

            return;
        }

        if (item.Records is not { } records)
        {
            return;
        }

        switch (item.Id)
        {
            case BaselineEvidenceIds.UserRights:
                foreach (var record in records)
                {
                    if (record.Get(P.Right)?.AsString() is { } right && !_rights.ContainsKey(right))
                    {
                        _rights.Add(right, record);
                    }
                }

                break;
            case BaselineEvidenceIds.AuditSystemPolicy:
                foreach (var record in records)
                {
                    if (Guid.TryParse(record.Get(P.SubcategoryGuid)?.AsString(), out var guid) && !_audit.ContainsKey(guid))
                    {
                        _audit.Add(guid, record);
                    }
                }

                break;
            case BaselineEvidenceIds.BuiltinAccounts:
                foreach (var record in records)
                {
                    if (record.Get(P.Rid)?.AsInt64() is { } rid && !_accounts.ContainsKey(rid))
                    {
                        _accounts.Add(rid, record);
                    }
                }

                break;
        }
    }

    private FactReading ReadRegistry(FactRef fact)
    {
        var keyPath = BaselineFactMap.NormalizeKey(fact.Path);
        var source = "Registry " + keyPath + "\\" + fact.Name;
        var lookup = LookUp(keyPath, fact.Name);
        switch (lookup.State)
        {
            case LookupState.Absent:
                return FactReading.Read(fact, FactValue.Absent, source, Owner(fact, lookup.Entry));
            case LookupState.Unknown:
                return FactReading.Unknown(fact, source, lookup.Reason!);
        }

        var value = lookup.Value!;
        FactValue? typed = value.Kind switch
        {
            EvidenceValueKind.DWord or EvidenceValueKind.QWord => value.AsInt64() is { } n ? FactValue.FromNumber(n) : null,
            EvidenceValueKind.String or EvidenceValueKind.ExpandString => FactValue.FromText(value.AsString() ?? string.Empty),
            EvidenceValueKind.MultiString => FactValue.FromTextList(value.AsStrings() ?? []),
            EvidenceValueKind.Binary => FactValue.FromBinary(value.AsBytes() ?? []),
            _ => null,
        };

        if (typed is null)
        {
            return FactReading.Unknown(fact, source, value.Kind == EvidenceValueKind.QWord
                ? $"The REG_QWORD value {value} does not fit a signed 64-bit number."
                : $"The captured value is a {value.Kind} ('{value}'), which is not a registry type this reader compares.");
        }

        return FactReading.Read(fact, typed, source, Owner(fact, lookup.Entry));
    }

    private FactReading ReadUserRight(FactRef fact)
    {
        var item = _bundle.Find(BaselineEvidenceIds.UserRights);
        var source = "LsaEnumerateAccountsWithUserRight " + fact.Name;
        if (Problem(item, BaselineEvidenceIds.UserRights) is { } problem)
        {
            return FactReading.Unknown(fact, source, problem);
        }

        if (!_rights.TryGetValue(fact.Name, out var record))
        {
            return FactReading.Unknown(fact, source, $"The capture did not ask LSA for the right {fact.Name} (not captured).");
        }

        if (record.Get(P.Error)?.AsString() is { } error)
        {
            return FactReading.Unknown(fact, source, $"LSA could not list the holders of {fact.Name}: {error}");
        }

        var sids = record.Get(P.Sids)?.AsStrings();
        return sids is null
            ? FactReading.Unknown(fact, source, $"The record for {fact.Name} holds no SID list.")
            : FactReading.Read(fact, FactValue.FromSids(sids), $"{source} ({item!.Id})", Owner(fact, null));
    }

    private FactReading ReadAccountPolicy(FactRef fact)
    {
        var name = fact.Name;
        if (UndocumentedPolicies.TryGetValue(name, out var reason))
        {
            // Only a secedit export (or a GPO's template) says; a bundle imported from one holds it.
            var template = _bundle.Find(BaselineEvidenceIds.SecurityTemplateSystemAccess);
            var value = template?.Succeeded == true && template.Records is { Count: > 0 } records ? records[0].Get(name)?.AsInt64() : null;
            return value is { } v
                ? Number(fact, v, $"secedit [System Access] {name} ({BaselineEvidenceIds.SecurityTemplateSystemAccess})")
                : FactReading.Unknown(fact, "secedit [System Access] " + name, reason);
        }

        var level0 = string.Equals(name, BaselineFactNames.MinimumPasswordLength, StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, BaselineFactNames.MaximumPasswordAge, StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, BaselineFactNames.MinimumPasswordAge, StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, BaselineFactNames.PasswordHistorySize, StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, BaselineFactNames.ForceLogoff, StringComparison.OrdinalIgnoreCase);
        var level3 = string.Equals(name, BaselineFactNames.LockoutBadCount, StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, BaselineFactNames.LockoutDuration, StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, BaselineFactNames.ResetLockoutCount, StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, BaselineFactNames.AccountLockoutPolicy, StringComparison.OrdinalIgnoreCase);
        if (!level0 && !level3)
        {
            return FactReading.Unknown(fact, "BaselineFactReader", $"'{name}' is not an account policy this reader knows.");
        }

        var id = level0 ? BaselineEvidenceIds.UserModals0 : BaselineEvidenceIds.UserModals3;
        var item = _bundle.Find(id);
        var source = $"NetUserModalsGet level {(level0 ? 0 : 3)} ({id})";
        if (Problem(item, id) is { } problem)
        {
            return FactReading.Unknown(fact, source, problem);
        }

        var record = item!.Records!.Count > 0 ? item.Records[0] : null;
        long? Field(string field) => record?.Get(field)?.AsInt64();
        FactReading Missing(string field) => FactReading.Unknown(fact, source, $"The captured record has no numeric {field}.");

        if (level0)
        {
            if (string.Equals(name, BaselineFactNames.MinimumPasswordLength, StringComparison.OrdinalIgnoreCase))
            {
                return Field(P.MinPasswdLen) is { } length ? Number(fact, length, source) : Missing(P.MinPasswdLen);
            }

            if (string.Equals(name, BaselineFactNames.PasswordHistorySize, StringComparison.OrdinalIgnoreCase))
            {
                return Field(P.PasswordHistLen) is { } history ? Number(fact, history, source) : Missing(P.PasswordHistLen);
            }

            if (string.Equals(name, BaselineFactNames.MaximumPasswordAge, StringComparison.OrdinalIgnoreCase))
            {
                return Field(P.MaxPasswdAge) is { } max ? Number(fact, Days(max), source) : Missing(P.MaxPasswdAge);
            }

            if (string.Equals(name, BaselineFactNames.MinimumPasswordAge, StringComparison.OrdinalIgnoreCase))
            {
                return Field(P.MinPasswdAge) is { } min ? Number(fact, Days(min), source) : Missing(P.MinPasswdAge);
            }

            if (Field(P.ForceLogoff) is not { } logoff)
            {
                return Missing(P.ForceLogoff);
            }

            return logoff switch
            {
                0 => Number(fact, 1, source),
                TimeqForever => Number(fact, 0, source),
                _ => FactReading.Unknown(fact, source, $"Users are logged off {logoff.ToString(CultureInfo.InvariantCulture)} seconds after their logon hours expire; the policy only says immediately (1) or never (0)."),
            };
        }

        if (Field(P.LockoutDuration) is not { } duration)
        {
            return Missing(P.LockoutDuration);
        }

        if (Field(P.LockoutObservationWindow) is not { } window)
        {
            return Missing(P.LockoutObservationWindow);
        }

        if (Field(P.LockoutThreshold) is not { } threshold)
        {
            return Missing(P.LockoutThreshold);
        }

        if (string.Equals(name, BaselineFactNames.LockoutBadCount, StringComparison.OrdinalIgnoreCase))
        {
            return Number(fact, threshold, source);
        }

        if (string.Equals(name, BaselineFactNames.LockoutDuration, StringComparison.OrdinalIgnoreCase))
        {
            return Number(fact, Minutes(duration), source);
        }

        if (string.Equals(name, BaselineFactNames.ResetLockoutCount, StringComparison.OrdinalIgnoreCase))
        {
            return Number(fact, Minutes(window), source);
        }

        var pairs = new[]
        {
            new KeyValuePair<string, string>("ResetAccountLockoutCounterAfter", Minutes(window).ToString(CultureInfo.InvariantCulture)),
            new KeyValuePair<string, string>("AccountLockoutDuration", Minutes(duration).ToString(CultureInfo.InvariantCulture)),
            new KeyValuePair<string, string>("AccountLockoutThreshold", threshold.ToString(CultureInfo.InvariantCulture)),
        };
        return FactReading.Read(fact, FactValue.FromPairs(pairs), source, Owner(fact, null));
    }

    private FactReading ReadAuditPolicy(FactRef fact)
    {
        var item = _bundle.Find(BaselineEvidenceIds.AuditSystemPolicy);
        var source = $"AuditQuerySystemPolicy {fact.Name} ({BaselineEvidenceIds.AuditSystemPolicy})";
        if (Problem(item, BaselineEvidenceIds.AuditSystemPolicy) is { } problem)
        {
            return FactReading.Unknown(fact, source, problem);
        }

        if (!Guid.TryParse(fact.Name, out var guid))
        {
            return FactReading.Unknown(fact, source, $"'{fact.Name}' is not an audit subcategory GUID.");
        }

        if (!_audit.TryGetValue(guid, out var record))
        {
            return FactReading.Unknown(fact, source, $"This node's audit policy does not list subcategory {fact.Name} (an older build, or not captured).");
        }

        // Query results are bits: 1 success, 2 failure; 0 and POLICY_AUDIT_EVENT_NONE (4) both mean no auditing (WINAPI.md §4).
        return record.Get(P.AuditingInformation)?.AsInt64() is { } bits
            ? Number(fact, bits & 3, source)
            : FactReading.Unknown(fact, source, $"The record for subcategory {fact.Name} has no numeric AuditingInformation.");
    }

    private FactReading ReadBuiltinAccount(FactRef fact)
    {
        var item = _bundle.Find(BaselineEvidenceIds.BuiltinAccounts);
        var source = $"Built-in account RID {fact.Path} ({BaselineEvidenceIds.BuiltinAccounts})";
        if (Problem(item, BaselineEvidenceIds.BuiltinAccounts) is { } problem)
        {
            return FactReading.Unknown(fact, source, problem);
        }

        if (!long.TryParse(fact.Path, NumberStyles.None, CultureInfo.InvariantCulture, out var rid) || !_accounts.TryGetValue(rid, out var record))
        {
            return FactReading.Unknown(fact, source, $"The capture holds no account with RID {fact.Path} (not captured).");
        }

        if (record.Get(P.Error)?.AsString() is { } error)
        {
            return FactReading.Unknown(fact, source, $"The account with RID {fact.Path} could not be read: {error}");
        }

        if (string.Equals(fact.Name, BaselineFactNames.AccountName, StringComparison.OrdinalIgnoreCase))
        {
            return record.Get(P.Name)?.AsString() is { } name
                ? FactReading.Read(fact, FactValue.FromText(name), source, Owner(fact, null))
                : FactReading.Unknown(fact, source, $"The record for RID {fact.Path} has no account name.");
        }

        if (string.Equals(fact.Name, BaselineFactNames.AccountEnabled, StringComparison.OrdinalIgnoreCase))
        {
            return record.Get(P.Flags)?.AsInt64() is { } flags
                ? Number(fact, (flags & UfAccountDisable) == 0 ? 1 : 0, source)
                : FactReading.Unknown(fact, source, $"The record for RID {fact.Path} has no numeric account flags.");
        }

        return FactReading.Unknown(fact, source, $"'{fact.Name}' is not an account property this reader knows (Name, Enabled).");
    }

    private FactReading ReadSecuredCoreStatus(FactRef fact)
    {
        var name = fact.Name;
        if (string.Equals(name, BaselineFactNames.BootDmaProtection, StringComparison.OrdinalIgnoreCase))
        {
            return ReadFlag(fact, BaselineEvidenceIds.DmaGuard, P.DmaGuardPolicyEnabled, "Kernel DMA protection (SystemDmaGuardPolicyInformation)");
        }

        if (string.Equals(name, BaselineFactNames.TpmVersion, StringComparison.OrdinalIgnoreCase))
        {
            return ReadTpmVersion(fact);
        }

        if (string.Equals(name, BaselineFactNames.SecureBootState, StringComparison.OrdinalIgnoreCase))
        {
            return ReadSecureBoot(fact);
        }

        if (string.Equals(name, BaselineFactNames.VbsStatus, StringComparison.OrdinalIgnoreCase))
        {
            var source = $"SystemIsolatedUserModeInformation ({BaselineEvidenceIds.IsolatedUserMode}) and Device Guard configuration";
            var running = RecordNumber(BaselineEvidenceIds.IsolatedUserMode, P.Flags0, out var why);
            if (running is null)
            {
                return FactReading.Unknown(fact, source, why!);
            }

            return (running.Value & SecureKernelRunning) != 0
                ? Number(fact, 0, source)
                : NotRunning(fact, source, 4,
                    (BaselineFactMap.DeviceGuardKey, "EnableVirtualizationBasedSecurity", v => v == 1),
                    (BaselineFactMap.DeviceGuardPolicyKey, "EnableVirtualizationBasedSecurity", v => v == 1));
        }

        if (string.Equals(name, BaselineFactNames.HvciStatus, StringComparison.OrdinalIgnoreCase))
        {
            var source = $"SystemCodeIntegrityInformation ({BaselineEvidenceIds.CodeIntegrity}) and Device Guard configuration";
            var options = RecordNumber(BaselineEvidenceIds.CodeIntegrity, P.CodeIntegrityOptions, out var why);
            if (options is null)
            {
                return FactReading.Unknown(fact, source, why!);
            }

            return (options.Value & HvciKmciEnabled) != 0
                ? Number(fact, 0, source)
                : NotRunning(fact, source, 2,
                    (BaselineFactMap.HvciScenarioKey, "Enabled", v => v == 1),
                    (BaselineFactMap.DeviceGuardPolicyKey, "HypervisorEnforcedCodeIntegrity", v => v is 1 or 2));
        }

        if (string.Equals(name, BaselineFactNames.SystemGuardStatus, StringComparison.OrdinalIgnoreCase))
        {
            const string Source = "Device Guard configuration (System Guard Secure Launch)";
            var configured = Configured(
                out var why,
                (BaselineFactMap.SystemGuardScenarioKey, "Enabled", v => v == 1),
                (BaselineFactMap.DeviceGuardPolicyKey, "ConfigureSystemGuardLaunch", v => v == 1));
            return configured switch
            {
                null => FactReading.Unknown(fact, Source, why!),
                false => Number(fact, 2, Source),
                true => FactReading.Unknown(fact, Source, "System Guard is configured to run, but whether it runs is reported only by CIM "
                    + "(Win32_DeviceGuard SecurityServicesRunning contains 3), which this capture does not read."),
            };
        }

        return FactReading.Unknown(fact, "BaselineFactReader", $"'{name}' is not a Secured-core status this reader knows.");
    }

    private FactReading NotRunning(FactRef fact, string source, long notConfigured, params (string Key, string Value, Func<long, bool> Enabled)[] settings)
    {
        var configured = Configured(out var why, settings);
        return configured is null
            ? FactReading.Unknown(fact, source, "The feature is not running, and whether it is configured cannot be told: " + why)
            : Number(fact, configured.Value ? 1 : notConfigured, source);
    }

    /// <summary>True when any setting says enabled; false when every setting was read and none does; null (with why) otherwise.</summary>
    private bool? Configured(out string? why, params (string Key, string Value, Func<long, bool> Enabled)[] settings)
    {
        why = null;
        var unknown = new List<string>();
        foreach (var (key, value, enabled) in settings)
        {
            var lookup = LookUp(key, value);
            if (lookup.State == LookupState.Value && lookup.Value!.AsInt64() is { } n && enabled(n))
            {
                return true;
            }

            if (lookup.State == LookupState.Unknown)
            {
                unknown.Add(lookup.Reason!);
            }
        }

        if (unknown.Count == 0)
        {
            return false;
        }

        why = string.Join(" ", unknown);
        return null;
    }

    private FactReading ReadFlag(FactRef fact, string id, string property, string what)
    {
        var source = $"{what} ({id})";
        var value = RecordNumber(id, property, out var why);
        return value is null ? FactReading.Unknown(fact, source, why!) : Number(fact, value.Value != 0 ? 1 : 0, source);
    }

    private FactReading ReadTpmVersion(FactRef fact)
    {
        var id = BaselineEvidenceIds.TpmDeviceInfo;
        var source = $"Tbsi_GetDeviceInfo ({id})";
        var item = _bundle.Find(id);
        if (item?.Error is { Category: EvidenceErrorCategory.NotFound })
        {
            return FactReading.Read(fact, FactValue.Absent, source);
        }

        var version = RecordNumber(id, P.TpmVersion, out var why);
        return version switch
        {
            null => FactReading.Unknown(fact, source, why!),
            2 => FactReading.Read(fact, FactValue.FromText("2.0"), source),
            1 => FactReading.Read(fact, FactValue.FromText("1.2"), source),
            _ => FactReading.Unknown(fact, source, $"TBS reports TPM version {version.Value.ToString(CultureInfo.InvariantCulture)} (TPM_VERSION_UNKNOWN or newer than this module)."),
        };
    }

    private FactReading ReadSecureBoot(FactRef fact)
    {
        var source = "Registry " + BaselineFactMap.SecureBootStateKey + "\\UEFISecureBootEnabled";
        var lookup = LookUp(BaselineFactMap.SecureBootStateKey, "UEFISecureBootEnabled");
        switch (lookup.State)
        {
            case LookupState.Value:
                return lookup.Value!.AsInt64() is { } n
                    ? Number(fact, n != 0 ? 1 : 0, source)
                    : FactReading.Unknown(fact, source, $"UEFISecureBootEnabled is a {lookup.Value.Kind}, not a number.");
            case LookupState.Unknown:
                return FactReading.Unknown(fact, source, lookup.Reason!);
        }

        // Windows writes the value on UEFI machines only; on a BIOS machine Secure Boot cannot be on.
        var firmware = _bundle.Find(EvidenceIds.WindowsFirmwareType);
        return firmware?.Records is { Count: > 0 } records && records[0].Get("FirmwareType")?.AsInt64() == 1
            ? Number(fact, 0, source + " and GetFirmwareType (BIOS)")
            : FactReading.Unknown(fact, source, "Windows recorded no UEFISecureBootEnabled value and the firmware type does not say BIOS.");
    }

    private long? RecordNumber(string id, string property, out string? why)
    {
        var item = _bundle.Find(id);
        why = Problem(item, id);
        if (why is not null)
        {
            return null;
        }

        var value = item!.Records!.Count > 0 ? item.Records[0].Get(property)?.AsInt64() : null;
        if (value is null)
        {
            why = $"The captured {id} record has no numeric {property}.";
        }

        return value;
    }

    /// <summary>Why an item cannot be used (missing, failed, or not a record item), or null when it can.</summary>
    private static string? Problem(EvidenceItem? item, string id)
    {
        if (item is null)
        {
            return $"The bundle holds no {id} (not captured).";
        }

        if (item.Error is { } error)
        {
            return $"{item.Source} could not be read: {error}";
        }

        return item.Records is null ? $"The item {id} holds no records ({item.Kind})." : null;
    }

    private RegistryLookup LookUp(string keyPath, string valueName)
    {
        if (FindKey(keyPath) is not { } entry)
        {
            return RegistryLookup.Unknown($"The bundle holds no snapshot of {keyPath} (not captured).");
        }

        if (entry.Item.Error is { } error)
        {
            return error.Category == EvidenceErrorCategory.NotFound
                ? RegistryLookup.Absent(entry)
                : RegistryLookup.Unknown($"{keyPath} could not be read: {error}");
        }

        if (entry.Values is null)
        {
            return RegistryLookup.Unknown($"The item for {keyPath} is {entry.Item.Kind} data, not a registry key.");
        }

        return entry.Values.TryGetValue(valueName, out var value) ? RegistryLookup.Of(entry, value) : RegistryLookup.Absent(entry);
    }

    private RegistryEntry? FindKey(string keyPath) =>
        _registryByPath.TryGetValue(keyPath, out var entry) || _registryById.TryGetValue(EvidenceIds.Registry(keyPath), out entry) ? entry : null;

    /// <summary>MDM or OSConfig when the PolicyManager names a winning provider; Group Policy for a registry value under a policy key; else null.</summary>
    private string? Owner(FactRef fact, RegistryEntry? registryKey)
    {
        if (TryGetProvider(fact, registryKey, out var provider) && provider.Entry.Values is { } values && values.TryGetValue(provider.Value, out var value)
            && value.AsString() is { } winner && winner.Trim().Length > 0)
        {
            return IsOsConfig(winner) ? "OSConfig" : "MDM";
        }

        return registryKey?.IsGroupPolicy == true ? "Group Policy" : null;
    }

    private bool TryGetProvider(FactRef fact, RegistryEntry? registryKey, out (RegistryEntry Entry, string Value) provider)
    {
        if (registryKey is null)
        {
            return _winningProviders.TryGetValue(fact, out provider);
        }

        if (registryKey.Providers is { } providers)
        {
            return providers.TryGetValue(fact.Name, out provider);
        }

        provider = default;
        return false;
    }

    private static bool IsOsConfig(string provider)
    {
        // Azure Local's OSConfig authority is 8345CBE6-...-78F3FC0377C1; both ends are matched, braces or not.
        var p = provider.Trim().Trim('{', '}');
        return p.StartsWith("8345CBE6", StringComparison.OrdinalIgnoreCase) && p.EndsWith("78F3FC0377C1", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsGroupPolicyPath(string keyPath) =>
        keyPath.IndexOf(@"\SOFTWARE\Policies\", StringComparison.OrdinalIgnoreCase) >= 0
        || keyPath.EndsWith(@"\SOFTWARE\Policies", StringComparison.OrdinalIgnoreCase)
        || keyPath.IndexOf(@"\CurrentVersion\Policies", StringComparison.OrdinalIgnoreCase) >= 0;

    private FactReading Number(FactRef fact, long value, string source) => FactReading.Read(fact, FactValue.FromNumber(value), source, Owner(fact, null));

    private static long Days(long seconds) => seconds == TimeqForever ? -1 : seconds / 86400;

    private static long Minutes(long seconds) => seconds == TimeqForever ? -1 : seconds / 60;

    private bool? ReadDomainJoined()
    {
        var item = _bundle.Find(EvidenceIds.WindowsJoinInformation);
        var status = item?.Records is { Count: > 0 } records ? records[0].Get("JoinStatus")?.AsInt64() : null;
        return status switch
        {
            3 => true,
            1 or 2 => false,
            _ => null,
        };
    }

    private enum LookupState
    {
        Value,
        Absent,
        Unknown,
    }

    private readonly struct RegistryLookup
    {
        private RegistryLookup(LookupState state, RegistryEntry? entry, EvidenceValue? value, string? reason)
        {
            State = state;
            Entry = entry;
            Value = value;
            Reason = reason;
        }



        public LookupState State { get; }

        public RegistryEntry? Entry { get; }

        public EvidenceValue? Value { get; }

        public string? Reason { get; }

        public static RegistryLookup Of(RegistryEntry entry, EvidenceValue value) => new(LookupState.Value, entry, value, null);

        public static RegistryLookup Absent(RegistryEntry entry) => new(LookupState.Absent, entry, null, null);

        public static RegistryLookup Unknown(string reason) => new(LookupState.Unknown, null, null, reason);
    }

    private sealed class RegistryEntry
    {
        public RegistryEntry(EvidenceItem item, bool isGroupPolicy)
        {
            Item = item;
            IsGroupPolicy = isGroupPolicy;
            if (item.Error is null && item.Registry is { } key)
            {
                Values = new Dictionary<string, EvidenceValue>(StringComparer.OrdinalIgnoreCase);
                foreach (var value in key.Values)
                {
                    if (!Values.ContainsKey(value.Name))
                    {
                        Values.Add(value.Name, value.Value);
                    }
                }
            }
        }

        public EvidenceItem Item { get; }

        /// <summary>True for a key under SOFTWARE\Policies or ...\CurrentVersion\Policies, where Group Policy writes.</summary>
        public bool IsGroupPolicy { get; }

        /// <summary>For values a CSP rule sets: the PolicyManager key and value that name the winning provider.</summary>
        public Dictionary<string, (RegistryEntry Entry, string Value)>? Providers { get; private set; }

        public void AddProvider(string valueName, (RegistryEntry Entry, string Value) provider)
        {
            Providers ??= new Dictionary<string, (RegistryEntry Entry, string Value)>(StringComparer.OrdinalIgnoreCase);
            if (!Providers.ContainsKey(valueName))
            {
                Providers.Add(valueName, provider);
            }
        }

        public Dictionary<string, EvidenceValue>? Values { get; }
    }
}
