using System.Management.Automation;
using AzureLocalSecurity.AppControl.Changes;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Deploys compiled App Control supplemental policies (.cip) to a node with CiTool, after checking that each one's base policy is active and allows supplemental policies, and saving the version it replaces.</para>
/// </summary>
[Cmdlet(VerbsCommon.Add, "ALApplicationControlSupplementalPolicy", DefaultParameterSetName = LiveSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(AppControlChangeResult), typeof(AppControlPlan))]
public sealed class AddALApplicationControlSupplementalPolicyCommand : AppControlChangeCommand
{
    /// <summary>The compiled supplemental policy files; FullName is accepted from the pipeline. Wildcards are expanded.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    /// <inheritdoc />
    protected override void ProcessInput()
    {
        foreach (var given in Path)
        {
            foreach (var path in EvidencePaths.Resolve(this, given, literal: false))
            {
                if (ReadPolicyFile(path) is not { } policy)
                {
                    continue;
                }

                foreach (var bundle in Nodes())
                {
                    Carry(AppControlPlanner.PlanAddSupplemental(ReadState(bundle), AppControlPlanner.PolicyFiles(bundle), policy.Bytes, policy.Facts, Options(bundle)));
                }
            }
        }
    }
}
