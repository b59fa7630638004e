using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.MeasuredBoot;
using AzureLocalSecurity.MeasuredBoot.Attestation;
using AzureLocalSecurity.Tpm.Analysis;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Replays the measured-boot log and compares every PCR it describes with the TPM's live value, per PCR and bank: proof the log is the record of this boot, or the PCRs where it is not.</para>
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "ALBootIntegrity", DefaultParameterSetName = LiveSet)]
[OutputType(typeof(PcrIntegrityResult))]
public sealed class TestALBootIntegrityCommand : TpmAnalysisCommand
{
    /// <summary>A log file to replay instead of the node's current log (required with -TpmEndpoint, whose TPM did not boot this machine).</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>The PCRs to compare (all the log extends by default).</summary>
    [Parameter]
    [ValidateRange(0, 23)]
    public int[]? Pcr { get; set; }

    /// <inheritdoc />
    protected override TpmCollectionScope Scope => TpmCollectionScope.Pcrs;

    /// <inheritdoc />
    protected override IEnumerable<IEvidenceCollector> LiveCollectors =>
        Path is null ? base.LiveCollectors.Concat(MeasuredBootCollectors.ForThisMachine()) : base.LiveCollectors;

    /// <inheritdoc />
    protected override void Analyze(EvidenceBundle bundle)
    {
        var log = Path is null ? FromBundle(bundle) : FromFile(Path);
        if (log is null)
        {
            return;
        }

        var values = TpmAnalyzer.ReadPcrs(bundle, out var reason);
        if (values.Count == 0)
        {
            WriteError(new ErrorRecord(new InvalidOperationException($"{bundle.NodeName}: the TPM's PCR values are unknown. {reason}"), ErrorIds.TpmFactsUnavailable, ErrorCategory.ReadError, bundle.NodeName));
            return;
        }

        foreach (var result in BootIntegrityAnalyzer.Compare(log, values, Pcr))
        {
            var wrapped = new PSObject(result);
            wrapped.Properties.Add(new PSNoteProperty("ComputerName", bundle.NodeName));
            WriteObject(wrapped);
        }
    }

    private TcgEventLog? FromFile(string path)
    {
        TcgEventLog? log = null;
        foreach (var resolved in EvidencePaths.Resolve(this, path, literal: false).Take(1))
        {
            log = BootLogFiles.Read(this, path, resolved);
        }

        return log;
    }

    private TcgEventLog? FromBundle(EvidenceBundle bundle)
    {
        var item = bundle.Find(MeasuredBootEvidenceIds.SrtmLog);
        var data = item?.GetData();
        if (item is null || data is null)
        {
            var why = item?.Error?.Message ?? "the bundle holds no measured-boot log (captured by a module version before it read them?)";
            WriteError(new ErrorRecord(new InvalidOperationException($"{bundle.NodeName}: the measured-boot log is unknown: {why}"), ErrorIds.BootMeasurementLogUnavailable, ErrorCategory.ReadError, bundle.NodeName));
            return null;
        }

        try
        {
            return TcgEventLog.Parse(data);
        }
        catch (TcgEventLogFormatException ex)
        {
            WriteError(new ErrorRecord(ex, ErrorIds.BootMeasurementLogInvalid, ErrorCategory.InvalidData, bundle.NodeName));
            return null;
        }
    }
}
