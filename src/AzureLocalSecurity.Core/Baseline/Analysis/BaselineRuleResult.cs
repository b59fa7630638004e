using System;
using System.Collections.Generic;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Results;

namespace AzureLocalSecurity.Baseline.Analysis;

/// <summary>
/// The verdict on one baseline rule for one node, with its evidence: what the rule expects, what the node has,
/// where that came from, who manages it, and why when it could not be decided. Shares its shape with
/// <see cref="SecurityCheckResult"/> (see <see cref="ToCheckResult"/>).
/// </summary>
public sealed class BaselineRuleResult
{
    internal BaselineRuleResult(BaselineRule rule, FactRef fact, CheckStatus status, string? actual, FactValue? actualValue, string? source, string? owner, string? reason, string? remediation, string nodeName)
    {
        Rule = rule ?? throw new ArgumentNullException(nameof(rule));
        Fact = fact ?? throw new ArgumentNullException(nameof(fact));
        Status = status;
        Actual = actual;
        ActualValue = actualValue;
        Source = source;
        Owner = owner;
        Reason = reason;
        Remediation = remediation;
        NodeName = nodeName ?? throw new ArgumentNullException(nameof(nodeName));
        if ((status == CheckStatus.Unknown || status == CheckStatus.Error || status == CheckStatus.NotApplicable) && string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException($"A result with status {status} must say why.", nameof(reason));
        }
    }

    /// <summary>The rule's name, the result's stable id within its catalog.</summary>
    public string Id => Rule.Name;

    /// <summary>The rule's name.</summary>
    public string RuleName => Rule.Name;

    /// <summary>The control's title (or the name when the catalog has none).</summary>
    public string Title => Rule.ControlName ?? Rule.Name;

    /// <summary>Always <c>Baseline</c>.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "An instance property, so PowerShell shows it with the result like SecurityCheckResult.Area.")]
    public string Area => "Baseline";

    /// <summary>The rule's category (Registry, Security Policy, Security Options, Audit Policy, SecuredCore).</summary>
    public string Category => Rule.Category;

    /// <summary>The verdict.</summary>
    public CheckStatus Status { get; }

    /// <summary>The catalog's severity (Critical, Important, Warning, Informational).</summary>
    public string Severity => Rule.Severity;

    /// <summary>The expected value in words.</summary>
    public string? Expected => Rule.Expression is null ? Rule.ExpectedValue : Rules.RuleDescriber.Describe(Rule.Expression);

    /// <summary>The expected value as the catalog writes it.</summary>
    public string ExpectedValue => Rule.ExpectedValue;

    /// <summary>What the node has, as read (<c>(absent)</c> when the value does not exist); null when unknown.</summary>
    public string? Actual { get; }

    /// <summary>The typed actual value, or null when unknown.</summary>
    public FactValue? ActualValue { get; }

    /// <summary>Where the actual value came from.</summary>
    public string? Source { get; }

    /// <summary>Who manages the setting when that can be told (Group Policy, MDM, OSConfig), or null.</summary>
    public string? Owner { get; }

    /// <summary>Why the result is Unknown, Error or NotApplicable, or a note.</summary>
    public string? Reason { get; }

    /// <summary>What to do to become compliant.</summary>
    public string? Remediation { get; }

    /// <summary>The rule id, CIS, STIG and NIST SP 800-53 references.</summary>
    public IReadOnlyList<string> References => Rule.References;

    /// <summary>The rule's CIS, STIG and NIST SP 800-53 controls, one per id (<see cref="BaselineRule.Controls"/>).</summary>
    public IReadOnlyList<ComplianceReference> Controls => Rule.Controls;

    /// <summary>The release of the catalog.</summary>
    public string Release => Rule.Release;

    /// <summary>Where on the node the value lives.</summary>
    public FactRef Fact { get; }

    /// <summary>The rule with every catalog column.</summary>
    public BaselineRule Rule { get; }

    /// <summary>The node the result is about.</summary>
    public string NodeName { get; }

    /// <summary>The catalog's severity on the module's common scale: Critical, Important = High, Warning = Medium, Informational; otherwise Medium.</summary>
    public Severity CommonSeverity => Rule.Severity.ToUpperInvariant() switch
    {
        "CRITICAL" => Results.Severity.Critical,
        "IMPORTANT" => Results.Severity.High,
        "WARNING" => Results.Severity.Medium,
        "INFORMATIONAL" => Results.Severity.Informational,
        _ => Results.Severity.Medium,
    };

    /// <summary>The same verdict as the module's common result type.</summary>
    public SecurityCheckResult ToCheckResult() =>
        new(Id, Title, Area, Status, CommonSeverity, Expected, Actual, Source, Reason, Remediation, References, NodeName, Rule.Controls);

    /// <inheritdoc />
    public override string ToString() => $"{RuleName} {Status}";
}
