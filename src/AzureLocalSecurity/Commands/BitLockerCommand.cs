using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Runtime.InteropServices;
using System;
using AzureLocalSecurity.BitLocker.Planning;
using AzureLocalSecurity.BitLocker;
using AzureLocalSecurity.Collection.Windows;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Tpm.Analysis;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// What the BitLocker cmdlets share: the node (live, -EvidencePath or -Evidence), the volumes picked by -MountPoint or
/// -VolumeType, and three seams: the volumes (<see cref="ReadVolumes"/>), the TPM's readiness (<see cref="ReadTpmReady"/>)
/// and the executor (<see cref="CreateExecutor"/>). The live node is refused off Windows before anything is read.
/// </summary>
public abstract class BitLockerCommand : EvidenceAnalysisCommand
{
    /// <summary>The volumes, by mount point (<c>C:</c>, <c>C:\ClusterStorage\Volume1</c>); a trailing backslash is ignored.</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string[]? MountPoint { get; set; }

    /// <summary>The volumes, by kind.</summary>
    [Parameter]
    [ValidateSet("OperatingSystem", "Data", "ClusterSharedVolume", IgnoreCase = true)]
    public BitLockerVolumeKind[]? VolumeType { get; set; }

    /// <summary>Whether the cmdlet must be told which volumes (changing cmdlets); otherwise every volume is used.</summary>
    protected virtual bool RequiresVolumeSelection => true;

    /// <summary>Whether this process may take the live path (Windows, or the test hook).</summary>
    internal static bool CanChangeLiveNode => BitLockerTestHooks.PretendWindows || RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (RequiresVolumeSelection && MountPoint is null && VolumeType is null)
        {
            ThrowTerminatingError(new ErrorRecord(
                new PSArgumentException($"{MyInvocation.MyCommand.Name} changes volumes: name them with -MountPoint or -VolumeType."),
                ErrorIds.BitLockerNoVolumeSelected, ErrorCategory.InvalidArgument, null));
        }

        if (ParameterSetName != LiveSet)
        {
            base.ProcessRecord();
            return;
        }

        if (!CanChangeLiveNode)
        {
            // The same refusal Repair-ALSecurityBaseline gives, before anything is read.
            ThrowTerminatingError(new ErrorRecord(
                new PlatformNotSupportedException($"{MyInvocation.MyCommand.Name} changes a Windows node; run it on the node (for example through Invoke-Command). Use -EvidencePath to see the plan for a captured node."),
                ErrorIds.RepairNeedsWindows, ErrorCategory.NotImplemented, null));
        }

        WriteVerbose("Reading the live node.");
        Analyze(BitLockerTestHooks.LiveBundle?.Invoke() ?? LiveEvidence.Capture(this, null, LiveCollectors));
    }

    /// <inheritdoc />
    /// <remarks>The BitLocker WMI provider's facts (none off Windows).</remarks>
    protected override IEnumerable<IEvidenceCollector> LiveCollectors => BitLockerCollectors.ForThisMachine();

    /// <summary>
    /// The node's volumes, as Get-ALBitLockerVolume reads them (the test hook's volumes when one is set). A node whose
    /// BitLocker facts could not be read is a terminating error with the reasons: nothing is planned from a guess.
    /// </summary>
    protected virtual IReadOnlyList<BitLockerVolume> ReadVolumes(EvidenceBundle bundle)
    {
        if (bundle is null)
        {
            throw new ArgumentNullException(nameof(bundle));
        }

        if (BitLockerTestHooks.Volumes is { } hook)
        {
            return hook(bundle);
        }

        var volumes = BitLockerAnalyzer.Read(bundle, out var unknowns);
        if (bundle.Find(BitLockerEvidenceIds.EncryptableVolumes) is not { Succeeded: true })
        {
            ThrowTerminatingError(new ErrorRecord(
                new InvalidOperationException($"{bundle.NodeName}: the BitLocker volumes are unknown. {string.Join(" ", unknowns)}"),
                ErrorIds.BitLockerFactsUnavailable, ErrorCategory.ReadError, bundle.NodeName));
        }

        foreach (var unknown in unknowns)
        {
            WriteVerbose($"{bundle.NodeName}: {unknown}");
        }

        return volumes;
    }

    /// <summary>Whether the node's TPM is ready for a TPM protector: Win32_Tpm IsReady, else whether one is present; null when unknown.</summary>
    protected virtual bool? ReadTpmReady(EvidenceBundle bundle)
    {
        var tpm = TpmAnalyzer.Describe(bundle);
        return tpm.Ready ?? tpm.Present;
    }

    /// <summary>The executor that makes the changes: the test hook's, else Win32_EncryptableVolume. Dispose it when done.</summary>
    protected virtual IBitLockerExecutor CreateExecutor() => BitLockerTestHooks.Executor?.Invoke() ?? BitLockerExecutorFactory.ForThisMachine();

    /// <summary>The node's volumes picked by -MountPoint and -VolumeType; a mount point that matches none is a non-terminating error.</summary>
    protected IReadOnlyList<BitLockerVolume> SelectVolumes(EvidenceBundle bundle)
    {
        if (bundle is null)
        {
            throw new ArgumentNullException(nameof(bundle));
        }

        var volumes = ReadVolumes(bundle);
        IEnumerable<BitLockerVolume> picked = volumes;
        if (MountPoint is not null)
        {
            foreach (var missing in MountPoint.Where(m => !volumes.Any(v => SameMountPoint(v.MountPoint, m))))
            {
                WriteError(new ErrorRecord(
                    new ItemNotFoundException($"{bundle.NodeName}: no BitLocker volume is mounted at '{missing}'."),
                    ErrorIds.BitLockerVolumeNotFound, ErrorCategory.ObjectNotFound, missing));
            }

            picked = picked.Where(v => MountPoint.Any(m => SameMountPoint(v.MountPoint, m)));
        }

        if (VolumeType is not null)
        {
            picked = picked.Where(v => VolumeType.Contains(v.VolumeType));
        }

        return picked.ToList();
    }

    private static bool SameMountPoint(string a, string b) =>
        string.Equals(a.TrimEnd('\\', '/'), b.TrimEnd('\\', '/'), StringComparison.OrdinalIgnoreCase);
}
