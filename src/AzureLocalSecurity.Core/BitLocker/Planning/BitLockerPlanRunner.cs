using System;
using System.Collections.Generic;

namespace AzureLocalSecurity.BitLocker.Planning;

/// <summary>
/// Runs a plan's steps in order through an <see cref="IBitLockerExecutor"/> and stops at the first failure. Key safety is
/// enforced here, not only in the plan: when the plan needs a verified backup, no protecting step (TPM or SID protector,
/// Encrypt, ResumeConversion, EnableKeyProtectors) runs until a VerifyBackup step has read every backup back and found it
/// equal to the protector's password. After a failure inside CSV maintenance mode, the maintenance is still ended.
/// </summary>
public static class BitLockerPlanRunner
{
    /// <summary>Runs <paramref name="plan"/>; returns one outcome per step.</summary>
    public static IReadOnlyList<BitLockerStepOutcome> Run(BitLockerPlan plan, IBitLockerExecutor executor)
    {
        if (plan is null)
        {
            throw new ArgumentNullException(nameof(plan));
        }

        if (executor is null)
        {
            throw new ArgumentNullException(nameof(executor));
        }

        if (plan.Refusal != BitLockerRefusal.None)
        {
            throw new InvalidOperationException($"A refused plan cannot run: {plan.RefusalMessage}");
        }

        var state = new RunState(plan.Volume, executor);
        var outcomes = new List<BitLockerStepOutcome>();
        var failed = false;
        var inMaintenance = false;
        foreach (var step in plan.Steps)
        {
            if (failed && !(step.Kind == BitLockerStepKind.LeaveClusterMaintenance && inMaintenance))
            {
                outcomes.Add(new BitLockerStepOutcome(step, BitLockerStepResult.NotRun, null, null));
                continue;
            }

            BitLockerStepOutcome outcome;
            if (step.Protects && plan.RequiresVerifiedBackup && !state.Verified)
            {
                outcome = new BitLockerStepOutcome(step, BitLockerStepResult.Failed, BitLockerHResults.BackupNotVerified, BitLockerMessages.Describe(BitLockerHResults.BackupNotVerified));
            }
            else
            {
                try
                {
                    outcome = state.Run(step);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // The executor never puts a password in an exception; the message is the method's failure.
                    outcome = new BitLockerStepOutcome(step, BitLockerStepResult.Failed, null, ex.Message);
                }
            }

            if (step.Kind == BitLockerStepKind.EnterClusterMaintenance && outcome.Result == BitLockerStepResult.Succeeded)
            {
                inMaintenance = true;
            }
            else if (step.Kind == BitLockerStepKind.LeaveClusterMaintenance)
            {
                inMaintenance = false;
            }

            outcomes.Add(outcome);
            failed |= outcome.Result == BitLockerStepResult.Failed;
        }

        return outcomes;
    }

    private sealed class RunState(BitLockerVolume volume, IBitLockerExecutor executor)
    {
        private readonly List<(string ProtectorId, string Path)> _files = [];
        private readonly List<string> _directory = [];
        private string? _created;
        private bool _backedUp;

        internal bool Verified { get; private set; }

        internal BitLockerStepOutcome Run(BitLockerPlanStep step)
        {
            switch (step.Kind)
            {
                case BitLockerStepKind.AddRecoveryPassword:
                {
                    var hr = executor.AddRecoveryPassword(volume, out var id);
                    _created = hr == BitLockerHResults.Ok ? id : null;
                    return Result(step, hr == BitLockerHResults.Ok && id is null ? BitLockerHResults.NoProtector : hr, id);
                }

                case BitLockerStepKind.BackupToFile:
                    return BackupToFile(step);
                case BitLockerStepKind.BackupToActiveDirectory:
                {
                    var id = step.ProtectorId ?? _created;
                    if (id is null)
                    {
                        return Result(step, BitLockerHResults.NoProtector);
                    }

                    // S_FALSE is not success here: Group Policy kept the password out of AD DS (WINAPI.md §8.3).
                    var hr = executor.BackupToActiveDirectory(volume, id);
                    if (hr == BitLockerHResults.Ok)
                    {
                        _directory.Add(id);
                        _backedUp = true;
                    }

                    return Result(step, hr);
                }

                case BitLockerStepKind.VerifyBackup:
                    return Verify(step);
                case BitLockerStepKind.AddTpmProtector:
                {
                    var hr = executor.AddTpmProtector(volume, out var id);
                    return Result(step, hr, id);
                }

                case BitLockerStepKind.AddSidProtector:
                {
                    var hr = executor.AddSidProtector(volume, step.Account!, out var id);
                    return Result(step, hr, id);
                }

                case BitLockerStepKind.Encrypt:
                    return Result(step, executor.Encrypt(volume, step.EncryptionMethod ?? BitLockerEncryptionMethod.XtsAes256, step.UsedSpaceOnly == true));
                case BitLockerStepKind.ResumeConversion:
                    return Result(step, executor.ResumeConversion(volume));
                case BitLockerStepKind.Suspend:
                    return Result(step, executor.DisableKeyProtectors(volume, step.DisableCount));
                case BitLockerStepKind.Resume:
                    return Result(step, executor.EnableKeyProtectors(volume));
                case BitLockerStepKind.ClearAutoUnlockKeys:
                    return Result(step, executor.ClearAllAutoUnlockKeys(volume));
                case BitLockerStepKind.Decrypt:
                    return Result(step, executor.Decrypt(volume));
                case BitLockerStepKind.EnterClusterMaintenance:
                    return Result(step, executor.SetClusterMaintenance(volume, step.ClusterResource!, enter: true));
                case BitLockerStepKind.LeaveClusterMaintenance:
                    return Result(step, executor.SetClusterMaintenance(volume, step.ClusterResource!, enter: false));
                default:
                    throw new InvalidOperationException($"Unknown step {step.Kind}.");
            }
        }

