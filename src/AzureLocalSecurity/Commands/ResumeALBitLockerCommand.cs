using System.Management.Automation;
using AzureLocalSecurity.BitLocker;
using AzureLocalSecurity.BitLocker.Planning;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Resumes BitLocker protection on volumes where it was suspended.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Resume, "ALBitLocker", DefaultParameterSetName = LiveSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(BitLockerChangeResult), typeof(BitLockerPlan))]
public sealed class ResumeALBitLockerCommand : BitLockerChangeCommand
{
    /// <inheritdoc />
    protected override BitLockerPlan Plan(BitLockerVolume volume, EvidenceBundle bundle) => BitLockerPlanner.PlanResume(volume);
}
