using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Baseline;
using AzureLocalSecurity.Baseline.Analysis;
using AzureLocalSecurity.Baseline.Catalog;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Baseline.Repair;
using AzureLocalSecurity.Baseline.Rules;
using AzureLocalSecurity.Results;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Baseline.Analysis;

public sealed class BaselineAnalyzerTests
{
    public static TheoryData<string, BaselineProfile> ShippedCatalogs()
    {
        var data = new TheoryData<string, BaselineProfile>();
        foreach (var release in ShippedBaselines.Releases)
        {
            data.Add(release, BaselineProfile.DomainJoined);
            if (string.CompareOrdinal(release, "2506") >= 0)
            {
                data.Add(release, BaselineProfile.AdLess);
            }
        }

        return data;
    }

    /// <summary>The settings no documented Windows API reads (see BaselineFactMap): they are Unknown on every node, with the reason.</summary>
    private static bool Unreadable(BaselineRuleResult r) => r.Fact.Source == FactSource.Unsupported || r.Status == CheckStatus.Unknown;

    [Theory]
    [MemberData(nameof(ShippedCatalogs))]
    public void Evidence_built_from_a_catalogs_expected_values_is_compliant_with_every_rule_it_can_read(string release, BaselineProfile profile)
    {
        var catalog = ShippedBaselines.Get(release, profile);
        var bundle = BaselineEvidence.Compliant(catalog, domainJoined: profile == BaselineProfile.DomainJoined, out _, out var contradicted);

        var results = BaselineAnalyzer.Evaluate(catalog.Rules, bundle, BaselineAnalyzer.OptionsFor(catalog));

        var wrong = results.Where(r => r.Status is CheckStatus.NonCompliant or CheckStatus.NotApplicable && !contradicted.Contains(r.RuleName)).Select(r => $"{r.RuleName}: {r.Status} {r.Actual} vs {r.ExpectedValue}").ToList();
        Assert.True(wrong.Count == 0, string.Join("; ", wrong));
        Assert.All(results.Where(r => r.Status == CheckStatus.Unknown), r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));
        var errors = results.Where(r => r.Status == CheckStatus.Error).Select(r => r.RuleName).ToList();
        Assert.Equal(catalog.InvalidRuleCount, errors.Count);
        var compliant = results.Count(r => r.Status == CheckStatus.Compliant);
        Assert.True(contradicted.Count <= 1, string.Join(", ", contradicted));
        Assert.True(compliant >= catalog.Rules.Count - 16, $"{compliant} of {catalog.Rules.Count} compliant; unknown: {string.Join(", ", results.Where(Unreadable).Select(r => r.RuleName))}");
    }

    [Fact]
    public void Flipping_one_fact_flips_exactly_the_rules_that_read_it()
    {
        var catalog = ShippedBaselines.Get("2610", BaselineProfile.DomainJoined);
        var compliant = BaselineEvidence.Compliant(catalog, domainJoined: true, out _);
        var before = BaselineAnalyzer.Evaluate(catalog.Rules, compliant).ToDictionary(r => r.RuleName, r => r.Status);
        var flipped = 0;
        var problems = new List<string>();
        foreach (var rule in catalog.Rules.Where(r => before[r.Name] == CheckStatus.Compliant))
        {
            var fact = BaselineFactMap.Resolve(rule);
            var bad = NonCompliantValue(rule, fact);
            if (bad is null || fact.Source == FactSource.SecuredCoreStatus)
            {
                continue;
            }

            var store = new EvidenceStateStore(compliant);
            store.Write(fact, bad, BaselineEvidence.RegistryTypeOf(rule, bad));
            var after = BaselineAnalyzer.Evaluate(catalog.Rules, store.ToBundle());

            var changed = after.Where(r => r.Status != before[r.RuleName]).ToList();
            if (!changed.Any(r => r.RuleName == rule.Name && r.Status == CheckStatus.NonCompliant) || changed.Any(r => !r.Fact.Equals(fact)))
            {
                problems.Add($"{rule.Name} <- {bad}: {string.Join(", ", changed.Select(r => r.RuleName + " " + r.Status))}");
            }

            flipped++;
        }

        Assert.Empty(problems);
        Assert.True(flipped > 350, $"only {flipped} rules could be flipped");
    }

    [Fact]
    public void A_value_that_cannot_be_read_is_unknown_with_the_reason_never_non_compliant()
    {
        var catalog = ShippedBaselines.Get("2610", BaselineProfile.DomainJoined);

        var results = BaselineAnalyzer.Evaluate(catalog.Rules, Bundles.Windows());

        Assert.DoesNotContain(results, r => r.Status == CheckStatus.NonCompliant);
        Assert.All(results.Where(r => r.Status == CheckStatus.Unknown), r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));
        Assert.True(results.Count(r => r.Status == CheckStatus.Unknown) > 400);
    }

    [Fact]
    public void A_domain_only_rule_on_a_workgroup_node_is_not_applicable()
    {
        var catalog = ShippedBaselines.Get("2610", BaselineProfile.DomainJoined);
        var bundle = BaselineEvidence.Compliant(catalog, domainJoined: false, out _);

        var results = BaselineAnalyzer.Evaluate(catalog.Rules, bundle, BaselineAnalyzer.OptionsFor(catalog));

        var notApplicable = results.Where(r => r.Status == CheckStatus.NotApplicable).Select(r => r.RuleName).ToList();
        Assert.Contains("DigitallyEncryptOrSignSecureChannelDataAlways", notApplicable);
        Assert.Equal(catalog.Rules.Count(r => ShippedBaselines.Get("2610", BaselineProfile.AdLess).Find(r.Name) is null || (r.CspPath ?? string.Empty).Contains("/DomainMember_", StringComparison.Ordinal)), notApplicable.Count);
    }

    [Fact]
    public void An_unparseable_expected_value_is_an_error_with_its_text_never_a_pass()
    {
        var catalog = ShippedBaselines.Get("2506", BaselineProfile.DomainJoined);
        var bundle = BaselineEvidence.Compliant(catalog, domainJoined: true, out _);

        var result = BaselineAnalyzer.Evaluate(catalog.Rules, bundle).Single(r => r.RuleName == "EnabledNTPClient");

        Assert.Equal(CheckStatus.Error, result.Status);
        Assert.Contains("line", result.Reason, StringComparison.Ordinal);
        Assert.Contains("empty", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_compliant_result_carries_expected_actual_source_and_remediation()
    {
        var catalog = ShippedBaselines.Get("2610", BaselineProfile.DomainJoined);
        var store = new EvidenceStateStore(BaselineEvidence.Compliant(catalog, domainJoined: true, out _));
        var rule = catalog.Find("LANManagerAuthenticationLevel")!;
        store.Write(BaselineFactMap.Resolve(rule), FactValue.FromNumber(3), "REG_DWORD");

        var result = BaselineAnalyzer.Evaluate([rule], store.ToBundle()).Single();

        Assert.Equal(CheckStatus.NonCompliant, result.Status);
        Assert.Equal("3", result.Actual);
        Assert.Equal("Equals(5)", result.ExpectedValue);
        Assert.Contains(@"HKLM\SYSTEM\CurrentControlSet\Control\Lsa", result.Source, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("5", result.Remediation, StringComparison.Ordinal);
        Assert.Equal(Severity.Critical, result.ToCheckResult().Severity);
    }

    [Fact]
    public void The_summary_counts_by_status_and_severity()
    {
        var catalog = ShippedBaselines.Get("2610", BaselineProfile.AdLess);
        var store = new EvidenceStateStore(BaselineEvidence.Compliant(catalog, domainJoined: false, out _));
        var rule = catalog.Find("LANManagerAuthenticationLevel")!;
        store.Write(BaselineFactMap.Resolve(rule), FactValue.FromNumber(3), "REG_DWORD");
        var bundle = store.ToBundle();

        var results = BaselineAnalyzer.Evaluate(catalog.Rules, bundle, BaselineAnalyzer.OptionsFor(catalog));
        var summary = new BaselineSummary(bundle.NodeName, catalog.Release, catalog.Profile, results, BaselineAnalyzer.DriftControlEnabled(bundle));

        Assert.Equal(catalog.Rules.Count, summary.Total);
        Assert.Equal(1, summary.NonCompliant);
        Assert.Equal(summary.Total, summary.Compliant + summary.NonCompliant + summary.Unknown + summary.NotApplicable + summary.Error);
        Assert.Equal(Math.Round(100.0 * summary.Compliant / (summary.Compliant + 1), 1), summary.CompliancePercent);
        Assert.True(summary.DriftControlEnabled);
        Assert.Equal("Critical", summary.BySeverity[0].Severity);
        Assert.Equal(1, summary.BySeverity.Single(s => s.Severity == rule.Severity).NonCompliant);
    }

    /// <summary>A value of the fact's kind that the rule rejects, or null when none is found.</summary>
    internal static FactValue? NonCompliantValue(BaselineRule rule, FactRef fact)
    {
        var kind = BaselineFactMap.TargetKind(rule, fact);
        var candidates = new List<FactValue> { FactValue.Absent };
        switch (kind)
        {
            case FactValueKind.Number when fact.Source == FactSource.BuiltinAccount:
                candidates.AddRange(new long[] { 0, 1 }.Select(FactValue.FromNumber));
                break;
            case FactValueKind.Number when fact.Source == FactSource.AuditPolicy:
                candidates.AddRange(new long[] { 0, 1, 2, 3 }.Select(FactValue.FromNumber));
                break;
            case FactValueKind.Number:
                candidates.AddRange(new long[] { 987654, 0, 1, 2, 3 }.Select(FactValue.FromNumber));
                break;
            case FactValueKind.Text:
                candidates.Add(FactValue.FromText("not-the-baseline-value"));
                break;
            case FactValueKind.TextList:
                candidates.Add(FactValue.FromTextList(["not-the-baseline-value"]));
                break;
            case FactValueKind.SidList:
                candidates.Add(FactValue.FromSids(["S-1-1-0", "S-1-5-32-545"]));
                candidates.Add(FactValue.FromSids([]));
                break;
            case FactValueKind.Binary:
                candidates.Add(FactValue.FromBinary([9, 9, 9]));
                break;
            case FactValueKind.KeyValues:
                candidates.Add(FactValue.FromPairs([new("ResetAccountLockoutCounterAfter", "1"), new("AccountLockoutDuration", "1"), new("AccountLockoutThreshold", "50")]));
                break;
        }

        if (fact.Source != FactSource.Registry)
        {
            candidates.RemoveAt(0);
        }

        return candidates.FirstOrDefault(c => !RuleEvaluator.Matches(rule.Expression!, c));
    }
}
