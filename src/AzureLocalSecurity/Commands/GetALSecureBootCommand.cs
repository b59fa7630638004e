using System.Management.Automation;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.SecureBoot.Analysis;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Gets whether a node boots with Secure Boot: UEFI or BIOS, SecureBoot, SetupMode, AuditMode and DeployedMode, and whether a platform key is enrolled.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "ALSecureBoot", DefaultParameterSetName = LiveSet)]
[OutputType(typeof(SecureBootState))]
public sealed class GetALSecureBootCommand : SecureBootAnalysisCommand
{
    /// <inheritdoc />
    protected override void Analyze(EvidenceBundle bundle)
    {
        var state = SecureBootAnalyzer.Describe(bundle);
        foreach (var unknown in state.Unknowns)
        {
            WriteVerbose($"{bundle.NodeName}: {unknown}");
        }

        WriteObject(state);
    }
}
