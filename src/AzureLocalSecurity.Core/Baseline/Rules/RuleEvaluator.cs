using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using AzureLocalSecurity.Baseline.Facts;

namespace AzureLocalSecurity.Baseline.Rules;

/// <summary>
/// Decides whether an actual value satisfies a parsed Expected Value. Pure and thread-safe; text compares
/// ordinally ignoring case, numbers compare as decimals, and an absent value matches only <c>Equals(null)</c>.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>Equals(n)</c>: a number equal to n, or a text that reads as that number.</item>
/// <item><c>Equals('s')</c>: a text equal to s; a number s reads as; a list (or SID list) holding the same
/// items as s split on commas, in any order (<c>''</c> is the empty list); binary whose base64 is s or whose
/// hex is s; pairs equal to s read as <c>K:V, K:V</c> (values equal as numbers when both are numbers).</item>
/// <item><c>Range</c>: a number, or a text that reads as one, inside the inclusive bounds.</item>
/// <item><c>Pattern</c>: the regular expression found in the text, the number's digits, or the value's
/// <see cref="FactValue.ToString"/> form. For pairs, a pattern that starts with one of the keys and a colon
/// (<c>AccountLockoutThreshold:[1-3]</c>) is matched, whole, against that key's value only.</item>
/// <item><c>Contains</c>, <c>ContainsAtMost</c>, <c>ContainsExactly</c>, <c>ContainsAtLeast</c>: a text's
/// comma-separated items, a list's items or a number's digits, compared with the literals; a <c>*</c> before
/// a SID is not part of it.</item>
/// </list>
/// </remarks>
public static class RuleEvaluator
{
    /// <summary>How long one regular expression may run on one value.</summary>
    public static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>How many regular expressions are kept built; the cache starts again when full.</summary>
    private const int PatternCacheLimit = 256;

    // Keyed by (pattern, where the compared part starts): 0 is the whole pattern as written; n > 0 is the
    // part after a "Key:" prefix, anchored. Null marks an anchored part that is not a valid expression.
    private static readonly ConcurrentDictionary<PatternKey, Regex?> Patterns = new();

    /// <summary>Whether <paramref name="actual"/> satisfies <paramref name="expression"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="RuleEvaluationException">A regular expression ran longer than <see cref="PatternTimeout"/> (in two tries).</exception>
    public static bool Matches(RuleExpression expression, FactValue actual)
    {
        if (expression is null)
        {
            throw new ArgumentNullException(nameof(expression));
        }

        if (actual is null)
        {
            throw new ArgumentNullException(nameof(actual));
        }

        return Evaluate(expression, actual);
    }

    private static bool Evaluate(RuleExpression expression, FactValue actual)
    {
        switch (expression.Operator)
        {
            case RuleOperator.Equals:
                return EqualsLiteral(expression.Literals[0], actual);
            case RuleOperator.OneOf:
            {
                var operands = expression.Operands;
                for (var i = 0; i < operands.Count; i++)
                {
                    if (Evaluate(operands[i], actual))
                    {
                        return true;
                    }
                }

                return false;
            }

            case RuleOperator.AllOf:
            {
                var operands = expression.Operands;
                for (var i = 0; i < operands.Count; i++)
                {
                    if (!Evaluate(operands[i], actual))
                    {
                        return false;
                    }
                }

                return true;
            }

            case RuleOperator.Not:
                return !Evaluate(expression.Operands[0], actual);
            case RuleOperator.Range:
                return InRange(expression.Minimum, expression.Maximum, actual);
            case RuleOperator.Pattern:
                return MatchesPattern(expression.Literals[0].Text ?? string.Empty, actual);
            case RuleOperator.Contains:
                return ContainsLiteral(expression.Literals[0], actual);
            case RuleOperator.ContainsAtMost:
            case RuleOperator.ContainsExactly:
            case RuleOperator.ContainsAtLeast:
                return CompareItems(expression.Operator, expression.Literals, actual);
            default:
                return false;
        }
    }

