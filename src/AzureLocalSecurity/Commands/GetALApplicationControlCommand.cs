using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using AzureLocalSecurity.AppControl.Live;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Gets the App Control for Business (WDAC) policies active on a node, each with its id, base, name, version, own mode (audit or enforced), signature, options and whether Microsoft provides it, and the node's mode as Windows reports it.</para>
/// </summary>
/// <remarks>
/// One object per policy reads best in a pipeline (Where-Object Mode -eq Audit, Group-Object NodeName, Format-Table across
/// nodes); each carries NodeName and NodeMode so it stands on its own. -Summary writes the node's state instead: its mode,
/// the policies as a collection, and what could not be read.
/// </remarks>
[Cmdlet(VerbsCommon.Get, "ALApplicationControl", DefaultParameterSetName = LiveSet)]
[OutputType(typeof(ActivePolicy), typeof(ApplicationControlState))]
public sealed class GetALApplicationControlCommand : EvidenceAnalysisCommand
{
    /// <summary>Writes one ApplicationControlState per node (mode, policies, unknowns) instead of the policies.</summary>
    [Parameter]
    public SwitchParameter Summary { get; set; }

    /// <inheritdoc />
    protected override IEnumerable<IEvidenceCollector> LiveCollectors =>
        AppControlCollectors.ForThisMachine().Concat(SecuredCoreCollectors.ForThisMachine());

    /// <inheritdoc />
    protected override void Analyze(EvidenceBundle bundle)
    {
        var state = AppControlAnalyzer.Read(bundle);
        if (Summary)
        {
            WriteObject(state);
            return;
        }

        if (!state.PoliciesKnown)
        {
            WriteError(new ErrorRecord(
                new InvalidOperationException($"{bundle.NodeName}: the active App Control policies are unknown. {string.Join(" ", state.Unknowns)}"),
                ErrorIds.AppControlFactsUnavailable,
                ErrorCategory.ReadError,
                bundle.NodeName));
            return;
        }

        foreach (var unknown in state.Unknowns)
        {
            WriteVerbose($"{bundle.NodeName}: {unknown}");
        }

        foreach (var policy in state.Policies)
        {
            foreach (var unknown in policy.Unknowns)
            {
                WriteVerbose($"{bundle.NodeName}: {policy.Name ?? policy.FileName}: {unknown}");
            }

            WriteObject(policy);
        }
    }
}
