namespace AzureLocalSecurity.AppControl.Policy;

/// <summary>Whether a policy blocks or only logs, as its options say.</summary>
public enum SiPolicyMode
{
    /// <summary>No <c>Enabled:Audit Mode</c>: what the policy does not allow is blocked.</summary>
    Enforced,

    /// <summary><c>Enabled:Audit Mode</c>: what the policy does not allow is logged, not blocked.</summary>
    Audit,

    /// <summary>A supplemental policy: audit mode is not one of its options, the base policy's mode applies.</summary>
    BasePolicy,
}
