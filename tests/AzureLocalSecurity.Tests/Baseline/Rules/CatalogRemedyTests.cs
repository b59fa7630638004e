using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Baseline.Rules;
using Xunit;
using Xunit.Abstractions;

namespace AzureLocalSecurity.Tests.Baseline.Rules;

/// <summary>The evaluator and the remedy chooser over every rule of the 2610 catalogs.</summary>
public class CatalogRemedyTests
{
    private readonly ITestOutputHelper _output;

    public CatalogRemedyTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string> Catalogs2610() => new(CatalogCsv.ExpressionCatalogs().Where(f => f.Contains("_2610", StringComparison.Ordinal)));

    /// <summary>The kind of value a row's setting holds, from its registry or CSP type; null when the row does not say.</summary>
    internal static FactValueKind? TargetKind(CatalogRow row)
    {
        var csp = row["CSP Path"];
        if (csp.StartsWith("Config/UserRights/", StringComparison.OrdinalIgnoreCase))
        {
            return FactValueKind.SidList;
        }

        if (csp.Equals("Config/DeviceLock/AccountLockoutPolicy", StringComparison.OrdinalIgnoreCase))
        {
            return FactValueKind.KeyValues;
        }

        return row["Registry Value Type"].Trim() switch
        {
            "REG_DWORD" => FactValueKind.Number,
            "REG_SZ" => FactValueKind.Text,
            "REG_MULTI_SZ" => FactValueKind.TextList,
            "REG_BINARY" => FactValueKind.Binary,
            _ => row["CSP Value Type"].Trim() switch
            {
                "Integer" => FactValueKind.Number,
                "String" => FactValueKind.Text,
                "MultiString" => FactValueKind.TextList,
                "Binary" => FactValueKind.Binary,
                _ => null,
            },
        };
    }

    [Theory]
    [MemberData(nameof(Catalogs2610))]
    public void Every_target_chosen_for_a_2610_rule_satisfies_the_rule(string file)
    {
        var rows = Rules(file);
        var chosen = 0;
        var notDefault = new List<string>();
        var failures = new List<string>();
        var none = new List<string>();
        var derived = 0;
        foreach (var (row, expression, kind) in rows)
        {
            // From nothing with the catalog's default; then from a wrong value, with and without the default,
            // so that the derivations run over the real expressions too.
            foreach (var (current, defaultValue) in new[] { (FactValue.Absent, row["Default Value"]), (Wrong(kind), row["Default Value"]), (Wrong(kind), null) })
            {
                var choice = RuleRemedy.Choose(expression, current, defaultValue, kind);
                var first = current == FactValue.Absent;
                if (choice.Target is null)
                {
                    if (first)
                    {
                        none.Add($"{row} {row["Name"]} {expression}: {choice.Reason}");
                    }

                    continue;
                }

                if (!RuleEvaluator.Matches(expression, choice.Target))
                {
                    failures.Add($"{row} {expression}: {choice.Target}");
                }

                if (first)
                {
                    chosen++;
                    if (!choice.Reason.StartsWith("The catalog's default", StringComparison.Ordinal))
                    {
                        notDefault.Add($"{row} {row["Name"]} {expression}, default '{row["Default Value"]}': {choice.Target} ({choice.Reason})");
                    }
                }
                else if (defaultValue is null)
                {
                    derived++;
                }
            }
        }

        _output.WriteLine($"{file}: {rows.Count} rules with a target kind; {chosen} yield a target ({chosen - notDefault.Count} the default value); {derived} yield one from the expression alone.");
        _output.WriteLine("Targets other than the default value:");
        notDefault.ForEach(_output.WriteLine);
        _output.WriteLine("No target:");
        none.ForEach(_output.WriteLine);
        Assert.Empty(failures);
        Assert.True(chosen > rows.Count * 9 / 10, $"only {chosen} of {rows.Count} rules yield a target");
    }

    [Theory]
    [MemberData(nameof(Catalogs2610))]
    public void The_default_value_of_every_2610_rule_with_one_can_be_read_as_its_kind(string file)
    {
        var unreadable = Rules(file)
            .Where(r => r.Row["Default Value"].Trim().Length > 0 && RuleRemedy.Convert(r.Row["Default Value"], r.Kind) is null)
            .Select(r => $"{r.Row} {r.Row["Default Value"]} as {r.Kind}")
            .ToList();

        Assert.Empty(unreadable);
    }

    [Fact]
    public void Evaluating_the_whole_2610_domain_joined_catalog_twice_gives_the_same_verdicts()
    {
        // Speed is measured in bench/ (BaselineBenchmarks); this checks the evaluation is deterministic and total.
        var cases = Rules("AzureLocal_SecurityBaseline_2610domjoin.csv")
            .Select(r => (r.Expression, Value: RuleRemedy.Convert(r.Row["Default Value"], r.Kind) ?? FactValue.Absent))
            .ToList();
        Assert.True(cases.Count > 400, cases.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var first = Evaluate(cases);

        Assert.Equal(first, Evaluate(cases));
        _output.WriteLine($"{cases.Count} rules, {first} hold on the default values");
    }

    private static int Evaluate(List<(RuleExpression Expression, FactValue Value)> cases)
    {
        var count = 0;
        foreach (var (expression, value) in cases)
        {
            count += RuleEvaluator.Matches(expression, value) ? 1 : 0;
        }

        return count;
    }

    /// <summary>A current value that fails most rules, so derivations start from something.</summary>
    private static FactValue Wrong(FactValueKind kind) => kind switch
    {
        FactValueKind.Number => FactValue.FromNumber(-7),
        FactValueKind.Text => FactValue.FromText("wrong"),
        FactValueKind.TextList => FactValue.FromTextList(["wrong", "NSI"]),
        FactValueKind.SidList => FactValue.FromSids(["S-1-1-0", "S-1-5-32-544"]),
        FactValueKind.Binary => FactValue.FromBinary([0x01]),
        _ => FactValue.FromPairs([new KeyValuePair<string, string>("AccountLockoutThreshold", "30")]),
    };

    private static List<(CatalogRow Row, RuleExpression Expression, FactValueKind Kind)> Rules(string file)
    {
        var list = new List<(CatalogRow, RuleExpression, FactValueKind)>();
        foreach (var row in CatalogCsv.ReadCatalog(file))
        {
            var kind = TargetKind(row);
            if (kind is not null && row["Expected Value"].Trim().Length > 0)
            {
                list.Add((row, RuleParser.Parse(row["Expected Value"]), kind.Value));
            }
        }

        return list;
    }
}
