using AzureLocalSecurity.Baseline.Rules;
using Xunit;

namespace AzureLocalSecurity.Tests.Baseline.Rules;

public class RuleDescriberTests
{
    [Theory]
    [InlineData("Equals(1)", "1")]
    [InlineData("Equals('Block')", "Block")]
    [InlineData("Equals('')", "empty")]
    [InlineData("Equals(null)", "not set")]
    [InlineData("OneOf(Equals(0), Equals(null))", "0 or not set")]
    [InlineData("OneOf(Equals(2),Equals(4),Equals(6))", "2, 4 or 6")]
    [InlineData("Range(1, 60)", "1 to 60")]
    [InlineData("Range(14, )", "at least 14")]
    [InlineData("Range(, 7)", "at most 7")]
    [InlineData("Range(3, 3)", "3")]
    [InlineData("ContainsAtMost('*S-1-5-32-544', '*S-1-5-11')", "only *S-1-5-32-544, *S-1-5-11 (or fewer)")]
    [InlineData("ContainsExactly('*S-1-5-32-544')", "exactly *S-1-5-32-544")]
    [InlineData("ContainsAtLeast('*S-1-5-32-546')", "including *S-1-5-32-546")]
    [InlineData("Contains('.log')", "containing .log")]
    [InlineData(@"Pattern('2\.0')", @"matching /2\.0/")]
    [InlineData("Not(Equals('Administrator'))", "not (Administrator)")]
    [InlineData("Not(OneOf(Equals('Guest'), Equals(''), Equals(null)))", "not (Guest, empty or not set)")]
    [InlineData("AllOf(Range(1, 10), Not(Equals(5)))", "1 to 10 and not (5)")]
    [InlineData(@"OneOf(Equals('*'), AllOf(Pattern('^\d+$')))", @"* or matching /^\d+$/")]
    public void Describes_an_expression_in_short_english(string expression, string expected)
    {
        Assert.Equal(expected, RuleDescriber.Describe(RuleParser.Parse(expression)));
    }
}
