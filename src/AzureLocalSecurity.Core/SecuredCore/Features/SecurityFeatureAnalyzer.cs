using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AzureLocalSecurity.Baseline.Analysis;
using AzureLocalSecurity.Baseline.Catalog;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Baseline.Rules;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.SecuredCore.Features;

/// <summary>
/// Describes each security feature on a node from its evidence: configured (the registry values of the node's baseline, or the
/// cluster property), running (Win32_DeviceGuard), restart pending, and held by drift control. Pure: the same bundle and catalog
/// always give the same states. Nothing that could not be read becomes false.
/// </summary>
public static class SecurityFeatureAnalyzer
{
    /// <summary>Win32_DeviceGuard as the Secured-core collector files it (<see cref="SecuredCoreEvidenceIds.DeviceGuard"/>).</summary>
    private const string DeviceGuardId = SecuredCoreEvidenceIds.DeviceGuard;

    // Win32_DeviceGuard codes (WINAPI.md §8.1): SecurityServicesRunning 1 Credential Guard, 2 HVCI, 3 System Guard Secure
    // Launch; VirtualizationBasedSecurityStatus 2 enabled and running.
    private const ulong CredentialGuardService = 1;
    private const ulong HvciService = 2;
    private const ulong SystemGuardService = 3;
    private const long VbsRunning = 2;

    // The kernel facts the baseline collector files, used where Win32_DeviceGuard is not in the bundle: Flags0 bit 0 of
    // SystemIsolatedUserModeInformation (the secure kernel runs) and CODEINTEGRITY_OPTION_HVCI_KMCI_ENABLED.
    private const long SecureKernelRunning = 0x01;
    private const long HvciKmciEnabled = 0x400;

    private const string WindowsClusterSource = @"CIM root\MSCluster MSCluster_Cluster";

    /// <summary>Every feature's state on the node, in <see cref="SecurityFeatureCatalog.Features"/> order.</summary>
    /// <param name="bundle">The node's evidence.</param>
    /// <param name="catalog">The node's baseline catalog; null uses the fallback table, and drift control's hold cannot be told.</param>
    public static IReadOnlyList<SecurityFeatureState> Describe(EvidenceBundle bundle, BaselineCatalog? catalog)
    {
        if (bundle is null)
        {
            throw new ArgumentNullException(nameof(bundle));
        }

        var context = new Context(bundle);
        return SecurityFeatureCatalog.ResolveAll(catalog).Select(d => Describe(d, context, catalog)).ToList();
    }

    /// <summary>One feature's state (what the planner reads).</summary>
    internal static SecurityFeatureState Describe(EvidenceBundle bundle, SecurityFeatureDefinition definition, BaselineCatalog? catalog) =>
        Describe(definition, new Context(bundle), catalog);

    private static SecurityFeatureState Describe(SecurityFeatureDefinition definition, Context context, BaselineCatalog? catalog)
    {
        var unknowns = new List<string>();
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        var settings = definition.Settings.Select(s => Read(s, context)).ToList();
        foreach (var s in settings.Where(s => s.UnknownReason is not null))
        {
            unknowns.Add($"{s.Path}\\{s.Name}: {s.UnknownReason}");
        }

        var configured = settings.Any(s => s.IsOn == false) ? false : settings.All(s => s.IsOn == true) ? true : (bool?)null;
        sources["Configured"] = (definition.Catalog is null ? "Fallback table" : "Catalog " + definition.Catalog) + ": " + string.Join("; ", settings.Select(s => s.Source));

        var (running, runningSource, runningUnknown) = Running(definition.Feature, configured, context);
        sources["Running"] = runningSource;
        if (runningUnknown is not null)
        {
            unknowns.Add("Running: " + runningUnknown);
        }

        bool? pending;
        if (!definition.RestartRequired)
        {
            pending = false;
            sources["RestartPending"] = $"{definition.DisplayName} needs no restart: new connections use the configuration.";
        }
        else if (definition.Feature == SecurityFeature.SideChannelMitigation)
        {
            pending = null;
            sources["RestartPending"] = "No runtime fact is captured for the side-channel mitigations.";
            unknowns.Add("RestartPending: Windows reads the side-channel settings at boot, and the capture holds no runtime fact to compare them with.");
        }
        else
        {
            pending = configured is null || running is null ? null : configured != running;
            sources["RestartPending"] = "Configured compared with Running.";
            if (pending is null)
            {
                unknowns.Add("RestartPending: " + (configured is null ? "the configuration" : "whether it runs") + " is not known.");
            }
        }

        var drift = DriftControl(definition, catalog, context, out var driftSource, out var driftUnknown);
        sources["DriftControlEnforced"] = driftSource;
        if (driftUnknown is not null)
        {
            unknowns.Add("DriftControlEnforced: " + driftUnknown);
        }

        return new SecurityFeatureState
        {
            NodeName = context.Bundle.NodeName,
            Name = definition.Feature,
            DisplayName = definition.DisplayName,
            Configured = configured,
            Running = running,
            RestartPending = pending,
            DriftControlEnforced = drift,
            RestartRequired = definition.RestartRequired,
            Posture = definition.Posture,
            Catalog = definition.Catalog,
            Settings = settings,
            Sources = sources,
            Unknowns = unknowns,
        };
    }

