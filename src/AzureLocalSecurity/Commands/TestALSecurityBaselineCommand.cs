using System.Management.Automation;
using AzureLocalSecurity.Baseline.Analysis;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Audits every setting of the Azure Local security baseline on a node: one result per rule with expected, actual, source and owner.</para>
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "ALSecurityBaseline", DefaultParameterSetName = LiveSet)]
[OutputType(typeof(BaselineRuleResult), typeof(BaselineSummary))]
public sealed class TestALSecurityBaselineCommand : BaselineAnalysisCommand
{
    /// <summary>A baseline CSV file (any Azure Local release or an OSConfig list) to evaluate instead of a shipped release.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>Writes one summary per node (counts by status and severity, compliance percentage) instead of the results.</summary>
    [Parameter]
    public SwitchParameter Summary { get; set; }

    /// <inheritdoc />
    protected override string? CatalogFile => Path;

    /// <inheritdoc />
    protected override void Analyze(EvidenceBundle bundle)
    {
        var (catalog, results) = EvaluateBundle(bundle);
        if (Summary)
        {
            WriteObject(new BaselineSummary(bundle.NodeName, catalog.Release, catalog.Profile, results, BaselineAnalyzer.DriftControlEnabled(bundle)));
            return;
        }

        WriteEach(results);
    }
}
