using System;
using System.Linq;
using System.Management.Automation;
using AzureLocalSecurity.BitLocker;
using AzureLocalSecurity.BitLocker.Planning;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Gets volumes' BitLocker recovery passwords from the live node, as SecureStrings (as text only with -AsPlainText).</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "ALBitLockerRecoveryKey", DefaultParameterSetName = LiveSet)]
[OutputType(typeof(BitLockerRecoveryKey))]
public sealed class GetALBitLockerRecoveryKeyCommand : BitLockerCommand
{
    private IBitLockerExecutor? _executor;

    /// <summary>Only these recovery password protectors (VolumeKeyProtectorID).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? ProtectorId { get; set; }

    /// <summary>Also gives the password as text in RecoveryPassword.</summary>
    [Parameter]
    public SwitchParameter AsPlainText { get; set; }

    /// <inheritdoc />
    protected override bool RequiresVolumeSelection => false;

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        if (AsPlainText)
        {
            WriteWarning("-AsPlainText: the recovery passwords are written as text in RecoveryPassword. Anyone who sees the output can unlock the volumes; do not log or transcribe it.");
        }

        base.BeginProcessing();
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ParameterSetName != LiveSet)
        {
            ThrowTerminatingError(new ErrorRecord(
                new NotSupportedException("An evidence bundle never holds recovery passwords; run Get-ALBitLockerRecoveryKey on the node."),
                ErrorIds.BitLockerRecoveryKeyNotInEvidence, ErrorCategory.InvalidOperation, null));
        }

        base.ProcessRecord();
    }

    /// <inheritdoc />
    protected override void Analyze(EvidenceBundle bundle)
    {
        foreach (var volume in SelectVolumes(bundle))
        {
            var target = $"{volume.ComputerName} {volume.MountPoint}";
            if (volume.KeyProtectors is null)
            {
                WriteError(new ErrorRecord(
                    new InvalidOperationException($"{target}: the key protectors could not be read ({string.Join("; ", volume.Unknowns)})."),
                    ErrorIds.BitLockerFactsUnknown, ErrorCategory.ReadError, volume));
                continue;
            }

            var protectors = volume.KeyProtectors
                .Where(p => p.Type == BitLockerKeyProtectorType.NumericalPassword)
                .Where(p => ProtectorId is null || ProtectorId.Any(id => string.Equals(id.Trim('{', '}'), p.Id.Trim('{', '}'), StringComparison.OrdinalIgnoreCase)))
                .ToList();
            if (protectors.Count == 0)
            {
                WriteError(new ErrorRecord(
                    new ItemNotFoundException($"{target}: no recovery password protector{(ProtectorId is null ? string.Empty : " with the given ID")}."),
                    ErrorIds.BitLockerNoProtectorFound, ErrorCategory.ObjectNotFound, volume));
                continue;
            }

            _executor ??= CreateExecutor();
            foreach (var protector in protectors)
            {
                char[]? password = null;
                try
                {
                    var hr = _executor.GetRecoveryPassword(volume, protector.Id, out password);
                    if (hr != 0 || password is null)
                    {
                        WriteError(new ErrorRecord(
                            new InvalidOperationException($"{target}: the recovery password of {protector.Id} could not be read: {BitLockerMessages.Describe(hr)}"),
                            ErrorIds.BitLockerRecoveryKeyReadFailed, ErrorCategory.ReadError, volume));
                        continue;
                    }

                    WriteObject(new BitLockerRecoveryKey(volume.ComputerName, volume.MountPoint, protector.Id, password, AsPlainText));
                }
                finally
                {
                    if (password is not null)
                    {
                        Array.Clear(password, 0, password.Length);
                    }
                }
            }
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        (_executor as IDisposable)?.Dispose();
        _executor = null;
        base.EndProcessing();
    }
}
