using System;
using System.Collections.Generic;
using System.Globalization;
using AzureLocalSecurity.Baseline.Facts;

namespace AzureLocalSecurity.Baseline.Rules;

/// <summary>
/// Chooses the value a repair sets so that a rule holds: the catalog's default value when it satisfies the
/// rule, otherwise one derived from the expression (the expected literal, a range's end, the smallest change
/// to a list). Every target it returns satisfies the expression; where the expression does not name a value
/// (<c>Not</c>, <c>Pattern</c>), it returns none and says an administrator must choose.
/// </summary>
public static class RuleRemedy
{
    /// <summary>
    /// The value to set for <paramref name="expression"/>, of kind <paramref name="targetKind"/> (or Absent:
    /// delete the value), starting from <paramref name="current"/> where the smallest change is wanted.
    /// </summary>
    /// <param name="expression">The rule's parsed Expected Value.</param>
    /// <param name="current">The value now (Absent when it does not exist).</param>
    /// <param name="defaultValue">The catalog's Default Value as written, or null; a blank cell is no default.</param>
    /// <param name="targetKind">The kind of value the setting holds.</param>
    public static RemedyChoice Choose(RuleExpression expression, FactValue current, string? defaultValue, FactValueKind targetKind)
    {
        if (expression is null)
        {
            throw new ArgumentNullException(nameof(expression));
        }

        if (current is null)
        {
            throw new ArgumentNullException(nameof(current));
        }

        try
        {
            string? defaultNote = null;
            if (defaultValue is not null && defaultValue.Trim().Length > 0)
            {
                var fromDefault = Convert(defaultValue, targetKind);
                if (fromDefault is null)
                {
                    defaultNote = $"The default value {Quote(defaultValue.Trim())} cannot be written as {KindName(targetKind)}.";
                }
                else if (RuleEvaluator.Matches(expression, fromDefault))
                {
                    return new RemedyChoice(fromDefault, $"The catalog's default value ({Show(fromDefault)}).");
                }
                else
                {
                    defaultNote = $"The default value {Quote(defaultValue.Trim())} does not satisfy the rule.";
                }
            }

            var derived = Derive(expression, current, targetKind);
            if (derived.Target is null)
            {
                return new RemedyChoice(null, defaultNote is null ? derived.Reason : defaultNote + " " + derived.Reason);
            }

            if (!RuleEvaluator.Matches(expression, derived.Target))
            {
                return new RemedyChoice(null, $"The value derived from the rule ({Show(derived.Target)}) does not satisfy all of it; an administrator must choose one.");
            }

            return derived;
        }
        catch (RuleEvaluationException ex)
        {
            return new RemedyChoice(null, "The rule could not be evaluated on a candidate value: " + ex.Message);
        }
    }

    /// <summary>
    /// A catalog value as <paramref name="kind"/>, or null when the text cannot be that kind. Surrounding
    /// spaces and one pair of surrounding single quotes are removed first (<c>''</c> is empty). Number: a
    /// whole decimal number. Text: the text. TextList and SidList: comma-separated items (trimmed, empty ones
    /// dropped; SIDs lose secedit's <c>*</c> and must look like SIDs). Binary: base64 (the catalogs' form),
    /// else an even number of hex digits. KeyValues: <c>K:V, K:V</c>. Absent: always null.
    /// </summary>
    public static FactValue? Convert(string text, FactValueKind kind)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var t = text.Trim();
        if (t.Length >= 2 && t[0] == '\'' && t[t.Length - 1] == '\'')
        {
            t = t.Substring(1, t.Length - 2);
        }

