using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Collection.Linux;

/// <summary>
/// The Linux facts of the Secured-core requirements, read under the context's root: the IOMMU units and groups sysfs lists
/// (<see cref="SecuredCoreEvidenceIds.LinuxIommu"/>; kernel <c>Documentation/ABI/testing/sysfs-class-iommu</c> and
/// <c>sysfs-kernel-iommu_groups</c>) and the kernel lockdown file's text (<see cref="SecuredCoreEvidenceIds.LinuxLockdown"/>),
/// stored as read, not parsed. TPM presence and Secure Boot come from the TPM and Secure Boot collectors.
/// </summary>
public sealed class LinuxSecuredCoreCollector : IEvidenceCollector
{
    /// <summary>The class folder where the kernel lists each IOMMU unit it registered.</summary>
    internal const string IommuClassPath = "/sys/class/iommu";

    /// <summary>The folder holding one subfolder per IOMMU group.</summary>
    internal const string IommuGroupsPath = "/sys/kernel/iommu_groups";

    private const string IommuSource = "sysfs " + IommuClassPath + ", " + IommuGroupsPath;

    /// <inheritdoc />
    public string Name => "LinuxSecuredCore";

    /// <inheritdoc />
    public IEnumerable<EvidenceItem> Collect(CollectionContext context)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        return
        [
            ReadIommu(context),
            LinuxFileReader.ReadText(context, SecuredCoreEvidenceIds.LinuxLockdownPath),
            ReadWsmt(context),
        ];
    }

    /// <summary>Whether the firmware publishes the WSMT table; NotSupported when no ACPI tables are exposed at all.</summary>
    private static EvidenceItem ReadWsmt(CollectionContext context)
    {
        const string Tables = "/sys/firmware/acpi/tables";
        if (!Directory.Exists(LinuxFileReader.Resolve(context, Tables)))
        {
            return EvidenceItem.ForError(SecuredCoreEvidenceIds.LinuxWsmt, EvidenceKind.Properties, "path " + SecuredCoreEvidenceIds.LinuxWsmtPath, context.Clock(),
                new EvidenceError(EvidenceErrorCategory.NotSupported, $"{Tables} does not exist: the kernel exposes no ACPI tables here, so whether the firmware has a WSMT cannot be read."));
        }

        return LinuxFileReader.PathExists(context, SecuredCoreEvidenceIds.LinuxWsmtPath, SecuredCoreEvidenceIds.LinuxWsmt);
    }

    private static EvidenceItem ReadIommu(CollectionContext context)
    {
        var classFolder = LinuxFileReader.Resolve(context, IommuClassPath);
        var groupsFolder = LinuxFileReader.Resolve(context, IommuGroupsPath);
        try
        {
            if (!Directory.Exists(classFolder))
            {
                return Error(context, new EvidenceError(EvidenceErrorCategory.NotSupported, $"{IommuClassPath} does not exist: the kernel has no IOMMU support, or sysfs is not mounted."));
            }

            // The entries are links to the units' devices; the names are what is kept.
            var units = Directory.EnumerateFileSystemEntries(classFolder).Select(Path.GetFileName).OfType<string>().OrderBy(n => n, StringComparer.Ordinal).ToList();
            var properties = new List<KeyValuePair<string, EvidenceValue>>
            {
                new(SecuredCoreEvidenceIds.IommuPresentProperty, EvidenceValue.FromBoolean(units.Count > 0)),
                new(SecuredCoreEvidenceIds.IommuUnitsProperty, EvidenceValue.FromMultiString(units)),
            };
            if (Directory.Exists(groupsFolder))
            {
                properties.Add(new(SecuredCoreEvidenceIds.IommuGroupsProperty, EvidenceValue.FromUInt64((ulong)Directory.EnumerateFileSystemEntries(groupsFolder).LongCount())));
            }

            return EvidenceItem.ForRecords(SecuredCoreEvidenceIds.LinuxIommu, IommuSource, context.Clock(), [new EvidenceRecord(properties)]);
        }
        catch (UnauthorizedAccessException ex)
        {
            return Error(context, new EvidenceError(EvidenceErrorCategory.AccessDenied, ex.Message));
        }
        catch (IOException ex)
        {
            return Error(context, new EvidenceError(EvidenceErrorCategory.Failed, ex.Message, ex.HResult));
        }
    }

    private static EvidenceItem Error(CollectionContext context, EvidenceError error) =>
        EvidenceItem.ForError(SecuredCoreEvidenceIds.LinuxIommu, EvidenceKind.Properties, IommuSource, context.Clock(), error);
}
