using System;
using AzureLocalSecurity.Baseline.Catalog;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Baseline.Analysis;

/// <summary>
/// Which baseline a node is judged against when the caller does not say: the AD-less list for a node the evidence shows is
/// not joined to a domain, the domain-joined list otherwise (also when membership is unknown, which the caller should say).
/// Test-ALSecurityBaseline and the posture assessment make the same choice through here.
/// </summary>
public static class BaselineProfileChoice
{
    /// <summary>
    /// The profile for <paramref name="bundle"/>: <paramref name="requested"/> when given, else from the node's domain
    /// membership. <paramref name="membershipUnknown"/> is true when the choice fell to DomainJoined because membership could
    /// not be read.
    /// </summary>
    public static BaselineProfile For(EvidenceBundle bundle, BaselineProfile? requested, out bool membershipUnknown)
    {
        if (bundle is null)
        {
            throw new ArgumentNullException(nameof(bundle));
        }

        if (requested is { } given)
        {
            membershipUnknown = false;
            return given;
        }

        var joined = new BaselineFactReader(bundle).IsDomainJoined;
        membershipUnknown = joined is null;
        return joined == false ? BaselineProfile.AdLess : BaselineProfile.DomainJoined;
    }

    /// <summary>
    /// The shipped catalog of <paramref name="release"/> (null: the latest) for the profile <see cref="For"/> chooses.
    /// </summary>
    /// <exception cref="ArgumentException">The release is not shipped.</exception>
    public static BaselineCatalog ShippedCatalogFor(EvidenceBundle bundle, string? release, BaselineProfile? requested, out bool membershipUnknown) =>
        ShippedBaselines.Get(release, For(bundle, requested, out membershipUnknown));
}
