using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace AzureLocalSecurity.Baseline.Rules;

/// <summary>
/// Parses the catalogs' Expected Value language:
/// <code>
/// expr    := NAME '(' [arg (',' arg)*] ')'
/// arg     := expr | literal | (empty, Range only)
/// literal := 'text' (a quote is doubled: '') | number | null
/// </code>
/// Names are matched without case. Bounded: at most <see cref="MaxLength"/> characters, <see cref="MaxDepth"/>
/// levels of nesting and <see cref="MaxOperands"/> operands per operator. Every failure is a
/// <see cref="RuleSyntaxException"/> with the column.
/// </summary>
public static class RuleParser
{
    /// <summary>The longest expression accepted.</summary>
    public const int MaxLength = 65536;

    /// <summary>The deepest nesting accepted.</summary>
    public const int MaxDepth = 32;

    /// <summary>The most operands one operator may have.</summary>
    public const int MaxOperands = 4096;

    /// <summary>Parses an expression or throws <see cref="RuleSyntaxException"/>.</summary>
    public static RuleExpression Parse(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        if (text.Length > MaxLength)
        {
            throw new RuleSyntaxException($"The expression is longer than {MaxLength} characters", text, MaxLength + 1);
        }

        var parser = new Cursor(text);
        parser.SkipSpace();
        if (parser.AtEnd)
        {
            throw new RuleSyntaxException("The expression is empty", text, 1);
        }

        var expr = parser.ParseExpression(0);
        parser.SkipSpace();
        if (!parser.AtEnd)
        {
            throw parser.Error("Unexpected text after the expression");
        }

        return expr;
    }

    /// <summary>Parses an expression; false with the error when it is not valid.</summary>
    public static bool TryParse(string text, out RuleExpression? expression, out RuleSyntaxException? error)
    {
        try
        {
            expression = Parse(text);
            error = null;
            return true;
        }
        catch (RuleSyntaxException ex)
        {
            expression = null;
            error = ex;
            return false;
        }
    }

    private sealed class Cursor
    {
        private readonly string _text;
        private int _pos;

        internal Cursor(string text) => _text = text;

        internal bool AtEnd => _pos >= _text.Length;

        internal RuleSyntaxException Error(string problem) => new(problem, _text, _pos + 1);

        internal void SkipSpace()
        {
            while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
            {
                _pos++;
            }
        }

        internal RuleExpression ParseExpression(int depth)
        {
            if (depth >= MaxDepth)
            {
                throw Error($"Expressions nest deeper than {MaxDepth} levels");
            }

            SkipSpace();
            var nameStart = _pos;
            while (_pos < _text.Length && char.IsLetter(_text[_pos]))
            {
                _pos++;
            }

            if (_pos == nameStart)
            {
                throw Error("Expected an operator name such as Equals or OneOf");
            }

            var name = _text.Substring(nameStart, _pos - nameStart);
            if (!Enum.TryParse<RuleOperator>(name, ignoreCase: true, out var op) || !IsOperatorName(name))
            {
                _pos = nameStart;
                throw Error($"Unknown operator '{name}'");
            }

            SkipSpace();
            Expect('(');
            var result = op switch
            {
                RuleOperator.OneOf or RuleOperator.AllOf => new RuleExpression(op, ParseExpressions(depth, min: 1, max: MaxOperands, op), null),
                RuleOperator.Not => new RuleExpression(op, ParseExpressions(depth, min: 1, max: 1, op), null),
                RuleOperator.Range => ParseRange(),
                RuleOperator.Equals or RuleOperator.Contains => new RuleExpression(op, null, ParseLiterals(op, 1, 1, allowNull: op == RuleOperator.Equals)),
                RuleOperator.Pattern => ParsePattern(),
                _ => new RuleExpression(op, null, ParseLiterals(op, 1, MaxOperands, allowNull: false)),
            };
            SkipSpace();
            Expect(')');
            return result;
        }

        private static bool IsOperatorName(string name)
        {
            foreach (var c in name)
            {
                if (!char.IsLetter(c))
                {
                    return false;
                }
            }

            return true;
        }

        private List<RuleExpression> ParseExpressions(int depth, int min, int max, RuleOperator op)
        {
            var list = new List<RuleExpression>();
            SkipSpace();
            if (Peek() == ')')
            {
                throw Error($"{op} needs at least {min} operand");
            }

            while (true)
            {
                if (list.Count == max)
                {
                    throw Error($"{op} takes at most {max} operand{(max == 1 ? string.Empty : "s")}");
                }

                list.Add(ParseExpression(depth + 1));
                SkipSpace();
                if (Peek() != ',')
                {
                    return list;
                }

                _pos++;
            }
        }

