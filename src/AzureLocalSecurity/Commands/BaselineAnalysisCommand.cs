using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using AzureLocalSecurity.Baseline;
using AzureLocalSecurity.Baseline.Analysis;
using AzureLocalSecurity.Baseline.Catalog;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// What the cmdlets that evaluate a baseline on a node share: which catalog (-Release, -Profile, -Path), which
/// rules (-Name, -Category, -Severity), and the node (live, -EvidencePath or -Evidence).
/// </summary>
public abstract class BaselineAnalysisCommand : EvidenceAnalysisCommand
{
    private readonly Dictionary<string, BaselineCatalog> _catalogs = new();

    /// <summary>The shipped release to evaluate (2310 ... 2610); the latest when omitted.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(BaselineReleaseCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Release { get; set; }

    /// <summary>DomainJoined or AdLess; when omitted, chosen from the node's domain membership.</summary>
    [Parameter]
    public BaselineProfile? Profile { get; set; }

    /// <summary>The baseline CSV file chosen instead of a shipped release (each cmdlet names its own parameter), or null.</summary>
    protected abstract string? CatalogFile { get; }

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
    protected override IReadOnlyCollection<FactRef>? LiveBaselineFacts
    {
        get
        {
            var rules = new[] { BaselineProfile.DomainJoined, BaselineProfile.AdLess }.SelectMany(p => CatalogFor(p).Rules);
            return BaselineFactMap.RequiredFacts(rules).ToList();
        }
    }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        if (Release is not null && CatalogFile is not null)
        {
            ThrowTerminatingError(new ErrorRecord(new PSArgumentException("Give a shipped -Release or a catalog file, not both."), "ReleaseAndPath", ErrorCategory.InvalidArgument, null));
        }
    }

    /// <summary>The catalog for a profile (each read once per invocation).</summary>
    protected BaselineCatalog CatalogFor(BaselineProfile profile)
    {
        var key = profile.ToString();
        if (!_catalogs.TryGetValue(key, out var catalog))
        {
            catalog = BaselineCatalogs.Resolve(this, Release, profile, CatalogFile, Profile is not null);
            _catalogs[key] = catalog;
        }

        return catalog;
    }

    /// <summary>Evaluates the chosen catalog on one node: the profile from -Profile or the node's membership.</summary>
    protected (BaselineCatalog Catalog, IReadOnlyList<BaselineRuleResult> Results) EvaluateBundle(EvidenceBundle bundle)
    {
        if (bundle is null)
        {
            throw new ArgumentNullException(nameof(bundle));
        }

        var profile = BaselineProfileChoice.For(bundle, Profile, out var membershipUnknown);
        if (membershipUnknown)
        {
            WriteWarning($"{bundle.NodeName}: domain membership is unknown; evaluating the domain-joined baseline. Use -Profile to choose.");
        }

        var catalog = CatalogFor(profile);
        var options = BaselineAnalyzer.OptionsFor(catalog);
        var rules = BaselineCatalogs.Filter(catalog.Rules, Name, Category, Severity).ToList();
        var reader = new BaselineFactReader(bundle, rules);
        var results = rules.Select(r => BaselineAnalyzer.Evaluate(r, reader, bundle.NodeName, options)).ToList();
        return (catalog, results);
    }
}
