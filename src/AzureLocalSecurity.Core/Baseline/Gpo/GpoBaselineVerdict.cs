namespace AzureLocalSecurity.Baseline.Gpo;

/// <summary>What a Group Policy object would do to one baseline rule if it were linked to the node.</summary>
public enum GpoBaselineVerdict
{
    /// <summary>The GPO sets the rule's setting to a value the baseline accepts.</summary>
    Satisfies,

    /// <summary>The GPO sets (or deletes) the rule's setting so the baseline fails: Group Policy and the baseline's drift control would fight over it.</summary>
    Contradicts,

    /// <summary>The GPO does not touch the rule's setting.</summary>
    NotConfigured,

    /// <summary>The GPO touches the setting but whether the result satisfies the rule cannot be told; the reason says why.</summary>
    Unknown,
}
