using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.BitLocker;

/// <summary>
/// Reads the BitLocker volumes of a bundle (<see cref="BitLockerEvidenceIds"/>) into <see cref="BitLockerVolume"/> objects.
/// Pure: no OS call. A method answer is preferred to the instance property of the same name; a fact neither gives is null and
/// its reason is in the volume's <see cref="BitLockerVolume.Unknowns"/> (a locked volume's say the volume is locked).
/// </summary>
public static class BitLockerAnalyzer
{
    private const string ClusterStorageRoot = @"C:\ClusterStorage\";
    private const string VolumeSource = @"CIM root\CIMV2\Security\MicrosoftVolumeEncryption Win32_EncryptableVolume";

    /// <summary>
    /// The volumes of the bundle, in capture order. <paramref name="unknowns"/> holds the bundle-level problems: no BitLocker
    /// facts in the bundle, the BitLocker provider missing or unreadable (then no volume is returned), the mount paths or the
    /// cluster's CSVs unreadable (then the volumes are returned with what is known).
    /// </summary>
    public static IReadOnlyList<BitLockerVolume> Read(EvidenceBundle bundle, out IReadOnlyList<string> unknowns)
    {
        if (bundle is null)
        {
            throw new ArgumentNullException(nameof(bundle));
        }

        var problems = new List<string>();
        unknowns = problems;
        var item = bundle.Find(BitLockerEvidenceIds.EncryptableVolumes);
        if (item is null)
        {
            problems.Add("The bundle has no BitLocker facts: Win32_EncryptableVolume was not captured (capture on Windows with Export-ALSecurityEvidence from this version or later).");
            return [];
        }

        if (item.Error is { } error)
        {
            problems.Add(error.Category == EvidenceErrorCategory.NotFound
                ? "The BitLocker WMI provider is not there (the BitLocker feature is not installed): " + error.Message
                : $"Win32_EncryptableVolume could not be read ({error.Category}): {error.Message}");
            return [];
        }

        var mounts = ReadMounts(bundle, problems);
        var csvs = ReadClusterSharedVolumes(bundle, problems);
        var volumes = new List<BitLockerVolume>();
        foreach (var record in item.Records ?? [])
        {
            volumes.Add(ReadVolume(bundle.NodeName, record, mounts, csvs));
        }

        return volumes;
    }

    private sealed class Mount
    {
        internal string? DriveLetter { get; set; }

        internal List<string> Paths { get; } = [];
    }

    private sealed class Csv
    {
        internal string? Name { get; set; }

        internal string? VolumeName { get; set; }

        internal string? OwnerNode { get; set; }
    }

    private static Dictionary<string, Mount>? ReadMounts(EvidenceBundle bundle, List<string> problems)
    {
        var item = bundle.Find(BitLockerEvidenceIds.VolumeMountPoints);
        if (item is null || item.Error is not null)
        {
            problems.Add("The volumes' mount paths are unknown (Win32_Volume " + (item?.Error?.ToString() ?? "was not captured") + "): CSVs are told only by what the cluster reports.");
            return null;
        }

        var mounts = new Dictionary<string, Mount>(StringComparer.OrdinalIgnoreCase);
        foreach (var record in item.Records ?? [])
        {
            if (record.Get("DeviceID")?.AsString() is not { } deviceId)
            {
                continue;
            }

            var mount = new Mount { DriveLetter = record.Get("DriveLetter")?.AsString() };
            foreach (var path in record.Get(BitLockerEvidenceIds.MountPathsProperty)?.AsStrings() ?? [])
            {
                AddPath(mount.Paths, path);
            }

            AddPath(mount.Paths, record.Get("Name")?.AsString());
            mounts[deviceId] = mount;
        }

        return mounts;
    }

