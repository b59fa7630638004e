using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using AzureLocalSecurity.Baseline;
using AzureLocalSecurity.Baseline.Catalog;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.SecuredCore.Features;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// What the security-feature cmdlets share: the node (live, -EvidencePath or -Evidence), the baseline catalog the features' settings
/// are taken from (-Release, -Profile), and what a live capture of them reads.
/// </summary>
public abstract class SecurityFeatureCommand : EvidenceAnalysisCommand
{
    private readonly Dictionary<BaselineProfile, BaselineCatalog> _catalogs = [];

    /// <summary>The shipped baseline release the node runs (2310 ... 2610), whose settings define the features; the latest when omitted.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(BaselineReleaseCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Release { get; set; }

    /// <summary>DomainJoined or AdLess; when omitted, chosen from the node's domain membership.</summary>
    [Parameter]
    public BaselineProfile? Profile { get; set; }

    /// <inheritdoc />
    protected override IReadOnlyCollection<FactRef>? LiveBaselineFacts
    {
        get
        {
            var facts = new[] { BaselineProfile.DomainJoined, BaselineProfile.AdLess }.SelectMany(p => SecurityFeatureCatalog.RegistryFacts(CatalogFor(p))).ToList();

            // A Secured-core status makes the baseline collector read the kernel's isolated user mode and code integrity facts,
            // which tell whether VBS and HVCI run where Win32_DeviceGuard was not captured.
            facts.Add(new FactRef(FactSource.SecuredCoreStatus, string.Empty, BaselineFactNames.VbsStatus));
            return facts.Distinct().ToList();
        }
    }

    /// <inheritdoc />
    protected override IEnumerable<IEvidenceCollector> LiveCollectors => SecuredCoreCollectors.ForThisMachine();

    /// <summary>The feature a -Name value stands for.</summary>
    internal static SecurityFeature Parse(string name) =>
        Enum.TryParse<SecurityFeature>(name, ignoreCase: true, out var feature) ? feature : throw new PSArgumentException($"'{name}' is not a security feature.", nameof(name));

    /// <summary>The catalog of the node: -Profile, or the profile its domain membership implies (domain-joined, with a warning, when unknown).</summary>
    protected BaselineCatalog CatalogFor(EvidenceBundle bundle)
    {
        if (bundle is null)
        {
            throw new ArgumentNullException(nameof(bundle));
        }

        var joined = new BaselineFactReader(bundle).IsDomainJoined;
        if (Profile is null && joined is null)
        {
            WriteWarning($"{bundle.NodeName}: domain membership is unknown; the features are taken from the domain-joined baseline. Use -Profile to choose.");
        }

        return CatalogFor(Profile ?? (joined == false ? BaselineProfile.AdLess : BaselineProfile.DomainJoined));
    }

    private BaselineCatalog CatalogFor(BaselineProfile profile)
    {
        if (!_catalogs.TryGetValue(profile, out var catalog))
        {
            catalog = BaselineCatalogs.Resolve(this, Release, profile, null, Profile is not null);
            _catalogs[profile] = catalog;
        }

        return catalog;
    }
}
