namespace AzureLocalSecurity.Results;

/// <summary>How a check ended. Exactly one per result; Unknown (could not read) is never NonCompliant.</summary>
public enum CheckStatus
{
    /// <summary>The node meets the requirement.</summary>
    Compliant,

    /// <summary>The node does not meet the requirement.</summary>
    NonCompliant,

    /// <summary>The requirement does not apply to this node (a BIOS machine for Secure Boot, an AD-less node for a domain setting).</summary>
    NotApplicable,

    /// <summary>The fact could not be read; <see cref="SecurityCheckResult.Reason"/> says why.</summary>
    Unknown,

    /// <summary>The module failed while checking: a defect, reported rather than hidden.</summary>
    Error,
}
