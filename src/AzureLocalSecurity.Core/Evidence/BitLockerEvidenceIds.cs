using System.Collections.Generic;

namespace AzureLocalSecurity.Evidence;

/// <summary>
/// The ids the BitLocker read side files its facts under (issue 7), and the record shapes. Values are kept as CIM returns
/// them (WINAPI.md §8.0's CIM to CLR table: uint32 as UInt64, boolean as Boolean, string as String, string[] as MultiString);
/// meaning is derived only when a bundle is read. <b>No record holds a secret</b>: the collector never calls
/// GetKeyProtectorNumericalPassword or GetKeyProtectorExternalKey, so a recovery password or a key file cannot reach a bundle;
/// key protectors are recorded as IDs and types only.
/// </summary>
public static class BitLockerEvidenceIds
{
    /// <summary>The CIM namespace of the BitLocker WMI provider (WINAPI.md §8.3).</summary>
    public const string EncryptionNamespace = @"root\CIMV2\Security\MicrosoftVolumeEncryption";

    /// <summary>
    /// Win32_EncryptableVolume (<c>root\CIMV2\Security\MicrosoftVolumeEncryption</c>, WINAPI.md §8.3): one record per volume.
    /// First the properties of <see cref="EncryptableVolumeProperties"/> the instance has, under their CIM names and types
    /// (<c>DeviceID</c>, <c>PersistentVolumeID</c>, <c>DriveLetter</c> String or Null; <c>VolumeType</c>,
    /// <c>ProtectionStatus</c>, <c>ConversionStatus</c>, <c>EncryptionMethod</c> UInt64; <c>IsVolumeInitializedForProtection</c>
    /// Boolean). Then the answers of the instance methods, each [out] parameter as <c>&lt;Method&gt;.&lt;Parameter&gt;</c>:
    /// <list type="bullet">
    /// <item><c>GetConversionStatus.ConversionStatus</c>, <c>.EncryptionPercentage</c>, <c>.EncryptionFlags</c>,
    /// <c>.WipingStatus</c>, <c>.WipingPercentage</c> (UInt64; called with PrecisionFactor 1 as a uint, so the percentages are
    /// tenths: 375 is 37.5%);</item>
    /// <item><c>GetEncryptionMethod.EncryptionMethod</c> (UInt64) and <c>GetEncryptionMethod.SelfEncryptionDriveEncryptionMethod</c> (String);</item>
    /// <item><c>GetProtectionStatus.ProtectionStatus</c> (UInt64: 0 off, 1 on, 2 unknown);</item>
    /// <item><c>GetLockStatus.LockStatus</c> (UInt64: 0 unlocked, 1 locked);</item>
    /// <item><c>GetKeyProtectors.VolumeKeyProtectorID</c> (MultiString: every protector's ID, KeyProtectorType 0 = all);</item>
    /// <item><c>GetKeyProtectorType.KeyProtectorType</c> (MultiString, one entry per ID of GetKeyProtectors, in the same order:
    /// <c>"{id}|7"</c>, the ID, a vertical bar and the decimal type; or <c>"{id}|error 0x80310000 FVE_E_LOCKED_VOLUME"</c> when
    /// that call failed);</item>
    /// <item><c>IsAutoUnlockEnabled.IsAutoUnlockEnabled</c> (Boolean) and <c>IsAutoUnlockEnabled.VolumeKeyProtectorID</c> (String, empty when not enabled);</item>
    /// <item><c>GetSuspendCount.SuspendCount</c> (UInt64), called on the OS volume (VolumeType 0) only.</item>
    /// </list>
    /// A method that returned a non-zero code records <c>&lt;Method&gt;Error</c> (String) instead of its answers: the HRESULT
    /// as a uint in hex and its name, such as <c>0x80310000 FVE_E_LOCKED_VOLUME</c> (<see cref="BitLocker.FveErrors"/>); a
    /// method that threw a CimException records the MI_RESULT in words. A locked volume's methods fail with
    /// FVE_E_LOCKED_VOLUME: that is a fact about the volume, not a collector failure. The item is an error of its own only when
    /// the class cannot be enumerated: NotFound when the namespace or class does not exist (the BitLocker feature is not
    /// installed), AccessDenied (not elevated), Failed otherwise, NotSupported off Windows.
    /// </summary>
    public const string EncryptableVolumes = @"windows/cim/root/CIMV2/Security/MicrosoftVolumeEncryption/Win32_EncryptableVolume";

