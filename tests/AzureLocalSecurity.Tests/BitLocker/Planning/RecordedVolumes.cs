using System.Collections.Generic;
using AzureLocalSecurity.BitLocker;

namespace AzureLocalSecurity.Tests.BitLocker.Planning;

/// <summary>
/// BitLockerVolume facts as the read side records them from Win32_EncryptableVolume on an Azure Local node (values per
/// WINAPI.md §8.3: ConversionStatus, ProtectionStatus, key protector types). Hand-built, not captured from a machine.
/// </summary>
internal static class RecordedVolumes
{
    internal const string Node = "NODE1";
    internal const string RecoveryId = "{6F1C2B5E-7C34-4B1A-9E0A-2C7D4E1F3A10}";

    internal static BitLockerVolume OsDecrypted() => new()
    {
        ComputerName = Node,
        MountPoint = "C:",
        DeviceId = @"\\?\Volume{0b1c2d3e-0000-0000-0000-100000000000}\",
        VolumeType = BitLockerVolumeKind.OperatingSystem,
        ConversionStatus = BitLockerConversionStatus.FullyDecrypted,
        EncryptionPercentage = 0,
        EncryptionMethod = BitLockerEncryptionMethod.None,
        ProtectionOn = false,
        Locked = false,
        KeyProtectors = [],
    };

    internal static BitLockerVolume OsEncrypted() => new()
    {
        ComputerName = Node,
        MountPoint = "C:",
        DeviceId = @"\\?\Volume{0b1c2d3e-0000-0000-0000-100000000000}\",
        VolumeType = BitLockerVolumeKind.OperatingSystem,
        ConversionStatus = BitLockerConversionStatus.FullyEncrypted,
        EncryptionPercentage = 100,
        EncryptionMethod = BitLockerEncryptionMethod.XtsAes256,
        ProtectionOn = true,
        Locked = false,
        KeyProtectors =
        [
            new BitLockerKeyProtector("{1A2B3C4D-0000-4000-8000-000000000001}", BitLockerKeyProtectorType.Tpm),
            new BitLockerKeyProtector(RecoveryId, BitLockerKeyProtectorType.NumericalPassword),
        ],
    };

    internal static BitLockerVolume DataDecrypted() => new()
    {
        ComputerName = Node,
        MountPoint = "D:",
        DeviceId = @"\\?\Volume{0b1c2d3e-0000-0000-0000-200000000000}\",
        VolumeType = BitLockerVolumeKind.Data,
        ConversionStatus = BitLockerConversionStatus.FullyDecrypted,
        EncryptionPercentage = 0,
        ProtectionOn = false,
        Locked = false,
        KeyProtectors = [],
    };

    internal static BitLockerVolume CsvDecrypted() => new()
    {
        ComputerName = Node,
        MountPoint = @"C:\ClusterStorage\UserStorage_1",
        DeviceId = @"\\?\Volume{0b1c2d3e-0000-0000-0000-300000000000}\",
        VolumeType = BitLockerVolumeKind.ClusterSharedVolume,
        IsClusterSharedVolume = true,
        OwnerNode = Node,
        ClusterResourceName = "Cluster Virtual Disk (UserStorage_1)",
        ConversionStatus = BitLockerConversionStatus.FullyDecrypted,
        EncryptionPercentage = 0,
        ProtectionOn = false,
        Locked = false,
        KeyProtectors = [],
    };

    internal static BitLockerVolume CsvEncrypted()
    {
        var v = CsvDecrypted();
        v.ConversionStatus = BitLockerConversionStatus.FullyEncrypted;
        v.EncryptionPercentage = 100;
        v.ProtectionOn = true;
        v.KeyProtectors =
        [
            new BitLockerKeyProtector(RecoveryId, BitLockerKeyProtectorType.NumericalPassword),
            new BitLockerKeyProtector("{1A2B3C4D-0000-4000-8000-00000000000A}", BitLockerKeyProtectorType.Sid),
        ];
        return v;
    }

    internal static BitLockerVolume OsPaused()
    {
        var v = OsEncrypted();
        v.ConversionStatus = BitLockerConversionStatus.EncryptionPaused;
        v.EncryptionPercentage = 42.5;
        return v;
    }

    internal static BitLockerVolume OsSuspended()
    {
        var v = OsEncrypted();
        v.ProtectionOn = false;
        v.SuspendCount = 1;
        return v;
    }

    internal static BitLockerVolume DataLocked()
    {
        var v = DataDecrypted();
        v.ConversionStatus = BitLockerConversionStatus.FullyEncrypted;
        v.ProtectionOn = null;
        v.Locked = true;
        v.KeyProtectors = null;
        v.Unknowns = new List<string> { "KeyProtectors: FVE_E_LOCKED_VOLUME" };
        return v;
    }
}
