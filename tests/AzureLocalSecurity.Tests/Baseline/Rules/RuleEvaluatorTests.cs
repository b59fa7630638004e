using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Baseline.Rules;
using Xunit;

namespace AzureLocalSecurity.Tests.Baseline.Rules;

public class RuleEvaluatorTests
{
    private const string ResetAfter = @"Pattern('ResetAccountLockoutCounterAfter:[1][5-9]|[2-9]\d|[1-9]\d{2,}')";
    private const string Threshold = "Pattern('AccountLockoutThreshold:[1-3]')";

    internal static FactValue Num(long n) => FactValue.FromNumber(n);

    internal static FactValue Txt(string s) => FactValue.FromText(s);

    internal static FactValue List(params string[] items) => FactValue.FromTextList(items);

    internal static FactValue Sids(params string[] sids) => FactValue.FromSids(sids);

    internal static FactValue Bin(params byte[] bytes) => FactValue.FromBinary(bytes);

    internal static FactValue Lockout(string duration, string threshold, string reset) => FactValue.FromPairs(
    [
        new KeyValuePair<string, string>("AccountLockoutDuration", duration),
        new KeyValuePair<string, string>("AccountLockoutThreshold", threshold),
        new KeyValuePair<string, string>("ResetAccountLockoutCounterAfter", reset),
    ]);

