using System.Management.Automation;
using AzureLocalSecurity.BitLocker;
using AzureLocalSecurity.BitLocker.Planning;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Suspends BitLocker protection on volumes (the key stays in the clear until resumed or for a number of restarts).</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Suspend, "ALBitLocker", DefaultParameterSetName = LiveSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(BitLockerChangeResult), typeof(BitLockerPlan))]
public sealed class SuspendALBitLockerCommand : BitLockerChangeCommand
{
    /// <summary>On the OS volume, how many restarts protection stays suspended (0: until Resume-ALBitLocker); 1 when omitted.</summary>
    [Parameter]
    [ValidateRange(0, 15)]
    public int? RebootCount { get; set; }

    /// <inheritdoc />
    protected override BitLockerPlan Plan(BitLockerVolume volume, EvidenceBundle bundle) =>
        BitLockerPlanner.PlanSuspend(volume, RebootCount is { } count ? (uint)count : null);
}
