using System;
using System.Linq;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Baseline.Rules;
using Xunit;
using static AzureLocalSecurity.Tests.Baseline.Rules.RuleEvaluatorTests;

namespace AzureLocalSecurity.Tests.Baseline.Rules;

public class RuleRemedyTests
{
    private static RemedyChoice Choose(string expression, FactValue current, string? defaultValue, FactValueKind kind)
    {
        var parsed = RuleParser.Parse(expression);
        var choice = RuleRemedy.Choose(parsed, current, defaultValue, kind);
        if (choice.Target is not null)
        {
            Assert.True(RuleEvaluator.Matches(parsed, choice.Target), $"{expression}: the chosen {choice.Target} does not satisfy it");
        }

        Assert.False(string.IsNullOrWhiteSpace(choice.Reason));
        return choice;
    }

    [Fact]
    public void The_default_value_is_chosen_when_it_satisfies_the_rule()
    {
        var choice = Choose("Range(1, 60)", Num(0), "42", FactValueKind.Number);

        Assert.Equal(Num(42), choice.Target);
        Assert.Contains("default", choice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_default_value_that_does_not_satisfy_the_rule_is_passed_over()
    {
        var choice = Choose("Range(1, 60)", Num(0), "90", FactValueKind.Number);

        Assert.Equal(Num(1), choice.Target);
    }

    [Fact]
    public void A_blank_default_value_is_no_default()
    {
        var choice = Choose("OneOf(Equals('0'), Equals(''))", Txt("1"), " ", FactValueKind.Text);

        Assert.Equal(Txt("0"), choice.Target);
    }

    [Fact]
    public void A_quoted_empty_default_is_the_empty_value()
    {
        Assert.Equal(Sids(), Choose("Equals('')", Sids("S-1-1-0"), "''", FactValueKind.SidList).Target);
        Assert.Equal(Txt(string.Empty), Choose("OneOf(Equals('0'), Equals(''))", Txt("1"), "''", FactValueKind.Text).Target);
    }

    [Fact]
    public void Equals_derives_the_literal_in_the_target_kind()
    {
        Assert.Equal(Num(3389), Choose("Equals(3389)", Num(1), null, FactValueKind.Number).Target);
        Assert.Equal(Txt("1.0"), Choose("Equals('1.0')", Txt("2"), null, FactValueKind.Text).Target);
        Assert.Equal(Txt("5"), Choose("Equals(5)", Txt("2"), null, FactValueKind.Text).Target);
        Assert.Equal(Bin(0x30, 0x30), Choose("Equals('MDA=')", Bin(0x00), null, FactValueKind.Binary).Target);
    }

    [Fact]
    public void Equals_keeps_the_quotes_inside_a_literal()
    {
        Assert.Equal(Txt("'x'"), Choose("Equals('''x''')", Txt("x"), null, FactValueKind.Text).Target);
    }

    [Fact]
    public void Equals_null_derives_deleting_the_value()
    {
        var choice = Choose("Equals(null)", Num(1), null, FactValueKind.Number);

        Assert.Same(FactValue.Absent, choice.Target);
        Assert.Contains("delete", choice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Equals_a_literal_that_is_not_of_the_target_kind_gives_no_target()
    {
        var choice = Choose("Equals('Block')", Txt("x"), null, FactValueKind.Number);

        Assert.Null(choice.Target);
        Assert.Contains("cannot be written as a number", choice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void OneOf_derives_the_first_operand_that_can_be_set()
    {
        Assert.Equal(Num(5), Choose("OneOf(Equals(5),Equals(6))", Num(1), null, FactValueKind.Number).Target);
        Assert.Equal(Num(2), Choose("OneOf(Equals('x'), Equals(2))", Num(1), null, FactValueKind.Number).Target);
    }

    [Fact]
    public void OneOf_with_null_first_derives_deleting()
    {
        Assert.Same(FactValue.Absent, Choose("OneOf(Equals(null), Equals(0))", Num(1), null, FactValueKind.Number).Target);
    }

    [Fact]
    public void Range_keeps_a_current_value_that_is_already_in_it()
    {
        Assert.Equal(Num(30), Choose("Range(1, 60)", Num(30), null, FactValueKind.Number).Target);
    }

    [Fact]
    public void Range_derives_its_lower_end_else_its_upper_end()
    {
        Assert.Equal(Num(14), Choose("Range(14, )", Num(8), null, FactValueKind.Number).Target);
        Assert.Equal(Num(7), Choose("Range(, 7)", Num(8), null, FactValueKind.Number).Target);
        Assert.Equal(Num(1), Choose("Range(1, 60)", FactValue.Absent, null, FactValueKind.Number).Target);
    }

    [Fact]
    public void Range_with_a_fractional_end_gives_no_whole_number()
    {
        Assert.Null(Choose("Range(1.5, 1.7)", Num(3), null, FactValueKind.Number).Target);
    }

    [Fact]
    public void ContainsAtMost_removes_only_the_items_not_allowed_keeping_order()
    {
        var choice = Choose("ContainsAtMost('*S-1-5-32-544', '*S-1-5-11')", Sids("S-1-5-11", "S-1-1-0", "S-1-5-32-544"), null, FactValueKind.SidList);

        Assert.Equal(Sids("S-1-5-11", "S-1-5-32-544"), choice.Target);
        Assert.Contains("S-1-1-0", choice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ContainsAtMost_from_an_absent_value_is_the_empty_list()
    {
        Assert.Equal(List(), Choose("ContainsAtMost('Bowser', 'MRxSmb20', 'NSI')", FactValue.Absent, null, FactValueKind.TextList).Target);
    }

    [Fact]
    public void ContainsAtMost_on_text_keeps_the_allowed_items_joined_with_commas()
    {
        var choice = Choose("ContainsAtMost('NistP256','NistP384')", Txt("curve25519, NistP384"), null, FactValueKind.Text);

        Assert.Equal(Txt("NistP384"), choice.Target);
    }

    [Fact]
    public void ContainsExactly_derives_the_listed_items()
    {
        var choice = Choose("ContainsExactly('*S-1-5-80-0', '*S-1-5-83-0', '*S-1-5-32-544')", Sids("S-1-5-32-544"), null, FactValueKind.SidList);

        Assert.Equal(Sids("S-1-5-80-0", "S-1-5-83-0", "S-1-5-32-544"), choice.Target);
    }

    [Fact]
    public void ContainsAtLeast_adds_the_missing_items_after_the_current_ones()
    {
        var choice = Choose("ContainsAtLeast('*S-1-5-32-546', '*S-1-5-7')", Sids("S-1-5-113", "S-1-5-7"), null, FactValueKind.SidList);

        Assert.Equal(Sids("S-1-5-113", "S-1-5-7", "S-1-5-32-546"), choice.Target);
        Assert.Contains("*S-1-5-32-546", choice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sid_list_target_is_refused_when_an_item_is_not_a_sid()
    {
        Assert.Null(Choose("ContainsExactly('Administrators')", Sids(), null, FactValueKind.SidList).Target);
    }

    [Fact]
    public void AllOf_uses_only_the_default_value()
    {
        var rule = @"AllOf(Pattern('ResetAccountLockoutCounterAfter:[1][5-9]|[2-9]\d|[1-9]\d{2,}'), Pattern('AccountLockoutThreshold:[1-3]'))";

        var withDefault = Choose(rule, Lockout("15", "30", "15"), "AccountLockoutDuration:15, AccountLockoutThreshold:3, ResetAccountLockoutCounterAfter:15", FactValueKind.KeyValues);
        var without = Choose(rule, Lockout("15", "30", "15"), null, FactValueKind.KeyValues);

        Assert.Equal(Lockout("15", "3", "15"), withDefault.Target);
        Assert.Null(without.Target);
    }

    [Fact]
    public void AllOf_with_a_default_that_fails_says_so()
    {
        var choice = Choose("AllOf(Range(1, 5), Not(Equals(3)))", Num(3), "3", FactValueKind.Number);

        Assert.Null(choice.Target);
        Assert.Contains("does not satisfy", choice.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Not(Equals('Administrator'))")]
    [InlineData(@"Pattern('2\.0')")]
    public void Not_and_Pattern_leave_the_choice_to_an_administrator(string rule)
    {
        var choice = Choose(rule, Txt("Administrator"), null, FactValueKind.Text);

        Assert.Null(choice.Target);
        Assert.Contains("administrator must choose", choice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_takes_a_default_that_satisfies_it()
    {
        Assert.Equal(Txt("ASBuiltInAdmin"), Choose("Not(OneOf(Equals('Administrator'), Equals(''), Equals(null)))", Txt("Administrator"), "ASBuiltInAdmin", FactValueKind.Text).Target);
    }

    [Fact]
    public void A_derived_value_that_breaks_another_part_of_the_rule_is_not_chosen()
    {
        // The one listed item 'a,b' written as text reads back as two items, a and b.
        var choice = Choose("ContainsExactly('a,b')", Txt("c"), null, FactValueKind.Text);

        Assert.Null(choice.Target);
        Assert.Contains("does not satisfy", choice.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("42", FactValueKind.Number, "42")]
    [InlineData("'42'", FactValueKind.Number, "42")]
    [InlineData("-1", FactValueKind.Number, "-1")]
    [InlineData("'Block'", FactValueKind.Text, "Block")]
    [InlineData("''", FactValueKind.Text, "")]
    [InlineData("O:BAG:BAD:(A;;RC;;;BA)", FactValueKind.Text, "O:BAG:BAD:(A;;RC;;;BA)")]
    [InlineData("Bowser, MRxSmb20,,NSI", FactValueKind.TextList, "Bowser,MRxSmb20,NSI")]
    [InlineData("''", FactValueKind.TextList, "")]
    [InlineData("*S-1-5-32-544,*S-1-5-11", FactValueKind.SidList, "*S-1-5-32-544,*S-1-5-11")]
    [InlineData("MDA=", FactValueKind.Binary, "MDA=")]
    [InlineData("303030", FactValueKind.Binary, "MDAw")]
    [InlineData("0000", FactValueKind.Binary, "0000")]
    [InlineData("AccountLockoutDuration:15, AccountLockoutThreshold:3", FactValueKind.KeyValues, "AccountLockoutDuration:15, AccountLockoutThreshold:3")]
    public void Convert_reads_a_catalog_value_as_the_kind(string text, FactValueKind kind, string expected)
    {
        var value = RuleRemedy.Convert(text, kind);

        Assert.NotNull(value);
        Assert.Equal(kind, value!.Kind);
        Assert.Equal(expected, value.ToString());
    }

    [Theory]
    [InlineData("1.5", FactValueKind.Number)]
    [InlineData("Block", FactValueKind.Number)]
    [InlineData("99999999999999999999", FactValueKind.Number)]
    [InlineData("Administrators", FactValueKind.SidList)]
    [InlineData("MDA", FactValueKind.Binary)]
    [InlineData("AccountLockoutDuration", FactValueKind.KeyValues)]
    [InlineData("null", FactValueKind.Absent)]
    public void Convert_is_null_when_the_text_cannot_be_the_kind(string text, FactValueKind kind)
    {
        Assert.Null(RuleRemedy.Convert(text, kind));
    }

    [Fact]
    public void Convert_keeps_sid_order_and_drops_the_star()
    {
        var value = RuleRemedy.Convert("*S-1-5-32-544, *S-1-5-11", FactValueKind.SidList)!;

        Assert.Equal(["S-1-5-32-544", "S-1-5-11"], value.Items.ToArray());
    }
}
