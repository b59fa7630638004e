using System.Management.Automation;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Platform;
using AzureLocalSecurity.Results;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Checks the platform prerequisites every security feature stands on: UEFI boot and a supported Azure Local OS.</para>
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "ALPlatform", DefaultParameterSetName = LiveSet)]
[OutputType(typeof(SecurityCheckResult))]
public sealed class TestALPlatformCommand : EvidenceAnalysisCommand
{
    /// <inheritdoc />
    protected override void Analyze(EvidenceBundle bundle) => WriteEach(PlatformChecks.Evaluate(bundle));
}
