using System.Management.Automation;
using AzureLocalSecurity.Baseline;
using AzureLocalSecurity.Baseline.Catalog;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Lists the rules added, removed and changed (expected value, severity) between two baseline releases or files.</para>
/// </summary>
[Cmdlet(VerbsData.Compare, "ALSecurityBaseline", DefaultParameterSetName = ReleaseSet)]
[OutputType(typeof(BaselineRuleChange))]
public sealed class CompareALSecurityBaselineCommand : PSCmdlet
{
    private const string ReleaseSet = "Release";
    private const string PathSet = "Path";

    /// <summary>The older shipped release.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ReleaseSet)]
    [ArgumentCompleter(typeof(BaselineReleaseCompleter))]
    [ValidateNotNullOrEmpty]
    public string ReferenceRelease { get; set; } = string.Empty;

    /// <summary>The newer shipped release; the latest when omitted.</summary>
    [Parameter(Position = 1, ParameterSetName = ReleaseSet)]
    [ArgumentCompleter(typeof(BaselineReleaseCompleter))]
    [ValidateNotNullOrEmpty]
    public string? DifferenceRelease { get; set; }

    /// <summary>The older baseline CSV file.</summary>
    [Parameter(Mandatory = true, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string ReferencePath { get; set; } = string.Empty;

    /// <summary>The newer baseline CSV file.</summary>
    [Parameter(Mandatory = true, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string DifferencePath { get; set; } = string.Empty;

    /// <summary>DomainJoined (the default) or AdLess: which list of each release.</summary>
    [Parameter]
    public BaselineProfile Profile { get; set; } = BaselineProfile.DomainJoined;

    /// <summary>Only these kinds of change.</summary>
    [Parameter]
    public BaselineChangeKind[]? Change { get; set; }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var given = MyInvocation.BoundParameters.ContainsKey(nameof(Profile));
        var paths = ParameterSetName == PathSet;
        var reference = BaselineCatalogs.Resolve(this, paths ? null : ReferenceRelease, Profile, paths ? ReferencePath : null, given);
        var difference = BaselineCatalogs.Resolve(this, paths ? null : DifferenceRelease, Profile, paths ? DifferencePath : null, given);
        foreach (var change in BaselineComparer.Compare(reference, difference))
        {
            if (Change is null || Change.Length == 0 || System.Array.IndexOf(Change, change.Change) >= 0)
            {
                WriteObject(change);
            }
        }
    }
}
