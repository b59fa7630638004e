using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// Reads the cryptography registry keys (<see cref="CryptographyEvidenceIds.RegistryKeys"/>: FIPS policy, SChannel protocol
/// switches, cipher-suite order) whole, each an item of its own through the registry reader every Windows collector uses. A key
/// that does not exist is a NotFound item (the OS default applies; the analyzer says which). Nothing is decided here; off
/// Windows every key is NotSupported.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsCryptographyCollector : IEvidenceCollector
{
    /// <inheritdoc />
    public string Name => "WindowsCryptography";

    /// <inheritdoc />
    public IEnumerable<EvidenceItem> Collect(CollectionContext context)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        var items = new List<EvidenceItem>();
        var onWindows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
        foreach (var key in CryptographyEvidenceIds.RegistryKeys)
        {
            var id = EvidenceIds.Registry(key);
            items.Add(onWindows
                ? WindowsBaselineCollector.Guard(id, EvidenceKind.Registry, "Registry " + key, context, now => WindowsRegistryReader.ReadKey(key, now))
                : EvidenceItem.ForError(id, EvidenceKind.Registry, "Registry " + key, context.Clock(), new EvidenceError(EvidenceErrorCategory.NotSupported, "Windows facts are read only on Windows.")));
        }

        return items;
    }
}
