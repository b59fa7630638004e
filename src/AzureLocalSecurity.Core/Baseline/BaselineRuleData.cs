namespace AzureLocalSecurity.Baseline;

/// <summary>The raw columns of one catalog row, as a reader fills them before a <see cref="BaselineRule"/> is made.</summary>
public sealed class BaselineRuleData
{
#pragma warning disable CS1591 // The properties are the catalog's columns; BaselineRule documents each.
    public string? Name { get; set; }
    public string? RuleId { get; set; }
    public string? ExtraId { get; set; }
    public string? ControlName { get; set; }
    public string? Description { get; set; }
    public string? Category { get; set; }
    public string? Severity { get; set; }
    public string? Applicability { get; set; }
    public string? Scenario { get; set; }
    public string? CspName { get; set; }
    public string? CspPath { get; set; }
    public string? CspValueType { get; set; }
    public string? RegistryKey { get; set; }
    public string? RegistryValueName { get; set; }
    public string? RegistryValueType { get; set; }
    public string? DefaultValue { get; set; }
    public string? AllowedValue { get; set; }
    public string? ExpectedValue { get; set; }
    public string? Validation { get; set; }
    public string? CisRuleId { get; set; }
    public string? CisControl { get; set; }
    public string? StigId { get; set; }
    public string? Nist80053 { get; set; }
    public string? SecurityImpact { get; set; }
    public string? ChangeRiskLevel { get; set; }
    public string? CustomizationPosture { get; set; }
    public string? Release { get; set; }
    public BaselineProfile? Profile { get; set; }
    public string? SourceName { get; set; }
    public int LineNumber { get; set; }
    public string? LegacyType { get; set; }
    public string? LegacyLocation { get; set; }
    public string? LegacyValueName { get; set; }
#pragma warning restore CS1591
}
