namespace AzureLocalSecurity.Results;

/// <summary>How much a non-compliant result matters, lowest first so results sort naturally.</summary>
public enum Severity
{
    /// <summary>Worth knowing; no direct risk.</summary>
    Informational,

    /// <summary>Low risk.</summary>
    Low,

    /// <summary>Medium risk.</summary>
    Medium,

    /// <summary>High risk.</summary>
    High,

    /// <summary>Critical risk.</summary>
    Critical,
}
