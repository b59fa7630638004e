namespace AzureLocalSecurity.BitLocker.Planning;

/// <summary>One step of a plan as it ran: its result, the HRESULT and a message. Never holds a secret.</summary>
public sealed class BitLockerStepOutcome
{
    internal BitLockerStepOutcome(BitLockerPlanStep step, BitLockerStepResult result, uint? hresult, string? message)
    {
        Step = step;
        Result = result;
        HResult = hresult;
        Message = message;
    }

    /// <summary>The step.</summary>
    public BitLockerPlanStep Step { get; }

    /// <summary>What happened.</summary>
    public BitLockerStepResult Result { get; }

    /// <summary>The method's return code; null when the step did not run.</summary>
    public uint? HResult { get; }

    /// <summary>What the code means, or what the check found.</summary>
    public string? Message { get; }

    /// <summary>The protector a step created (AddRecoveryPassword, AddTpmProtector, AddSidProtector).</summary>
    public string? ProtectorId { get; internal set; }

    /// <summary>The backup file a BackupToFile step wrote.</summary>
    public string? FilePath { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"{Step.Kind}: {Result}{(Message is null ? string.Empty : " " + Message)}";
}