        return ConvertUnquoted(t, kind);
    }

    private static FactValue? ConvertUnquoted(string text, FactValueKind kind)
    {
        switch (kind)
        {
            case FactValueKind.Number:
                return RuleValues.TryParseDecimal(text, out var number) ? FromDecimal(number, kind) : null;
            case FactValueKind.Text:
                return FactValue.FromText(text);
            case FactValueKind.TextList:
            case FactValueKind.SidList:
                return FromItems(RuleValues.Split(text), kind);
            case FactValueKind.Binary:
            {
                var t = text.Trim();
                if (RuleValues.TryParseBase64(t, out var bytes) || RuleValues.TryParseHex(t, out bytes))
                {
                    return FactValue.FromBinary(bytes);
                }

                return null;
            }

            case FactValueKind.KeyValues:
                return RuleValues.TryParsePairs(text, out var pairs) ? FactValue.FromPairs(pairs) : null;
            default:
                return null;
        }
    }

    private static RemedyChoice Derive(RuleExpression expression, FactValue current, FactValueKind kind)
    {
        switch (expression.Operator)
        {
            case RuleOperator.Equals:
            {
                var literal = expression.Literals[0];
                if (literal.Kind == RuleLiteralKind.Null)
                {
                    return new RemedyChoice(FactValue.Absent, "The rule expects the value not to be set: delete it.");
                }

                var target = FromLiteral(literal, kind);
                return target is null
                    ? new RemedyChoice(null, $"The expected value {literal} cannot be written as {KindName(kind)}.")
                    : new RemedyChoice(target, $"The value the rule expects ({literal}).");
            }

            case RuleOperator.OneOf:
            {
                foreach (var operand in expression.Operands)
                {
                    var choice = Derive(operand, current, kind);
                    if (choice.Target is not null && RuleEvaluator.Matches(operand, choice.Target))
                    {
                        return new RemedyChoice(choice.Target, "The first choice the rule allows that can be set: " + choice.Reason);
                    }
                }

                return new RemedyChoice(null, $"None of the rule's choices can be set as {KindName(kind)}; an administrator must choose a value.");
            }

            case RuleOperator.Range:
                return DeriveRange(expression, current, kind);
            case RuleOperator.ContainsAtMost:
                return DeriveAtMost(expression, current, kind);
            case RuleOperator.ContainsExactly:
            {
                var target = FromItems(RuleEvaluator.LiteralItems(expression.Literals), kind);
                return target is null
                    ? new RemedyChoice(null, $"The listed items cannot be written as {KindName(kind)}.")
                    : new RemedyChoice(target, "Exactly the items the rule lists.");
            }

            case RuleOperator.ContainsAtLeast:
                return DeriveAtLeast(RuleEvaluator.LiteralItems(expression.Literals), current, kind);
            case RuleOperator.Contains:
                if (kind is FactValueKind.TextList or FactValueKind.SidList)
                {
                    return DeriveAtLeast(RuleEvaluator.LiteralItems(expression.Literals), current, kind);
                }

                if (kind == FactValueKind.Number)
                {
                    var target = FromLiteral(expression.Literals[0], kind);
                    if (target is not null)
                    {
                        return new RemedyChoice(target, $"The value the rule expects ({expression.Literals[0]}).");
                    }
                }

                return new RemedyChoice(null, "The rule names only part of the value; an administrator must choose one.");
            case RuleOperator.AllOf:
                return new RemedyChoice(null, "Only the catalog's default value is used for AllOf, and there is none that satisfies the rule; an administrator must choose a value.");
            case RuleOperator.Not:
                return new RemedyChoice(null, "The rule says what the value must not be; an administrator must choose one.");
            default:
                return new RemedyChoice(null, "The rule gives a pattern, not a value; an administrator must choose one.");
        }
    }

    private static RemedyChoice DeriveRange(RuleExpression expression, FactValue current, FactValueKind kind)
    {
        if (current.Kind == kind && RuleEvaluator.Matches(expression, current))
        {
            return new RemedyChoice(current, "The value is already in the range.");
        }

        var end = expression.Minimum ?? expression.Maximum;
        var target = end is null ? null : FromDecimal(end.Value, kind);
        if (target is null)
        {
            return new RemedyChoice(null, $"The range's end cannot be written as {KindName(kind)}.");
        }

        return new RemedyChoice(target, expression.Minimum is null ? $"The highest value allowed ({Show(target)})." : $"The lowest value allowed ({Show(target)}).");
    }

    private static RemedyChoice DeriveAtMost(RuleExpression expression, FactValue current, FactValueKind kind)
    {
        var allowed = RuleEvaluator.LiteralItems(expression.Literals);
        var kept = new List<string>();
        var removed = new List<string>();
        foreach (var item in RuleValues.ItemsOrNone(current))
        {
            (RuleValues.HasItem(allowed, item) ? kept : removed).Add(item);
        }

        var target = FromItems(kept, kind);
        if (target is null)
        {
            return new RemedyChoice(null, $"The allowed items the value holds cannot be written as {KindName(kind)}.");
        }

        return new RemedyChoice(target, removed.Count == 0
            ? "The value holds only allowed items."
            : "Keep only the allowed items; remove " + string.Join(", ", removed) + ".");
    }

    private static RemedyChoice DeriveAtLeast(IReadOnlyList<string> required, FactValue current, FactValueKind kind)
    {
        var items = new List<string>(RuleValues.ItemsOrNone(current));
        var added = new List<string>();
        foreach (var item in required)
        {
            if (!RuleValues.HasItem(items, item))
            {
                items.Add(item);
                added.Add(item.Trim());
            }
        }

        var target = FromItems(items, kind);
        if (target is null)
        {
            return new RemedyChoice(null, $"The required items cannot be written as {KindName(kind)}.");
        }

        return new RemedyChoice(target, added.Count == 0
            ? "The value holds every required item."
            : "Add " + string.Join(", ", added) + " to the items the value holds.");
    }

    private static FactValue? FromLiteral(RuleLiteral literal, FactValueKind kind)
    {
        if (literal.Kind == RuleLiteralKind.Number)
        {
            return kind switch
            {
                FactValueKind.Number => FromDecimal(literal.Number, kind),
                FactValueKind.Text => FactValue.FromText(literal.Raw),
                FactValueKind.TextList => FactValue.FromTextList([literal.Raw]),
                _ => null,
            };
        }

        if (literal.Kind != RuleLiteralKind.String)
        {
            return null;
        }

        // A quoted literal is already the text: its quotes were the language's, not the value's.
        return kind == FactValueKind.Text ? FactValue.FromText(literal.Text!) : ConvertUnquoted(literal.Text!, kind);
    }

    private static FactValue? FromDecimal(decimal value, FactValueKind kind)
    {
        switch (kind)
        {
            case FactValueKind.Number:
                return decimal.Truncate(value) == value && value >= long.MinValue && value <= long.MaxValue
                    ? FactValue.FromNumber((long)value)
                    : null;
            case FactValueKind.Text:
                return FactValue.FromText(value.ToString(CultureInfo.InvariantCulture));
            default:
                return null;
        }
    }

    private static FactValue? FromItems(IReadOnlyList<string> items, FactValueKind kind)
    {
        var trimmed = new List<string>(items.Count);
        foreach (var item in items)
        {
            var t = item.Trim();
            if (t.Length > 0)
            {
                trimmed.Add(t);
            }
        }

        switch (kind)
        {
            case FactValueKind.TextList:
                return FactValue.FromTextList(trimmed);
            case FactValueKind.SidList:
                foreach (var item in trimmed)
                {
                    if (!RuleValues.LooksLikeSid(FactValue.NormalizeSid(item)))
                    {
                        return null;
                    }
                }

                return FactValue.FromSids(trimmed);
            case FactValueKind.Text:
                return FactValue.FromText(string.Join(",", trimmed));
            case FactValueKind.Number:
                return trimmed.Count == 1 && RuleValues.TryParseDecimal(trimmed[0], out var number) ? FromDecimal(number, kind) : null;
            default:
                return null;
        }
    }

    private static string KindName(FactValueKind kind) => kind switch
    {
        FactValueKind.Number => "a number",
        FactValueKind.Text => "text",
        FactValueKind.TextList => "a list of strings",
        FactValueKind.SidList => "a list of SIDs",
        FactValueKind.Binary => "binary",
        FactValueKind.KeyValues => "Key:Value pairs",
        _ => "an absent value",
    };

    private static string Show(FactValue value) => value.Kind switch
    {
        FactValueKind.Absent => "not set",
        FactValueKind.Text or FactValueKind.TextList or FactValueKind.SidList when value.ToString().Length == 0 => "empty",
        _ => value.ToString(),
    };

    private static string Quote(string text) => "'" + text + "'";
}
