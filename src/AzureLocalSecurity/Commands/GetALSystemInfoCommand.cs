using System.Management.Automation;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Platform;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Gets what a node is: operating system, Azure Local release, UEFI or BIOS, domain membership.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "ALSystemInfo", DefaultParameterSetName = LiveSet)]
[OutputType(typeof(SystemInfo))]
public sealed class GetALSystemInfoCommand : EvidenceAnalysisCommand
{
    /// <inheritdoc />
    protected override void Analyze(EvidenceBundle bundle) => WriteObject(SystemInfoAnalyzer.Analyze(bundle));
}
