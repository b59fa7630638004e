using System.Collections.Generic;

namespace AzureLocalSecurity.BitLocker;

/// <summary>
/// One volume's BitLocker state as read from Win32_EncryptableVolume (and, for CSVs, the cluster). A fact that could not
/// be read is null, and <see cref="Unknowns"/> says why. Holds no secret: key protectors are IDs and types only.
/// </summary>
public sealed class BitLockerVolume
{
    /// <summary>The node.</summary>
    public string ComputerName { get; internal set; } = string.Empty;

    /// <summary>Where the volume is mounted: a drive letter such as <c>C:</c>, or a CSV path such as <c>C:\ClusterStorage\Volume1</c>.</summary>
    public string MountPoint { get; internal set; } = string.Empty;

    /// <summary>Win32_EncryptableVolume DeviceID (<c>\\?\Volume{...}\</c>), the key the methods are called on.</summary>
    public string DeviceId { get; internal set; } = string.Empty;

    /// <summary>Win32_EncryptableVolume PersistentVolumeID.</summary>
    public string? PersistentVolumeId { get; internal set; }

    /// <summary>OS, data, CSV or removable.</summary>
    public BitLockerVolumeKind VolumeType { get; internal set; }

    /// <summary>Whether the volume is a Cluster Shared Volume.</summary>
    public bool IsClusterSharedVolume { get; internal set; }

    /// <summary>For a CSV, the node that owns it (the coordinator); null otherwise or when it could not be read.</summary>
    public string? OwnerNode { get; internal set; }

    /// <summary>For a CSV, the cluster's name for it (such as <c>Cluster Virtual Disk (UserStorage_1)</c>).</summary>
    public string? ClusterResourceName { get; internal set; }

    /// <summary>Conversion status.</summary>
    public BitLockerConversionStatus? ConversionStatus { get; internal set; }

    /// <summary>How much of the volume is encrypted, 0-100.</summary>
    public double? EncryptionPercentage { get; internal set; }

    /// <summary>Whether only used space was (or is being) encrypted (EncryptionFlags 0x1).</summary>
    public bool? UsedSpaceOnly { get; internal set; }

    /// <summary>The encryption method.</summary>
    public BitLockerEncryptionMethod? EncryptionMethod { get; internal set; }

    /// <summary>Protection on (1) or off (0). Off on a fully encrypted volume means suspended: the key is in the clear.</summary>
    public bool? ProtectionOn { get; internal set; }

    /// <summary>Whether the volume is locked.</summary>
    public bool? Locked { get; internal set; }

    /// <summary>On the OS volume, how many restarts protection stays suspended (GetSuspendCount); null when not suspended or not read.</summary>
    public uint? SuspendCount { get; internal set; }

    /// <summary>The key protectors: IDs and types, never secrets.</summary>
    public IReadOnlyList<BitLockerKeyProtector>? KeyProtectors { get; internal set; }

    /// <summary>Whether the volume unlocks automatically (IsAutoUnlockEnabled).</summary>
    public bool? AutoUnlockEnabled { get; internal set; }

    /// <summary>Where each fact came from, by property name.</summary>
    public IReadOnlyDictionary<string, string> Sources { get; internal set; } = new Dictionary<string, string>();

    /// <summary>Each fact that could not be read, with the reason.</summary>
    public IReadOnlyList<string> Unknowns { get; internal set; } = [];

    /// <inheritdoc />
    public override string ToString() => $"{ComputerName} {MountPoint} {VolumeType} {ConversionStatus}";
}
