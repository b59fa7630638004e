using System.Collections.Generic;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Results;

namespace AzureLocalSecurity.Baseline.Gpo;

/// <summary>One baseline rule against one GPO backup: whether the GPO satisfies, contradicts or does not touch it, with the GPO's setting as evidence.</summary>
public sealed class GpoRuleResult
{
    internal GpoRuleResult(GpoBackup gpo, BaselineRule rule, FactRef fact, GpoBaselineVerdict verdict, string? gpoValue, string? setting, string? reason)
    {
        GpoName = gpo.DisplayName;
        GpoId = gpo.Id;
        GpoPath = gpo.Path;
        Rule = rule;
        Fact = fact;
        Verdict = verdict;
        GpoValue = gpoValue;
        Setting = setting;
        Reason = reason;
    }

    /// <summary>The GPO's display name from its backup (bkupInfo.xml), or its folder name.</summary>
    public string GpoName { get; }

    /// <summary>The GPO's id from its backup, or null when the backup does not say.</summary>
    public string? GpoId { get; }

    /// <summary>The folder the GPO was read from.</summary>
    public string GpoPath { get; }

    /// <summary>The rule's name.</summary>
    public string RuleName => Rule.Name;

    /// <summary>The rule's title (its control name).</summary>
    public string Title => Rule.ControlName ?? Rule.Name;

    /// <summary>The rule's category.</summary>
    public string Category => Rule.Category;

    /// <summary>The rule's severity.</summary>
    public string Severity => Rule.Severity;

    /// <summary>Satisfies, Contradicts, NotConfigured or Unknown.</summary>
    public GpoBaselineVerdict Verdict { get; }

    /// <summary>What the baseline expects.</summary>
    public string? Expected => Rule.Expression is null ? Rule.ExpectedValue : Rules.RuleDescriber.Describe(Rule.Expression);

    /// <summary>The value the GPO would leave (<c>(deleted)</c> when it deletes it), or null when it does not touch the setting.</summary>
    public string? GpoValue { get; }

    /// <summary>Where in the GPO the setting is: the file and the record or line (<c>Registry.pol: Software\...\Value</c>, <c>GptTmpl.inf [Privilege Rights] SeDebugPrivilege</c>, <c>audit.csv {guid}</c>).</summary>
    public string? Setting { get; }

    /// <summary>Why the verdict is what it is.</summary>
    public string? Reason { get; }

    /// <summary>The setting the rule reads.</summary>
    public FactRef Fact { get; }

    /// <summary>The rule.</summary>
    public BaselineRule Rule { get; }

    /// <summary>The compliance controls the rule maps to.</summary>
    public IReadOnlyList<ComplianceReference> Controls => Rule.Controls;

    /// <inheritdoc />
    public override string ToString() => $"{GpoName}: {RuleName} {Verdict}";
}
