using System.Collections.Generic;
using System.Management.Automation;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Defender;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Results;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Checks Microsoft Defender Antivirus on a node: active, real-time protection, signature age, tamper protection, the baseline's Attack Surface Reduction rules, and exclusions that weaken protection.</para>
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "ALDefender", DefaultParameterSetName = LiveSet)]
[OutputType(typeof(SecurityCheckResult))]
public sealed class TestALDefenderCommand : EvidenceAnalysisCommand
{
    /// <summary>The oldest the antivirus security intelligence may be, in days (default 3).</summary>
    [Parameter]
    [ValidateRange(0, 3650)]
    public int SignatureMaxAgeDays { get; set; } = DefenderOptions.DefaultSignatureMaxAgeDays;

    /// <inheritdoc />
    protected override IEnumerable<IEvidenceCollector> LiveCollectors => SecuredCoreCollectors.ForThisMachine();

    /// <inheritdoc />
    protected override void Analyze(EvidenceBundle bundle) =>
        WriteEach(DefenderChecks.Evaluate(bundle, new DefenderOptions { SignatureMaxAgeDays = SignatureMaxAgeDays }));
}