    private static bool Matches(string expression, FactValue actual) => RuleEvaluator.Matches(RuleParser.Parse(expression), actual);

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(60, true)]
    [InlineData(61, false)]
    public void Range_includes_both_ends_and_nothing_beyond(long value, bool expected)
    {
        Assert.Equal(expected, Matches("Range(1, 60)", Num(value)));
    }

    [Theory]
    [InlineData(13, false)]
    [InlineData(14, true)]
    [InlineData(long.MaxValue, true)]
    public void Range_with_an_open_upper_end_has_no_upper_bound(long value, bool expected)
    {
        Assert.Equal(expected, Matches("Range(14, )", Num(value)));
    }

    [Theory]
    [InlineData(long.MinValue, true)]
    [InlineData(7, true)]
    [InlineData(8, false)]
    public void Range_with_an_open_lower_end_has_no_lower_bound(long value, bool expected)
    {
        Assert.Equal(expected, Matches("Range(, 7)", Num(value)));
    }

    [Theory]
    [InlineData(" 5 ", true)]
    [InlineData("4.5", false)]
    [InlineData("5.0", true)]
    [InlineData("five", false)]
    [InlineData("", false)]
    public void Range_reads_a_text_as_a_decimal(string text, bool expected)
    {
        Assert.Equal(expected, Matches("Range(5, 10)", Txt(text)));
    }

    [Fact]
    public void Range_does_not_match_an_absent_value()
    {
        Assert.False(Matches("Range(, 7)", FactValue.Absent));
    }

    [Fact]
    public void Range_does_not_match_a_list()
    {
        Assert.False(Matches("Range(0, 10)", List("5")));
    }

    [Fact]
    public void Equals_a_number_matches_the_same_number()
    {
        Assert.True(Matches("Equals(537395200)", Num(537395200)));
        Assert.False(Matches("Equals(537395200)", Num(537395216)));
    }

    [Fact]
    public void Equals_a_number_compares_as_a_decimal()
    {
        Assert.True(Matches("Equals(1.0)", Num(1)));
        Assert.False(Matches("Equals(1.5)", Num(1)));
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData(" 1 ", true)]
    [InlineData("01", true)]
    [InlineData("1.00", true)]
    [InlineData("2", false)]
    [InlineData("0x1", false)]
    public void Equals_a_number_matches_a_text_that_reads_as_that_number(string text, bool expected)
    {
        Assert.Equal(expected, Matches("Equals(1)", Txt(text)));
    }

    [Fact]
    public void Equals_a_number_does_not_match_a_list_holding_it()
    {
        Assert.False(Matches("Equals(1)", List("1")));
    }

    [Fact]
    public void Equals_a_quoted_number_matches_a_number()
    {
        Assert.True(Matches("Equals('1000000000000')", Num(1000000000000)));
        Assert.False(Matches("Equals('1.2')", Num(1)));
    }

    [Fact]
    public void Equals_a_string_ignores_case()
    {
        Assert.True(Matches("Equals('Block')", Txt("BLOCK")));
        Assert.False(Matches("Equals('Block')", Txt("Block ")));
    }

    [Fact]
    public void Equals_null_matches_only_an_absent_value()
    {
        Assert.True(Matches("Equals(null)", FactValue.Absent));
        Assert.False(Matches("Equals(null)", Txt(string.Empty)));
        Assert.False(Matches("Equals(null)", Num(0)));
        Assert.False(Matches("Equals(null)", List()));
    }

    [Fact]
    public void An_absent_value_does_not_equal_the_empty_string_or_zero()
    {
        Assert.False(Matches("Equals('')", FactValue.Absent));
        Assert.False(Matches("Equals(0)", FactValue.Absent));
    }

    [Fact]
    public void The_empty_string_equals_empty_text_and_an_empty_list()
    {
        Assert.True(Matches("Equals('')", Txt(string.Empty)));
        Assert.True(Matches("Equals('')", List()));
        Assert.True(Matches("Equals('')", Sids()));
        Assert.False(Matches("Equals('')", List("a")));
    }

    [Fact]
    public void An_absent_value_matches_only_through_Equals_null()
    {
        foreach (var expression in new[] { "Equals('x')", "Range(0, )", "Pattern('.*')", "Contains('x')", "ContainsAtMost('x')", "ContainsExactly('x')", "ContainsAtLeast('x')" })
        {
            Assert.False(Matches(expression, FactValue.Absent), expression);
        }

        Assert.True(Matches("OneOf(Equals(0), Equals(null))", FactValue.Absent));
    }

    [Fact]
    public void Equals_a_string_matches_a_list_as_a_set_ignoring_order_case_and_spaces()
    {
        Assert.True(Matches("Equals('NistP256, nistp384')", List("NistP384", "NistP256")));
        Assert.False(Matches("Equals('NistP256')", List("NistP384", "NistP256")));
        Assert.False(Matches("Equals('NistP256,NistP384,curve25519')", List("NistP384", "NistP256")));
    }

    [Fact]
    public void Equals_a_string_matches_a_list_with_empty_items_dropped_on_both_sides()
    {
        Assert.True(Matches("Equals('a,,b,')", List("b", string.Empty, "a")));
    }

    [Fact]
    public void Equals_a_string_matches_a_sid_list_with_or_without_the_star()
    {
        var holders = Sids("S-1-5-32-544", "*S-1-5-11");

        Assert.True(Matches("Equals('*S-1-5-11,*S-1-5-32-544')", holders));
        Assert.True(Matches("Equals('S-1-5-32-544, s-1-5-11')", holders));
        Assert.False(Matches("Equals('*S-1-5-32-544')", holders));
    }

    [Fact]
    public void Binary_equals_its_base64_and_not_another_value_s()
    {
        var asciiZeros = Bin(0x30, 0x30);
        var zeroByte = Bin(0x00);

        Assert.True(Matches("Equals('MDA=')", asciiZeros));
        Assert.False(Matches("Equals('AA==')", asciiZeros));
        Assert.True(Matches("Equals('AA==')", zeroByte));
        Assert.False(Matches("Equals('MDA=')", zeroByte));
    }

    [Fact]
    public void Binary_equals_its_hex_digits()
    {
        Assert.True(Matches("Equals('3030')", Bin(0x30, 0x30)));
        Assert.True(Matches("Equals('0aFF')", Bin(0x0A, 0xFF)));
        Assert.False(Matches("Equals('303')", Bin(0x30, 0x30)));
    }

    [Fact]
    public void Binary_base64_compares_case_sensitively()
    {
        Assert.False(Matches("Equals('mda=')", Bin(0x30, 0x30)));
    }

    [Fact]
    public void Binary_may_match_one_of_two_accepted_values()
    {
        var expression = "OneOf(Equals('MDA='),Equals('AA=='))";

        Assert.True(Matches(expression, Bin(0x30, 0x30)));
        Assert.True(Matches(expression, Bin(0x00)));
        Assert.False(Matches(expression, Bin(0x01)));
    }

    [Fact]
    public void Equals_key_values_compares_as_a_map()
    {
        var policy = Lockout("15", "3", "15");

        Assert.True(Matches("Equals('resetaccountlockoutcounterafter:15, AccountLockoutDuration:15.0, AccountLockoutThreshold: 3')", policy));
        Assert.False(Matches("Equals('AccountLockoutDuration:15, AccountLockoutThreshold:3')", policy));
        Assert.False(Matches("Equals('AccountLockoutDuration:15, AccountLockoutThreshold:4, ResetAccountLockoutCounterAfter:15')", policy));
    }

    [Fact]
    public void Equals_key_values_is_false_for_text_that_is_not_pairs()
    {
        Assert.False(Matches("Equals('15')", Lockout("15", "3", "15")));
    }

    [Theory]
    [InlineData("0", false)]
    [InlineData("1", true)]
    [InlineData("3", true)]
    [InlineData("4", false)]
    [InlineData("30", false)]
    [InlineData("13", false)]
    public void A_lockout_threshold_pattern_is_matched_whole_against_the_threshold_only(string threshold, bool expected)
    {
        Assert.Equal(expected, Matches(Threshold, Lockout("15", threshold, "15")));
    }

    [Theory]
    [InlineData("14", false)]
    [InlineData("15", true)]
    [InlineData("19", true)]
    [InlineData("20", true)]
    [InlineData("99", true)]
    [InlineData("100", true)]
    [InlineData("9", false)]
    [InlineData("1", false)]
    public void A_lockout_reset_pattern_means_fifteen_minutes_or_more(string reset, bool expected)
    {
        Assert.Equal(expected, Matches(ResetAfter, Lockout("30", "3", reset)));
    }

    [Fact]
    public void The_Microsoft_lockout_rule_holds_for_the_Azure_Local_default()
    {
        var rule = "AllOf(" + ResetAfter + @", Pattern('AccountLockoutDuration:[1][5-9]|[2-9]\d|[1-9]\d{2,}'), " + Threshold + ")";

        Assert.True(Matches(rule, Lockout("15", "3", "15")));
        Assert.False(Matches(rule, Lockout("15", "30", "15")));
        Assert.False(Matches(rule, Lockout("10", "3", "15")));
    }

    [Fact]
    public void A_key_prefixed_pattern_on_pairs_matches_the_key_without_regard_to_case()
    {
        Assert.True(Matches("Pattern('accountlockoutthreshold:[1-3]')", Lockout("15", "2", "15")));
    }

    [Fact]
    public void A_pattern_on_pairs_without_a_key_prefix_matches_their_text_form()
    {
        Assert.True(Matches("Pattern('3, Reset')", Lockout("15", "3", "15")));
        Assert.False(Matches("Pattern('^AccountLockoutThreshold')", Lockout("15", "3", "15")));
    }

    [Fact]
    public void A_bound_on_a_key_the_policy_lacks_is_not_met()
    {
        // Read against the whole text, Microsoft's unanchored alternation would pass on another key's digits.
        Assert.False(Matches(@"Pattern('LockoutWindow:[1][5-9]|[2-9]\d')", Lockout("30", "3", "30")));
        Assert.False(Matches("Pattern('Threshold:3, Reset')", Lockout("15", "3", "15")));
    }

    [Fact]
    public void A_pattern_searches_text_without_anchors_and_with_case()
    {
        Assert.True(Matches(@"Pattern('2\.0')", Txt("2.0, 0, 1.59")));
        Assert.False(Matches(@"Pattern('2\.0')", Txt("1.2")));
        Assert.True(Matches(@"Pattern('\.log$')", Txt(@"%SystemRoot%\System32\logfiles\firewall\domainfw.log")));
        Assert.False(Matches("Pattern('Block')", Txt("block")));
    }

    [Fact]
    public void A_pattern_matches_a_number_s_decimal_digits()
    {
        Assert.True(Matches("Pattern('^-?[0-9]{3}$')", Num(-100)));
        Assert.False(Matches("Pattern('^[0-9]{3}$')", Num(1000)));
    }

    [Fact]
    public void A_pattern_matches_a_sid_list_in_secedit_form()
    {
        var holders = Sids("S-1-5-32-544", "S-1-5-11");

        Assert.True(Matches(@"Pattern('^(\*S-1-[\d\-]+)(,\*S-1-[\d\-]+)*$')", holders));
    }

    [Fact]
    public void A_pattern_matches_binary_as_base64_and_lists_joined_with_commas()
    {
        Assert.True(Matches("Pattern('^MDA=$')", Bin(0x30, 0x30)));
        Assert.True(Matches("Pattern('^a,b$')", List("a", "b")));
    }

    [Fact]
    public void A_pattern_that_runs_too_long_is_an_evaluation_error_not_a_verdict()
    {
        var ex = Assert.Throws<RuleEvaluationException>(() => Matches("Pattern('^(a+)+$')", Txt(new string('a', 5000) + "!")));

        Assert.Equal("^(a+)+$", ex.Pattern);
        Assert.Contains("100 ms", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Patterns_evaluate_correctly_from_many_threads()
    {
        var results = new bool[4000];

        Parallel.For(0, results.Length, i =>
        {
            var pattern = "Pattern('^" + (i % 300).ToString(System.Globalization.CultureInfo.InvariantCulture) + "$')";
            results[i] = Matches(pattern, Num(i % 300)) && !Matches(pattern, Num((i % 300) + 1));
        });

        Assert.All(results, Assert.True);
    }

    [Fact]
    public void Contains_finds_a_substring_of_text_ignoring_case()
    {
        Assert.True(Matches("Contains('.log')", Txt(@"C:\fw\PRIVATEFW.LOG")));
        Assert.False(Matches("Contains('.log')", Txt(@"C:\fw\privatefw.txt")));
    }

    [Fact]
    public void Contains_finds_an_item_of_a_list_not_a_part_of_one()
    {
        Assert.True(Matches("Contains('NSI')", List("Bowser", "nsi")));
        Assert.False(Matches("Contains('NS')", List("Bowser", "NSI")));
    }

    [Fact]
    public void Contains_finds_a_sid_with_or_without_the_star()
    {
        Assert.True(Matches("Contains('*S-1-5-32-546')", Sids("S-1-5-32-546")));
        Assert.True(Matches("Contains('S-1-5-32-546')", Sids("*S-1-5-32-546")));
        Assert.False(Matches("Contains('*S-1-5-32-54')", Sids("S-1-5-32-546")));
    }

    [Fact]
    public void Contains_on_a_number_means_equal()
    {
        Assert.True(Matches("Contains(5)", Num(5)));
        Assert.True(Matches("Contains('5')", Num(5)));
        Assert.False(Matches("Contains(5)", Num(55)));
    }

    [Fact]
    public void Contains_does_not_look_into_binary_or_pairs()
    {
        Assert.False(Matches("Contains('MDA')", Bin(0x30, 0x30)));
        Assert.False(Matches("Contains('15')", Lockout("15", "3", "15")));
    }

    [Fact]
    public void ContainsAtMost_accepts_a_subset_including_the_empty_one()
    {
        var rule = "ContainsAtMost('*S-1-5-32-544', '*S-1-5-11')";

        Assert.True(Matches(rule, Sids("S-1-5-32-544", "S-1-5-11")));
        Assert.True(Matches(rule, Sids("S-1-5-11")));
        Assert.True(Matches(rule, Sids()));
    }

    [Fact]
    public void ContainsAtMost_refuses_an_extra_item()
    {
        Assert.False(Matches("ContainsAtMost('*S-1-5-32-544', '*S-1-5-11')", Sids("S-1-5-32-544", "S-1-1-0")));
    }

    [Fact]
    public void ContainsAtMost_compares_sids_with_or_without_the_star()
    {
        Assert.True(Matches("ContainsAtMost('S-1-5-32-544')", Sids("*S-1-5-32-544")));
        Assert.True(Matches("ContainsAtMost('*S-1-5-32-544')", Txt("S-1-5-32-544")));
        Assert.True(Matches("ContainsAtMost('S-1-5-32-544')", List("*S-1-5-32-544")));
    }

    [Fact]
    public void ContainsAtMost_reads_text_as_comma_separated_items()
    {
        var rule = "ContainsAtMost('NistP256','NistP384')";

        Assert.True(Matches(rule, Txt("nistP384, NistP256,")));
        Assert.True(Matches(rule, Txt(string.Empty)));
        Assert.False(Matches(rule, Txt("NistP256,curve25519")));
    }

    [Fact]
    public void ContainsAtMost_reads_a_number_as_one_item()
    {
        Assert.True(Matches("ContainsAtMost(1, 2)", Num(2)));
        Assert.False(Matches("ContainsAtMost(1, 2)", Num(3)));
    }

    [Fact]
    public void ContainsExactly_needs_the_same_set_in_any_order()
    {
        var rule = "ContainsExactly('*S-1-5-80-0', '*S-1-5-83-0', '*S-1-5-32-544')";

        Assert.True(Matches(rule, Sids("S-1-5-32-544", "S-1-5-80-0", "S-1-5-83-0")));
        Assert.True(Matches(rule, Sids("S-1-5-32-544", "S-1-5-80-0", "S-1-5-83-0", "S-1-5-80-0")));
        Assert.False(Matches(rule, Sids("S-1-5-32-544", "S-1-5-80-0")));
        Assert.False(Matches(rule, Sids("S-1-5-32-544", "S-1-5-80-0", "S-1-5-83-0", "S-1-5-19")));
    }

    [Fact]
    public void ContainsAtLeast_needs_every_listed_item_and_allows_more()
    {
        var rule = "ContainsAtLeast('*S-1-5-32-546')";

        Assert.True(Matches(rule, Sids("S-1-5-32-546")));
        Assert.True(Matches(rule, Sids("S-1-5-32-546", "S-1-5-7")));
        Assert.False(Matches(rule, Sids("S-1-5-7")));
        Assert.False(Matches(rule, Sids()));
    }

    [Fact]
    public void ContainsAtLeast_star_in_text_is_the_wildcard_item_not_a_sid_marker()
    {
        Assert.True(Matches("ContainsAtLeast('*')", Txt("*")));
        Assert.True(Matches("ContainsAtLeast('*')", Txt("host1, *")));
        Assert.False(Matches("ContainsAtLeast('*')", Txt("host1")));
    }

    [Fact]
    public void The_contains_operators_do_not_match_binary_or_pairs()
    {
        Assert.False(Matches("ContainsAtMost('MDA=')", Bin(0x30, 0x30)));
        Assert.False(Matches("ContainsAtLeast('15')", Lockout("15", "3", "15")));
    }

    [Fact]
    public void Large_sets_compare_the_same_as_small_ones()
    {
        var allowed = Enumerable.Range(0, 100).Select(i => "'*S-1-5-21-" + i + "'").ToArray();
        var rule = RuleParser.Parse("ContainsAtMost(" + string.Join(",", allowed) + ")");
        var holders = Enumerable.Range(0, 60).Select(i => "S-1-5-21-" + i).ToList();

        Assert.True(RuleEvaluator.Matches(rule, Sids([.. holders])));
        Assert.False(RuleEvaluator.Matches(rule, Sids([.. holders, "S-1-5-21-100"])));
    }

    [Fact]
    public void OneOf_needs_one_operand_to_hold()
    {
        Assert.True(Matches("OneOf(Equals(5),Equals(6))", Num(6)));
        Assert.False(Matches("OneOf(Equals(5),Equals(6))", Num(7)));
    }

    [Fact]
    public void AllOf_needs_every_operand_to_hold()
    {
        Assert.True(Matches("AllOf(Range(1, 10), Not(Equals(5)))", Num(4)));
        Assert.False(Matches("AllOf(Range(1, 10), Not(Equals(5)))", Num(5)));
    }

    [Fact]
    public void Not_negates_including_for_an_absent_value()
    {
        Assert.True(Matches("Not(Equals('Administrator'))", Txt("ASBuiltInAdmin")));
        Assert.False(Matches("Not(Equals('Administrator'))", Txt("administrator")));
        Assert.True(Matches("Not(Equals('Administrator'))", FactValue.Absent));
        Assert.False(Matches("Not(OneOf(Equals('Administrator'), Equals(''), Equals(null)))", FactValue.Absent));
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => RuleEvaluator.Matches(null!, FactValue.Absent));
        Assert.Throws<ArgumentNullException>(() => RuleEvaluator.Matches(RuleParser.Parse("Equals(1)"), null!));
    }
}
