namespace AzureLocalSecurity.Baseline.Catalog;

/// <summary>The column layout a catalog was published in.</summary>
public enum BaselineCatalogFormat
{
    /// <summary>Azure Local 2310–2411: Baseline Document, Security settings, Type, Location, ValueName, ValueType, Value (a literal, not an expression).</summary>
    Legacy,

    /// <summary>Azure Local 2506 and later: Name, RuleId, ..., Expected Value (an expression), Severity, Applicability, Scenario, Category (2610 adds Description and CIS / STIG / NIST columns).</summary>
    AzureLocal,

    /// <summary>OSConfig lists (Windows Server 2025, Defender, Secured-core): expected values per role, or only an allowed range and a default.</summary>
    OSConfig,
}
