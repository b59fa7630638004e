using System.Linq;
using AzureLocalSecurity.BitLocker;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.BitLocker.Read;

public sealed class BitLockerAnalyzerTests
{
    private static BitLockerVolume Volume(EvidenceBundle bundle, string mountPoint) =>
        BitLockerAnalyzer.Read(bundle, out _).Single(v => v.MountPoint == mountPoint);

    [Fact]
    public void The_Azure_Local_OS_volume_is_fully_encrypted_XTS_AES_256_used_space_only_with_protection_on()
    {
        var os = Volume(BitLockerBundles.AzureLocalNode(), "C:");

        Assert.Equal(BitLockerVolumeKind.OperatingSystem, os.VolumeType);
        Assert.Equal(BitLockerBundles.OsDeviceId, os.DeviceId);
        Assert.Equal("NODE01", os.ComputerName);
        Assert.Equal(BitLockerConversionStatus.FullyEncrypted, os.ConversionStatus);
        Assert.Equal(100.0, os.EncryptionPercentage);
        Assert.True(os.UsedSpaceOnly);
        Assert.Equal(BitLockerEncryptionMethod.XtsAes256, os.EncryptionMethod);
        Assert.True(os.ProtectionOn);
        Assert.False(os.Locked);
        Assert.Null(os.SuspendCount);
        Assert.Null(os.AutoUnlockEnabled);
        Assert.False(os.IsClusterSharedVolume);
        Assert.Empty(os.Unknowns);
    }

    [Fact]
    public void The_OS_volume_protectors_are_the_TPM_and_the_recovery_password_by_ID_and_type()
    {
        var os = Volume(BitLockerBundles.AzureLocalNode(), "C:");

        Assert.Equal(
            [(BitLockerBundles.OsTpmProtector, BitLockerKeyProtectorType.Tpm), (BitLockerBundles.OsPasswordProtector, BitLockerKeyProtectorType.NumericalPassword)],
            os.KeyProtectors!.Select(p => (p.Id, p.Type)));
        Assert.Contains("GetKeyProtectorType", os.Sources["KeyProtectors"], System.StringComparison.Ordinal);
    }

    [Fact]
    public void CSVs_are_told_by_their_ClusterStorage_path_and_carry_their_owner_node_and_cluster_name()
    {
        var volumes = BitLockerAnalyzer.Read(BitLockerBundles.AzureLocalNode(), out var unknowns)
            .Where(v => v.VolumeType == BitLockerVolumeKind.ClusterSharedVolume).ToList();

        Assert.Empty(unknowns);
        Assert.Equal([@"C:\ClusterStorage\UserStorage_1", @"C:\ClusterStorage\UserStorage_2"], volumes.Select(v => v.MountPoint));
        Assert.Equal(["NODE01", "NODE02"], volumes.Select(v => v.OwnerNode));
        Assert.Equal("Cluster Virtual Disk (UserStorage_2)", volumes[1].ClusterResourceName);
        Assert.All(volumes, v => Assert.True(v.IsClusterSharedVolume));
    }

    [Fact]
    public void A_CSV_is_protected_by_a_recovery_password_and_the_cluster_name_objects_SID()
    {
        var csv = Volume(BitLockerBundles.AzureLocalNode(), @"C:\ClusterStorage\UserStorage_1");

        Assert.Equal([BitLockerKeyProtectorType.NumericalPassword, BitLockerKeyProtectorType.Sid], csv.KeyProtectors!.Select(p => p.Type));
        Assert.Equal(BitLockerBundles.Csv1PasswordProtector, csv.KeyProtectors![0].Id);
        Assert.False(csv.AutoUnlockEnabled);
    }

    [Fact]
    public void An_OS_volume_without_a_TPM_protector_lists_only_its_recovery_password()
    {
        var os = Volume(BitLockerBundles.OsVolumeWithoutTpm(), "C:");

        Assert.Equal([BitLockerKeyProtectorType.NumericalPassword], os.KeyProtectors!.Select(p => p.Type));
    }

    [Fact]
    public void A_data_volume_that_is_not_encrypted_is_fully_decrypted_with_no_protector_and_protection_off()
    {
        var data = Volume(BitLockerBundles.DataVolumeNotEncrypted(), "D:");

        Assert.Equal(BitLockerVolumeKind.Data, data.VolumeType);
        Assert.Equal(BitLockerConversionStatus.FullyDecrypted, data.ConversionStatus);
        Assert.Equal(0.0, data.EncryptionPercentage);
        Assert.Equal(BitLockerEncryptionMethod.None, data.EncryptionMethod);
        Assert.False(data.ProtectionOn);
        Assert.Empty(data.KeyProtectors!);
        Assert.False(data.AutoUnlockEnabled);
        Assert.Empty(data.Unknowns);
    }

    [Fact]
    public void Paused_encryption_reads_as_paused_at_37_percent()
    {
        var data = Volume(BitLockerBundles.EncryptionPaused(), "D:");

        Assert.Equal(BitLockerConversionStatus.EncryptionPaused, data.ConversionStatus);
        Assert.Equal(37.0, data.EncryptionPercentage);
    }

    [Fact]
    public void A_locked_volume_is_locked_and_its_unreadable_facts_say_so()
    {
        var locked = Volume(BitLockerBundles.LockedVolume(), "D:");

        Assert.True(locked.Locked);
        Assert.Null(locked.ConversionStatus);
        Assert.Null(locked.EncryptionMethod);
        Assert.Null(locked.ProtectionOn);
        Assert.Null(locked.KeyProtectors);
        Assert.Contains(locked.Unknowns, u => u.StartsWith("ConversionStatus: not readable while the volume is locked", System.StringComparison.Ordinal) && u.Contains("FVE_E_LOCKED_VOLUME", System.StringComparison.Ordinal));
        Assert.Contains(locked.Unknowns, u => u.StartsWith("KeyProtectors: not readable while the volume is locked", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_suspended_OS_volume_is_fully_encrypted_with_protection_off_and_two_restarts_left()
    {
        var os = Volume(BitLockerBundles.SuspendedOsVolume(), "C:");

        Assert.Equal(BitLockerConversionStatus.FullyEncrypted, os.ConversionStatus);
        Assert.False(os.ProtectionOn);
        Assert.Equal(2u, os.SuspendCount);
        Assert.Empty(os.Unknowns);
    }

    [Fact]
    public void A_node_without_the_BitLocker_provider_gives_no_volume_and_says_the_feature_is_not_installed()
    {
        var volumes = BitLockerAnalyzer.Read(BitLockerBundles.NoBitLockerProvider(), out var unknowns);

        Assert.Empty(volumes);
        var reason = Assert.Single(unknowns);
        Assert.StartsWith("The BitLocker WMI provider is not there (the BitLocker feature is not installed)", reason, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_bundle_without_BitLocker_facts_gives_no_volume_and_says_they_were_not_captured()
    {
        var volumes = BitLockerAnalyzer.Read(Bundles.Windows(), out var unknowns);

        Assert.Empty(volumes);
        Assert.Contains("Win32_EncryptableVolume was not captured", Assert.Single(unknowns), System.StringComparison.Ordinal);
    }
}
