using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using AzureLocalSecurity.BitLocker;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Collection.Windows;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Tests.Support;

/// <summary>
/// Hand-recorded BitLocker bundles, in exactly the collector's shapes (<see cref="BitLockerEvidenceIds"/>): each
/// Win32_EncryptableVolume record is built by the collector's own <see cref="BitLockerVolumeRecorder"/> from recorded
/// property values and method answers, so ids, property names and value kinds are the collector's. They are not captures:
/// the values follow Microsoft's documentation (the Win32_EncryptableVolume method pages, WINAPI.md §8.3) and the output
/// samples in /work/shared/vectors/windows (Get-BitLockerVolume and manage-bde -status of an OS volume with TPM and
/// numerical password protectors, fully and used-space-only encrypted; the CSV key protector ID
/// {26935AC3-8B17-482D-BA3F-D373C7954D29} of windowsserverdocs' bitlocker-on-csv page; the recovery password shown there is
/// deliberately not used anywhere). Azure Local's own choices are used where they differ from those samples: XTS-AES 256,
/// used space only, CSVs named UserStorage_N. MSCluster_ClusterSharedVolume's VolumeName is documented as a string without
/// its form, so one CSV records it as the mount path and the other as the volume GUID path.
/// </summary>
[SuppressMessage("Interoperability", "CA1416:Validate platform compatibility", Justification = "Only the Windows reader's class specs and pure error builder are used, so that the bundles say what the collector says; no Windows API is called.")]
internal static class BitLockerBundles
{
    internal const string OsDeviceId = @"\\?\Volume{3f1c2a9e-5b7d-4e21-9c0a-7d2e41b8a6f3}\";
    internal const string Csv1DeviceId = @"\\?\Volume{8d4e0b17-2c6a-4f93-b1e5-0a9c3d7f2e61}\";
    internal const string Csv2DeviceId = @"\\?\Volume{c6a9f2d3-7e14-4b58-8f20-5d1b9e3c4a72}\";
    internal const string DataDeviceId = @"\\?\Volume{1b7e5c48-9f03-4d6a-a2c1-e4f8b0d36a95}\";
    internal const string OsTpmProtector = "{5E1F2A7B-3C94-4D0E-8B16-A2F9C0D7E345}";
    internal const string OsPasswordProtector = "{0C9D4E81-72B3-4F5A-9E6D-1B8A3C2F7D40}";
    internal const string Csv1PasswordProtector = "{26935AC3-8B17-482D-BA3F-D373C7954D29}";
    internal const string Csv1SidProtector = "{9A3B7C1D-4E5F-4061-8A2B-C3D4E5F60718}";
    internal const string Csv2PasswordProtector = "{47B2E9D0-6A1C-4F38-9D5E-2C7B8A0F1E93}";
    internal const string Csv2SidProtector = "{E2D1C0B9-A897-4665-8433-221100FFEEDD}";

    private const uint NotDataVolume = 0x80310019;

    private static DateTimeOffset T => Bundles.Time;

    /// <summary>What one volume answers: its properties and each method's return code and [out] values.</summary>
    internal sealed class RecordedVolume
    {
        internal Dictionary<string, object?> Properties { get; } = new(StringComparer.OrdinalIgnoreCase);

        internal Dictionary<string, (uint Code, Dictionary<string, object?> Outs)> Answers { get; } = new(StringComparer.OrdinalIgnoreCase);

        internal Dictionary<string, uint> ProtectorTypes { get; } = new(StringComparer.OrdinalIgnoreCase);

        internal List<string> MethodsCalled { get; } = [];

        internal List<string> MountPaths { get; } = [];

        internal void Answer(string method, uint code, params (string Name, object? Value)[] outs)
        {
            var map = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, value) in outs)
            {
                map[name] = value;
            }

