using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using AzureLocalSecurity.BitLocker;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Gets the BitLocker state of a node's volumes (OS volume, data volumes, Cluster Shared Volumes): conversion, encryption method, protection, lock, suspend count and key protector IDs and types, never a key.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "ALBitLockerVolume", DefaultParameterSetName = LiveSet)]
[OutputType(typeof(BitLockerVolume))]
public sealed class GetALBitLockerVolumeCommand : EvidenceAnalysisCommand
{
    /// <summary>Only these volumes, by mount point (<c>C:</c>, <c>C:\ClusterStorage\Volume1</c>) or DeviceID. Wildcards are allowed.</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string[]? MountPoint { get; set; }

    /// <summary>Only volumes of this kind.</summary>
    [Parameter]
    [ValidateSet("OperatingSystem", "Data", "ClusterSharedVolume", IgnoreCase = true)]
    public string? VolumeType { get; set; }

    /// <inheritdoc />
    protected override IEnumerable<IEvidenceCollector> LiveCollectors => BitLockerCollectors.ForThisMachine();

    /// <inheritdoc />
    protected override void Analyze(EvidenceBundle bundle)
    {
        var volumes = BitLockerAnalyzer.Read(bundle, out var unknowns);
        if (bundle.Find(BitLockerEvidenceIds.EncryptableVolumes) is not { Succeeded: true })
        {
            WriteError(new ErrorRecord(
                new InvalidOperationException($"{bundle.NodeName}: the BitLocker volumes are unknown. {string.Join(" ", unknowns)}"),
                ErrorIds.BitLockerFactsUnavailable,
                ErrorCategory.ReadError,
                bundle.NodeName));
            return;
        }

        foreach (var unknown in unknowns)
        {
            WriteVerbose($"{bundle.NodeName}: {unknown}");
        }

        var patterns = MountPoint?.Select(p => WildcardPattern.Get(p.TrimEnd('\\'), WildcardOptions.IgnoreCase)).ToList();
        BitLockerVolumeKind? kind = VolumeType?.ToUpperInvariant() switch
        {
            null => null,
            "OPERATINGSYSTEM" => BitLockerVolumeKind.OperatingSystem,
            "DATA" => BitLockerVolumeKind.Data,
            _ => BitLockerVolumeKind.ClusterSharedVolume,
        };
        foreach (var volume in volumes)
        {
            if (kind is not null && volume.VolumeType != kind)
            {
                continue;
            }

            if (patterns is not null && !patterns.Any(p => p.IsMatch(volume.MountPoint) || p.IsMatch(volume.DeviceId.TrimEnd('\\'))))
            {
                continue;
            }

            foreach (var unknown in volume.Unknowns)
            {
                WriteVerbose($"{bundle.NodeName}: {volume.MountPoint}: {unknown}");
            }

            WriteObject(volume);
        }
    }
}