    /// <summary>
    /// Win32_Volume with its Win32_MountPoint paths (<c>root\CIMV2</c>, the Storage Volume provider): one record per volume,
    /// <c>DeviceID</c> (String: <c>\\?\Volume{GUID}\</c>, the form Win32_EncryptableVolume's DeviceID has), <c>DriveLetter</c>
    /// (String or Null), <c>Name</c> (String: the first mount path Windows gives), <c>Label</c> and <c>FileSystem</c> (String or
    /// Null), and <c>MountPaths</c> (MultiString: the <c>Directory</c> of every Win32_MountPoint whose <c>Volume</c> is this one,
    /// such as <c>C:\ClusterStorage\Volume1\</c>; the key values of the two references as CIM gives them). Win32_MountPoint is
    /// documented as associating a volume with the directory where it is mounted (Microsoft's Storage Volume provider pages);
    /// whether a CSV appears in it on every build was not confirmed, so the analyzer also reads <c>Name</c>. An error item as
    /// for <see cref="EncryptableVolumes"/>.
    /// </summary>
    public const string VolumeMountPoints = @"windows/cim/root/CIMV2/Win32_Volume";

    /// <summary>
    /// MSCluster_ClusterSharedVolume (<c>root\MSCluster</c>, Microsoft's Failover Cluster provider reference): one record per
    /// CSV with <c>Name</c>, <c>VolumeName</c> (String, as the provider gives it: the reference documents it as a string and
    /// not its form, so the analyzer matches it against both the mount paths and the volume GUID path), <c>FaultState</c>
    /// (UInt64) where the instance has them, and <c>OwnerNode</c> (String: the <c>Name</c> of the MSCluster_Node the
    /// MSCluster_ClusterSharedVolumeToNode association gives, the node hosting the CSV; left out when the association gives
    /// none). NotFound when <c>root\MSCluster</c> or the class does not exist: the node is not clustered (the Failover
    /// Clustering feature is not installed). A clustered node without CSVs has an item with no records.
    /// </summary>
    public const string ClusterSharedVolumes = @"windows/cim/root/MSCluster/MSCluster_ClusterSharedVolume";

    /// <summary>The Win32_EncryptableVolume properties recorded under <see cref="EncryptableVolumes"/> (WINAPI.md §8.3).</summary>
    public static readonly IReadOnlyList<string> EncryptableVolumeProperties =
    [
        "DeviceID",
        "PersistentVolumeID",
        "DriveLetter",
        "VolumeType",
        "ProtectionStatus",
        "ConversionStatus",
        "EncryptionMethod",
        "IsVolumeInitializedForProtection",
    ];

    /// <summary>The Win32_Volume properties recorded under <see cref="VolumeMountPoints"/>, before <c>MountPaths</c>.</summary>
    public static readonly IReadOnlyList<string> VolumeProperties = ["DeviceID", "DriveLetter", "Name", "Label", "FileSystem"];

    /// <summary>The MSCluster_ClusterSharedVolume properties recorded under <see cref="ClusterSharedVolumes"/>, before <c>OwnerNode</c>.</summary>
    public static readonly IReadOnlyList<string> ClusterSharedVolumeProperties = ["Name", "VolumeName", "FaultState"];

    /// <summary>The record property of <see cref="VolumeMountPoints"/> listing a volume's mount paths.</summary>
    public const string MountPathsProperty = "MountPaths";

    /// <summary>The record property of <see cref="ClusterSharedVolumes"/> naming the node that hosts the CSV.</summary>
    public const string OwnerNodeProperty = "OwnerNode";

    /// <summary>The suffix of the property a failed method records: <c>GetLockStatusError</c>.</summary>
    public const string ErrorSuffix = "Error";
}
