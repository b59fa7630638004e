using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Runtime.InteropServices;
using AzureLocalSecurity.Baseline.Analysis;
using AzureLocalSecurity.Baseline.Repair;
using AzureLocalSecurity.Collection.Windows;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Brings non-compliant baseline settings back to the baseline, writing an undo record before the first change.</para>
/// </summary>
[Cmdlet(VerbsDiagnostic.Repair, "ALSecurityBaseline", DefaultParameterSetName = LiveSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(BaselineChangeOutcome), typeof(BaselineRepairAction))]
public sealed class RepairALSecurityBaselineCommand : BaselineAnalysisCommand
{
    /// <summary>A baseline CSV file to repair against instead of a shipped release.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>Where to write the undo record; by default a new file under LocalApplicationData\AzureLocalSecurity\Undo.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? UndoPath { get; set; }

    /// <summary>Also changes settings that Group Policy, MDM or OSConfig manage (they may be set back at the next refresh).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override string? CatalogFile => Path;

    /// <inheritdoc />
    protected override void Analyze(EvidenceBundle bundle)
    {
        var (_, results) = EvaluateBundle(bundle);
        var plan = BaselineRepairPlanner.Plan(results, includeManaged: Force);
        foreach (var skip in plan.Skipped)
        {
            WriteWarning($"{bundle.NodeName}: {skip.RuleName} is not repaired: {skip.Reason}");
        }

        foreach (var action in plan.Actions.Where(a => a.Owner is not null))
        {
            WriteWarning($"{bundle.NodeName}: {action.RuleName} is managed by {action.Owner}; the local change may be set back at its next refresh.");
        }

        if (BaselineAnalyzer.DriftControlEnabled(bundle) == true)
        {
            WriteVerbose("Azure Local drift control is on; it re-applies its own baseline every 90 minutes. This repair does not change drift control.");
        }

        if (ParameterSetName != LiveSet)
        {
            // A captured node cannot be changed: plan only, so the changes can be reviewed before running on the node.
            WriteEach(plan.Actions);
            return;
        }

        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            ThrowTerminatingError(new ErrorRecord(new PlatformNotSupportedException("Repair-ALSecurityBaseline changes a Windows node; run it on the node (for example through Invoke-Command). Use -EvidencePath to see the plan for a captured node."), ErrorIds.RepairNeedsWindows, ErrorCategory.NotImplemented, bundle.NodeName));
        }

        var confirmed = plan.Actions.Where(a => ShouldProcess($"{bundle.NodeName}: {a.Fact}", $"Set for rule {a.RuleName}: {a.Description}{(a.RebootRequired ? " (takes effect after a restart)" : string.Empty)}")).ToList();
        if (confirmed.Count == 0)
        {
            return;
        }

        var undoPath = UndoPath is null ? DefaultUndoPath(bundle.NodeName) : GetUnresolvedProviderPathFromPSPath(UndoPath);
        var store = new WindowsBaselineStateStore();
        try
        {
            var outcomes = BaselineRepairExecutor.Apply(bundle.NodeName, confirmed, store, ModuleInfo.Version, DateTimeOffset.UtcNow, undo =>
            {
                undo.Save(undoPath);
                WriteVerbose($"Undo record written to '{undoPath}'. Restore with: Undo-ALSecurityBaselineRepair -Path '{undoPath}'");
            });
            foreach (var outcome in outcomes)
            {
                if (outcome.Result == BaselineChangeResult.Failed)
                {
                    WriteError(new ErrorRecord(new InvalidOperationException($"{outcome.RuleName}: {outcome.Message}"), ErrorIds.RepairFailed, ErrorCategory.WriteError, outcome.Fact));
                }

                WriteObject(outcome);
            }

            if (outcomes.Any(o => o.RebootRequired && o.Result == BaselineChangeResult.Changed))
            {
                WriteWarning($"{bundle.NodeName}: some changes take effect only after a restart.");
            }
        }
        catch (Exception ex) when (ex is BaselineUndoFileException or IOException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.UndoWriteFailed, ErrorCategory.WriteError, undoPath));
        }
    }

    private static string DefaultUndoPath(string node) =>
        System.IO.Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "AzureLocalSecurity", "Undo",
            string.Format(CultureInfo.InvariantCulture, "baseline-{0}-{1:yyyyMMddTHHmmssfffZ}.json", node, DateTime.UtcNow));
}
