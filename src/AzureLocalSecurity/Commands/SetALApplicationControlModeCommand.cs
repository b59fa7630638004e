using System.Management.Automation;
using AzureLocalSecurity.AppControl.Changes;
using AzureLocalSecurity.AppControl.Live;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Switches an App Control base policy between audit and enforced mode on a node, after saving its current file for the undo; refuses to enforce while the audit events show files it would block. -RollbackPath deploys a saved copy again.</para>
/// </summary>
[Cmdlet(VerbsCommon.Set, "ALApplicationControlMode", DefaultParameterSetName = LiveSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(AppControlChangeResult), typeof(AppControlPlan))]
public sealed class SetALApplicationControlModeCommand : AppControlChangeCommand
{
    /// <summary>The parameter set that deploys a saved copy (the undo).</summary>
    private const string RollbackSet = "Rollback";

    /// <summary>The mode: Audit or Enforced.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = LiveSet)]
    [Parameter(Mandatory = true, ParameterSetName = PathSet)]
    [Parameter(Mandatory = true, ParameterSetName = EvidenceSet)]
    [ValidateSet("Audit", "Enforced", IgnoreCase = true)]
    public AppControlMode Mode { get; set; }

    /// <summary>The base policy to switch; by default Azure Local's base policy, else the only active base policy Microsoft does not provide.</summary>
    [Parameter]
    public System.Guid? PolicyId { get; set; }

    /// <summary>How many days of audit events are taken as what enforcing would block (7 by default).</summary>
    [Parameter(ParameterSetName = LiveSet)]
    [Parameter(ParameterSetName = PathSet)]
    [Parameter(ParameterSetName = EvidenceSet)]
    [ValidateRange(1, 3650)]
    public int LookbackDays { get; set; } = AppControlModeOptions.DefaultLookbackDays;

    /// <summary>A rollback copy a change saved, to deploy again over the active policy of the same id (the undo).</summary>
    [Parameter(Mandatory = true, ParameterSetName = RollbackSet)]
    [ValidateNotNullOrEmpty]
    public string? RollbackPath { get; set; }

    /// <inheritdoc />
    protected override int LiveEventDays => LookbackDays;

    /// <inheritdoc />
    protected override void ProcessInput()
    {
        if (ParameterSetName == RollbackSet)
        {
            var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(RollbackPath);
            if (ReadPolicyFile(path) is not { } saved)
            {
                return;
            }

            foreach (var bundle in Nodes())
            {
                Carry(AppControlPlanner.PlanRestore(ReadState(bundle), AppControlPlanner.PolicyFiles(bundle), saved.Bytes, saved.Facts, PolicyId, Options(bundle)));
            }

            return;
        }

        foreach (var bundle in Nodes())
        {
            var events = AppControlAnalyzer.ReadEvents(bundle);
            var options = Options(bundle, events.CapturedAt);
            options.LookbackDays = LookbackDays;
            Carry(AppControlPlanner.PlanSetMode(ReadState(bundle), events, AppControlPlanner.PolicyFiles(bundle), PolicyId, Mode, options));
        }
    }
}
