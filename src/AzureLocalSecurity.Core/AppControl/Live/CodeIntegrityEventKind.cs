namespace AzureLocalSecurity.AppControl.Live;

/// <summary>What a Code Integrity Operational event reports (Microsoft's "Understanding App Control event IDs").</summary>
public enum CodeIntegrityEventKind
{
    /// <summary>Another event of the log.</summary>
    Other,

    /// <summary>3076: an audit-mode policy would have blocked the file; it ran.</summary>
    Audit,

    /// <summary>3077: an enforced policy blocked the file.</summary>
    Blocked,

    /// <summary>3089: signature information of the file of a 3004, 3033, 3034, 3076 or 3077 (one event per signature).</summary>
    Signature,

    /// <summary>3099: a policy was loaded (activated), with its options.</summary>
    PolicyActivated,

    /// <summary>3033: the file did not meet the signing level requirements and was not loaded (with a 3077 when a policy caused it).</summary>
    SigningLevelBlocked,

    /// <summary>3034: the audit-mode equivalent of 3033: the file would not have met the requirements; it was loaded.</summary>
    SigningLevelAudit,
}
