using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Results;
using AzureLocalSecurity.SecuredCore;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Proves whether a node is Secured-core: TPM 2.0, UEFI Secure Boot, VBS, HVCI, Credential Guard, System Guard Secure Launch, SMM protection and Kernel DMA protection, each with expected, actual, source and remediation.</para>
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "ALSecuredCore", DefaultParameterSetName = LiveSet)]
[OutputType(typeof(SecuredCoreSummary), typeof(SecurityCheckResult))]
public sealed class TestALSecuredCoreCommand : TpmAnalysisCommand
{
    /// <summary>Writes one result per requirement instead of the summary.</summary>
    [Parameter]
    public SwitchParameter Detailed { get; set; }

    /// <inheritdoc />
    protected override TpmCollectionScope Scope => TpmCollectionScope.Identity;

    /// <inheritdoc />
    protected override IEnumerable<IEvidenceCollector> LiveCollectors =>
        base.LiveCollectors.Concat(SecureBootCollectors.ForThisMachine()).Concat(SecuredCoreCollectors.ForThisMachine());

    /// <inheritdoc />
    protected override void Analyze(EvidenceBundle bundle)
    {
        var summary = SecuredCoreAnalyzer.Evaluate(bundle);
        if (Detailed)
        {
            WriteEach(summary.Results);
            return;
        }

        WriteObject(summary);
    }
}
