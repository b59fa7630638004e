namespace AzureLocalSecurity.AppControl.Changes;

/// <summary>What an App Control change does.</summary>
public enum AppControlChangeAction
{
    /// <summary>Switch a base policy between audit and enforced mode (Set-ALApplicationControlMode -Mode).</summary>
    SetMode,

    /// <summary>Deploy a saved copy of an active policy again (Set-ALApplicationControlMode -RollbackPath): the undo of a change.</summary>
    Restore,

    /// <summary>Deploy a supplemental policy (Add-ALApplicationControlSupplementalPolicy).</summary>
    AddSupplemental,

    /// <summary>Remove a supplemental policy (Remove-ALApplicationControlSupplementalPolicy).</summary>
    RemoveSupplemental,
}