    private static SecurityFeatureSettingState Read(SecurityFeatureSetting setting, Context context)
    {
        if (setting.Source == SecurityFeatureSettingSource.ClusterProperty)
        {
            return ReadClusterProperty(setting, context.Bundle);
        }

        var reading = context.Reader.Read(setting.Fact!);
        if (reading.Value is null)
        {
            return new SecurityFeatureSettingState(setting, null, null, reading.Source, reading.UnknownReason, null);
        }

        return new SecurityFeatureSettingState(setting, reading.Value, IsOn(setting, reading.Value, out var why), reading.Source, why, reading.Owner);
    }

    private static bool? IsOn(SecurityFeatureSetting setting, FactValue value, out string? why)
    {
        why = null;
        try
        {
            return RuleEvaluator.Matches(setting.ParsedOnExpression, value);
        }
        catch (RuleEvaluationException ex)
        {
            why = $"The value {value} cannot be compared with {setting.OnExpression}: {ex.Message}";
            return null;
        }
    }

    private static SecurityFeatureSettingState ReadClusterProperty(SecurityFeatureSetting setting, EvidenceBundle bundle)
    {
        var id = FailoverClusterEvidenceIds.Cluster;
        var source = $"{WindowsClusterSource} {setting.Name} ({id})";
        var item = bundle.Find(id);
        string? why = null;
        FactValue? value = null;
        if (item is null)
        {
            why = $"The bundle holds no {id} (not captured).";
        }
        else if (item.Error is { } error)
        {
            why = $"{item.Source} could not be read: {error}";
        }
        else if (item.Records is not { Count: > 0 } records)
        {
            why = $"The item {id} holds no record.";
        }
        else if (records[0].Get(setting.Name) is not { } property)
        {
            why = $"MSCluster_Cluster has no {setting.Name} property on this build (it exists from Windows Server 2022 and Azure Stack HCI 21H2).";
        }
        else if (property.AsInt64() is { } number)
        {
            value = FactValue.FromNumber(number);
        }
        else
        {
            why = $"{setting.Name} is a {property.Kind} ('{property}'), not a number.";
        }

        return value is null
            ? new SecurityFeatureSettingState(setting, null, null, source, why, null)
            : new SecurityFeatureSettingState(setting, value, IsOn(setting, value, out var notComparable), source, notComparable, "Failover cluster");
    }

    private static (bool? Running, string Source, string? Unknown) Running(SecurityFeature feature, bool? configured, Context context)
    {
        switch (feature)
        {
            case SecurityFeature.VBS:
                return FromDeviceGuard(context, "VirtualizationBasedSecurityStatus", dg =>
                    dg.Get("VirtualizationBasedSecurityStatus") is { } status && status.AsInt64() is { } s
                        ? (s == VbsRunning, null)
                        : (null, "Win32_DeviceGuard has no numeric VirtualizationBasedSecurityStatus."),
                    () => FromKernel(context, BaselineEvidenceIds.IsolatedUserMode, "Flags0", SecureKernelRunning, "SystemIsolatedUserModeInformation Flags0 bit 0 (the secure kernel runs)"));
            case SecurityFeature.HVCI:
                return FromDeviceGuard(context, "SecurityServicesRunning contains 2", dg => RunningService(dg, HvciService),
                    () => FromKernel(context, BaselineEvidenceIds.CodeIntegrity, "CodeIntegrityOptions", HvciKmciEnabled, "SystemCodeIntegrityInformation CODEINTEGRITY_OPTION_HVCI_KMCI_ENABLED"));
            case SecurityFeature.CredentialGuard:
                return FromDeviceGuard(context, "SecurityServicesRunning contains 1", dg => RunningService(dg, CredentialGuardService), null);
            case SecurityFeature.DRTM:
                return FromDeviceGuard(context, "SecurityServicesRunning contains 3", dg => RunningService(dg, SystemGuardService), null);
            case SecurityFeature.SideChannelMitigation:
                return (configured, "Derived from the configuration: the capture holds no runtime fact for the side-channel mitigations, which Windows reads at boot, so a change since the last restart is not yet in effect.",
                    configured is null ? "the configuration is not known." : null);
            default:
                return (configured, "Derived from the configuration: there is no separate runtime fact; new connections negotiate with the configuration at once.",
                    configured is null ? "the configuration is not known." : null);
        }
    }

