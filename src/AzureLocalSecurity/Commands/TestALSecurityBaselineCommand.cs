using System.IO;
using System.Linq;
using System.Management.Automation;
using AzureLocalSecurity.Baseline;
using AzureLocalSecurity.Baseline.Analysis;
using AzureLocalSecurity.Baseline.Gpo;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Audits every setting of the Azure Local security baseline on a node: one result per rule with expected, actual, source and owner.</para>
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "ALSecurityBaseline", DefaultParameterSetName = LiveSet)]
[OutputType(typeof(BaselineRuleResult), typeof(BaselineSummary), ParameterSetName = new[] { LiveSet, PathSet, EvidenceSet })]
[OutputType(typeof(GpoRuleResult), typeof(GpoBaselineSummary), ParameterSetName = new[] { GpoSet })]
public sealed class TestALSecurityBaselineCommand : BaselineAnalysisCommand
{
    private const string GpoSet = "Gpo";

    /// <summary>
    /// GPO backups (Backup-GPO folders, a folder of them, or a folder holding registry.pol, GptTmpl.inf and audit.csv) to
    /// judge instead of a node: would each GPO satisfy, contradict or leave alone each rule? The profile is DomainJoined unless
    /// -Profile says otherwise.
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = GpoSet)]
    [ValidateNotNullOrEmpty]
    public string[] GpoBackupPath { get; set; } = [];

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
    protected override void ProcessRecord()
    {
        if (ParameterSetName != GpoSet)
        {
            base.ProcessRecord();
            return;
        }

        foreach (var path in GpoBackupPath)
        {
            var folder = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
            try
            {
                foreach (var gpo in GpoBackup.Load(folder))
                {
                    AnalyzeGpo(gpo);
                }
            }
            catch (DirectoryNotFoundException ex)
            {
                WriteError(new ErrorRecord(ex, ErrorIds.GpoBackupNotFound, ErrorCategory.ObjectNotFound, path));
            }
            catch (GpoBackupException ex)
            {
                WriteError(new ErrorRecord(ex, ErrorIds.GpoBackupInvalid, ErrorCategory.InvalidData, ex.Path));
            }
        }
    }

    private void AnalyzeGpo(GpoBackup gpo)
    {
        WriteVerbose($"GPO '{gpo.DisplayName}' ({gpo.Path}): {string.Join(", ", gpo.Files)}.");
        var catalog = CatalogFor(Profile ?? BaselineProfile.DomainJoined);
        var rules = BaselineCatalogs.Filter(catalog.Rules, Name, Category, Severity).ToList();
        var results = GpoBaselineAnalyzer.Analyze(rules, gpo, BaselineAnalyzer.OptionsFor(catalog));
        var conflicts = results.Where(r => r.Verdict == GpoBaselineVerdict.Contradicts).Select(r => r.RuleName).ToList();
        if (conflicts.Count > 0)
        {
            WriteWarning($"GPO '{gpo.DisplayName}' contradicts {conflicts.Count} rule(s) of the {catalog.Release} baseline; Group Policy and the baseline's drift control would fight over: {string.Join(", ", conflicts.Take(10))}{(conflicts.Count > 10 ? ", ..." : string.Empty)}");
        }

        if (Summary)
        {
            WriteObject(new GpoBaselineSummary(gpo, catalog.Release, catalog.Profile, results));
            return;
        }

        WriteEach(results);
    }

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
