using System.Globalization;

namespace AzureLocalSecurity.BitLocker.Planning;

/// <summary>One step of a BitLocker plan, as data: what it does, to which protector or path, and why.</summary>
public sealed class BitLockerPlanStep
{
    internal BitLockerPlanStep(BitLockerStepKind kind, string reason)
    {
        Kind = kind;
        Reason = reason;
    }

    /// <summary>What the step does.</summary>
    public BitLockerStepKind Kind { get; }

    /// <summary>Why the plan has this step.</summary>
    public string Reason { get; }

    /// <summary>For <see cref="BitLockerStepKind.BackupToFile"/>, the folder the backup file is written to.</summary>
    public string? Path { get; internal set; }

    /// <summary>For <see cref="BitLockerStepKind.AddSidProtector"/>, the account (<c>DOMAIN\ClusterName$</c>).</summary>
    public string? Account { get; internal set; }

    /// <summary>
    /// For backup and verify steps, the existing recovery password protector the step is about; null means the one
    /// created by the plan's <see cref="BitLockerStepKind.AddRecoveryPassword"/> step.
    /// </summary>
    public string? ProtectorId { get; internal set; }

    /// <summary>For <see cref="BitLockerStepKind.Encrypt"/>, the method.</summary>
    public BitLockerEncryptionMethod? EncryptionMethod { get; internal set; }

    /// <summary>For <see cref="BitLockerStepKind.Encrypt"/>, whether only used space is encrypted.</summary>
    public bool? UsedSpaceOnly { get; internal set; }

    /// <summary>For <see cref="BitLockerStepKind.Suspend"/> on the OS volume, the DisableCount (restarts; 0 until resumed); null on data volumes.</summary>
    public uint? DisableCount { get; internal set; }

    /// <summary>For the cluster maintenance steps, the cluster resource name.</summary>
    public string? ClusterResource { get; internal set; }

    /// <summary>Whether this step protects the volume (adds an unlocking protector, starts encryption or turns protection on), so must not run before the backup is verified.</summary>
    public bool Protects => Kind is BitLockerStepKind.AddTpmProtector or BitLockerStepKind.AddSidProtector or BitLockerStepKind.Encrypt
        or BitLockerStepKind.ResumeConversion or BitLockerStepKind.Resume;

    /// <inheritdoc />
    public override string ToString()
    {
        var detail = Kind switch
        {
            BitLockerStepKind.BackupToFile => $" '{Path}'",
            BitLockerStepKind.AddSidProtector => $" {Account}",
            BitLockerStepKind.Encrypt => $" {EncryptionMethod}{(UsedSpaceOnly == true ? " used space only" : string.Empty)}",
            BitLockerStepKind.Suspend when DisableCount is not null => " DisableCount " + DisableCount.Value.ToString(CultureInfo.InvariantCulture),
            BitLockerStepKind.EnterClusterMaintenance or BitLockerStepKind.LeaveClusterMaintenance => $" '{ClusterResource}'",
            _ => string.Empty,
        };
        var protector = ProtectorId is null ? string.Empty : " " + ProtectorId;
        return $"{Kind}{detail}{protector}: {Reason}";
    }
}
