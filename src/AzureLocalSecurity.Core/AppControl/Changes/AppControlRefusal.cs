namespace AzureLocalSecurity.AppControl.Changes;

/// <summary>Why an App Control plan was refused.</summary>
public enum AppControlRefusal
{
    /// <summary>Not refused.</summary>
    None,

    /// <summary>A fact the plan depends on could not be read (the active policies, a policy's file, the Code Integrity log, a policy's base).</summary>
    FactsUnknown,

    /// <summary>The node's CiTool listing could not be read; the changes are made with CiTool.</summary>
    CiToolUnavailable,

    /// <summary>The policy named (or a base policy to switch) is not active on the node.</summary>
    PolicyNotActive,

    /// <summary>More than one active base policy could be meant; -PolicyId names one.</summary>
    AmbiguousPolicy,

    /// <summary>The policy is a supplemental one, which takes its mode from its base.</summary>
    NotBasePolicy,

    /// <summary>The policy is signed: its bytes cannot be rewritten without breaking its signature.</summary>
    SignedPolicy,

    /// <summary>The policy's file is not an unsigned compiled policy this module can rewrite.</summary>
    UnsupportedPolicyFile,

    /// <summary>Enforcing would block files the audit events show running within the lookback window.</summary>
    WouldBlock,

    /// <summary>The file to add is a base policy, not a supplemental one.</summary>
    NotSupplemental,

    /// <summary>The supplemental policy's base is not active on the node.</summary>
    BaseNotActive,

    /// <summary>The base policy lacks the "Enabled:Allow Supplemental Policies" rule option.</summary>
    SupplementalsNotAllowed,

    /// <summary>A newer version of the policy is active than the one to deploy.</summary>
    VersionDowngrade,

    /// <summary>The policy may not be removed here: a base policy, or one Microsoft provides.</summary>
    ProtectedPolicy,

    /// <summary>The saved copy to deploy is not of the policy named, or of no active policy.</summary>
    RollbackMismatch,
}
