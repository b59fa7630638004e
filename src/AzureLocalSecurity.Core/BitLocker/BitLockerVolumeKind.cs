namespace AzureLocalSecurity.BitLocker;

/// <summary>What a volume is to the node: the OS volume, a fixed data volume, a Cluster Shared Volume, or removable.</summary>
public enum BitLockerVolumeKind
{
    /// <summary>Could not be told.</summary>
    Unknown,

    /// <summary>The volume Windows runs from (Win32_EncryptableVolume VolumeType 0).</summary>
    OperatingSystem,

    /// <summary>A fixed data volume (VolumeType 1) that is not a CSV.</summary>
    Data,

    /// <summary>A Cluster Shared Volume (mounted under C:\ClusterStorage).</summary>
    ClusterSharedVolume,

    /// <summary>A removable data volume (VolumeType 2).</summary>
    Removable,
}
