using System.Collections.Generic;
using System.Management.Automation;
using AzureLocalSecurity.BitLocker;
using AzureLocalSecurity.BitLocker.Planning;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Turns BitLocker on for volumes: a recovery password backed up and verified before any protector is enabled or encryption starts.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Enable, "ALBitLocker", DefaultParameterSetName = LiveSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(BitLockerChangeResult), typeof(BitLockerPlan))]
public sealed class EnableALBitLockerCommand : BitLockerChangeCommand
{
    /// <summary>The encryption method; XtsAes256 by default.</summary>
    [Parameter]
    [ValidateSet("XtsAes256", "XtsAes128", "Aes256", "Aes128", IgnoreCase = true)]
    public BitLockerEncryptionMethod EncryptionMethod { get; set; } = BitLockerEncryptionMethod.XtsAes256;

    /// <summary>Encrypts used space only.</summary>
    [Parameter]
    public SwitchParameter UsedSpaceOnly { get; set; }

    /// <summary>The folder the recovery password backup file is written to.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? RecoveryKeyPath { get; set; }

    /// <summary>Backs the recovery password up to AD DS.</summary>
    [Parameter]
    public SwitchParameter BackupToActiveDirectory { get; set; }

    /// <summary>The cluster name object's account (<c>DOMAIN\ClusterName$</c>) for the SID protector.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ClusterNameAccount { get; set; }

    /// <summary>Proceeds without a backup destination.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Follows the conversion with a progress bar until it completes or stops moving.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <inheritdoc />
    protected override bool WaitForConversion => Wait;

    /// <inheritdoc />
    /// <remarks>The platform TPM's identity facts (Win32_Tpm IsReady on Windows): the OS volume's TPM protector needs a ready TPM.</remarks>
    protected override IEnumerable<IEvidenceCollector> LiveCollectors => [.. base.LiveCollectors, AzureLocalSecurity.TpmEndpoint.Collector(null, TpmCollectionScope.Identity)];

    /// <inheritdoc />
    protected override BitLockerPlan Plan(BitLockerVolume volume, EvidenceBundle bundle) => BitLockerPlanner.PlanEnable(volume, new BitLockerEnableOptions
    {
        EncryptionMethod = EncryptionMethod,
        UsedSpaceOnly = UsedSpaceOnly,
        RecoveryKeyPath = RecoveryKeyPath is null ? null : GetUnresolvedProviderPathFromPSPath(RecoveryKeyPath),
        BackupToActiveDirectory = BackupToActiveDirectory,
        ClusterNameAccount = ClusterNameAccount,
        Force = Force,
        TpmReady = ReadTpmReady(bundle),
    });
}
