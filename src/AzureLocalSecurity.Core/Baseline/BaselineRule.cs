using System;
using System.Collections.Generic;
using AzureLocalSecurity.Baseline.Rules;
using AzureLocalSecurity.Results;

namespace AzureLocalSecurity.Baseline;

/// <summary>
/// One setting of a published baseline, with every column a reader may want. Columns a release does not
/// have are null. <see cref="Expression"/> is the parsed <see cref="ExpectedValue"/>, or null with
/// <see cref="ExpressionError"/> saying why it could not be parsed.
/// </summary>
public sealed class BaselineRule
{
    /// <summary>Creates a rule from its columns; the expected value is parsed here.</summary>
    public BaselineRule(BaselineRuleData data)
    {
        if (data is null)
        {
            throw new ArgumentNullException(nameof(data));
        }

        Name = string.IsNullOrWhiteSpace(data.Name) ? throw new ArgumentException("A rule needs a name.", nameof(data)) : data.Name!.Trim();
        RuleId = Blank(data.RuleId);
        ExtraId = Blank(data.ExtraId);
        ControlName = Blank(data.ControlName);
        Description = Blank(data.Description);
        Category = Blank(data.Category) ?? "Unknown";
        Severity = Blank(data.Severity) ?? "Unknown";
        Applicability = Blank(data.Applicability);
        Scenario = Blank(data.Scenario);
        CspName = Blank(data.CspName);
        CspPath = Blank(data.CspPath);
        CspValueType = Blank(data.CspValueType);
        RegistryKey = Blank(data.RegistryKey);
        RegistryValueName = Blank(data.RegistryValueName);
        RegistryValueType = Blank(data.RegistryValueType);
        DefaultValue = data.DefaultValue;
        AllowedValue = Blank(data.AllowedValue);
        ExpectedValue = data.ExpectedValue ?? string.Empty;
        Validation = Blank(data.Validation);
        CisRuleId = Reference(data.CisRuleId);
        CisControl = Reference(data.CisControl);
        StigId = Reference(data.StigId);
        Nist80053 = Reference(data.Nist80053);
        Controls = ComplianceReference.FromCatalog(data.CisRuleId, data.CisControl, data.StigId, data.Nist80053);
        SecurityImpact = Blank(data.SecurityImpact);
        ChangeRiskLevel = Blank(data.ChangeRiskLevel);
        CustomizationPosture = Blank(data.CustomizationPosture);
        Release = data.Release ?? string.Empty;
        Profile = data.Profile;
        SourceName = data.SourceName ?? string.Empty;
        LineNumber = data.LineNumber;
        LegacyType = Blank(data.LegacyType);
        LegacyLocation = Blank(data.LegacyLocation);
        LegacyValueName = Blank(data.LegacyValueName);

        if (RuleParser.TryParse(ExpectedValue, out var expression, out var error))
        {
            Expression = expression;
        }
        else
        {
            ExpressionError = error!.Message;
        }
    }

    /// <summary>The setting's name, such as <c>AllowDatagramProcessingOnWinServer</c>. Unique within a catalog.</summary>
    public string Name { get; }

    /// <summary>Microsoft's rule GUID (2506 and later), or null.</summary>
    public string? RuleId { get; }

    /// <summary>Another id Microsoft gives (CCE, AZ-WIN), or null.</summary>
    public string? ExtraId { get; }

    /// <summary>The control's title.</summary>
    public string? ControlName { get; }

    /// <summary>What the setting does (2610 and later).</summary>
    public string? Description { get; }

    /// <summary>Registry, Security Policy, Security Options, Audit Policy, SecuredCore (or the 2310–2411 types Registry, SecurityPolicy, AuditPolicy).</summary>
    public string Category { get; }

    /// <summary>Critical, Important, Warning, Informational.</summary>
    public string Severity { get; }

    /// <summary>Which kind of node the row is for (member server, workgroup server).</summary>
    public string? Applicability { get; }

    /// <summary>The scenario the row belongs to (SecuritySettings, DefenderAntivirus, SecuredCore).</summary>
    public string? Scenario { get; }

    /// <summary>The CSP name (<c>./Vendor/MSFT/Policy</c>).</summary>
    public string? CspName { get; }

    /// <summary>The CSP path, such as <c>Config/UserRights/AccessFromNetwork</c>.</summary>
    public string? CspPath { get; }

