using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using AzureLocalSecurity.Baseline;
using AzureLocalSecurity.Baseline.Catalog;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Posture;
using AzureLocalSecurity.Results;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Assesses a node's whole security posture in one call: the security baseline, Secured-core, the Secure Boot certificate rollover, BitLocker, App Control, the TPM and the platform, as one stream of results or one summary per node.</para>
/// </summary>
/// <remarks>
/// -EvidencePath accepts folders of bundles: each bundle in the folder is read, assessed, written and let go before the next
/// is read, so a folder of a thousand nodes takes the memory of one.
/// </remarks>
[Cmdlet(VerbsDiagnostic.Test, "ALSecurityPosture", DefaultParameterSetName = LiveSet)]
[OutputType(typeof(SecurityCheckResult), typeof(SecurityPostureSummary))]
public sealed class TestALSecurityPostureCommand : EvidenceAnalysisCommand
{
    /// <summary>The areas to assess (Baseline, SecuredCore, SecureBoot, BitLocker, AppControl, Tpm, Platform, PrivilegedAccess, SecurityLogging, Cryptography, Defender, Identity); all when omitted.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public PostureArea[]? Area { get; set; }

    /// <summary>Keeps only results mapped to a control of this framework (CIS, STIG or NIST80053); the summary then counts per control of it.</summary>
    [Parameter]
    public ComplianceFramework? Framework { get; set; }

    /// <summary>Writes one summary per node (counts per area and overall, compliance percentage, top findings, per-control counts; the results in its Results property) instead of the results.</summary>
    [Parameter]
    public SwitchParameter Summary { get; set; }

    /// <summary>How many top findings the summary keeps (default 10).</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int Top { get; set; } = SecurityPostureSummary.DefaultTop;

    /// <inheritdoc />
    /// <remarks>Every fact the latest shipped baseline reads, both profiles (as Export-ALSecurityEvidence captures them).</remarks>
    protected override IReadOnlyCollection<FactRef>? LiveBaselineFacts =>
        !Includes(PostureArea.Baseline)
            ? null
            : new[] { BaselineProfile.DomainJoined, BaselineProfile.AdLess }
                .SelectMany(p => BaselineFactMap.RequiredFacts(ShippedBaselines.Get(null, p).Rules))
                .Distinct()
                .ToList();

    /// <inheritdoc />
    /// <remarks>The TPM's identity, Secure Boot, Secured-core, BitLocker, App Control, privileged-access, security-logging and cryptography collectors: what each area's own cmdlet captures.</remarks>
    protected override IEnumerable<IEvidenceCollector> LiveCollectors =>
    [
        AzureLocalSecurity.TpmEndpoint.Collector(null, TpmCollectionScope.Identity),
        .. SecureBootCollectors.ForThisMachine(),
        .. SecuredCoreCollectors.ForThisMachine(),
        .. BitLockerCollectors.ForThisMachine(),
        .. AppControlCollectors.ForThisMachine(),
        .. PrivilegedAccessCollectors.ForThisMachine(),
        .. SecurityLoggingCollectors.ForThisMachine(),
        .. CryptographyCollectors.ForThisMachine(),
    ];

    /// <inheritdoc />
    protected override void Analyze(EvidenceBundle bundle)
    {
        var options = new PostureOptions { Areas = Area, Framework = Framework };
        var results = PostureAnalyzer.Analyze(bundle, options);
        WriteVerbose($"{bundle.NodeName}: {results.Count} results.");
        if (Summary)
        {
            WriteObject(new SecurityPostureSummary(results, Top, Framework));
            return;
        }

        WriteEach(results);
    }

    private bool Includes(PostureArea area) => Area is null || Area.Length == 0 || Array.IndexOf(Area, area) >= 0;
}
