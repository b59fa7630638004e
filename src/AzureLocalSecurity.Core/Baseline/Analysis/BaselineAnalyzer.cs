using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AzureLocalSecurity.Baseline.Catalog;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Baseline.Rules;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Results;

namespace AzureLocalSecurity.Baseline.Analysis;

/// <summary>
/// Evaluates a catalog against one node's evidence, rule by rule. Pure: the same bundle and catalog always give
/// the same results. A value that could not be read is Unknown (never NonCompliant); an expected value that
/// does not parse is Error; a domain-only rule on a workgroup node is NotApplicable.
/// </summary>
public static class BaselineAnalyzer
{
    /// <summary>Every rule's result, in catalog order.</summary>
    public static IReadOnlyList<BaselineRuleResult> Evaluate(IEnumerable<BaselineRule> rules, EvidenceBundle bundle, BaselineEvaluationOptions? options = null)
    {
        if (rules is null)
        {
            throw new ArgumentNullException(nameof(rules));
        }

        if (bundle is null)
        {
            throw new ArgumentNullException(nameof(bundle));
        }

        var list = rules.ToList();
        var reader = new BaselineFactReader(bundle, list);
        return list.Select(r => Evaluate(r, reader, bundle.NodeName, options)).ToList();
    }

    /// <summary>The result of one rule against facts already indexed.</summary>
    public static BaselineRuleResult Evaluate(BaselineRule rule, BaselineFactReader reader, string nodeName, BaselineEvaluationOptions? options = null)
    {
        if (rule is null)
        {
            throw new ArgumentNullException(nameof(rule));
        }

        if (reader is null)
        {
            throw new ArgumentNullException(nameof(reader));
        }

        var fact = BaselineFactMap.Resolve(rule);
        if (rule.Expression is null)
        {
            return new BaselineRuleResult(rule, fact, CheckStatus.Error, null, null, null, null,
                $"{rule.SourceName}, line {rule.LineNumber}: the expected value \"{rule.ExpectedValue}\" cannot be evaluated: {rule.ExpressionError}", null, nodeName);
        }

        if (IsDomainOnly(rule, options) && reader.IsDomainJoined == false)
        {
            return new BaselineRuleResult(rule, fact, CheckStatus.NotApplicable, null, null, null, null,
                "The rule applies to domain members; this node is not joined to a domain.", null, nodeName);
        }

        var reading = reader.Read(fact);
        if (reading.Value is null)
        {
            return new BaselineRuleResult(rule, fact, CheckStatus.Unknown, null, null, reading.Source, reading.Owner, reading.UnknownReason!, null, nodeName);
        }

        bool matches;
        try
        {
            matches = RuleEvaluator.Matches(rule.Expression, reading.Value);
        }
        catch (RuleEvaluationException ex)
        {
            return new BaselineRuleResult(rule, fact, CheckStatus.Error, reading.Value.ToString(), reading.Value, reading.Source, reading.Owner, ex.Message, null, nodeName);
        }

        if (matches)
        {
            return new BaselineRuleResult(rule, fact, CheckStatus.Compliant, reading.Value.ToString(), reading.Value, reading.Source, reading.Owner, null, null, nodeName);
        }

        return new BaselineRuleResult(rule, fact, CheckStatus.NonCompliant, reading.Value.ToString(), reading.Value, reading.Source, reading.Owner,
            reading.Owner is null ? null : $"The setting is managed by {reading.Owner}; change it there.", Remediation(rule, fact, reading.Value), nodeName);
    }

    /// <summary>The options for a shipped catalog: its domain-only rules are those missing from the same release's AD-less list.</summary>
    public static BaselineEvaluationOptions OptionsFor(BaselineCatalog catalog)
    {
        if (catalog is null)
        {
            throw new ArgumentNullException(nameof(catalog));
        }

        var options = new BaselineEvaluationOptions();
        if (catalog.Profile == BaselineProfile.DomainJoined && ShippedBaselines.Releases.Contains(catalog.Release, StringComparer.OrdinalIgnoreCase))
        {
            var adless = ShippedBaselines.Get(catalog.Release, BaselineProfile.AdLess);
            if (adless.Profile == BaselineProfile.AdLess)
            {
                foreach (var rule in catalog.Rules.Where(r => adless.Find(r.Name) is null))
                {
                    options.DomainOnlyRules.Add(rule.Name);
                }
            }
        }

        return options;
    }

    /// <summary>Whether Azure Local's drift control is on, from the bundle; null when the bundle could not tell.</summary>
    public static bool? DriftControlEnabled(EvidenceBundle bundle)
    {
        var item = (bundle ?? throw new ArgumentNullException(nameof(bundle))).Find(EvidenceIds.AzureLocalDriftControl);
        return item is { Succeeded: true, Records.Count: 1 } ? item.Records[0].Get("Enabled")?.AsBoolean() : null;
    }

    private static bool IsDomainOnly(BaselineRule rule, BaselineEvaluationOptions? options) =>
        (options?.DomainOnlyRules.Contains(rule.Name) ?? false)
        || (rule.CspPath?.IndexOf("/DomainMember_", StringComparison.OrdinalIgnoreCase) ?? -1) >= 0;

    private static string Remediation(BaselineRule rule, FactRef fact, FactValue current)
    {
        var choice = RuleRemedy.Choose(rule.Expression!, current, rule.DefaultValue, BaselineFactMap.TargetKind(rule, fact));
        var target = choice.Target is null ? null
            : choice.Target.Kind == FactValueKind.Absent ? "remove the value"
            : "set it to " + choice.Target;
        return target is null
            ? string.Format(CultureInfo.InvariantCulture, "Set {0} to a value that is {1}.", fact, RuleDescriber.Describe(rule.Expression!))
            : string.Format(CultureInfo.InvariantCulture, "{0}: {1} (Repair-ALSecurityBaseline -Name '{2}').", fact, target, rule.Name);
    }
}