            Answers[method] = (code, map);
        }

        internal EvidenceRecord Record() => BitLockerVolumeRecorder.Record(
            name => Properties.TryGetValue(name, out var value) ? (true, value) : (false, null),
            (method, inParameters) =>
            {
                MethodsCalled.Add(method);
                if (method == "GetKeyProtectorType")
                {
                    var id = (string)inParameters[0].Value;
                    return ProtectorTypes.TryGetValue(id, out var type)
                        ? CimMethodOutcome.Completed(0u, new Dictionary<string, object?> { ["KeyProtectorType"] = type })
                        : CimMethodOutcome.Completed(0x80070057u, new Dictionary<string, object?>());
                }

                return Answers.TryGetValue(method, out var answer)
                    ? CimMethodOutcome.Completed(answer.Code, answer.Outs)
                    : CimMethodOutcome.Failed("MethodNotFound (MI_RESULT 17): not recorded");
            });
    }

    /// <summary>
    /// An unlocked, encrypted volume: conversion status, percentage in tenths (PrecisionFactor 1), used-space-only flag,
    /// XTS-AES 256, protection on or off, its protectors (IDs and types), auto-unlock answer.
    /// </summary>
    internal static RecordedVolume Volume(string deviceId, string? driveLetter, uint volumeType, uint conversion, uint tenths, uint method, uint protection, (string Id, uint Type)[] protectors, string? mountPath = null)
    {
        var v = new RecordedVolume();
        v.Properties["DeviceID"] = deviceId;
        v.Properties["PersistentVolumeID"] = "{" + deviceId.Substring(12, 36).ToUpperInvariant() + "}";
        v.Properties["DriveLetter"] = driveLetter;
        v.Properties["VolumeType"] = volumeType;
        v.Properties["ProtectionStatus"] = protection;
        v.Properties["ConversionStatus"] = conversion;
        v.Properties["EncryptionMethod"] = method;
        v.Properties["IsVolumeInitializedForProtection"] = protectors.Length > 0;
        v.Answer("GetConversionStatus", 0, ("ConversionStatus", conversion), ("EncryptionPercentage", tenths), ("EncryptionFlags", method == 0 ? 0u : 1u), ("WipingStatus", 0u), ("WipingPercentage", 0u));
        v.Answer("GetEncryptionMethod", 0, ("EncryptionMethod", method), ("SelfEncryptionDriveEncryptionMethod", string.Empty));
        v.Answer("GetProtectionStatus", 0, ("ProtectionStatus", protection));
        v.Answer("GetLockStatus", 0, ("LockStatus", 0u));
        var ids = new string[protectors.Length];
        for (var i = 0; i < protectors.Length; i++)
        {
            ids[i] = protectors[i].Id;
            v.ProtectorTypes[protectors[i].Id] = protectors[i].Type;
        }

        v.Answer("GetKeyProtectors", 0, ("VolumeKeyProtectorID", ids));
        if (volumeType == 0)
        {
            v.Answer("IsAutoUnlockEnabled", NotDataVolume);
            v.Answer("GetSuspendCount", FveErrors.NotSupported);
        }
        else if (protectors.Length == 0)
        {
            v.Answer("IsAutoUnlockEnabled", FveErrors.NotActivated);
        }
        else
        {
            v.Answer("IsAutoUnlockEnabled", 0, ("IsAutoUnlockEnabled", false), ("VolumeKeyProtectorID", string.Empty));
        }

        if (mountPath is not null)
        {
            v.MountPaths.Add(mountPath);
        }
        else if (driveLetter is not null)
        {
            v.MountPaths.Add(driveLetter + @"\");
        }

        return v;
    }

    /// <summary>The Azure Local OS volume: XTS-AES 256, used space only, fully encrypted, protection on, TPM and recovery password.</summary>
    internal static RecordedVolume OsVolume() => Volume(OsDeviceId, "C:", 0, 1, 1000, 7, 1, [(OsTpmProtector, 1), (OsPasswordProtector, 3)]);

    /// <summary>A CSV as Azure Local encrypts it: recovery password plus the cluster name object's SID protector, fully encrypted, protection on.</summary>
    internal static RecordedVolume CsvVolume(string deviceId, string path, string password, string sid) =>
        Volume(deviceId, null, 1, 1, 1000, 7, 1, [(password, 3), (sid, 10)], path);

    /// <summary>The Azure Local node NODE01: the OS volume and two CSVs (UserStorage_1 owned by NODE01, UserStorage_2 by NODE02).</summary>
    internal static EvidenceBundle AzureLocalNode() => Node([OsVolume(), .. Csvs()]);

    /// <summary>The node whose OS volume has only a recovery password protector (no TPM protector).</summary>
    internal static EvidenceBundle OsVolumeWithoutTpm() =>
        Node([Volume(OsDeviceId, "C:", 0, 1, 1000, 7, 1, [(OsPasswordProtector, 3)]), .. Csvs()]);

    /// <summary>The node with a fixed data volume D: that is not encrypted (no protector, BitLocker not activated).</summary>
    internal static EvidenceBundle DataVolumeNotEncrypted() =>
        Node([OsVolume(), Volume(DataDeviceId, "D:", 1, 0, 0, 0, 0, []), .. Csvs()]);

    /// <summary>The node with data volume D: whose encryption is paused at 37.0%.</summary>
    internal static EvidenceBundle EncryptionPaused() =>
        Node([OsVolume(), Volume(DataDeviceId, "D:", 1, 4, 370, 7, 0, [("{B1C2D3E4-F5A6-4788-99AA-BBCCDDEEFF00}", 3)]), .. Csvs()]);

    /// <summary>The node with data volume D: locked: GetLockStatus says 1 and every other method fails with FVE_E_LOCKED_VOLUME.</summary>
    internal static EvidenceBundle LockedVolume()
    {
        var locked = new RecordedVolume();
        locked.Properties["DeviceID"] = DataDeviceId;
        locked.Properties["PersistentVolumeID"] = null;
        locked.Properties["DriveLetter"] = "D:";
        locked.Properties["VolumeType"] = 1u;
        locked.Properties["ProtectionStatus"] = 2u;
        locked.Properties["ConversionStatus"] = null;
        locked.Properties["EncryptionMethod"] = null;
        locked.Properties["IsVolumeInitializedForProtection"] = true;
        foreach (var method in new[] { "GetConversionStatus", "GetEncryptionMethod", "GetProtectionStatus", "GetKeyProtectors", "IsAutoUnlockEnabled" })
        {
            locked.Answer(method, FveErrors.LockedVolume);
        }

        locked.Answer("GetLockStatus", 0, ("LockStatus", 1u));
        locked.MountPaths.Add(@"D:\");
        return Node([OsVolume(), locked, .. Csvs()]);
    }

    /// <summary>The node whose OS volume is suspended: fully encrypted, protection off, two restarts left (GetSuspendCount 2).</summary>
    internal static EvidenceBundle SuspendedOsVolume()
    {
        var os = Volume(OsDeviceId, "C:", 0, 1, 1000, 7, 0, [(OsTpmProtector, 1), (OsPasswordProtector, 3)]);
        os.Answer("GetSuspendCount", 0, ("SuspendCount", 2u));
        return Node([os, .. Csvs()]);
    }

    /// <summary>A node without the BitLocker feature: the namespace does not exist (InvalidNamespace), so every BitLocker fact but the volumes and the cluster is NotFound.</summary>
    internal static EvidenceBundle NoBitLockerProvider()
    {
        var spec = WindowsBitLockerCimReader.EncryptableVolume;
        var missing = EvidenceItem.ForError(spec.Id, EvidenceKind.Properties, spec.Source, T,
            WindowsSecuredCoreCimReader.Failure(spec, 3, "InvalidNamespace", "Invalid namespace"));
        return Build([missing, VolumesItem([OsVolume()]), ClusterItem()]);
    }

    /// <summary>The recorded volumes of the two CSVs.</summary>
    internal static RecordedVolume[] Csvs() =>
    [
        CsvVolume(Csv1DeviceId, @"C:\ClusterStorage\UserStorage_1\", Csv1PasswordProtector, Csv1SidProtector),
        CsvVolume(Csv2DeviceId, @"C:\ClusterStorage\UserStorage_2\", Csv2PasswordProtector, Csv2SidProtector),
    ];

    private static EvidenceBundle Node(RecordedVolume[] volumes)
    {
        var records = new List<EvidenceRecord>();
        foreach (var v in volumes)
        {
            records.Add(v.Record());
        }

        var spec = WindowsBitLockerCimReader.EncryptableVolume;
        return Build([EvidenceItem.ForRecords(spec.Id, spec.Source, T, records), VolumesItem(volumes), ClusterItem()]);
    }

    private static EvidenceItem VolumesItem(RecordedVolume[] volumes)
    {
        var records = new List<EvidenceRecord>();
        foreach (var v in volumes)
        {
            var letter = v.Properties.TryGetValue("DriveLetter", out var l) ? l as string : null;
            records.Add(Bundles.Record(
                ("DeviceID", EvidenceValue.FromString((string)v.Properties["DeviceID"]!)),
                ("DriveLetter", letter is null ? EvidenceValue.Null : EvidenceValue.FromString(letter)),
                ("Name", EvidenceValue.FromString(v.MountPaths.Count > 0 ? v.MountPaths[0] : (string)v.Properties["DeviceID"]!)),
                ("Label", EvidenceValue.FromString(letter == "C:" ? "OS" : v.MountPaths.Count > 0 && v.MountPaths[0].Contains("ClusterStorage", StringComparison.Ordinal) ? v.MountPaths[0].Split('\\')[2] : "Data")),
                ("FileSystem", EvidenceValue.FromString(letter == "C:" || letter == "D:" ? "NTFS" : "CSVFS")),
                (BitLockerEvidenceIds.MountPathsProperty, EvidenceValue.FromMultiString(v.MountPaths))));
        }

        var spec = WindowsBitLockerCimReader.Volume;
        return EvidenceItem.ForRecords(spec.Id, spec.Source, T, records);
    }

    private static EvidenceItem ClusterItem()
    {
        var spec = WindowsBitLockerCimReader.ClusterSharedVolume;
        return EvidenceItem.ForRecords(spec.Id, spec.Source, T,
        [
            Bundles.Record(("Name", EvidenceValue.FromString("Cluster Virtual Disk (UserStorage_1)")), ("VolumeName", EvidenceValue.FromString(@"C:\ClusterStorage\UserStorage_1")), ("FaultState", EvidenceValue.FromUInt64(0)), (BitLockerEvidenceIds.OwnerNodeProperty, EvidenceValue.FromString("NODE01"))),
            Bundles.Record(("Name", EvidenceValue.FromString("Cluster Virtual Disk (UserStorage_2)")), ("VolumeName", EvidenceValue.FromString(Csv2DeviceId)), ("FaultState", EvidenceValue.FromUInt64(0)), (BitLockerEvidenceIds.OwnerNodeProperty, EvidenceValue.FromString("NODE02"))),
        ]);
    }

    private static EvidenceBundle Build(IEnumerable<EvidenceItem> bitLockerItems)
    {
        var node = Bundles.Windows();
        return new EvidenceBundle(node.SchemaVersion, node.Node, node.CapturedAt, node.ModuleVersion, [.. node.Items, .. bitLockerItems]);
    }
}
