using System;
using System.Management.Automation;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Tpm.Analysis;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Gets the TPM's endorsement keys (persistent, or created from the TCG EK templates) with the EK certificate that certifies each.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "ALTpmEndorsementKey", DefaultParameterSetName = LiveSet)]
[OutputType(typeof(TpmEndorsementKey))]
public sealed class GetALTpmEndorsementKeyCommand : TpmAnalysisCommand
{
    /// <inheritdoc />
    protected override TpmCollectionScope Scope => TpmCollectionScope.Identity | TpmCollectionScope.EndorsementKey;

    /// <inheritdoc />
    protected override void Analyze(EvidenceBundle bundle)
    {
        var keys = TpmAnalyzer.ReadEndorsementKeys(bundle, out var unknowns);
        if (keys.Count == 0)
        {
            WriteError(new ErrorRecord(new InvalidOperationException($"{bundle.NodeName}: the endorsement key is unknown. {string.Join(" ", unknowns)}"), ErrorIds.TpmFactsUnavailable, ErrorCategory.ReadError, bundle.NodeName));
            return;
        }

        foreach (var unknown in unknowns)
        {
            WriteVerbose($"{bundle.NodeName}: {unknown}");
        }

        WriteEach(keys);
    }
}
