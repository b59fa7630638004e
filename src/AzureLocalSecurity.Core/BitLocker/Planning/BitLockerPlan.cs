using System.Collections.Generic;

namespace AzureLocalSecurity.BitLocker.Planning;

/// <summary>
/// What a BitLocker action would do to one volume, computed purely from its facts: ordered steps with a reason each, or a
/// refusal a human can act on, plus warnings. An empty plan with no refusal means the volume is already as asked.
/// </summary>
public sealed class BitLockerPlan
{
    internal BitLockerPlan(string action, BitLockerVolume volume)
    {
        Action = action;
        ComputerName = volume.ComputerName;
        MountPoint = volume.MountPoint;
        DeviceId = volume.DeviceId;
        VolumeType = volume.VolumeType;
        Volume = volume;
    }

    /// <summary>Enable, Disable, Suspend, Resume or Backup.</summary>
    public string Action { get; }

    /// <summary>The node.</summary>
    public string ComputerName { get; }

    /// <summary>The volume's mount point.</summary>
    public string MountPoint { get; }

    /// <summary>The volume's DeviceID.</summary>
    public string DeviceId { get; }

    /// <summary>The volume's kind.</summary>
    public BitLockerVolumeKind VolumeType { get; }

    /// <summary>The steps, in the order they must run.</summary>
    public IReadOnlyList<BitLockerPlanStep> Steps => _steps;

    /// <summary>Why the plan was refused; <see cref="BitLockerRefusal.None"/> when it was not.</summary>
    public BitLockerRefusal Refusal { get; internal set; }

    /// <summary>The refusal in words, saying what to do; null when not refused.</summary>
    public string? RefusalMessage { get; internal set; }

    /// <summary>Things to know that do not stop the plan.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>
    /// Whether the plan creates or relies on a recovery password that must be backed up and verified before any protecting
    /// step; the runner enforces it.
    /// </summary>
    public bool RequiresVerifiedBackup { get; internal set; }

    /// <summary>Whether the plan would change nothing (and was not refused).</summary>
    public bool IsEmpty => Refusal == BitLockerRefusal.None && _steps.Count == 0;

    /// <summary>The volume the plan was computed from.</summary>
    internal BitLockerVolume Volume { get; }

    private readonly List<BitLockerPlanStep> _steps = [];
    private readonly List<string> _warnings = [];

    internal BitLockerPlanStep Add(BitLockerStepKind kind, string reason)
    {
        var step = new BitLockerPlanStep(kind, reason);
        _steps.Add(step);
        return step;
    }

    internal void Warn(string warning) => _warnings.Add(warning);

    internal BitLockerPlan Refuse(BitLockerRefusal refusal, string message)
    {
        _steps.Clear();
        Refusal = refusal;
        RefusalMessage = message;
        return this;
    }

    /// <inheritdoc />
    public override string ToString() => Refusal == BitLockerRefusal.None
        ? $"{ComputerName} {MountPoint} {Action}: {_steps.Count} step(s)"
        : $"{ComputerName} {MountPoint} {Action} refused ({Refusal}): {RefusalMessage}";
}
