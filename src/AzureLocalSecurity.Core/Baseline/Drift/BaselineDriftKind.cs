namespace AzureLocalSecurity.Baseline.Drift;

/// <summary>How a rule moved since a snapshot.</summary>
public enum BaselineDriftKind
{
    /// <summary>The value changed.</summary>
    ValueChanged,

    /// <summary>The value is the same but the verdict changed (it could not be read then or now).</summary>
    StatusChanged,

    /// <summary>The rule is evaluated now but was not in the snapshot.</summary>
    RuleAdded,

    /// <summary>The rule was in the snapshot but is not evaluated now.</summary>
    RuleRemoved,
}
