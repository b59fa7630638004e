using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.AppControl.Live;
using AzureLocalSecurity.Baseline.Analysis;
using AzureLocalSecurity.BitLocker;
using AzureLocalSecurity.Cryptography;
using AzureLocalSecurity.Defender;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Identity;
using AzureLocalSecurity.Platform;
using AzureLocalSecurity.Results;
using AzureLocalSecurity.SecureBoot.Rollover;
using AzureLocalSecurity.SecuredCore;
using AzureLocalSecurity.SecurityLogging;
using AzureLocalSecurity.Tpm.Analysis;

namespace AzureLocalSecurity.Posture;

/// <summary>
/// A node's whole security posture from one evidence bundle: every area's <see cref="SecurityCheckResult"/>s (the baseline
/// through <see cref="BaselineRuleResult.ToCheckResult"/>, Secured-core, the Secure Boot rollover, BitLocker, App Control,
/// the TPM, the platform, privileged access, security logging, cryptography, Microsoft Defender and the identity finding), each tagged with the bundle's node name. Pure: the same bundle and options give the same results.
/// An area whose analyzer fails is one Error result (id <c>ALSEC-POSTURE-&lt;AREA&gt;</c>), so the other areas still count.
/// </summary>
public static class PostureAnalyzer
{
    /// <summary>Every area, in the order results are returned.</summary>
    public static IReadOnlyList<PostureArea> AllAreas { get; } =
        [PostureArea.Baseline, PostureArea.SecuredCore, PostureArea.SecureBoot, PostureArea.BitLocker, PostureArea.AppControl, PostureArea.Tpm, PostureArea.Platform, PostureArea.PrivilegedAccess, PostureArea.SecurityLogging, PostureArea.Cryptography, PostureArea.Defender, PostureArea.Identity];

    /// <summary>The results of every area <paramref name="options"/> includes (all by default), area by area in <see cref="AllAreas"/> order.</summary>
    /// <exception cref="ArgumentException">The options name a baseline release that is not shipped.</exception>
    public static IReadOnlyList<SecurityCheckResult> Analyze(EvidenceBundle bundle, PostureOptions? options = null)
    {
        if (bundle is null)
        {
            throw new ArgumentNullException(nameof(bundle));
        }

        options ??= new PostureOptions();
        var results = new List<SecurityCheckResult>();
        foreach (var area in AllAreas)
        {
            if (!options.Includes(area))
            {
                continue;
            }

            IReadOnlyList<SecurityCheckResult> areaResults;
            try
            {
                areaResults = Evaluate(area, bundle, options);
            }
            catch (ArgumentException) when (area is PostureArea.Baseline or PostureArea.Defender && options.BaselineRelease is not null)
            {
                // A release that is not shipped is the caller's mistake, not a defect of the analysis.
                throw;
            }
#pragma warning disable CA1031 // One area's defect must not lose the others: it is reported as that area's Error result.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                areaResults = [AreaFailed(area, bundle.NodeName, ex)];
            }

            foreach (var result in areaResults)
            {
                if (options.Framework is { } framework && !result.IsMappedTo(framework))
                {
                    continue;
                }

                results.Add(string.Equals(result.NodeName, bundle.NodeName, StringComparison.Ordinal) ? result : Retag(result, bundle.NodeName));
            }
        }

