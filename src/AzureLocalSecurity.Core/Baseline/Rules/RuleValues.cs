using System;
using System.Collections.Generic;
using System.Globalization;
using AzureLocalSecurity.Baseline.Facts;

namespace AzureLocalSecurity.Baseline.Rules;

/// <summary>
/// How the rule language reads values: decimal numbers, comma-separated items, SIDs with or without
/// secedit's <c>*</c>, binary as base64 or hex, and <c>Key:Value</c> pairs. Shared by the evaluator and the
/// remedy chooser so both read a value the same way.
/// </summary>
internal static class RuleValues
{
    private const NumberStyles DecimalStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    /// <summary>Above this many items, set operations hash instead of scanning.</summary>
    private const int LinearLimit = 32;

    private static readonly IReadOnlyList<string> NoItems = [];

    /// <summary>Text as an invariant decimal (surrounding white space ignored).</summary>
    internal static bool TryParseDecimal(string? text, out decimal value)
    {
        if (text is null)
        {
            value = 0;
            return false;
        }

        return decimal.TryParse(text.Trim(), DecimalStyle, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Comma-separated items, each trimmed, empty ones dropped.</summary>
    internal static List<string> Split(string text)
    {
        var list = new List<string>();
        var start = 0;
        while (start <= text.Length)
        {
            var comma = text.IndexOf(',', start);
            var end = comma < 0 ? text.Length : comma;
            var item = text.Substring(start, end - start).Trim();
            if (item.Length > 0)
            {
                list.Add(item);
            }

            start = end + 1;
        }

        return list;
    }

    /// <summary>
    /// The items of a value as the Contains operators see them: a text's comma-separated items, a list's
    /// items, a number's decimal digits as one item; null for a value that has no items (absent, binary, pairs).
    /// Blank items are left out.
    /// </summary>
    internal static IReadOnlyList<string>? ItemsOf(FactValue value) => value.Kind switch
    {
        FactValueKind.Text => Split(value.Text!),
        FactValueKind.TextList or FactValueKind.SidList => WithoutBlanks(value.Items),
        FactValueKind.Number => [value.Number!.Value.ToString(CultureInfo.InvariantCulture)],
        _ => null,
    };

    /// <summary>The items as a remedy starts from: as <see cref="ItemsOf"/>, and none for a value without items.</summary>
    internal static IReadOnlyList<string> ItemsOrNone(FactValue value) => ItemsOf(value) ?? NoItems;

    /// <summary>
    /// Two items compare equal ignoring case, surrounding white space, and a <c>*</c> in front of a SID
    /// (secedit writes <c>*S-1-5-32-544</c>, LSA returns <c>S-1-5-32-544</c>).
    /// </summary>
    internal static bool ItemEquals(string a, string b)
    {
        Bounds(a, out var aStart, out var aLength);
        Bounds(b, out var bStart, out var bLength);
        return aLength == bLength && string.Compare(a, aStart, b, bStart, aLength, StringComparison.OrdinalIgnoreCase) == 0;
    }

    /// <summary>Whether <paramref name="items"/> has an item equal to <paramref name="item"/>.</summary>
    internal static bool HasItem(IReadOnlyList<string> items, string item)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (ItemEquals(items[i], item))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every item of <paramref name="subset"/> is in <paramref name="set"/>.</summary>
    internal static bool IsSubset(IReadOnlyList<string> subset, IReadOnlyList<string> set)
    {
        if (subset.Count > LinearLimit && set.Count > LinearLimit)
        {
            var hashed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < set.Count; i++)
            {
                hashed.Add(ComparedPart(set[i]));
            }

            for (var i = 0; i < subset.Count; i++)
            {
                if (!hashed.Contains(ComparedPart(subset[i])))
                {
                    return false;
                }
            }

            return true;
        }

        for (var i = 0; i < subset.Count; i++)
        {
            if (!HasItem(set, subset[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The two lists hold the same items (order and repeats do not count).</summary>
    internal static bool SetEquals(IReadOnlyList<string> a, IReadOnlyList<string> b) => IsSubset(a, b) && IsSubset(b, a);

    /// <summary>Hex digits only, an even number of them (at least two).</summary>
    internal static bool TryParseHex(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length == 0 || text.Length % 2 != 0)
        {
            return false;
        }

        var result = new byte[text.Length / 2];
        for (var i = 0; i < result.Length; i++)
        {
            var hi = HexDigit(text[2 * i]);
            var lo = HexDigit(text[(2 * i) + 1]);
            if (hi < 0 || lo < 0)
            {
                return false;
            }

            result[i] = (byte)((hi << 4) | lo);
        }

        bytes = result;
        return true;
    }

    /// <summary>Base64 (the catalogs' form for binary values); empty text is no bytes.</summary>
    internal static bool TryParseBase64(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length % 4 != 0)
        {
            return false;
        }

        try
        {
            bytes = Convert.FromBase64String(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Whether the bytes equal <paramref name="expected"/>.</summary>
    internal static bool BytesEqual(IReadOnlyList<byte> actual, byte[] expected)
    {
        if (actual.Count != expected.Length)
        {
            return false;
        }

        for (var i = 0; i < expected.Length; i++)
        {
            if (actual[i] != expected[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <c>K:V, K:V</c> as pairs: items split on commas (trimmed, empty ones dropped), each split at its first
    /// colon; false when an item has no colon or no key.
    /// </summary>
    internal static bool TryParsePairs(string text, out List<KeyValuePair<string, string>> pairs)
    {
        pairs = new List<KeyValuePair<string, string>>();
        foreach (var item in Split(text))
        {
            var colon = item.IndexOf(':');
            if (colon <= 0)
            {
                return false;
            }

            var key = item.Substring(0, colon).Trim();
            if (key.Length == 0)
            {
                return false;
            }

            pairs.Add(new KeyValuePair<string, string>(key, item.Substring(colon + 1).Trim()));
        }

        return true;
    }

    /// <summary>Two policy values: equal as numbers when both are numbers, otherwise as text ignoring case.</summary>
    internal static bool PairValueEquals(string a, string b)
    {
        if (TryParseDecimal(a, out var x) && TryParseDecimal(b, out var y))
        {
            return x == y;
        }

        return string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The pairs as a map (keys ignore case; a repeated key keeps its last value).</summary>
    internal static Dictionary<string, string> ToMap(IReadOnlyList<KeyValuePair<string, string>> pairs)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < pairs.Count; i++)
        {
            map[pairs[i].Key.Trim()] = pairs[i].Value;
        }

        return map;
    }

    /// <summary>A SID string as secedit and LSA write it: <c>S-</c> then numbers separated by dashes.</summary>
    internal static bool LooksLikeSid(string sid)
    {
        if (sid.Length < 4 || (sid[0] != 'S' && sid[0] != 's') || sid[1] != '-')
        {
            return false;
        }

        var digits = 0;
        for (var i = 2; i < sid.Length; i++)
        {
            var c = sid[i];
            if (c >= '0' && c <= '9')
            {
                digits++;
            }
            else if (c == '-' && digits > 0)
            {
                digits = 0;
            }
            else
            {
                return false;
            }
        }

        return digits > 0;
    }

    private static IReadOnlyList<string> WithoutBlanks(IReadOnlyList<string> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(items[i]))
            {
                var list = new List<string>(items.Count);
                for (var j = 0; j < items.Count; j++)
                {
                    if (!string.IsNullOrWhiteSpace(items[j]))
                    {
                        list.Add(items[j]);
                    }
                }

                return list;
            }
        }

        return items;
    }

    /// <summary>The part of an item that is compared: trimmed, and without a <c>*</c> that marks a SID.</summary>
    private static void Bounds(string s, out int start, out int length)
    {
        var end = s.Length;
        start = 0;
        while (start < end && char.IsWhiteSpace(s[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(s[end - 1]))
        {
            end--;
        }

        if (start < end && s[start] == '*')
        {
            var k = start + 1;
            while (k < end && char.IsWhiteSpace(s[k]))
            {
                k++;
            }

            if (end - k >= 2 && (s[k] == 'S' || s[k] == 's') && s[k + 1] == '-')
            {
                start = k;
            }
        }

        length = end - start;
    }

    private static string ComparedPart(string s)
    {
        Bounds(s, out var start, out var length);
        return start == 0 && length == s.Length ? s : s.Substring(start, length);
    }

    private static int HexDigit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