        private List<RuleLiteral> ParseLiterals(RuleOperator op, int min, int max, bool allowNull)
        {
            var list = new List<RuleLiteral>();
            SkipSpace();
            if (Peek() == ')')
            {
                throw Error($"{op} needs at least {min} value");
            }

            while (true)
            {
                if (list.Count == max)
                {
                    throw Error($"{op} takes at most {max} value{(max == 1 ? string.Empty : "s")}");
                }

                SkipSpace();
                var literal = ParseLiteral();
                if (literal.Kind == RuleLiteralKind.Null && !allowNull)
                {
                    throw Error($"{op} does not take null");
                }

                list.Add(literal);
                SkipSpace();
                if (Peek() != ',')
                {
                    return list;
                }

                _pos++;
            }
        }

        private RuleExpression ParsePattern()
        {
            SkipSpace();
            var at = _pos;
            var literal = ParseLiteral();
            if (literal.Kind != RuleLiteralKind.String)
            {
                _pos = at;
                throw Error("Pattern takes a quoted regular expression");
            }

            try
            {
                _ = new System.Text.RegularExpressions.Regex(literal.Text!, System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
            }
            catch (ArgumentException ex)
            {
                _pos = at;
                throw new RuleSyntaxException($"Pattern is not a valid regular expression ({ex.Message})", _text, at + 1);
            }

            return new RuleExpression(RuleOperator.Pattern, null, [literal]);
        }

        private RuleExpression ParseRange()
        {
            var min = ParseRangeEnd();
            SkipSpace();
            Expect(',');
            var max = ParseRangeEnd();
            if (min is not null && max is not null && min > max)
            {
                throw Error("Range's lower end is above its upper end");
            }

            if (min is null && max is null)
            {
                throw Error("Range needs at least one end");
            }

            return new RuleExpression(RuleOperator.Range, null, null, min, max);
        }

        private decimal? ParseRangeEnd()
        {
            SkipSpace();
            var c = Peek();
            if (c == ',' || c == ')')
            {
                return null;
            }

            var literal = ParseLiteral();
            if (literal.Kind != RuleLiteralKind.Number)
            {
                throw Error("Range takes numbers");
            }

            return literal.Number;
        }

        private RuleLiteral ParseLiteral()
        {
            var c = Peek();
            if (c == '\'')
            {
                return RuleLiteral.FromString(ParseString());
            }

            if (c == '-' || c == '+' || (c >= '0' && c <= '9'))
            {
                var start = _pos;
                _pos++;
                while (_pos < _text.Length && ((_text[_pos] >= '0' && _text[_pos] <= '9') || _text[_pos] == '.'))
                {
                    _pos++;
                }

                var raw = _text.Substring(start, _pos - start);
                if (!decimal.TryParse(raw, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                {
                    _pos = start;
                    throw Error($"'{raw}' is not a number");
                }

                return RuleLiteral.FromNumber(number, raw);
            }

            if (string.CompareOrdinal(_text, _pos, "null", 0, 4) == 0 && !IsLetterAt(_pos + 4))
            {
                _pos += 4;
                return RuleLiteral.Null;
            }

            throw Error("Expected a value: a quoted string, a number or null");
        }

        private string ParseString()
        {
            var start = _pos;
            _pos++;
            var sb = new StringBuilder();
            while (true)
            {
                if (_pos >= _text.Length)
                {
                    _pos = start;
                    throw Error("A quoted string is not closed");
                }

                var c = _text[_pos++];
                if (c == '\'')
                {
                    if (_pos < _text.Length && _text[_pos] == '\'')
                    {
                        sb.Append('\'');
                        _pos++;
                        continue;
                    }

                    return sb.ToString();
                }

                sb.Append(c);
            }
        }

        private bool IsLetterAt(int i) => i < _text.Length && char.IsLetterOrDigit(_text[i]);

        private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

        private void Expect(char c)
        {
            if (Peek() != c)
            {
                throw Error(AtEnd ? $"Expected '{c}' but the expression ended" : $"Expected '{c}' but found '{Peek()}'");
            }

            _pos++;
        }
    }
}
