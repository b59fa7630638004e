using System;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using AzureLocalSecurity.BitLocker;
using AzureLocalSecurity.BitLocker.Planning;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// The BitLocker cmdlets that change a volume: one plan per volume (Core, pure), refusals as errors with their own IDs,
/// one ShouldProcess per plan, and the plan runner to execute it. With -EvidencePath or -Evidence, the plans.
/// </summary>
public abstract class BitLockerChangeCommand : BitLockerCommand
{
    private IBitLockerExecutor? _executor;
    private int _progressId;

    /// <summary>The plan for one volume of <paramref name="bundle"/>.</summary>
    protected abstract BitLockerPlan Plan(BitLockerVolume volume, EvidenceBundle bundle);

    /// <summary>Whether to follow the conversion the plan started until it completes or stalls (Enable -Wait).</summary>
    protected virtual bool WaitForConversion => false;

    /// <inheritdoc />
    protected override void Analyze(EvidenceBundle bundle)
    {
        if (bundle is null)
        {
            throw new ArgumentNullException(nameof(bundle));
        }

        var live = ParameterSetName == LiveSet;
        foreach (var volume in SelectVolumes(bundle))
        {
            var plan = Plan(volume, bundle);
            var target = $"{plan.ComputerName} {plan.MountPoint}";
            foreach (var warning in plan.Warnings)
            {
                WriteWarning($"{target}: {warning}");
            }

            if (plan.Refusal != BitLockerRefusal.None)
            {
                WriteError(RefusalError(plan));
            }

            if (!live)
            {
                // A captured node cannot be changed: the plan, so it can be reviewed before running on the node.
                WriteObject(plan);
                continue;
            }

            if (plan.Refusal != BitLockerRefusal.None)
            {
                continue;
            }

            if (plan.IsEmpty)
            {
                WriteVerbose($"{target}: already as asked; nothing to change.");
                WriteObject(new BitLockerChangeResult(plan, []));
                continue;
            }

            var description = $"{plan.Action} BitLocker: {string.Join("; ", plan.Steps.Select(s => s.ToString()))}";
            if (!ShouldProcess(target, description))
            {
                continue;
            }

            _executor ??= CreateExecutor();
            var outcomes = BitLockerPlanRunner.Run(plan, _executor);
            foreach (var outcome in outcomes)
            {
                WriteVerbose($"{target}: {outcome}");
                if (outcome.Result == BitLockerStepResult.Failed)
                {
                    WriteError(new ErrorRecord(
                        new InvalidOperationException($"{target}: {plan.Action} step {outcome.Step.Kind} failed: {outcome.Message}"),
                        ErrorIds.BitLockerStepFailed, ErrorCategory.WriteError, plan));
                }
            }

            var result = new BitLockerChangeResult(plan, outcomes);
            WriteObject(result);
            if (WaitForConversion && result.Succeeded && plan.Steps.Any(s => s.Kind is BitLockerStepKind.Encrypt or BitLockerStepKind.ResumeConversion or BitLockerStepKind.Decrypt))
            {
                Wait(volume, target);
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

    private void Wait(BitLockerVolume volume, string target)
    {
        var activity = $"BitLocker conversion of {target}";
        var progress = new ProgressRecord(++_progressId, activity, "Starting");
        double? last = null;
        var lastMoved = DateTime.UtcNow;
        while (!Stopping)
        {
            var hr = _executor!.GetConversionStatus(volume, out var status, out var percentage);
            if (hr != 0)
            {
                WriteWarning($"{target}: the conversion status could not be read ({BitLockerMessages.Describe(hr)}); no longer waiting.");
                break;
            }

            if (status is BitLockerConversionStatus.FullyEncrypted or BitLockerConversionStatus.FullyDecrypted)
            {
                WriteVerbose($"{target}: conversion complete ({status}).");
                break;
            }

            if (percentage != last)
            {
                last = percentage;
                lastMoved = DateTime.UtcNow;
            }
            else if (DateTime.UtcNow - lastMoved >= BitLockerTestHooks.StallTimeout)
            {
                WriteWarning($"{target}: the conversion has not moved from {percentage:0.#}% ({status}) for {BitLockerTestHooks.StallTimeout}; no longer waiting. It goes on in the background: watch it with Get-ALBitLockerVolume.");
                break;
            }

            progress.StatusDescription = $"{status}: {percentage:0.#}%";
            progress.PercentComplete = (int)Math.Max(0, Math.Min(100, percentage ?? 0));
            WriteProgress(progress);
            Thread.Sleep(BitLockerTestHooks.PollInterval);
        }

        progress.RecordType = ProgressRecordType.Completed;
        WriteProgress(progress);
    }

    private static ErrorRecord RefusalError(BitLockerPlan plan)
    {
        var (id, category) = plan.Refusal switch
        {
            BitLockerRefusal.Locked => (ErrorIds.BitLockerVolumeLocked, ErrorCategory.ResourceUnavailable),
            BitLockerRefusal.NoReadyTpm => (ErrorIds.BitLockerNoReadyTpm, ErrorCategory.ResourceUnavailable),
            BitLockerRefusal.NoBackupDestination => (ErrorIds.BitLockerNoBackupDestination, ErrorCategory.InvalidArgument),
            BitLockerRefusal.NoClusterAccount => (ErrorIds.BitLockerNoClusterAccount, ErrorCategory.InvalidArgument),
            BitLockerRefusal.UnsupportedVolume => (ErrorIds.BitLockerUnsupportedVolume, ErrorCategory.InvalidType),
            BitLockerRefusal.WrongConversionState => (ErrorIds.BitLockerWrongConversionState, ErrorCategory.InvalidOperation),
            BitLockerRefusal.NoRecoveryPassword => (ErrorIds.BitLockerNoRecoveryPassword, ErrorCategory.ObjectNotFound),
            BitLockerRefusal.NotOwnerNode => (ErrorIds.BitLockerNotOwnerNode, ErrorCategory.InvalidOperation),
            _ => (ErrorIds.BitLockerFactsUnknown, ErrorCategory.ReadError),
        };
        return new ErrorRecord(new InvalidOperationException($"{plan.ComputerName} {plan.MountPoint}: {plan.Action} refused: {plan.RefusalMessage}"), id, category, plan);
    }
}
