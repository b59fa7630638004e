using System.Management.Automation;
using AzureLocalSecurity.Baseline;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Gets the rules of an Azure Local security baseline: a shipped release or any of Microsoft's baseline CSV files.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "ALSecurityBaseline", DefaultParameterSetName = ShippedSet)]
[OutputType(typeof(BaselineRule))]
public sealed class GetALSecurityBaselineCommand : PSCmdlet
{
    private const string ShippedSet = "Release";
    private const string PathSet = "Path";

    /// <summary>The shipped release (2310, 2402, 2405, 2408, 2411, 2506, 2604, 2610); the latest when omitted.</summary>
    [Parameter(Position = 0, ParameterSetName = ShippedSet)]
    [ArgumentCompleter(typeof(BaselineReleaseCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Release { get; set; }

    /// <summary>DomainJoined (the default) or AdLess: which of the release's two lists.</summary>
    [Parameter]
    public BaselineProfile Profile { get; set; } = BaselineProfile.DomainJoined;

    /// <summary>A baseline CSV file (any Azure Local release or an OSConfig list) instead of a shipped release.</summary>
    [Parameter(Mandatory = true, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>Only rules whose name matches one of these (wildcards).</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>Only rules in these categories (Registry, Security Policy, Security Options, Audit Policy, SecuredCore; wildcards).</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Category { get; set; }

    /// <summary>Only rules of these severities.</summary>
    [Parameter]
    [ValidateSet("Critical", "Important", "Warning", "Informational", IgnoreCase = true)]
    public string[]? Severity { get; set; }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var catalog = BaselineCatalogs.Resolve(this, Release, Profile, Path, MyInvocation.BoundParameters.ContainsKey(nameof(Profile)));
        foreach (var rule in BaselineCatalogs.Filter(catalog.Rules, Name, Category, Severity))
        {
            WriteObject(rule);
        }
    }
}
