using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.SecureBoot.Analysis;

/// <summary>Decodes the Secure Boot servicing registry values a Windows capture holds. Pure.</summary>
public static class SecureBootServicingAnalyzer
{
    /// <summary>The key AvailableUpdates is documented under by KB5025885.</summary>
    public const string SecureBootKey = @"HKLM\SYSTEM\CurrentControlSet\Control\SecureBoot";

    /// <summary>The key KB5068202 lists the servicing values under (AvailableUpdates may be here too).</summary>
    public const string ServicingKey = @"HKLM\SYSTEM\CurrentControlSet\Control\SecureBoot\Servicing";

    /// <summary>The AvailableUpdates bits (KB5025885, KB5068202; reference/AZURE-LOCAL.md §5).</summary>
    private static readonly (uint Bit, string Name)[] UpdateBits =
    [
        (0x0002, "dbx update"),
        (0x0004, "KEK 2023"),
        (0x0040, "Windows UEFI CA 2023 to db"),
        (0x0080, "Windows Production PCA 2011 to dbx"),
        (0x0100, "2023-signed boot manager"),
        (0x0200, "SVN update"),
        (0x0400, "SBAT update"),
        (0x0800, "Microsoft Option ROM UEFI CA 2023 to db"),
        (0x1000, "Microsoft UEFI CA 2023 to db"),
        (0x4000, "only where the 2011 UEFI CA is trusted"),
    ];

    /// <summary>The servicing state of the node the bundle describes.</summary>
    public static SecureBootServicing Read(EvidenceBundle bundle)
    {
        if (bundle is null)
        {
            throw new ArgumentNullException(nameof(bundle));
        }

        var unknowns = new List<string>();
        var sources = new Dictionary<string, string>();
        var result = new SecureBootServicing { ComputerName = bundle.NodeName };
        var servicing = Key(bundle, ServicingKey, unknowns);
        var secureBoot = Key(bundle, SecureBootKey, unknowns);

        // KB5068202 places AvailableUpdates under Servicing, KB5025885 under SecureBoot: the Servicing one wins when both exist.
        var available = DWord(servicing, "AvailableUpdates", nameof(SecureBootServicing.AvailableUpdates), sources, unknowns, required: false)
            ?? DWord(secureBoot, "AvailableUpdates", nameof(SecureBootServicing.AvailableUpdates), sources, unknowns, required: false);
        if (available is { } bits)
        {
            result.AvailableUpdates = bits;
            result.PendingUpdates = UpdateBits.Where(b => (bits & b.Bit) != 0).Select(b => b.Name).ToList();
            result.UnknownUpdateBits = bits & ~UpdateBits.Aggregate(0u, (all, b) => all | b.Bit);
        }
        else if (servicing.Key is not null || secureBoot.Key is not null)
        {
            // Windows clears the value once everything was applied: a key that was read without it has nothing pending.
            result.AvailableUpdates = 0;
            result.PendingUpdates = [];
            result.UnknownUpdateBits = 0;
            sources[nameof(SecureBootServicing.AvailableUpdates)] = "absent from " + SecureBootKey + " and " + ServicingKey;
        }

        result.Status = String(servicing, "UEFICA2023Status", nameof(SecureBootServicing.Status), sources, unknowns);
        result.Error = DWord(servicing, "UEFICA2023Error", nameof(SecureBootServicing.Error), sources, unknowns, required: false);
        result.WindowsUefiCa2023Capable = DWord(servicing, "WindowsUEFICA2023Capable", nameof(SecureBootServicing.WindowsUefiCa2023Capable), sources, unknowns, required: true);
        result.Capability = result.WindowsUefiCa2023Capable switch
        {
            0 => "The Windows UEFI CA 2023 is not in db.",
            1 => "The Windows UEFI CA 2023 is in db; the node still boots the 2011-signed boot manager.",
            2 => "The Windows UEFI CA 2023 is in db and the node boots the 2023-signed boot manager.",
            null => null,
            var other => $"Value {other} is not one Microsoft documents (0, 1, 2).",
        };
        result.Sources = sources;
        result.Unknowns = unknowns;
        return result;
    }

    private static (EvidenceItem? Item, RegistryKeyEvidence? Key) Key(EvidenceBundle bundle, string path, List<string> unknowns)
    {
        var item = bundle.Find(EvidenceIds.Registry(path));
        if (item is null)
        {
            unknowns.Add($"{path}: the bundle holds no such key (it was captured without the Secure Boot facts, or not on Windows).");
            return (null, null);
        }

        if (!item.Succeeded)
        {
            if (item.Error!.Category != EvidenceErrorCategory.NotFound)
            {
                unknowns.Add($"{path}: {item.Error.Message}");
            }

            return (item, null);
        }

        return (item, item.Registry);
    }

    private static uint? DWord((EvidenceItem? Item, RegistryKeyEvidence? Key) key, string name, string property, Dictionary<string, string> sources, List<string> unknowns, bool required)
    {
        var value = key.Key?.GetValue(name);
        if (value is null)
        {
            if (required && key.Key is not null)
            {
                unknowns.Add($"{name}: {key.Key.Path} has no such value (Windows has not evaluated the 2023 certificates yet).");
            }

            return null;
        }

        if (value.Value is uint number)
        {
            sources[property] = key.Item!.Source + " " + name;
            return number;
        }

        unknowns.Add($"{name}: the value is a {value.Kind}, not a REG_DWORD.");
        return null;
    }

    private static string? String((EvidenceItem? Item, RegistryKeyEvidence? Key) key, string name, string property, Dictionary<string, string> sources, List<string> unknowns)
    {
        var value = key.Key?.GetValue(name);
        if (value is null)
        {
            return null;
        }

        if (value.Value is string text)
        {
            sources[property] = key.Item!.Source + " " + name;
            return text;
        }

        unknowns.Add($"{name}: the value is a {value.Kind}, not a string.");
        return null;
    }
}
