using System.Collections.Generic;
using System.Linq;

namespace AzureLocalSecurity.BitLocker.Planning;

/// <summary>What a BitLocker change did to one volume: the plan and one outcome per step. Holds no secret.</summary>
public sealed class BitLockerChangeResult
{
    /// <summary>Creates the result of running <paramref name="plan"/>.</summary>
    public BitLockerChangeResult(BitLockerPlan plan, IReadOnlyList<BitLockerStepOutcome> outcomes)
    {
        Plan = plan ?? throw new System.ArgumentNullException(nameof(plan));
        Outcomes = outcomes ?? throw new System.ArgumentNullException(nameof(outcomes));
    }

    /// <summary>Enable, Disable, Suspend, Resume or Backup.</summary>
    public string Action => Plan.Action;

    /// <summary>The node.</summary>
    public string ComputerName => Plan.ComputerName;

    /// <summary>The volume's mount point.</summary>
    public string MountPoint => Plan.MountPoint;

    /// <summary>The plan that ran.</summary>
    public BitLockerPlan Plan { get; }

    /// <summary>One outcome per step, in order.</summary>
    public IReadOnlyList<BitLockerStepOutcome> Outcomes { get; }

    /// <summary>Whether every step succeeded (true for an empty plan: nothing had to change).</summary>
    public bool Succeeded => Outcomes.All(o => o.Result == BitLockerStepResult.Succeeded);

    /// <summary>The backup files written.</summary>
    public IReadOnlyList<string> BackupFiles => Outcomes.Where(o => o.FilePath is not null && o.Result == BitLockerStepResult.Succeeded).Select(o => o.FilePath!).ToList();

    /// <summary>The key protectors the change created.</summary>
    public IReadOnlyList<string> CreatedProtectorIds => Outcomes.Where(o => o.ProtectorId is not null).Select(o => o.ProtectorId!).ToList();

    /// <inheritdoc />
    public override string ToString() =>
        $"{ComputerName} {MountPoint} {Action}: {(Outcomes.Count == 0 ? "nothing to change" : Succeeded ? "succeeded" : "failed")}";
}
