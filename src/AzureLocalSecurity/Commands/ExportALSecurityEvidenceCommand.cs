using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using AzureLocalSecurity.Baseline;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.SecuredCore.Features;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Captures this node's raw security facts into an evidence bundle (a folder, or a .zip file).</para>
/// </summary>
[Cmdlet(VerbsData.Export, "ALSecurityEvidence", SupportsShouldProcess = true, DefaultParameterSetName = "Live")]
[OutputType(typeof(EvidenceBundle))]
public sealed class ExportALSecurityEvidenceCommand : PSCmdlet
{
    /// <summary>Where to write: a folder, or a file ending in .zip.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <summary>An already captured or imported bundle to write instead of capturing the live node (to convert a folder to a .zip, or copy it).</summary>
    [Parameter(ValueFromPipeline = true)]
    public EvidenceBundle? Evidence { get; set; }

    /// <summary>Reads the TPM at this TCP endpoint (host:port, a software TPM such as swtpm) instead of the platform TPM.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? TpmEndpoint { get; set; }

    /// <summary>Replaces an existing bundle at the path.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Writes the bundle object to the pipeline after writing it to disk.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing() => AzureLocalSecurity.TpmEndpoint.Validate(this, TpmEndpoint);

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var target = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        var exists = EvidenceBundleWriter.TargetExists(target);
        if (exists && !Force)
        {
            ThrowTerminatingError(new ErrorRecord(
                new IOException($"'{target}' already exists. Use -Force to replace it."),
                ErrorIds.EvidenceBundleExists,
                ErrorCategory.ResourceExists,
                Path));
        }

        var action = exists ? "Replace the evidence bundle" : "Write an evidence bundle";
        if (!ShouldProcess(target, action))
        {
            return;
        }

        var bundle = Evidence ?? LiveEvidence.Capture(
            this,
            BaselineFacts(),
            [AzureLocalSecurity.TpmEndpoint.Collector(TpmEndpoint, TpmCollectionScope.All), .. SecureBootCollectors.ForThisMachine(), .. SecuredCoreCollectors.ForThisMachine(), .. BitLockerCollectors.ForThisMachine(), .. AppControlCollectors.ForThisMachine(), .. MeasuredBootCollectors.ForThisMachine(), .. PrivilegedAccessCollectors.ForThisMachine(), .. SecurityLoggingCollectors.ForThisMachine(), .. CryptographyCollectors.ForThisMachine()]);
        WriteVerbose($"Captured {bundle.Items.Count} facts ({bundle.ErrorCount} could not be read).");
        try
        {
            var written = EvidenceBundleWriter.Write(bundle, target, Force);
            if (PassThru)
            {
                WriteObject(written);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.EvidenceWriteFailed, ErrorCategory.WriteError, Path));
        }
    }

    /// <summary>
    /// Every fact the latest shipped baseline reads (both profiles) and the security features' settings, so that a bundle
    /// answers Test-ALSecurityBaseline, Get-ALSecurityFeature and Test-ALSecuredCore like the node.
    /// </summary>
    private List<FactRef> BaselineFacts()
    {
        var facts = new List<FactRef>();
        foreach (var profile in new[] { BaselineProfile.DomainJoined, BaselineProfile.AdLess })
        {
            var catalog = BaselineCatalogs.Resolve(this, null, profile, null, profileGiven: true);
            facts.AddRange(BaselineFactMap.RequiredFacts(catalog.Rules));
            facts.AddRange(SecurityFeatureCatalog.RegistryFacts(catalog));
        }

        facts.Add(new FactRef(FactSource.SecuredCoreStatus, string.Empty, BaselineFactNames.VbsStatus));
        return facts.Distinct().ToList();
    }
}