        return results;
    }

    /// <summary>
    /// Assesses the bundles at <paramref name="paths"/> one at a time: each path is expanded with
    /// <see cref="EvidenceBundleLocator.Expand"/> (a folder of bundles gives each of its bundles), each bundle is read,
    /// assessed and let go before the next is read, so memory holds one bundle at a time however many there are. A bundle
    /// that cannot be read gives an assessment with its <see cref="PostureAssessment.Error"/>; the others go on.
    /// </summary>
    /// <param name="paths">Bundle paths: zip files, bundle folders, or folders of bundles.</param>
    /// <param name="options">What to assess; null: everything.</param>
    /// <param name="read">How a bundle is read (default <see cref="EvidenceBundleReader.Read(string)"/>).</param>
    public static IEnumerable<PostureAssessment> AnalyzeEach(IEnumerable<string> paths, PostureOptions? options = null, Func<string, EvidenceBundle>? read = null)
    {
        if (paths is null)
        {
            throw new ArgumentNullException(nameof(paths));
        }

        return Iterate(paths, options, read ?? EvidenceBundleReader.Read);
    }

    private static IEnumerable<PostureAssessment> Iterate(IEnumerable<string> paths, PostureOptions? options, Func<string, EvidenceBundle> read)
    {
        foreach (var path in paths)
        {
            foreach (var bundlePath in EvidenceBundleLocator.Expand(path))
            {
                yield return AnalyzeOne(bundlePath, options, read);
            }
        }
    }

    private static PostureAssessment AnalyzeOne(string path, PostureOptions? options, Func<string, EvidenceBundle> read)
    {
        EvidenceBundle bundle;
        try
        {
            bundle = read(path);
        }
        catch (EvidenceFormatException ex)
        {
            return new PostureAssessment(path, null, [], ex);
        }

        return new PostureAssessment(path, bundle.NodeName, Analyze(bundle, options), null);
    }

    private static IReadOnlyList<SecurityCheckResult> Evaluate(PostureArea area, EvidenceBundle bundle, PostureOptions options) => area switch
    {
        PostureArea.Baseline => Baseline(bundle, options),
        PostureArea.SecuredCore => SecuredCoreAnalyzer.Evaluate(bundle).Results,
        PostureArea.SecureBoot => SecureBootCertificateAnalyzer.Evaluate(bundle, options.AsOf ?? DateTime.UtcNow).Results,
        PostureArea.BitLocker => BitLockerChecks.Evaluate(bundle),
        PostureArea.AppControl => AppControlChecks.Evaluate(bundle),
        PostureArea.Tpm => TpmChecks.Evaluate(bundle),
        PostureArea.Platform => PlatformChecks.Evaluate(bundle),
        PostureArea.PrivilegedAccess => PrivilegedAccess.PrivilegedAccessChecks.Evaluate(bundle, options.AllowedAdministrators),
        PostureArea.SecurityLogging => SecurityLoggingChecks.Evaluate(bundle),
        PostureArea.Cryptography => CryptographyChecks.Evaluate(bundle),
        PostureArea.Defender => DefenderChecks.Evaluate(bundle, new DefenderOptions { BaselineRelease = options.BaselineRelease, BaselineProfile = options.BaselineProfile }),
        PostureArea.Identity => IdentityChecks.Evaluate(bundle),
        _ => throw new ArgumentOutOfRangeException(nameof(area), area, "Not a posture area."),
    };

    private static List<SecurityCheckResult> Baseline(EvidenceBundle bundle, PostureOptions options)
    {
        var catalog = BaselineProfileChoice.ShippedCatalogFor(bundle, options.BaselineRelease, options.BaselineProfile, out _);
        return BaselineAnalyzer.Evaluate(catalog.Rules, bundle, BaselineAnalyzer.OptionsFor(catalog)).Select(r => r.ToCheckResult()).ToList();
    }

    private static SecurityCheckResult AreaFailed(PostureArea area, string nodeName, Exception ex) => new(
        "ALSEC-POSTURE-" + area.ToString().ToUpperInvariant(),
        $"The {area} area could be assessed",
        area.ToString(),
        CheckStatus.Error,
        Severity.High,
        null,
        null,
        null,
        $"The {area} analysis failed ({ex.GetType().Name}: {ex.Message}). This is a defect of the module; please report it with the bundle.",
        null,
        null,
        nodeName);

    private static SecurityCheckResult Retag(SecurityCheckResult r, string nodeName) =>
        new(r.Id, r.Title, r.Area, r.Status, r.Severity, r.Expected, r.Actual, r.Source, r.Reason, r.Remediation, r.References, nodeName, r.Controls);
}
