using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Tpm;
using AzureLocalSecurity.Tpm.Analysis;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Gets the TPM's PCR values: every allocated PCR of every bank, or the banks and indexes asked for.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "ALTpmPcr", DefaultParameterSetName = LiveSet)]
[OutputType(typeof(TpmPcrValue))]
public sealed class GetALTpmPcrCommand : TpmAnalysisCommand
{
    /// <summary>The banks to return, by hash name (sha1, sha256, sha384, sha512, sm3_256). All allocated banks by default.</summary>
    [Parameter(Position = 0)]
    [ArgumentCompleter(typeof(TpmBankCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Bank { get; set; }

    /// <summary>The PCR indexes to return (0–23 on a PC Client TPM). All by default.</summary>
    [Parameter(Position = 1)]
    [ValidateRange(0, 255)]
    public int[]? Index { get; set; }

    /// <inheritdoc />
    protected override TpmCollectionScope Scope => TpmCollectionScope.Pcrs;

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        foreach (var name in Bank ?? [])
        {
            if (!TpmNames.TryParseAlgorithm(name, out _))
            {
                ThrowTerminatingError(new ErrorRecord(new ArgumentException($"'{name}' is not a hash algorithm; use sha1, sha256, sha384, sha512 or sm3_256.", nameof(Bank)), ErrorIds.TpmBankUnknown, ErrorCategory.InvalidArgument, name));
            }
        }
    }

    /// <inheritdoc />
    protected override void Analyze(EvidenceBundle bundle)
    {
        var values = TpmAnalyzer.ReadPcrs(bundle, out var reason);
        if (values.Count == 0)
        {
            WriteError(new ErrorRecord(new InvalidOperationException($"{bundle.NodeName}: the PCR values are unknown. {reason}"), ErrorIds.TpmFactsUnavailable, ErrorCategory.ReadError, bundle.NodeName));
            return;
        }

        var banks = new List<ushort>();
        foreach (var name in Bank ?? [])
        {
            if (!TpmNames.TryParseAlgorithm(name, out var alg))
            {
                continue;
            }

            banks.Add(alg);
            if (!values.Any(v => v.HashAlgorithm == alg))
            {
                WriteError(new ErrorRecord(new ItemNotFoundException($"{bundle.NodeName}: the TPM has no PCRs allocated in the {TpmNames.Algorithm(alg)} bank."), ErrorIds.TpmBankNotAllocated, ErrorCategory.ObjectNotFound, name));
            }
        }

        WriteEach(values.Where(v => (banks.Count == 0 || banks.Contains(v.HashAlgorithm)) && (Index is null || Index.Contains(v.Index))));
    }
}
