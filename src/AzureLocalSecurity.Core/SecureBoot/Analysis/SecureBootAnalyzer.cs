using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Platform;
using AzureLocalSecurity.SecureBoot.VariableStore;

namespace AzureLocalSecurity.SecureBoot.Analysis;

/// <summary>Turns a bundle's UEFI variables (live, from efivarfs or Windows, or from an NVRAM file) into the Secure Boot state. Pure.</summary>
public static class SecureBootAnalyzer
{
    private const string StateKey = @"HKLM\SYSTEM\CurrentControlSet\Control\SecureBoot\State";

    /// <summary>The Secure Boot state of the node the bundle describes.</summary>
    public static SecureBootState Describe(EvidenceBundle bundle)
    {
        if (bundle is null)
        {
            throw new ArgumentNullException(nameof(bundle));
        }

        var unknowns = new List<string>();
        var sources = new Dictionary<string, string>();
        var state = new SecureBootState { ComputerName = bundle.NodeName, FirmwareType = SystemInfoAnalyzer.Analyze(bundle).FirmwareType };
        state.SecureBootEnabled = Flag(bundle, EfiVariableNames.SecureBoot, nameof(SecureBootState.SecureBootEnabled), unknowns, sources, required: true);
        state.SetupMode = Flag(bundle, EfiVariableNames.SetupMode, nameof(SecureBootState.SetupMode), unknowns, sources, required: true);
        state.AuditMode = Flag(bundle, EfiVariableNames.AuditMode, nameof(SecureBootState.AuditMode), unknowns, sources, required: false);
        state.DeployedMode = Flag(bundle, EfiVariableNames.DeployedMode, nameof(SecureBootState.DeployedMode), unknowns, sources, required: false);

        var pk = bundle.Find(SecureBootEvidenceIds.Variable(EfiVariableNames.PlatformKey, EfiVariableNames.GlobalVariable));
        if (pk is { Succeeded: true })
        {
            state.PlatformKeyEnrolled = pk.DataLength > 0;
            sources[nameof(SecureBootState.PlatformKeyEnrolled)] = pk.Source;
        }
        else if (pk is { Error.Category: EvidenceErrorCategory.NotFound })
        {
            state.PlatformKeyEnrolled = false;
            sources[nameof(SecureBootState.PlatformKeyEnrolled)] = pk.Source;
        }
        else if (pk is not null)
        {
            unknowns.Add("PK: " + pk.Error!.Message);
        }

        // A variable store (an NVRAM file) holds no SetupMode: the firmware derives it from PK at boot, and so can we.
        if (state.SetupMode is null && state.PlatformKeyEnrolled is not null && IsVariableStore(bundle))
        {
            state.SetupMode = !state.PlatformKeyEnrolled;
            sources[nameof(SecureBootState.SetupMode)] = "derived from PK (a variable store holds no SetupMode; the firmware sets it at boot from PK)";
            unknowns.RemoveAll(u => u.StartsWith("SetupMode:", StringComparison.Ordinal));
        }

        var registry = bundle.Find(EvidenceIds.Registry(StateKey));
        if (registry is { Succeeded: true, Registry: not null } && registry.Registry.Values.FirstOrDefault(v => v.Name == "UEFISecureBootEnabled")?.Value.Value is uint enabled)
        {
            state.WindowsReportsSecureBootEnabled = enabled == 1;
            sources[nameof(SecureBootState.WindowsReportsSecureBootEnabled)] = registry.Source + " UEFISecureBootEnabled";
        }

        if (state.FirmwareType == FirmwareType.Unknown && IsVariableStore(bundle))
        {
            state.FirmwareType = FirmwareType.Uefi;
        }

        state.Sources = sources;
        state.Unknowns = unknowns;
        return state;
    }

    /// <summary>True when the bundle was made from a firmware variable store image rather than a running node.</summary>
    internal static bool IsVariableStore(EvidenceBundle bundle) => bundle.Find(SecureBootEvidenceIds.VariableStore) is not null;

    private static bool? Flag(EvidenceBundle bundle, string name, string property, List<string> unknowns, Dictionary<string, string> sources, bool required)
    {
        var item = bundle.Find(SecureBootEvidenceIds.Variable(name, EfiVariableNames.GlobalVariable));
        if (item is null)
        {
            unknowns.Add($"{name}: the bundle holds no UEFI variables (it was captured without them).");
            return null;
        }

        if (!item.Succeeded)
        {
            if (required || item.Error!.Category != EvidenceErrorCategory.NotFound)
            {
                unknowns.Add($"{name}: {item.Error!.Message}");
            }

            return null;
        }

        var data = item.GetData() ?? [];
        if (data.Length != 1 || data[0] > 1)
        {
            unknowns.Add($"{name}: the variable holds {data.Length} byte(s){(data.Length > 0 ? $" starting 0x{data[0]:X2}" : string.Empty)}; UEFI defines one byte, 0 or 1.");
            return null;
        }

        sources[property] = item.Source;
        return data[0] == 1;
    }
}
