namespace AzureLocalSecurity.BitLocker.Planning;

/// <summary>What happened to one plan step.</summary>
public enum BitLockerStepResult
{
    /// <summary>The call returned success.</summary>
    Succeeded,

    /// <summary>The call failed (or a key-safety check did); the runner stopped here.</summary>
    Failed,

    /// <summary>Not run, because an earlier step failed.</summary>
    NotRun,
}
