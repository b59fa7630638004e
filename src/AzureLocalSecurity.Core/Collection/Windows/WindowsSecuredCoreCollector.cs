using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// Reads the Windows facts the Secured-core requirements and the security-feature switches are derived from, into the ids
/// <see cref="SecuredCoreEvidenceIds"/> documents: the Device Guard, LSA, side-channel and SMB registry keys whole
/// (<see cref="SecuredCoreEvidenceIds.RegistryKeys"/>) and the Defender policy keys (<see cref="DefenderEvidenceIds.RegistryKeys"/>), the kernel and TBS facts (code integrity options, the isolated user mode
/// flags, the DMA guard policy, the TPM device information; <see cref="BaselineEvidenceIds"/>), and the CIM classes
/// Win32_DeviceGuard, MSFT_SmbServerConfiguration, MSFT_SmbClientConfiguration, MSFT_MpComputerStatus and MSFT_MpPreference. Each fact that could
/// not be read is an error item of its own; nothing throws, and nothing is decided here. Firmware type, Secure Boot and the
/// TPM's own answers come from their collectors.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsSecuredCoreCollector : IEvidenceCollector
{
    private const string NotWindows = "Windows facts are read only on Windows.";

    /// <inheritdoc />
    public string Name => "WindowsSecuredCore";

    /// <inheritdoc />
    public IEnumerable<EvidenceItem> Collect(CollectionContext context)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        return RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? CollectOnWindows(context) : NotSupported(context);
    }

    /// <summary>Every id the collector files, each NotSupported: what it reports off Windows.</summary>
    internal static List<EvidenceItem> NotSupported(CollectionContext context)
    {
        var error = new EvidenceError(EvidenceErrorCategory.NotSupported, NotWindows);
        var items = new List<EvidenceItem>();
        foreach (var key in SecuredCoreEvidenceIds.RegistryKeys.Concat(DefenderEvidenceIds.RegistryKeys))
        {
            items.Add(EvidenceItem.ForError(EvidenceIds.Registry(key), EvidenceKind.Registry, "Registry " + key, context.Clock(), error));
        }

        foreach (var (id, source, _) in KernelFacts)
        {
            items.Add(EvidenceItem.ForError(id, EvidenceKind.Properties, source, context.Clock(), error));
        }

        items.AddRange(WindowsSecuredCoreCimReader.ForEveryClass(context.Clock, _ => error));
        return items;
    }

    /// <summary>The kernel and TBS facts, read by <see cref="WindowsPlatformStatusReader"/> as the baseline collector reads them.</summary>
    private static (string Id, string Source, Func<DateTimeOffset, EvidenceItem> Read)[] KernelFacts =>
    [
        (BaselineEvidenceIds.CodeIntegrity, WindowsPlatformStatusReader.CodeIntegritySource, WindowsPlatformStatusReader.ReadCodeIntegrity),
        (BaselineEvidenceIds.IsolatedUserMode, WindowsPlatformStatusReader.IsolatedUserModeSource, WindowsPlatformStatusReader.ReadIsolatedUserMode),
        (BaselineEvidenceIds.DmaGuard, WindowsPlatformStatusReader.DmaGuardSource, WindowsPlatformStatusReader.ReadDmaGuard),
        (BaselineEvidenceIds.TpmDeviceInfo, WindowsPlatformStatusReader.TpmSource, WindowsPlatformStatusReader.ReadTpmDeviceInfo),
    ];

    private static List<EvidenceItem> CollectOnWindows(CollectionContext context)
    {
        var items = new List<EvidenceItem>();
        foreach (var key in SecuredCoreEvidenceIds.RegistryKeys.Concat(DefenderEvidenceIds.RegistryKeys))
        {
            items.Add(WindowsBaselineCollector.Guard(EvidenceIds.Registry(key), EvidenceKind.Registry, "Registry " + key, context, now => WindowsRegistryReader.ReadKey(key, now)));
        }

        foreach (var (id, source, read) in KernelFacts)
        {
            items.Add(WindowsBaselineCollector.Guard(id, EvidenceKind.Properties, source, context, read));
        }

        try
        {
            items.AddRange(WindowsSecuredCoreCimReader.Read(context.Clock));
        }
#pragma warning disable CA1031 // A CIM failure the reader did not foresee must not lose the registry and kernel facts; each class keeps it as its error.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            items.AddRange(WindowsSecuredCoreCimReader.ForEveryClass(context.Clock, _ => new EvidenceError(EvidenceErrorCategory.Failed, $"{ex.GetType().Name}: {ex.Message}", ex.HResult)));
        }

        return items;
    }
}