    private static (bool? Running, string? Why) RunningService(EvidenceRecord dg, ulong service)
    {
        var value = dg.Get("SecurityServicesRunning");
        if (value is null)
        {
            return (null, "Win32_DeviceGuard has no SecurityServicesRunning property.");
        }

        return value.Value is ulong[] services
            ? (services.Contains(service), null)
            : (null, $"Win32_DeviceGuard SecurityServicesRunning is a {value.Kind}, not a list of numbers.");
    }

    private static (bool? Running, string Source, string? Unknown) FromDeviceGuard(
        Context context,
        string what,
        Func<EvidenceRecord, (bool? Running, string? Why)> read,
        Func<(bool? Running, string Source, string? Unknown)>? fallback)
    {
        var source = $"Win32_DeviceGuard {what} ({DeviceGuardId})";
        var item = context.Bundle.Find(DeviceGuardId);
        string why;
        if (item is null)
        {
            why = $"The bundle holds no Win32_DeviceGuard ({DeviceGuardId}; not captured).";
        }
        else if (item.Error is { } error)
        {
            why = error.Category == EvidenceErrorCategory.NotFound
                ? $"The Device Guard WMI provider is not there: {error.Message}"
                : $"Win32_DeviceGuard could not be read: {error}";
        }
        else if (item.Records is not { Count: > 0 } records)
        {
            why = "Win32_DeviceGuard holds no record.";
        }
        else
        {
            var (running, problem) = read(records[0]);
            if (running is not null)
            {
                return (running, source, null);
            }

            why = problem!;
        }

        if (fallback is not null)
        {
            var (running, fallbackSource, fallbackWhy) = fallback();
            if (running is not null)
            {
                return (running, fallbackSource + " (" + why + ")", null);
            }

            why += " " + fallbackWhy;
        }

        return (null, source, why);
    }

    private static (bool? Running, string Source, string? Unknown) FromKernel(Context context, string id, string property, long bit, string what)
    {
        var source = $"{what} ({id})";
        var item = context.Bundle.Find(id);
        if (item?.Records is { Count: > 0 } records && item.Error is null && records[0].Get(property)?.AsInt64() is { } flags)
        {
            return ((flags & bit) != 0, source, null);
        }

        var why = item is null ? $"The bundle holds no {id} either." : item.Error is { } e ? $"{item.Source} could not be read either: {e}" : $"{id} has no numeric {property}.";
        return (null, source, why);
    }

    private static bool? DriftControl(SecurityFeatureDefinition definition, BaselineCatalog? catalog, Context context, out string source, out string? unknown)
    {
        unknown = null;
        var enabled = context.DriftControl;
        var driftSource = $"Get-AzsSecurity -FeatureName DriftControl ({EvidenceIds.AzureLocalDriftControl})";
        if (enabled is null)
        {
            var item = context.Bundle.Find(EvidenceIds.AzureLocalDriftControl);
            source = driftSource;
            unknown = item is null ? "the bundle does not say whether drift control is on (not captured)."
                : item.Error is { } e ? $"whether drift control is on could not be read: {e.Message}"
                : "the drift control record is not one Boolean.";
            return null;
        }

        if (enabled == false)
        {
            source = driftSource + ": drift control is off.";
            return false;
        }

        var inBaseline = definition.Settings.Where(s => s.BaselineRule is not null).Select(s => s.BaselineRule!.Name).ToList();
        if (inBaseline.Count > 0)
        {
            source = driftSource + $": drift control is on, and the baseline (catalog {definition.Catalog ?? SecurityFeatureCatalog.Label(catalog!)}) sets {string.Join(", ", inBaseline)}.";
            return true;
        }

        if (catalog is null)
        {
            source = driftSource + ": drift control is on.";
            unknown = "drift control is on, and no baseline catalog was given to tell whether it holds the feature's settings.";
            return null;
        }

        source = driftSource + $": drift control is on, and the baseline (catalog {SecurityFeatureCatalog.Label(catalog)}) does not set the feature"
            + (definition.Feature == SecurityFeature.SMBClusterEncryption ? " (a cluster setting, which drift control does not hold)." : ".");
        return false;
    }

    /// <summary>What the states of one bundle share, read once.</summary>
    private sealed class Context
    {
        internal Context(EvidenceBundle bundle)
        {
            Bundle = bundle;
            Reader = new BaselineFactReader(bundle);
            DriftControl = BaselineAnalyzer.DriftControlEnabled(bundle);
        }

        internal EvidenceBundle Bundle { get; }

        internal BaselineFactReader Reader { get; }

        internal bool? DriftControl { get; }

        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} ({1} items)", Bundle.NodeName, Bundle.Items.Count);
    }
}
