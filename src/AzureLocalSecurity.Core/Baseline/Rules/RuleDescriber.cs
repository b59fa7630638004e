using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace AzureLocalSecurity.Baseline.Rules;

/// <summary>
/// Short English for an expression, for a report's Expected column: <c>Equals(1)</c> is "1",
/// <c>OneOf(Equals(0), Equals(null))</c> is "0 or not set", <c>Range(14, )</c> is "at least 14".
/// </summary>
public static class RuleDescriber
{
    /// <summary>Describes <paramref name="expression"/>.</summary>
    public static string Describe(RuleExpression expression)
    {
        if (expression is null)
        {
            throw new ArgumentNullException(nameof(expression));
        }

        var sb = new StringBuilder();
        Append(sb, expression);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, RuleExpression e)
    {
        switch (e.Operator)
        {
            case RuleOperator.Equals:
                sb.Append(Literal(e.Literals[0]));
                break;
            case RuleOperator.OneOf:
                Join(sb, e.Operands, " or ");
                break;
            case RuleOperator.AllOf:
                Join(sb, e.Operands, " and ");
                break;
            case RuleOperator.Not:
                sb.Append("not (");
                Append(sb, e.Operands[0]);
                sb.Append(')');
                break;
            case RuleOperator.Range:
                AppendRange(sb, e.Minimum, e.Maximum);
                break;
            case RuleOperator.Pattern:
                sb.Append("matching /").Append(e.Literals[0].Text).Append('/');
                break;
            case RuleOperator.Contains:
                sb.Append("containing ").Append(Literal(e.Literals[0]));
                break;
            case RuleOperator.ContainsAtMost:
                sb.Append("only ");
                Items(sb, e.Literals);
                sb.Append(" (or fewer)");
                break;
            case RuleOperator.ContainsExactly:
                sb.Append("exactly ");
                Items(sb, e.Literals);
                break;
            case RuleOperator.ContainsAtLeast:
                sb.Append("including ");
                Items(sb, e.Literals);
                break;
        }
    }

    private static void AppendRange(StringBuilder sb, decimal? min, decimal? max)
    {
        if (min is not null && max is not null)
        {
            sb.Append(min == max ? Number(min.Value) : Number(min.Value) + " to " + Number(max.Value));
        }
        else if (min is not null)
        {
            sb.Append("at least ").Append(Number(min.Value));
        }
        else if (max is not null)
        {
            sb.Append("at most ").Append(Number(max.Value));
        }
    }

    /// <summary>"a or b", "a, b or c".</summary>
    private static void Join(StringBuilder sb, IReadOnlyList<RuleExpression> operands, string last)
    {
        for (var i = 0; i < operands.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(i == operands.Count - 1 ? last : ", ");
            }

            Append(sb, operands[i]);
        }
    }

    private static void Items(StringBuilder sb, IReadOnlyList<RuleLiteral> literals)
    {
        for (var i = 0; i < literals.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(", ");
            }

            sb.Append(Literal(literals[i]));
        }
    }

    private static string Literal(RuleLiteral literal) => literal.Kind switch
    {
        RuleLiteralKind.Null => "not set",
        RuleLiteralKind.Number => literal.Raw,
        _ => literal.Text!.Length == 0 ? "empty" : literal.Text!,
    };

    private static string Number(decimal d) => d.ToString(CultureInfo.InvariantCulture);
}
