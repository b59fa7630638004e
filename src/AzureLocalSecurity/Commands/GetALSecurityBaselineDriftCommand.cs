using System.IO;
using System.Linq;
using System.Management.Automation;
using AzureLocalSecurity.Baseline.Catalog;
using AzureLocalSecurity.Baseline.Drift;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Lists the baseline rules whose value or verdict changed since a snapshot: rule, before, after, and whether it is compliant now.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "ALSecurityBaselineDrift", DefaultParameterSetName = LiveSet)]
[OutputType(typeof(BaselineDriftItem))]
public sealed class GetALSecurityBaselineDriftCommand : BaselineAnalysisCommand
{
    private BaselineSnapshot? _snapshot;

    /// <summary>The snapshot file written by Save-ALSecurityBaselineSnapshot.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Snapshot { get; set; } = string.Empty;

    /// <summary>The baseline CSV file the snapshot was taken with, when it was not a shipped release.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? CatalogPath { get; set; }

    /// <inheritdoc />
    protected override string? CatalogFile => CatalogPath;

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        var path = GetUnresolvedProviderPathFromPSPath(Snapshot);
        try
        {
            _snapshot = BaselineSnapshot.Load(path);
        }
        catch (FileNotFoundException ex)
        {
            ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.PathNotFound, ErrorCategory.ObjectNotFound, Snapshot));
        }
        catch (InvalidDataException ex)
        {
            ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.SnapshotInvalid, ErrorCategory.InvalidData, Snapshot));
        }

        // Compare like with like: the snapshot's release and profile unless the caller chose otherwise.
        if (Release is null && CatalogPath is null && ShippedBaselines.Releases.Contains(_snapshot!.Release))
        {
            Release = _snapshot.Release;
        }

        Profile ??= _snapshot!.Profile;
        base.BeginProcessing();
    }

    /// <inheritdoc />
    protected override void Analyze(EvidenceBundle bundle)
    {
        var (_, results) = EvaluateBundle(bundle);
        if (!string.Equals(bundle.NodeName, _snapshot!.NodeName, System.StringComparison.OrdinalIgnoreCase))
        {
            WriteWarning($"The snapshot is of node '{_snapshot.NodeName}'; comparing it with '{bundle.NodeName}'.");
        }

        WriteEach(BaselineDriftDetector.Compare(_snapshot, results));
    }
}
