using System.Management.Automation;
using AzureLocalSecurity.BitLocker;
using AzureLocalSecurity.BitLocker.Planning;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Turns BitLocker off for volumes: decrypts them (clearing auto-unlock keys first on the OS volume).</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Disable, "ALBitLocker", DefaultParameterSetName = LiveSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(BitLockerChangeResult), typeof(BitLockerPlan))]
public sealed class DisableALBitLockerCommand : BitLockerChangeCommand
{
    /// <summary>Follows the decryption with a progress bar until it completes or stops moving.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <inheritdoc />
    protected override bool WaitForConversion => Wait;

    /// <inheritdoc />
    protected override BitLockerPlan Plan(BitLockerVolume volume, EvidenceBundle bundle) => BitLockerPlanner.PlanDisable(volume);
}
