using System.Linq;
using AzureLocalSecurity.BitLocker;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Results;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Posture;

public sealed class BitLockerChecksTests
{
    private static SecurityCheckResult One(EvidenceBundle bundle, string id) => Assert.Single(BitLockerChecks.Evaluate(bundle), r => r.Id == id);

    [Fact]
    public void The_recorded_azure_local_node_meets_every_os_volume_check_and_both_csvs_and_has_no_data_volume()
    {
        var results = BitLockerChecks.Evaluate(EvidenceBundleReader.Read(PostureVectors.BitLockerNode));

        Assert.All(results.Where(r => r.Id is not BitLockerChecks.DataVolumeId), r => Assert.Equal(CheckStatus.Compliant, r.Status));
        Assert.Equal(
            [@"The CSV C:\ClusterStorage\UserStorage_1 is encrypted, protected and has a recovery password", @"The CSV C:\ClusterStorage\UserStorage_2 is encrypted, protected and has a recovery password"],
            results.Where(r => r.Id == BitLockerChecks.CsvId).Select(r => r.Title));
        Assert.Equal(CheckStatus.NotApplicable, One(EvidenceBundleReader.Read(PostureVectors.BitLockerNode), BitLockerChecks.DataVolumeId).Status);
        Assert.Equal("XtsAes256", results.Single(r => r.Id == BitLockerChecks.OsMethodId).Actual);
    }

    [Fact]
    public void A_suspended_os_volume_is_non_compliant_and_says_how_to_resume()
    {
        var result = One(BitLockerBundles.SuspendedOsVolume(), BitLockerChecks.OsProtectionId);

        Assert.Equal(CheckStatus.NonCompliant, result.Status);
        Assert.Equal("suspended for 2 more restart(s)", result.Actual);
        Assert.Contains("Resume-ALBitLocker -MountPoint C:", result.Remediation, System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_os_volume_without_a_tpm_protector_fails_the_tpm_protector_check_only()
    {
        var results = BitLockerChecks.Evaluate(BitLockerBundles.OsVolumeWithoutTpm());

        Assert.Equal(CheckStatus.NonCompliant, results.Single(r => r.Id == BitLockerChecks.OsTpmProtectorId).Status);
        Assert.Equal("protectors: NumericalPassword", results.Single(r => r.Id == BitLockerChecks.OsTpmProtectorId).Actual);
        Assert.Equal(CheckStatus.Compliant, results.Single(r => r.Id == BitLockerChecks.OsRecoveryPasswordId).Status);
    }

    [Fact]
    public void Xts_aes_128_on_the_os_volume_is_a_medium_finding()
    {
        var os = BitLockerBundles.Volume(BitLockerBundles.OsDeviceId, "C:", 0, 1, 1000, 6, 1, [(BitLockerBundles.OsTpmProtector, 1), (BitLockerBundles.OsPasswordProtector, 3)]);
        var result = One(PostureVectors.WithVolumes(BitLockerBundles.AzureLocalNode(), [os, .. BitLockerBundles.Csvs()]), BitLockerChecks.OsMethodId);

        Assert.Equal(CheckStatus.NonCompliant, result.Status);
        Assert.Equal(Severity.Medium, result.Severity);
        Assert.Equal("XtsAes128", result.Actual);
    }

    [Fact]
    public void A_fixed_data_volume_that_is_not_encrypted_is_non_compliant_with_its_gaps()
    {
        var result = One(BitLockerBundles.DataVolumeNotEncrypted(), BitLockerChecks.DataVolumeId);

        Assert.Equal(CheckStatus.NonCompliant, result.Status);
        Assert.Equal("FullyDecrypted (0%), protection off, no key protector", result.Actual);
        Assert.Equal("Not fully encrypted; no recovery password protector.", result.Reason);
    }

    [Fact]
    public void A_paused_data_volume_is_non_compliant_and_says_to_resume_the_encryption()
    {
        var result = One(BitLockerBundles.EncryptionPaused(), BitLockerChecks.DataVolumeId);

        Assert.Equal(CheckStatus.NonCompliant, result.Status);
        Assert.StartsWith("EncryptionPaused (37%)", result.Actual, System.StringComparison.Ordinal);
        Assert.Contains("manage-bde -resume D:", result.Remediation, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_locked_data_volume_is_unknown_because_its_state_cannot_be_read()
    {
        var result = One(BitLockerBundles.LockedVolume(), BitLockerChecks.DataVolumeId);

        Assert.Equal(CheckStatus.Unknown, result.Status);
        Assert.StartsWith("The volume is locked, so its BitLocker state cannot be read.", result.Reason, System.StringComparison.Ordinal);
        Assert.Null(result.Remediation);
    }

    [Fact]
    public void Without_the_bitlocker_feature_the_os_checks_are_non_compliant_and_the_volume_checks_unknown()
    {
        var results = BitLockerChecks.Evaluate(BitLockerBundles.NoBitLockerProvider());

        Assert.All(results.Where(r => r.Id is not (BitLockerChecks.CsvId or BitLockerChecks.DataVolumeId)), r => Assert.Equal(("BitLocker is not installed", CheckStatus.NonCompliant), (r.Actual, r.Status)));
        Assert.Equal(CheckStatus.Unknown, results.Single(r => r.Id == BitLockerChecks.CsvId).Status);
    }

    [Fact]
    public void A_bundle_without_bitlocker_facts_is_unknown_everywhere_never_non_compliant()
    {
        var results = BitLockerChecks.Evaluate(Bundles.Windows());

        Assert.Equal(7, results.Count);
        Assert.All(results, r => Assert.Equal(CheckStatus.Unknown, r.Status));
        Assert.All(results, r => Assert.Contains("Win32_EncryptableVolume was not captured", r.Reason, System.StringComparison.Ordinal));
    }

    [Fact]
    public void On_a_linux_host_every_bitlocker_check_is_not_applicable()
    {
        var results = BitLockerChecks.Evaluate(SecuredCoreBundles.LinuxHost());

        Assert.Equal(7, results.Count);
        Assert.All(results, r => Assert.Equal(CheckStatus.NotApplicable, r.Status));
    }
}
