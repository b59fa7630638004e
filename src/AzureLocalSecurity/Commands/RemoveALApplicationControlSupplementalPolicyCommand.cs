using System;
using System.Management.Automation;
using AzureLocalSecurity.AppControl.Changes;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Removes App Control supplemental policies from a node with CiTool, after saving each one's file for the undo; base policies and Microsoft's are refused.</para>
/// </summary>
[Cmdlet(VerbsCommon.Remove, "ALApplicationControlSupplementalPolicy", DefaultParameterSetName = LiveSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(AppControlChangeResult), typeof(AppControlPlan))]
public sealed class RemoveALApplicationControlSupplementalPolicyCommand : AppControlChangeCommand
{
    /// <summary>The supplemental policies' ids; PolicyId is accepted from the pipeline (Get-ALApplicationControl's objects).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public Guid[] PolicyId { get; set; } = [];

    /// <inheritdoc />
    protected override void ProcessInput()
    {
        foreach (var id in PolicyId)
        {
            foreach (var bundle in Nodes())
            {
                Carry(AppControlPlanner.PlanRemoveSupplemental(ReadState(bundle), AppControlPlanner.PolicyFiles(bundle), id, Options(bundle)));
            }
        }
    }
}