        private BitLockerStepOutcome BackupToFile(BitLockerPlanStep step)
        {
            var id = step.ProtectorId ?? _created;
            if (id is null)
            {
                return Result(step, BitLockerHResults.NoProtector);
            }

            var path = System.IO.Path.Combine(step.Path!, BitLockerRecoveryFile.FileName(volume, id));
            char[]? password = null;
            char[]? content = null;
            try
            {
                var hr = executor.GetRecoveryPassword(volume, id, out password);
                if (hr != BitLockerHResults.Ok || password is null)
                {
                    return Result(step, hr == BitLockerHResults.Ok ? BitLockerHResults.NoProtector : hr);
                }

                content = BitLockerRecoveryFile.Format(volume, id, password);
                hr = executor.WriteBackupFile(path, content);
                if (hr == BitLockerHResults.Ok)
                {
                    _files.Add((id, path));
                    _backedUp = true;
                }

                var outcome = Result(step, hr);
                outcome.FilePath = path;
                return outcome;
            }
            finally
            {
                Clear(password);
                Clear(content);
            }
        }

        private BitLockerStepOutcome Verify(BitLockerPlanStep step)
        {
            var id = step.ProtectorId ?? _created;
            if (id is null || !_backedUp)
            {
                return Result(step, BitLockerHResults.BackupNotVerified);
            }

            char[]? password = null;
            try
            {
                var hr = executor.GetRecoveryPassword(volume, id, out password);
                if (hr != BitLockerHResults.Ok || password is null)
                {
                    return Result(step, hr == BitLockerHResults.Ok ? BitLockerHResults.NoProtector : hr);
                }

                if (!BitLockerRecoveryFile.IsWellFormedPassword(password))
                {
                    return Result(step, BitLockerHResults.BackupMismatch);
                }

                foreach (var (protectorId, path) in _files)
                {
                    if (string.Equals(protectorId, id, StringComparison.OrdinalIgnoreCase))
                    {
                        hr = VerifyFile(id, path, password);
                        if (hr != BitLockerHResults.Ok)
                        {
                            return Result(step, hr);
                        }
                    }
                }

                string? note = null;
                foreach (var protectorId in _directory)
                {
                    if (string.Equals(protectorId, id, StringComparison.OrdinalIgnoreCase))
                    {
                        hr = VerifyDirectory(id, password, out var compared);
                        if (hr != BitLockerHResults.Ok)
                        {
                            return Result(step, hr);
                        }

                        note = compared
                            ? $"The AD DS recovery object for protector {id} was read back and its password matches."
                            : $"The AD DS recovery object for protector {id} was found, but this account may not read its password attribute, so it was matched by protector ID only.";
                    }
                }

                Verified = true;
                return new BitLockerStepOutcome(step, BitLockerStepResult.Succeeded, BitLockerHResults.Ok, note);
            }
            finally
            {
                Clear(password);
            }
        }

        private uint VerifyFile(string id, string path, char[] password)
        {
            char[]? expected = null;
            char[]? actual = null;
            try
            {
                expected = BitLockerRecoveryFile.Format(volume, id, password);
                var hr = executor.ReadBackupFile(path, out actual);
                if (hr != BitLockerHResults.Ok)
                {
                    return hr;
                }

                return BitLockerRecoveryFile.Matches(expected, actual) ? BitLockerHResults.Ok : BitLockerHResults.BackupMismatch;
            }
            finally
            {
                Clear(expected);
                Clear(actual);
            }
        }

        private uint VerifyDirectory(string id, char[] password, out bool compared)
        {
            compared = false;
            char[]? stored = null;
            try
            {
                var hr = executor.ReadActiveDirectoryBackup(volume, id, out stored);
                if (hr != BitLockerHResults.Ok)
                {
                    return hr;
                }

                if (stored is null)
                {
                    return BitLockerHResults.Ok;
                }

                compared = true;
                return BitLockerRecoveryFile.Matches(password, stored) ? BitLockerHResults.Ok : BitLockerHResults.BackupMismatch;
            }
            finally
            {
                Clear(stored);
            }
        }

        private static BitLockerStepOutcome Result(BitLockerPlanStep step, uint hr, string? protectorId = null) =>
            new(step, hr == BitLockerHResults.Ok ? BitLockerStepResult.Succeeded : BitLockerStepResult.Failed, hr, hr == BitLockerHResults.Ok ? null : BitLockerMessages.Describe(hr))
            {
                ProtectorId = protectorId,
            };

        private static void Clear(char[]? array)
        {
            if (array is not null)
            {
                Array.Clear(array, 0, array.Length);
            }
        }
    }
}
