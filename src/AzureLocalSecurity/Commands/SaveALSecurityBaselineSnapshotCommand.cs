using System.IO;
using System.Management.Automation;
using AzureLocalSecurity.Baseline.Drift;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Saves a node's baseline results (each rule's status and value) to a snapshot file, to detect drift later with Get-ALSecurityBaselineDrift.</para>
/// </summary>
[Cmdlet(VerbsData.Save, "ALSecurityBaselineSnapshot", DefaultParameterSetName = LiveSet, SupportsShouldProcess = true)]
[OutputType(typeof(FileInfo))]
public sealed class SaveALSecurityBaselineSnapshotCommand : BaselineAnalysisCommand
{
    private int _written;

    /// <summary>The snapshot file to write; for several nodes, an existing folder (one file per node is written into it).</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string SnapshotPath { get; set; } = string.Empty;

    /// <summary>A baseline CSV file to evaluate instead of a shipped release.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? CatalogPath { get; set; }

    /// <summary>Replaces an existing snapshot file.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Writes the snapshot file's FileInfo.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override string? CatalogFile => CatalogPath;

    /// <inheritdoc />
    protected override void Analyze(EvidenceBundle bundle)
    {
        var (catalog, results) = EvaluateBundle(bundle);
        var target = GetUnresolvedProviderPathFromPSPath(SnapshotPath);
        if (Directory.Exists(target))
        {
            target = System.IO.Path.Combine(target, bundle.NodeName + ".baseline-snapshot.json");
        }
        else if (_written > 0)
        {
            WriteError(new ErrorRecord(new IOException($"'{SnapshotPath}' is a file and already holds the snapshot of another node; give a folder for several nodes."), "SnapshotPathNotFolder", ErrorCategory.InvalidArgument, bundle.NodeName));
            return;
        }

        if (File.Exists(target) && !Force)
        {
            WriteError(new ErrorRecord(new IOException($"The snapshot '{target}' exists; use -Force to replace it."), ErrorIds.SnapshotExists, ErrorCategory.ResourceExists, target));
            return;
        }

        if (!ShouldProcess(target, $"Save the baseline snapshot of {bundle.NodeName} ({results.Count} rules, release {catalog.Release})"))
        {
            return;
        }

        var snapshot = BaselineSnapshot.FromResults(bundle.NodeName, bundle.CapturedAt, catalog.Release, catalog.Profile, catalog.SourceName, results);
        try
        {
            snapshot.Save(target, Force);
            _written++;
        }
        catch (IOException ex)
        {
            WriteError(new ErrorRecord(ex, ErrorIds.SnapshotWriteFailed, ErrorCategory.WriteError, target));
            return;
        }

        if (PassThru)
        {
            WriteObject(new FileInfo(target));
        }
    }
}