    private static bool EqualsLiteral(RuleLiteral literal, FactValue actual)
    {
        if (literal.Kind == RuleLiteralKind.Null)
        {
            return actual.Kind == FactValueKind.Absent;
        }

        if (literal.Kind == RuleLiteralKind.Number)
        {
            return actual.Kind switch
            {
                FactValueKind.Number => actual.Number!.Value == literal.Number,
                FactValueKind.Text => RuleValues.TryParseDecimal(actual.Text, out var n) && n == literal.Number,
                _ => false,
            };
        }

        var text = literal.Text!;
        switch (actual.Kind)
        {
            case FactValueKind.Text:
                return string.Equals(actual.Text, text, StringComparison.OrdinalIgnoreCase);
            case FactValueKind.Number:
                return RuleValues.TryParseDecimal(text, out var number) && number == actual.Number!.Value;
            case FactValueKind.TextList:
            case FactValueKind.SidList:
                return RuleValues.SetEquals(RuleValues.Split(text), RuleValues.ItemsOf(actual)!);
            case FactValueKind.Binary:
                return BinaryEquals(text.Trim(), actual.Bytes);
            case FactValueKind.KeyValues:
                return PairsEqual(text, actual.Pairs);
            default:
                return false;
        }
    }

    private static bool BinaryEquals(string text, IReadOnlyList<byte> bytes)
    {
        var array = new byte[bytes.Count];
        for (var i = 0; i < array.Length; i++)
        {
            array[i] = bytes[i];
        }

        return string.Equals(Convert.ToBase64String(array), text, StringComparison.Ordinal)
            || (RuleValues.TryParseHex(text, out var hex) && RuleValues.BytesEqual(bytes, hex));
    }

    private static bool PairsEqual(string text, IReadOnlyList<KeyValuePair<string, string>> pairs)
    {
        if (!RuleValues.TryParsePairs(text, out var expected))
        {
            return false;
        }

        var want = RuleValues.ToMap(expected);
        var have = RuleValues.ToMap(pairs);
        if (want.Count != have.Count)
        {
            return false;
        }

        foreach (var pair in want)
        {
            if (!have.TryGetValue(pair.Key, out var value) || !RuleValues.PairValueEquals(pair.Value, value))
            {
                return false;
            }
        }

        return true;
    }

    private static bool InRange(decimal? minimum, decimal? maximum, FactValue actual)
    {
        decimal value;
        if (actual.Kind == FactValueKind.Number)
        {
            value = actual.Number!.Value;
        }
        else if (actual.Kind != FactValueKind.Text || !RuleValues.TryParseDecimal(actual.Text, out value))
        {
            return false;
        }

        return (minimum is null || value >= minimum.Value) && (maximum is null || value <= maximum.Value);
    }

    private static bool MatchesPattern(string pattern, FactValue actual)
    {
        string input;
        switch (actual.Kind)
        {
            case FactValueKind.Absent:
                return false;
            case FactValueKind.Text:
                input = actual.Text!;
                break;
            case FactValueKind.Number:
                input = actual.Number!.Value.ToString(CultureInfo.InvariantCulture);
                break;
            case FactValueKind.KeyValues:
                if (TryMatchPairValue(pattern, actual.Pairs, out var matched))
                {
                    return matched;
                }

                input = actual.ToString();
                break;
            default:
                input = actual.ToString();
                break;
        }

        return Run(GetPattern(new PatternKey(pattern, 0))!, pattern, input);
    }

    /// <summary>
    /// Microsoft writes an account-policy bound as <c>Key:regex</c> with an unanchored alternation
    /// (<c>ResetAccountLockoutCounterAfter:[1][5-9]|[2-9]\d|[1-9]\d{2,}</c>). Read as written, any two-digit
    /// number anywhere satisfies it, and <c>AccountLockoutThreshold:[1-3]</c> accepts 30. The intended meaning
    /// is "this key's value matches the rest", so the rest is anchored and matched against that value alone.
    /// </summary>
    private static bool TryMatchPairValue(string pattern, IReadOnlyList<KeyValuePair<string, string>> pairs, out bool matched)
    {
        for (var i = 0; i < pairs.Count; i++)
        {
            var key = pairs[i].Key.Trim();
            if (key.Length == 0 || pattern.Length <= key.Length || pattern[key.Length] != ':'
                || string.Compare(pattern, 0, key, 0, key.Length, StringComparison.OrdinalIgnoreCase) != 0)
            {
                continue;
            }

            var regex = GetPattern(new PatternKey(pattern, key.Length + 1));
            if (regex is null)
            {
                // The part after the colon is not an expression by itself (such as "Key:*x", where the
                // quantifier belongs to the colon): the pattern keeps its plain meaning.
                break;
            }

            matched = Run(regex, pattern, pairs[i].Value.Trim());
            return true;
        }

        // A bound on a key the policy does not have is not met; matching the whole text instead would let
        // Microsoft's unanchored alternations pass on some other key's digits.
        var colon = pattern.IndexOf(':');
        matched = false;
        return colon > 0 && IsIdentifier(pattern, colon);
    }

