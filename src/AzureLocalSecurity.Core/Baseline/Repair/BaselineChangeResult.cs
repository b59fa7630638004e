namespace AzureLocalSecurity.Baseline.Repair;

/// <summary>What happened to one setting during a repair or an undo.</summary>
public enum BaselineChangeResult
{
    /// <summary>The value was changed and reads back as intended.</summary>
    Changed,

    /// <summary>The value already was what the change would set; nothing was written.</summary>
    Unchanged,

    /// <summary>The change was not made; the message says why.</summary>
    Failed,

    /// <summary>The value was written but reads back differently (another agent, or a policy, set it again).</summary>
    NotVerified,
}
