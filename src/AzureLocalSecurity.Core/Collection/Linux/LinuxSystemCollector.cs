using System;
using System.Collections.Generic;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Collection.Linux;

/// <summary>
/// The Linux system facts, read under a configurable root: os-release, the kernel release, the host
/// name, and whether the kernel exposes /sys/firmware/efi (it booted through UEFI).
/// </summary>
public sealed class LinuxSystemCollector : IEvidenceCollector
{
    /// <summary>os-release is looked for in this order (os-release(5)).</summary>
    internal static readonly string[] OsReleasePaths = ["/etc/os-release", "/usr/lib/os-release"];

    /// <summary>The kernel release.</summary>
    internal const string KernelReleasePath = "/proc/sys/kernel/osrelease";

    /// <summary>The host name.</summary>
    internal const string HostNamePath = "/proc/sys/kernel/hostname";

    /// <inheritdoc />
    public string Name => "LinuxSystem";

    /// <inheritdoc />
    public IEnumerable<EvidenceItem> Collect(CollectionContext context)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        var osRelease = LinuxFileReader.ReadText(context, OsReleasePaths[0]);
        if (osRelease.Error?.Category == EvidenceErrorCategory.NotFound)
        {
            // The fallback is kept only when the first is absent; its own id says which file it was.
            var fallback = LinuxFileReader.ReadText(context, OsReleasePaths[1]);
            yield return fallback.Succeeded ? fallback : osRelease;
        }
        else
        {
            yield return osRelease;
        }

        yield return LinuxFileReader.ReadText(context, KernelReleasePath);
        yield return LinuxFileReader.ReadText(context, HostNamePath);
        yield return LinuxFileReader.PathExists(context, "/sys/firmware/efi", EvidenceIds.LinuxEfiFirmwareFolder);
    }
}
