namespace AzureLocalSecurity.AppControl.Changes;

/// <summary>What happened to one step of an App Control plan.</summary>
public enum AppControlStepResult
{
    /// <summary>The step did what it says (a check found what it looked for).</summary>
    Succeeded,

    /// <summary>The step failed, or its check did not find what it looked for; the runner stopped here.</summary>
    Failed,

    /// <summary>Not run, because an earlier step failed.</summary>
    NotRun,
}