    /// <summary>The CSP's value type (Integer, String, MultiString, Binary).</summary>
    public string? CspValueType { get; }

    /// <summary>The registry key as the catalog writes it (<c>HKLM:\SOFTWARE\...</c>).</summary>
    public string? RegistryKey { get; }

    /// <summary>The registry value name.</summary>
    public string? RegistryValueName { get; }

    /// <summary>The registry type (REG_DWORD, REG_SZ, REG_MULTI_SZ, REG_BINARY).</summary>
    public string? RegistryValueType { get; }

    /// <summary>The value Azure Local applies (raw text; may be quoted, empty or a list).</summary>
    public string? DefaultValue { get; }

    /// <summary>The range of values the setting may take (an expression in the rule language).</summary>
    public string? AllowedValue { get; }

    /// <summary>The expected value as written in the catalog.</summary>
    public string ExpectedValue { get; }

    /// <summary>The parsed expected value, or null when it could not be parsed.</summary>
    public RuleExpression? Expression { get; }

    /// <summary>Why <see cref="ExpectedValue"/> could not be parsed (with the column), or null.</summary>
    public string? ExpressionError { get; }

    /// <summary>The command Microsoft gives to check the setting by hand.</summary>
    public string? Validation { get; }

    /// <summary>CIS benchmark rule id (2610 and later), or null.</summary>
    public string? CisRuleId { get; }

    /// <summary>CIS control (2610 and later), or null.</summary>
    public string? CisControl { get; }

    /// <summary>DISA STIG id (2610 and later), or null.</summary>
    public string? StigId { get; }

    /// <summary>NIST SP 800-53 Rev. 5 controls (2610 and later), or null.</summary>
    public string? Nist80053 { get; }

    /// <summary>What changing the setting exposes (2610 and later).</summary>
    public string? SecurityImpact { get; }

    /// <summary>How risky a change is (2610 and later).</summary>
    public string? ChangeRiskLevel { get; }

    /// <summary>Whether customers may change it (2610 and later).</summary>
    public string? CustomizationPosture { get; }

    /// <summary>The release the catalog is for, such as <c>2610</c>, or the file name for a catalog without one.</summary>
    public string Release { get; }

    /// <summary>The profile (DomainJoined, AdLess), or null for a catalog that does not say.</summary>
    public BaselineProfile? Profile { get; }

    /// <summary>The catalog the rule came from (file name or shipped resource).</summary>
    public string SourceName { get; }

    /// <summary>The line of the CSV the rule starts on (1-based, header is line 1).</summary>
    public int LineNumber { get; }

    /// <summary>2310–2411 catalogs: the Type column (Registry, SecurityPolicy, AuditPolicy).</summary>
    public string? LegacyType { get; }

    /// <summary>2310–2411 catalogs: the Location column (registry key, right name, audit subcategory).</summary>
    public string? LegacyLocation { get; }

    /// <summary>2310–2411 catalogs: the ValueName column.</summary>
    public string? LegacyValueName { get; }

    /// <summary>
    /// The rule's CIS, STIG and NIST SP 800-53 controls in structured form, one per id (a NIST cell naming several controls
    /// gives one each); empty when the catalog maps the rule to none (releases before 2610 have no such columns).
    /// </summary>
    public IReadOnlyList<ComplianceReference> Controls { get; }

    /// <summary>Every reference the rule carries (CIS, STIG, NIST), labelled, for a result's References.</summary>
    public IReadOnlyList<string> References
    {
        get
        {
            var list = new List<string>();
            if (RuleId is not null)
            {
                list.Add("Rule " + RuleId);
            }

            if (CisRuleId is not null)
            {
                list.Add("CIS " + CisRuleId + (CisControl is null ? string.Empty : " (" + CisControl + ")"));
            }

            if (StigId is not null)
            {
                list.Add("STIG " + StigId);
            }

            if (Nist80053 is not null)
            {
                list.Add("NIST SP 800-53 " + Nist80053);
            }

            return list;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} = {ExpectedValue}";

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s!.Trim();

    private static string? Reference(string? s)
    {
        var t = Blank(s);
        return t is null || string.Equals(t, "NA", StringComparison.OrdinalIgnoreCase) || string.Equals(t, "N/A", StringComparison.OrdinalIgnoreCase) ? null : t;
    }
}
