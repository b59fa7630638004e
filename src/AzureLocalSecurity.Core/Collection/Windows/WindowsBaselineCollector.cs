using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// Captures the raw facts a set of baseline rules is evaluated against: every registry key the registry facts name (whole
/// keys, once each), and, when a fact of that source is asked for, the holders of each requested user right, the account
/// policy, the audit policy of every subcategory, the built-in accounts and the Secured-core status sources. Feed it
/// <see cref="BaselineFactMap.RequiredFacts"/>. Every failure is an error item with the API's code; nothing throws.
/// </summary>
public sealed class WindowsBaselineCollector : IEvidenceCollector
{
    private const string NotWindows = "Windows facts are read only on Windows.";

    private readonly string[] _registryKeys;
    private readonly string[] _rights;
    private readonly uint[] _rids;
    private readonly bool _accountPolicy;
    private readonly bool _auditPolicy;
    private readonly bool _securedCore;

    /// <summary>Creates a collector for these facts (duplicates and Unsupported facts are ignored).</summary>
    public WindowsBaselineCollector(IEnumerable<FactRef> facts)
    {
        if (facts is null)
        {
            throw new ArgumentNullException(nameof(facts));
        }

        var plan = BaselineCollectionPlan.From(facts);
        _registryKeys = plan.RegistryKeys.ToArray();
        _rights = plan.UserRights.ToArray();
        _rids = plan.BuiltinRids.ToArray();
        _accountPolicy = plan.AccountPolicy;
        _auditPolicy = plan.AuditPolicy;
        _securedCore = plan.SecuredCore;
    }

    /// <inheritdoc />
    public string Name => "WindowsBaseline";

    /// <inheritdoc />
    public IEnumerable<EvidenceItem> Collect(CollectionContext context)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        return RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? CollectOnWindows(context) : NotSupported(context);
    }

    private List<EvidenceItem> NotSupported(CollectionContext context)
    {
        var error = new EvidenceError(EvidenceErrorCategory.NotSupported, NotWindows);
        var items = _registryKeys
            .Select(k => EvidenceItem.ForError(EvidenceIds.Registry(k), EvidenceKind.Registry, "Registry " + k, context.Clock(), error))
            .ToList();
        foreach (var (id, source) in Areas())
        {
            items.Add(EvidenceItem.ForError(id, EvidenceKind.Properties, source, context.Clock(), error));
        }

        return items;
    }

    [SupportedOSPlatform("windows")]
    private List<EvidenceItem> CollectOnWindows(CollectionContext context)
    {
        var items = new List<EvidenceItem>();
        foreach (var key in _registryKeys)
        {
            items.Add(Guard(EvidenceIds.Registry(key), EvidenceKind.Registry, "Registry " + key, context, now => WindowsRegistryReader.ReadKey(key, now)));
        }

        if (_rights.Length > 0)
        {
            items.Add(Guard(BaselineEvidenceIds.UserRights, EvidenceKind.Properties, WindowsAccountReader.UserRightsSource, context, now => WindowsAccountReader.ReadUserRights(_rights, now)));
        }

        if (_accountPolicy)
        {
            items.Add(Guard(BaselineEvidenceIds.UserModals0, EvidenceKind.Properties, WindowsAccountReader.Modals0Source, context, WindowsAccountReader.ReadModals0));
            items.Add(Guard(BaselineEvidenceIds.UserModals3, EvidenceKind.Properties, WindowsAccountReader.Modals3Source, context, WindowsAccountReader.ReadModals3));
        }

        if (_auditPolicy)
        {
            items.Add(Guard(BaselineEvidenceIds.AuditSystemPolicy, EvidenceKind.Properties, WindowsAuditPolicyReader.Source, context, WindowsAuditPolicyReader.Read));
        }

        if (_rids.Length > 0)
        {
            items.Add(Guard(BaselineEvidenceIds.BuiltinAccounts, EvidenceKind.Properties, WindowsAccountReader.BuiltinSource, context, now => WindowsAccountReader.ReadBuiltinAccounts(_rids, now)));
        }

        if (_securedCore)
        {
            items.Add(Guard(BaselineEvidenceIds.CodeIntegrity, EvidenceKind.Properties, WindowsPlatformStatusReader.CodeIntegritySource, context, WindowsPlatformStatusReader.ReadCodeIntegrity));
            items.Add(Guard(BaselineEvidenceIds.IsolatedUserMode, EvidenceKind.Properties, WindowsPlatformStatusReader.IsolatedUserModeSource, context, WindowsPlatformStatusReader.ReadIsolatedUserMode));
            items.Add(Guard(BaselineEvidenceIds.DmaGuard, EvidenceKind.Properties, WindowsPlatformStatusReader.DmaGuardSource, context, WindowsPlatformStatusReader.ReadDmaGuard));
            items.Add(Guard(BaselineEvidenceIds.TpmDeviceInfo, EvidenceKind.Properties, WindowsPlatformStatusReader.TpmSource, context, WindowsPlatformStatusReader.ReadTpmDeviceInfo));
        }

        return items;
    }

    private IEnumerable<(string Id, string Source)> Areas()
    {
        if (_rights.Length > 0)
        {
            yield return (BaselineEvidenceIds.UserRights, "LsaEnumerateAccountsWithUserRight");
        }

        if (_accountPolicy)
        {
            yield return (BaselineEvidenceIds.UserModals0, "NetUserModalsGet level 0");
            yield return (BaselineEvidenceIds.UserModals3, "NetUserModalsGet level 3");
        }

        if (_auditPolicy)
        {
            yield return (BaselineEvidenceIds.AuditSystemPolicy, "AuditQuerySystemPolicy");
        }

        if (_rids.Length > 0)
        {
            yield return (BaselineEvidenceIds.BuiltinAccounts, "LsaQueryInformationPolicy, NetUserGetInfo");
        }

        if (_securedCore)
        {
            yield return (BaselineEvidenceIds.CodeIntegrity, "NtQuerySystemInformation(SystemCodeIntegrityInformation)");
            yield return (BaselineEvidenceIds.IsolatedUserMode, "NtQuerySystemInformation(SystemIsolatedUserModeInformation)");
            yield return (BaselineEvidenceIds.DmaGuard, "NtQuerySystemInformation(SystemDmaGuardPolicyInformation)");
            yield return (BaselineEvidenceIds.TpmDeviceInfo, "Tbsi_GetDeviceInfo");
        }
    }

    /// <summary>One area's read; an exception (a missing DLL or entry point, a hive the reader does not open) becomes that area's error item.</summary>
    internal static EvidenceItem Guard(string id, EvidenceKind kind, string source, CollectionContext context, Func<DateTimeOffset, EvidenceItem> read)
    {
        try
        {
            return read(context.Clock());
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return EvidenceItem.ForError(id, kind, source, context.Clock(), new EvidenceError(EvidenceErrorCategory.NotSupported, $"{ex.GetType().Name}: {ex.Message}"));
        }
#pragma warning disable CA1031 // One area failing must not lose the others; the failure is kept as that area's error item.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return EvidenceItem.ForError(id, kind, source, context.Clock(), new EvidenceError(EvidenceErrorCategory.Failed, $"{ex.GetType().Name}: {ex.Message}", ex.HResult));
        }
    }
}
