using System;
using System.Collections.Generic;
using System.Management.Automation;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// The shape every reading cmdlet shares: analyze the live node (no parameters), bundles on disk
/// (<c>-EvidencePath</c>, also from the pipeline by FullName), or bundles already imported (<c>-Evidence</c>,
/// also from the pipeline). One unreadable bundle is a non-terminating error; the others are still analyzed.
/// </summary>
public abstract class EvidenceAnalysisCommand : PSCmdlet
{
    /// <summary>The parameter set that reads the live node.</summary>
    protected const string LiveSet = "Live";

    /// <summary>The parameter set that reads bundles from disk.</summary>
    protected const string PathSet = "EvidencePath";

    /// <summary>The parameter set that reads imported bundles.</summary>
    protected const string EvidenceSet = "Evidence";

    /// <summary>Bundles (folders or .zip files) to analyze instead of the live node. Wildcards are expanded.</summary>
    [Parameter(Mandatory = true, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string[] EvidencePath { get; set; } = [];

    /// <summary>Bundles already imported with Import-ALSecurityEvidence.</summary>
    [Parameter(Mandatory = true, ParameterSetName = EvidenceSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public EvidenceBundle[] Evidence { get; set; } = [];

    /// <summary>Writes the analysis of one bundle.</summary>
    protected abstract void Analyze(EvidenceBundle bundle);

    /// <summary>The baseline settings a live capture must also read (null: none).</summary>
    protected virtual IReadOnlyCollection<FactRef>? LiveBaselineFacts => null;

    /// <summary>Collectors a live capture adds for this cmdlet (none by default), such as the TPM's.</summary>
    protected virtual IEnumerable<IEvidenceCollector> LiveCollectors => [];

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case PathSet:
                foreach (var bundle in EvidencePaths.ReadAll(this, EvidencePath, literal: false))
                {
                    Analyze(bundle);
                }

                break;
            case EvidenceSet:
                foreach (var bundle in Evidence)
                {
                    Analyze(bundle);
                }

                break;
            default:
                WriteVerbose("Reading the live node.");
                Analyze(LiveEvidence.Capture(this, LiveBaselineFacts, LiveCollectors));
                break;
        }
    }

    /// <summary>Writes every item of a list to the pipeline, one by one.</summary>
    protected void WriteEach<T>(IEnumerable<T> items)
    {
        if (items is null)
        {
            throw new ArgumentNullException(nameof(items));
        }

        foreach (var item in items)
        {
            WriteObject(item);
        }
    }
}