    private static void AddPath(List<string> paths, string? path)
    {
        var trimmed = Trim(path);
        if (trimmed is not null && !trimmed.StartsWith(@"\\?\", StringComparison.Ordinal) && !paths.Contains(trimmed, StringComparer.OrdinalIgnoreCase))
        {
            paths.Add(trimmed);
        }
    }

    /// <summary>A path without its trailing backslash (<c>C:\</c> stays <c>C:</c>, as drive letters are written).</summary>
    private static string? Trim(string? path) => string.IsNullOrEmpty(path) ? null : path!.TrimEnd('\\');

    private static List<Csv> ReadClusterSharedVolumes(EvidenceBundle bundle, List<string> problems)
    {
        var item = bundle.Find(BitLockerEvidenceIds.ClusterSharedVolumes);
        if (item is null)
        {
            problems.Add("The cluster's CSVs were not captured: a volume is told to be a CSV only by its path under C:\\ClusterStorage, and its owner node is unknown.");
            return [];
        }

        if (item.Error is { } error)
        {
            // NotFound: the node is not clustered, a fact rather than a gap.
            if (error.Category != EvidenceErrorCategory.NotFound)
            {
                problems.Add($"The cluster's CSVs could not be read ({error.Category}): {error.Message}");
            }

            return [];
        }

        return (item.Records ?? []).Select(r => new Csv
        {
            Name = r.Get("Name")?.AsString(),
            VolumeName = r.Get("VolumeName")?.AsString(),
            OwnerNode = r.Get(BitLockerEvidenceIds.OwnerNodeProperty)?.AsString(),
        }).ToList();
    }

    private static BitLockerVolume ReadVolume(string node, EvidenceRecord record, Dictionary<string, Mount>? mounts, List<Csv> csvs)
    {
        var unknowns = new List<string>();
        var sources = new Dictionary<string, string>();
        var deviceId = record.Get("DeviceID")?.AsString() ?? string.Empty;
        var volume = new BitLockerVolume
        {
            ComputerName = node,
            DeviceId = deviceId,
            PersistentVolumeId = record.Get("PersistentVolumeID")?.AsString(),
        };

        var lockedByMethod = Locked(record);
        var facts = new VolumeFacts(record, unknowns, sources, lockedByMethod == true);

        // Where it is mounted, and whether it is a CSV.
        Mount? mount = null;
        if (mounts is not null && !mounts.TryGetValue(deviceId, out mount))
        {
            mount = null;
        }

        var paths = mount?.Paths ?? [];
        var csv = csvs.FirstOrDefault(c => Matches(c.VolumeName, deviceId, paths));
        var csvPath = paths.FirstOrDefault(p => (p + @"\").StartsWith(ClusterStorageRoot, StringComparison.OrdinalIgnoreCase))
            ?? (Trim(csv?.VolumeName) is { } name && (name + @"\").StartsWith(ClusterStorageRoot, StringComparison.OrdinalIgnoreCase) ? name : null);
        var driveLetter = record.Get("DriveLetter")?.AsString() ?? mount?.DriveLetter;
        volume.MountPoint = !string.IsNullOrEmpty(driveLetter) ? Trim(driveLetter)! : csvPath ?? paths.FirstOrDefault() ?? deviceId;
        sources["MountPoint"] = !string.IsNullOrEmpty(driveLetter) ? VolumeSource + " DriveLetter" : csvPath is not null || paths.Count > 0 ? @"CIM root\CIMV2 Win32_Volume / Win32_MountPoint" : VolumeSource + " DeviceID";

        volume.IsClusterSharedVolume = csv is not null || csvPath is not null;
        if (volume.IsClusterSharedVolume)
        {
            volume.VolumeType = BitLockerVolumeKind.ClusterSharedVolume;
            sources["VolumeType"] = csv is not null ? @"CIM root\MSCluster MSCluster_ClusterSharedVolume" : @"mount path under C:\ClusterStorage";
            volume.ClusterResourceName = csv?.Name;
            volume.OwnerNode = csv?.OwnerNode;
            if (volume.OwnerNode is null)
            {
                unknowns.Add(csv is null
                    ? "OwnerNode: the volume is mounted under C:\\ClusterStorage but the cluster's CSVs do not list it, so its owner node is unknown."
                    : "OwnerNode: the cluster gave no node for this CSV (MSCluster_ClusterSharedVolumeToNode).");
            }
            else
            {
                sources["OwnerNode"] = @"CIM root\MSCluster MSCluster_ClusterSharedVolumeToNode";
            }
        }
        else
        {
            var type = record.Get("VolumeType")?.AsInt64();
            volume.VolumeType = type switch
            {
                0 => BitLockerVolumeKind.OperatingSystem,
                1 => BitLockerVolumeKind.Data,
                2 => BitLockerVolumeKind.Removable,
                _ => BitLockerVolumeKind.Unknown,
            };
            sources["VolumeType"] = VolumeSource + " VolumeType";
            if (volume.VolumeType == BitLockerVolumeKind.Unknown)
            {
                unknowns.Add(type is null ? "VolumeType: the instance has no VolumeType." : $"VolumeType: {type} is not a documented value (0 system, 1 fixed, 2 removable).");
            }
        }

        // Lock status first: it explains why the other methods failed.
        volume.Locked = lockedByMethod;
        if (lockedByMethod is null)
        {
            facts.Unknown("Locked", "GetLockStatus");
        }
        else
        {
            sources["Locked"] = VolumeSource + " GetLockStatus";
        }

        var conversion = facts.Number("ConversionStatus", "GetConversionStatus", "ConversionStatus", "ConversionStatus");
        if (conversion is >= 0 and <= 5)
        {
            volume.ConversionStatus = (BitLockerConversionStatus)conversion.Value;
        }
        else if (conversion is not null)
        {
            unknowns.Add($"ConversionStatus: {conversion} is not a documented value.");
        }

        if (facts.Number("EncryptionPercentage", "GetConversionStatus", "EncryptionPercentage", null) is { } tenths)
        {
            // PrecisionFactor 1: the percentage comes in tenths of a percent.
            volume.EncryptionPercentage = tenths / 10.0;
        }

        if (facts.Number("UsedSpaceOnly", "GetConversionStatus", "EncryptionFlags", null) is { } flags)
        {
            volume.UsedSpaceOnly = (flags & 0x1) != 0;
        }

        var method = facts.Number("EncryptionMethod", "GetEncryptionMethod", "EncryptionMethod", "EncryptionMethod");
        if (method is >= 0 and <= 7)
        {
            volume.EncryptionMethod = (BitLockerEncryptionMethod)method.Value;
        }
        else if (method is not null)
        {
            unknowns.Add(method == uint.MaxValue ? "EncryptionMethod: the provider reports it as unknown ((uint)-1)." : $"EncryptionMethod: {method} is not a documented value.");
        }

        var protection = facts.Number("ProtectionOn", "GetProtectionStatus", "ProtectionStatus", "ProtectionStatus");
        volume.ProtectionOn = protection switch
        {
            0 => false,
            1 => true,
            _ => null,
        };
        if (protection is not null and not 0 and not 1)
        {
            unknowns.Add(protection == 2
                ? "ProtectionOn: the provider reports protection status 2, unknown" + (volume.Locked == true ? " (the volume is locked)." : ".")
                : $"ProtectionOn: {protection} is not a documented protection status.");
        }

        volume.KeyProtectors = facts.Protectors();
        volume.AutoUnlockEnabled = facts.AutoUnlock(volume.VolumeType == BitLockerVolumeKind.OperatingSystem);
        volume.SuspendCount = facts.SuspendCount(record.Get("VolumeType")?.AsInt64() == 0 && volume.ProtectionOn == false);

        volume.Sources = sources;
        volume.Unknowns = unknowns;
        return volume;
    }

    private static bool? Locked(EvidenceRecord record) => record.Get("GetLockStatus.LockStatus")?.AsInt64() switch
    {
        0 => false,
        1 => true,
        _ => ErrorCode(record, "GetLockStatus") == FveErrors.LockedVolume ? true : null,
    };

    private static uint? ErrorCode(EvidenceRecord record, string method) =>
        FveErrors.TryParseEvidenceText(record.Get(method + BitLockerEvidenceIds.ErrorSuffix)?.AsString(), out var code) ? code : null;

    private static bool Matches(string? csvVolumeName, string deviceId, List<string> paths)
    {
        var name = Trim(csvVolumeName);
        if (name is null)
        {
            return false;
        }

        return string.Equals(name, Trim(deviceId), StringComparison.OrdinalIgnoreCase) || paths.Contains(name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>One volume record's facts, with the bookkeeping of where each came from and why one is missing.</summary>
    private sealed class VolumeFacts(EvidenceRecord record, List<string> unknowns, Dictionary<string, string> sources, bool locked)
    {
        /// <summary>A number from a method's answer, else from the instance property; null (with the reason) when neither has it.</summary>
        internal long? Number(string fact, string method, string outName, string? property)
        {
            if (record.Get(method + "." + outName)?.AsInt64() is { } answer)
            {
                sources[fact] = VolumeSource + " " + method;
                return answer;
            }

            if (property is not null && record.Get(property)?.AsInt64() is { } value)
            {
                sources[fact] = VolumeSource + " " + property + " (property; " + method + " did not answer)";
                return value;
            }

            Unknown(fact, method);
            return null;
        }

        internal void Unknown(string fact, string method)
        {
            var text = record.Get(method + BitLockerEvidenceIds.ErrorSuffix)?.AsString();
            if (text is null)
            {
                unknowns.Add($"{fact}: {method} was not recorded.");
                return;
            }

            if (FveErrors.TryParseEvidenceText(text, out var code))
            {
                var description = FveErrors.Describe(code);
                unknowns.Add(code == FveErrors.LockedVolume || (locked && code != FveErrors.Success)
                    ? $"{fact}: not readable while the volume is locked ({method} returned {description.HexCode} {description.Name})."
                    : $"{fact}: {method} returned {description.HexCode} {description.Name}: {description.Message}");
                return;
            }

            unknowns.Add($"{fact}: {method} failed: {text}");
        }

        internal List<BitLockerKeyProtector>? Protectors()
        {
            if (record.Get("GetKeyProtectors.VolumeKeyProtectorID")?.AsStrings() is null)
            {
                Unknown("KeyProtectors", "GetKeyProtectors");
                return null;
            }

            var protectors = new List<BitLockerKeyProtector>();
            foreach (var entry in record.Get("GetKeyProtectorType.KeyProtectorType")?.AsStrings() ?? [])
            {
                var bar = entry.IndexOf('|');
                var id = bar < 0 ? entry : entry.Substring(0, bar);
                var type = bar < 0 ? string.Empty : entry.Substring(bar + 1);
                if (uint.TryParse(type, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= 10)
                {
                    protectors.Add(new BitLockerKeyProtector(id, (BitLockerKeyProtectorType)value));
                }
                else
                {
                    protectors.Add(new BitLockerKeyProtector(id, BitLockerKeyProtectorType.Unknown));
                    unknowns.Add($"KeyProtectors: the type of protector {id} is unknown ({(type.Length == 0 ? "not recorded" : type)}).");
                }
            }

            sources["KeyProtectors"] = VolumeSource + " GetKeyProtectors, GetKeyProtectorType";
            return protectors;
        }

        internal bool? AutoUnlock(bool operatingSystemVolume)
        {
            if (record.Get("IsAutoUnlockEnabled.IsAutoUnlockEnabled")?.AsBoolean() is { } enabled)
            {
                sources["AutoUnlockEnabled"] = VolumeSource + " IsAutoUnlockEnabled";
                return enabled;
            }

            var code = ErrorCode(record, "IsAutoUnlockEnabled");
            if (code == FveErrors.NotActivated)
            {
                // BitLocker is not on for the volume: nothing unlocks it automatically.
                sources["AutoUnlockEnabled"] = VolumeSource + " IsAutoUnlockEnabled (FVE_E_NOT_ACTIVATED: BitLocker is not on)";
                return false;
            }

            // The OS volume has no automatic unlocking (FVE_E_NOT_DATA_VOLUME): it does not apply, so it is not a gap.
            if (!(operatingSystemVolume && code == 0x80310019))
            {
                Unknown("AutoUnlockEnabled", "IsAutoUnlockEnabled");
            }

            return null;
        }

        internal uint? SuspendCount(bool suspendedOperatingSystemVolume)
        {
            if (record.Get("GetSuspendCount.SuspendCount")?.AsInt64() is { } count and >= 0 and <= uint.MaxValue)
            {
                sources["SuspendCount"] = VolumeSource + " GetSuspendCount";
                return (uint)count;
            }

            // Not suspended, or not the OS volume: GetSuspendCount is documented to fail, and null is the answer.
            if (suspendedOperatingSystemVolume)
            {
                Unknown("SuspendCount", "GetSuspendCount");
            }

            return null;
        }
    }
}