    private static bool IsIdentifier(string text, int length)
    {
        for (var i = 0; i < length; i++)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                return false;
            }
        }

        return char.IsLetter(text[0]);
    }

    private static bool Run(Regex regex, string pattern, string input)
    {
        try
        {
            return regex.IsMatch(input);
        }
        catch (RegexMatchTimeoutException)
        {
            // The timeout is wall-clock time: a garbage collection or a busy machine can stop the thread
            // for longer than a trivial match takes. A second timeout means the pattern itself runs away.
        }

        try
        {
            return regex.IsMatch(input);
        }
        catch (RegexMatchTimeoutException ex)
        {
            throw new RuleEvaluationException($"Pattern('{pattern}') ran longer than {PatternTimeout.TotalMilliseconds} ms, twice, on a value of {input.Length} characters.", pattern, ex);
        }
    }

    private static Regex? GetPattern(PatternKey key)
    {
        if (Patterns.TryGetValue(key, out var cached))
        {
            return cached;
        }

        Regex? regex;
        try
        {
            regex = key.Start == 0
                ? new Regex(key.Pattern, RegexOptions.CultureInvariant, PatternTimeout)
                : new Regex("^(?:" + key.Pattern.Substring(key.Start) + ")$", RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (ArgumentException ex)
        {
            if (key.Start != 0)
            {
                regex = null;
            }
            else
            {
                // The parser rejects such patterns; an expression can only come from the parser.
                throw new RuleEvaluationException($"Pattern('{key.Pattern}') is not a valid regular expression.", key.Pattern, ex);
            }
        }

        if (Patterns.Count >= PatternCacheLimit)
        {
            Patterns.Clear();
        }

        Patterns[key] = regex;
        return regex;
    }

    private static bool ContainsLiteral(RuleLiteral literal, FactValue actual)
    {
        var text = literal.AsText();
        if (text is null)
        {
            return false;
        }

        switch (actual.Kind)
        {
            case FactValueKind.Text:
                return actual.Text!.IndexOf(text, StringComparison.OrdinalIgnoreCase) >= 0;
            case FactValueKind.TextList:
            case FactValueKind.SidList:
                return RuleValues.HasItem(actual.Items, text);
            case FactValueKind.Number:
                return literal.Kind == RuleLiteralKind.Number
                    ? literal.Number == actual.Number!.Value
                    : RuleValues.TryParseDecimal(text, out var n) && n == actual.Number!.Value;
            default:
                return false;
        }
    }

    private static bool CompareItems(RuleOperator op, IReadOnlyList<RuleLiteral> literals, FactValue actual)
    {
        var items = RuleValues.ItemsOf(actual);
        if (items is null)
        {
            return false;
        }

        var expected = LiteralItems(literals);
        return op switch
        {
            RuleOperator.ContainsAtMost => RuleValues.IsSubset(items, expected),
            RuleOperator.ContainsAtLeast => RuleValues.IsSubset(expected, items),
            _ => RuleValues.SetEquals(items, expected),
        };
    }

    /// <summary>The literals of a Contains operator as items (their text; numbers as written).</summary>
    internal static string[] LiteralItems(IReadOnlyList<RuleLiteral> literals)
    {
        var items = new string[literals.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = literals[i].AsText() ?? string.Empty;
        }

        return items;
    }

    private readonly struct PatternKey : IEquatable<PatternKey>
    {
        internal PatternKey(string pattern, int start)
        {
            Pattern = pattern;
            Start = start;
        }

        internal string Pattern { get; }

        internal int Start { get; }

        public bool Equals(PatternKey other) => Start == other.Start && string.Equals(Pattern, other.Pattern, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is PatternKey other && Equals(other);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Pattern) ^ Start;
    }
}
