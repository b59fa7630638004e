namespace AzureLocalSecurity.AppControl.Changes;

/// <summary>One kind of step of an App Control plan.</summary>
public enum AppControlStepKind
{
    /// <summary>Write the policy's current compiled file to the rollback folder (a new file; never overwrites): the undo, written before anything changes.</summary>
    SaveRollbackCopy,

    /// <summary>Write the compiled policy to deploy to a new staging file.</summary>
    WritePolicyFile,

    /// <summary><c>CiTool.exe --update-policy &lt;staging file&gt; --json</c>: add or replace the policy.</summary>
    UpdatePolicy,

    /// <summary><c>CiTool.exe --remove-policy {PolicyId} --json</c>.</summary>
    RemovePolicy,

    /// <summary>Read the node's state again: the policy is active in the target mode.</summary>
    VerifyMode,

    /// <summary>Read the node's state again: the policy is active (with the version and mode deployed, when known).</summary>
    VerifyActive,

    /// <summary>Read the node's state again: the policy is no longer active.</summary>
    VerifyGone,
}
