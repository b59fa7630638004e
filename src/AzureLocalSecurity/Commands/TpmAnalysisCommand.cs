using System.Collections.Generic;
using System.Management.Automation;
using AzureLocalSecurity.Collection;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// The TPM cmdlets' shared shape: the live node's platform TPM by default, a TPM at <c>-TpmEndpoint</c> (a software TPM
/// on TCP, such as swtpm), or the TPM facts of evidence bundles.
/// </summary>
public abstract class TpmAnalysisCommand : EvidenceAnalysisCommand
{
    /// <summary>Reads the TPM at this TCP endpoint (host:port, such as 127.0.0.1:2321) instead of the platform TPM: a software TPM that speaks raw TPM 2.0 commands, as swtpm's data port does.</summary>
    [Parameter(ParameterSetName = LiveSet)]
    [ValidateNotNullOrEmpty]
    public string? TpmEndpoint { get; set; }

    /// <summary>The TPM facts this cmdlet needs from a live capture.</summary>
    protected abstract TpmCollectionScope Scope { get; }

    /// <inheritdoc />
    protected override IEnumerable<IEvidenceCollector> LiveCollectors => [AzureLocalSecurity.TpmEndpoint.Collector(TpmEndpoint, Scope)];

    /// <inheritdoc />
    protected override void BeginProcessing() => AzureLocalSecurity.TpmEndpoint.Validate(this, TpmEndpoint);
}
