using System.Management.Automation;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Tpm.Analysis;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Gets what a node's TPM is: version, manufacturer, firmware, spec revision, PCR banks, lockout state, EK certificates and, on Windows, the Win32_Tpm and TBS facts.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "ALTpm", DefaultParameterSetName = LiveSet)]
[OutputType(typeof(TpmInfo))]
public sealed class GetALTpmCommand : TpmAnalysisCommand
{
    /// <inheritdoc />
    protected override TpmCollectionScope Scope => TpmCollectionScope.Identity;

    /// <inheritdoc />
    protected override void Analyze(EvidenceBundle bundle)
    {
        var info = TpmAnalyzer.Describe(bundle);
        foreach (var unknown in info.Unknowns)
        {
            WriteVerbose($"{bundle.NodeName}: {unknown}");
        }

        WriteObject(info);
    }
}
