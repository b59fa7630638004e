using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace AzureLocalSecurity.Baseline.Rules;

/// <summary>The operators of the catalogs' Expected Value language.</summary>
public enum RuleOperator
{
    /// <summary><c>Equals(literal)</c>: the value equals the literal; <c>Equals(null)</c> means the value is absent.</summary>
    Equals,

    /// <summary><c>OneOf(expr, ...)</c>: at least one operand holds.</summary>
    OneOf,

    /// <summary><c>AllOf(expr, ...)</c>: every operand holds.</summary>
    AllOf,

    /// <summary><c>Not(expr)</c>: the operand does not hold.</summary>
    Not,

    /// <summary><c>Range(min, max)</c>: a number in [min, max]; either end may be left empty (open).</summary>
    Range,

    /// <summary><c>Pattern('regex')</c>: the value matches the regular expression.</summary>
    Pattern,

    /// <summary><c>Contains(literal)</c>: a list holds the item, or a text holds the substring.</summary>
    Contains,

    /// <summary><c>ContainsAtMost(a, b, ...)</c>: every item of the value is one of these (the value may be empty).</summary>
    ContainsAtMost,

    /// <summary><c>ContainsExactly(a, b, ...)</c>: the value holds exactly these items, in any order.</summary>
    ContainsExactly,

    /// <summary><c>ContainsAtLeast(a, b, ...)</c>: the value holds all of these items, and may hold more.</summary>
    ContainsAtLeast,
}

/// <summary>The kind of a literal.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The language's literal kinds are named for what they are.")]
public enum RuleLiteralKind
{
    /// <summary><c>null</c>: the value is absent.</summary>
    Null,

    /// <summary>A number, such as <c>5</c>, <c>-1</c> or <c>1.0</c>.</summary>
    Number,

    /// <summary>A quoted string, such as <c>'NistP256'</c>.</summary>
    String,
}

/// <summary>A literal operand: null, a number or a string.</summary>
public sealed class RuleLiteral
{
    private RuleLiteral(RuleLiteralKind kind, decimal number, string? text, string raw)
    {
        Kind = kind;
        Number = number;
        Text = text;
        Raw = raw;
    }

    /// <summary>The null literal.</summary>
    public static RuleLiteral Null { get; } = new(RuleLiteralKind.Null, 0, null, "null");

    /// <summary>The literal's kind.</summary>
    public RuleLiteralKind Kind { get; }

    /// <summary>The number (Kind Number).</summary>
    public decimal Number { get; }

    /// <summary>The string without quotes (Kind String); null otherwise.</summary>
    public string? Text { get; }

    /// <summary>The literal as written (numbers keep their digits).</summary>
    public string Raw { get; }

    /// <summary>A number literal.</summary>
    public static RuleLiteral FromNumber(decimal value, string raw) => new(RuleLiteralKind.Number, value, null, raw ?? value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A string literal.</summary>
    public static RuleLiteral FromString(string value) => new(RuleLiteralKind.String, 0, value ?? throw new ArgumentNullException(nameof(value)), value);

    /// <summary>The literal as text a comparison uses: the string, or the number's digits; null for null.</summary>
    public string? AsText() => Kind switch
    {
        RuleLiteralKind.String => Text,
        RuleLiteralKind.Number => Raw,
        _ => null,
    };

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        RuleLiteralKind.String => "'" + Text!.Replace("'", "''") + "'",
        RuleLiteralKind.Number => Raw,
        _ => "null",
    };
}

/// <summary>
/// A parsed Expected Value: an operator with its operands. Operands are expressions (OneOf, AllOf, Not) or
/// literals (all the others). Range keeps its two ends, either of which may be null (open).
/// </summary>
public sealed class RuleExpression
{
    private readonly RuleExpression[] _operands;
    private readonly RuleLiteral[] _literals;

    internal RuleExpression(RuleOperator op, IEnumerable<RuleExpression>? operands, IEnumerable<RuleLiteral>? literals, decimal? min = null, decimal? max = null)
    {
        Operator = op;
        _operands = operands?.ToArray() ?? [];
        _literals = literals?.ToArray() ?? [];
        Minimum = min;
        Maximum = max;
    }

    /// <summary>The operator.</summary>
    public RuleOperator Operator { get; }

    /// <summary>The sub-expressions (OneOf, AllOf, Not).</summary>
    public IReadOnlyList<RuleExpression> Operands => _operands;

    /// <summary>The literal operands (Equals, Pattern, Contains, Contains*).</summary>
    public IReadOnlyList<RuleLiteral> Literals => _literals;

    /// <summary>Range's lower end, or null when open.</summary>
    public decimal? Minimum { get; }

    /// <summary>Range's upper end, or null when open.</summary>
    public decimal? Maximum { get; }

    /// <summary>The expression in canonical form (what the parser reads back to the same tree).</summary>
    public override string ToString() => Operator switch
    {
        RuleOperator.OneOf or RuleOperator.AllOf or RuleOperator.Not => Operator + "(" + string.Join(", ", _operands.Select(o => o.ToString())) + ")",
        RuleOperator.Range => "Range(" + Format(Minimum) + ", " + Format(Maximum) + ")",
        _ => Operator + "(" + string.Join(", ", _literals.Select(l => l.ToString())) + ")",
    };

    private static string Format(decimal? d) => d?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}
