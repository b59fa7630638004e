namespace AzureLocalSecurity.AppControl.Changes;

/// <summary>One step of an App Control plan as it ran: its result, CiTool's exit code where it ran, and a message.</summary>
public sealed class AppControlStepOutcome
{
    internal AppControlStepOutcome(AppControlPlanStep step, AppControlStepResult result, string? message, int? exitCode = null)
    {
        Step = step;
        Result = result;
        Message = message;
        ExitCode = exitCode;
    }

    /// <summary>The step.</summary>
    public AppControlPlanStep Step { get; }

    /// <summary>What happened.</summary>
    public AppControlStepResult Result { get; }

    /// <summary>For a CiTool step, its exit code; null otherwise or when it did not end on its own.</summary>
    public int? ExitCode { get; }

    /// <summary>What went wrong, or what a check found.</summary>
    public string? Message { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Step.Kind}: {Result}{(Message is null ? string.Empty : " " + Message)}";
}
