using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// The Windows system facts: the CurrentVersion registry key, GetFirmwareType and NetGetJoinInformation,
/// each kept raw (the FIRMWARE_TYPE and NETSETUP_JOIN_STATUS numbers, not their meaning).
/// </summary>
public sealed class WindowsSystemCollector : IEvidenceCollector
{
    /// <inheritdoc />
    public string Name => "WindowsSystem";

    /// <inheritdoc />
    public IEnumerable<EvidenceItem> Collect(CollectionContext context)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            var error = new EvidenceError(EvidenceErrorCategory.NotSupported, "Windows facts are read only on Windows.");
            return
            [
                EvidenceItem.ForError(EvidenceIds.Registry(EvidenceIds.WindowsCurrentVersionKey), EvidenceKind.Registry, "Registry", context.Clock(), error),
                EvidenceItem.ForError(EvidenceIds.WindowsFirmwareType, EvidenceKind.Properties, "GetFirmwareType", context.Clock(), error),
                EvidenceItem.ForError(EvidenceIds.WindowsJoinInformation, EvidenceKind.Properties, "NetGetJoinInformation", context.Clock(), error),
            ];
        }

        return CollectOnWindows(context);
    }

    [SupportedOSPlatform("windows")]
    private static List<EvidenceItem> CollectOnWindows(CollectionContext context) =>
    [
        WindowsRegistryReader.ReadKey(EvidenceIds.WindowsCurrentVersionKey, context.Clock()),
        ReadFirmwareType(context.Clock()),
        ReadJoinInformation(context.Clock()),
    ];

    [SupportedOSPlatform("windows")]
    private static EvidenceItem ReadFirmwareType(DateTimeOffset now)
    {
        const string Source = "kernel32!GetFirmwareType";
        var type = Kernel32.FirmwareType.Unknown;
        try
        {
            if (!Kernel32.GetFirmwareType(ref type))
            {
                var err = Marshal.GetLastWin32Error();
                return EvidenceItem.ForError(EvidenceIds.WindowsFirmwareType, EvidenceKind.Properties, Source, now, new EvidenceError(EvidenceErrorCategory.Failed, new Win32Exception(err).Message, err));
            }
        }
        catch (EntryPointNotFoundException)
        {
            return EvidenceItem.ForError(EvidenceIds.WindowsFirmwareType, EvidenceKind.Properties, Source, now, new EvidenceError(EvidenceErrorCategory.NotSupported, "GetFirmwareType needs Windows 8 or Windows Server 2012 or later."));
        }

        return EvidenceItem.ForRecords(EvidenceIds.WindowsFirmwareType, Source, now, [new EvidenceRecord([new("FirmwareType", EvidenceValue.FromInt64((long)type))])]);
    }

    [SupportedOSPlatform("windows")]
    private static EvidenceItem ReadJoinInformation(DateTimeOffset now)
    {
        const string Source = "netapi32!NetGetJoinInformation";
        var status = NetApi32.NetGetJoinInformation(null, out var nameBuffer, out var joinStatus);
        if (status != NetApi32.NerrSuccess)
        {
            // On failure the API hands back no buffer, so there is nothing to free.
            var category = status == 5 ? EvidenceErrorCategory.AccessDenied : EvidenceErrorCategory.Failed;
            return EvidenceItem.ForError(EvidenceIds.WindowsJoinInformation, EvidenceKind.Properties, Source, now, new EvidenceError(category, new Win32Exception(unchecked((int)status)).Message, status));
        }

        string? name;
        try
        {
            name = nameBuffer == IntPtr.Zero ? null : Marshal.PtrToStringUni(nameBuffer);
        }
        finally
        {
            if (nameBuffer != IntPtr.Zero)
            {
                _ = NetApi32.NetApiBufferFree(nameBuffer);
            }
        }

        return EvidenceItem.ForRecords(EvidenceIds.WindowsJoinInformation, Source, now,
        [
            new EvidenceRecord(
            [
                new("JoinStatus", EvidenceValue.FromInt64(joinStatus)),
                new("Name", name is null ? EvidenceValue.Null : EvidenceValue.FromString(name)),
            ]),
        ]);
    }
}
