using System.Linq;
using AzureLocalSecurity.BitLocker.Planning;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.BitLocker;

/// <summary>The change cmdlets read volumes through the read side's analyzer: recorded bundles give plans, with no test hook.</summary>
[Collection(AzureLocalSecurity.Tests.BitLocker.BitLockerHookTests.Name)]
public sealed class BitLockerEndToEndTests(ModuleSession module) : IClassFixture<ModuleSession>
{
    private (System.Collections.ObjectModel.Collection<System.Management.Automation.PSObject> Output, System.Collections.Generic.List<System.Management.Automation.ErrorRecord> Errors) Run(EvidenceBundle bundle, string command)
    {
        using var dir = new TempDir();
        var path = dir.Combine("node.zip");
        EvidenceBundleWriter.Write(bundle, path, overwrite: false);
        return module.Run($"{command} -EvidencePath '{path}'");
    }

    [Fact]
    public void An_encrypted_and_protected_os_volume_needs_nothing()
    {
        var (output, errors) = Run(BitLockerBundles.AzureLocalNode(), "Enable-ALBitLocker -MountPoint C: -RecoveryKeyPath /tmp/keys");

        Assert.True(errors.Count == 0, string.Join(" | ", errors.Select(e => e.FullyQualifiedErrorId + ": " + e.Exception.Message)));
        var plan = (BitLockerPlan)Assert.Single(output).BaseObject;
        Assert.True(plan.IsEmpty);
    }

    [Fact]
    public void A_data_volume_not_encrypted_gets_a_backed_up_recovery_password_before_encryption()
    {
        var (output, errors) = Run(BitLockerBundles.DataVolumeNotEncrypted(), "Enable-ALBitLocker -VolumeType Data -RecoveryKeyPath /tmp/keys");

        Assert.Empty(errors);
        var plan = (BitLockerPlan)Assert.Single(output).BaseObject;
        var kinds = plan.Steps.Select(s => s.Kind).ToList();
        Assert.Contains(BitLockerStepKind.Encrypt, kinds);
        Assert.True(kinds.IndexOf(BitLockerStepKind.AddRecoveryPassword) < kinds.IndexOf(BitLockerStepKind.Encrypt));
        Assert.True(kinds.FindIndex(k => k.ToString().StartsWith("Backup", System.StringComparison.Ordinal)) < kinds.IndexOf(BitLockerStepKind.Encrypt));
    }

    [Fact]
    public void A_bundle_without_the_bitlocker_provider_is_refused_with_the_reason()
    {
        var (_, errors) = Run(BitLockerBundles.NoBitLockerProvider(), "Suspend-ALBitLocker -MountPoint C: -RebootCount 1");

        var error = Assert.Single(errors);
        Assert.StartsWith("BitLockerFactsUnavailable", error.FullyQualifiedErrorId, System.StringComparison.Ordinal);
    }
}
