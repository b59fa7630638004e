using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Baseline.Rules;
using Xunit;

namespace AzureLocalSecurity.Tests.Baseline.Rules;

public class RuleParserTests
{
    public static TheoryData<string> ExpressionCatalogs() => new(CatalogCsv.ExpressionCatalogs());

    public static TheoryData<string> OsConfigLists() => new(CatalogCsv.OsConfigLists());

    [Fact]
    public void The_catalogs_in_the_rule_language_are_the_six_from_2506_to_2610()
    {
        Assert.Equal(
            [
                "AzureLocal_SecurityBaseline_2506Adless.csv", "AzureLocal_SecurityBaseline_2506domjoin.csv",
                "AzureLocal_SecurityBaseline_2604Adless.csv", "AzureLocal_SecurityBaseline_2604domjoin.csv",
                "AzureLocal_SecurityBaseline_2610Adless.csv", "AzureLocal_SecurityBaseline_2610domjoin.csv",
            ],
            CatalogCsv.ExpressionCatalogs());
    }

    [Theory]
    [MemberData(nameof(ExpressionCatalogs))]
    public void Every_expected_value_of_an_Azure_Local_catalog_parses(string file)
    {
        var cells = CatalogCells(CatalogCsv.ReadCatalog(file), column => column == "Expected Value");

        var failures = Failures(cells);

        Assert.Empty(failures);
        Assert.True(cells.Count > 350, $"{file}: only {cells.Count} expressions were found");
    }

    [Theory]
    [MemberData(nameof(ExpressionCatalogs))]
    public void Every_allowed_value_of_an_Azure_Local_catalog_parses(string file)
    {
        var cells = CatalogCells(CatalogCsv.ReadCatalog(file), column => column == "Allowed Value");

        Assert.Empty(Failures(cells));
    }

    [Theory]
    [MemberData(nameof(OsConfigLists))]
    public void Every_expected_and_allowed_value_of_an_OSConfig_list_parses(string file)
    {
        var cells = CatalogCells(
            CatalogCsv.ReadVector(file),
            column => column.StartsWith("Expected Value", StringComparison.Ordinal) || column == "Allowed Value");

        Assert.Empty(Failures(cells));
        Assert.NotEmpty(cells);
    }

    [Theory]
    [InlineData("Domain Controller", 316)]
    [InlineData("Member Server", 317)]
    [InlineData("Workgroup Member", 292)]
    public void The_OSConfig_server_list_has_an_expression_per_role_for_most_settings(string role, int count)
    {
        var rows = CatalogCsv.ReadVector("OSConfig_SecurityBaseline_WindowsServer_2025-2510.csv");

        Assert.Equal(count, rows.Count(r => r["Expected Value: " + role].Trim().Length > 0));
    }

    [Theory]
    [MemberData(nameof(ExpressionCatalogs))]
    public void The_canonical_form_of_every_catalog_expression_reads_back_to_itself(string file)
    {
        foreach (var (where, text) in CatalogCells(CatalogCsv.ReadCatalog(file), column => column is "Expected Value" or "Allowed Value"))
        {
            var canonical = RuleParser.Parse(text).ToString();

            Assert.True(canonical == RuleParser.Parse(canonical).ToString(), where + ": " + canonical);
        }
    }

    [Fact]
    public void The_canonical_form_keeps_quotes_numbers_and_open_range_ends()
    {
        var expression = RuleParser.Parse("oneof( Equals('it''s'),Equals(1.50), Range(,7), Equals(null))");

        Assert.Equal("OneOf(Equals('it''s'), Equals(1.50), Range(, 7), Equals(null))", expression.ToString());
        Assert.Equal(expression.ToString(), RuleParser.Parse(expression.ToString()).ToString());
    }

    [Theory]
    [InlineData("Equal(1)", 1)]
    [InlineData("OneOf(Equals(1), Foo(2))", 18)]
    public void An_unknown_operator_is_reported_where_its_name_starts(string text, int column)
    {
        var ex = Assert.Throws<RuleSyntaxException>(() => RuleParser.Parse(text));

        Assert.Equal(column, ex.Column);
        Assert.Contains("Unknown operator", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_quote_is_reported_at_the_opening_quote()
    {
        var ex = Assert.Throws<RuleSyntaxException>(() => RuleParser.Parse("Equals('abc)"));

        Assert.Equal(8, ex.Column);
        Assert.Contains("not closed", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_closing_parenthesis_is_reported_at_the_end()
    {
        var ex = Assert.Throws<RuleSyntaxException>(() => RuleParser.Parse("OneOf(Equals(1), Equals(2)"));

        Assert.Equal(27, ex.Column);
        Assert.Contains("')'", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_range_whose_lower_end_is_above_its_upper_end_is_refused()
    {
        var ex = Assert.Throws<RuleSyntaxException>(() => RuleParser.Parse("Range(5,1)"));

        Assert.Equal(10, ex.Column);
        Assert.Contains("lower end", ex.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_expression_is_refused_at_column_one(string text)
    {
        var ex = Assert.Throws<RuleSyntaxException>(() => RuleParser.Parse(text));

        Assert.Equal(1, ex.Column);
        Assert.Contains("empty", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused_where_the_extra_level_starts()
    {
        var text = string.Concat(Enumerable.Repeat("Not(", RuleParser.MaxDepth)) + "Equals(1)" + new string(')', RuleParser.MaxDepth);

        var ex = Assert.Throws<RuleSyntaxException>(() => RuleParser.Parse(text));

        Assert.Equal((4 * RuleParser.MaxDepth) + 1, ex.Column);
        Assert.Contains("deeper", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_up_to_the_limit_parses()
    {
        var depth = RuleParser.MaxDepth - 1;
        var text = string.Concat(Enumerable.Repeat("Not(", depth)) + "Equals(1)" + new string(')', depth);

        Assert.Equal(RuleOperator.Not, RuleParser.Parse(text).Operator);
    }

    [Fact]
    public void An_expression_longer_than_the_limit_is_refused_just_past_the_limit()
    {
        var text = "Equals('" + new string('a', RuleParser.MaxLength) + "')";

        var ex = Assert.Throws<RuleSyntaxException>(() => RuleParser.Parse(text));

        Assert.Equal(RuleParser.MaxLength + 1, ex.Column);
        Assert.Contains("longer", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_returns_the_error_instead_of_throwing()
    {
        Assert.False(RuleParser.TryParse("Range(a, 1)", out var expression, out var error));

        Assert.Null(expression);
        Assert.Equal(7, error!.Column);
    }

    private static List<(string Where, string Text)> CatalogCells(IReadOnlyList<CatalogRow> rows, Func<string, bool> column)
    {
        var cells = new List<(string, string)>();
        foreach (var row in rows)
        {
            foreach (var name in row.Columns.Where(column))
            {
                if (row[name].Trim().Length > 0)
                {
                    cells.Add(($"{row} [{name}]", row[name]));
                }
            }
        }

        return cells;
    }

    private static List<string> Failures(List<(string Where, string Text)> cells)
    {
        var failures = new List<string>();
        foreach (var (where, text) in cells)
        {
            if (!RuleParser.TryParse(text, out _, out var error))
            {
                failures.Add(where + ": " + error!.Message);
            }
        }

        return failures;
    }
}
