using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace AzureLocalSecurity.Baseline.Facts;

/// <summary>
/// An actual value, typed, as a baseline rule sees it. Immutable; arrays handed in are copied.
/// <see cref="ToString"/> gives the form the catalogs use (numbers in decimal, binary in base64,
/// SIDs with the <c>*</c> prefix secedit writes, lists joined by commas).
/// </summary>
public sealed class FactValue : IEquatable<FactValue>
{
    private readonly long _number;
    private readonly string? _text;
    private readonly string[] _items;
    private readonly byte[] _bytes;
    private readonly KeyValuePair<string, string>[] _pairs;

    private FactValue(FactValueKind kind, long number = 0, string? text = null, string[]? items = null, byte[]? bytes = null, KeyValuePair<string, string>[]? pairs = null)
    {
        Kind = kind;
        _number = number;
        _text = text;
        _items = items ?? [];
        _bytes = bytes ?? [];
        _pairs = pairs ?? [];
    }

    /// <summary>The absent value (<c>null</c> in the rule language).</summary>
    public static FactValue Absent { get; } = new(FactValueKind.Absent);

    /// <summary>The value's type.</summary>
    public FactValueKind Kind { get; }

    /// <summary>The number (Kind Number); otherwise null.</summary>
    public long? Number => Kind == FactValueKind.Number ? _number : null;

    /// <summary>The text (Kind Text); otherwise null.</summary>
    public string? Text => Kind == FactValueKind.Text ? _text : null;

    /// <summary>The strings (TextList) or SIDs without the <c>*</c> prefix (SidList); otherwise empty.</summary>
    public IReadOnlyList<string> Items => _items;

    /// <summary>The bytes (Binary); otherwise empty.</summary>
    public IReadOnlyList<byte> Bytes => _bytes;

    /// <summary>The pairs in order (KeyValues); otherwise empty.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Pairs => _pairs;

    /// <summary>An integer value.</summary>
    public static FactValue FromNumber(long value) => new(FactValueKind.Number, number: value);

    /// <summary>A text value.</summary>
    public static FactValue FromText(string value) => new(FactValueKind.Text, text: value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>A REG_MULTI_SZ value.</summary>
    public static FactValue FromTextList(IEnumerable<string> values) => new(FactValueKind.TextList, items: (values ?? throw new ArgumentNullException(nameof(values))).ToArray());

    /// <summary>A REG_BINARY value.</summary>
    public static FactValue FromBinary(IEnumerable<byte> bytes) => new(FactValueKind.Binary, bytes: (bytes ?? throw new ArgumentNullException(nameof(bytes))).ToArray());

    /// <summary>The holders of a user right. A leading <c>*</c> (secedit's SID marker) is removed; order is kept.</summary>
    public static FactValue FromSids(IEnumerable<string> sids) =>
        new(FactValueKind.SidList, items: (sids ?? throw new ArgumentNullException(nameof(sids))).Select(NormalizeSid).ToArray());

    /// <summary>An account-policy string made of <c>Key:Value</c> pairs.</summary>
    public static FactValue FromPairs(IEnumerable<KeyValuePair<string, string>> pairs) => new(FactValueKind.KeyValues, pairs: (pairs ?? throw new ArgumentNullException(nameof(pairs))).ToArray());

    /// <summary>A SID as compared: no <c>*</c> prefix, no surrounding spaces, upper case <c>S</c>.</summary>
    public static string NormalizeSid(string sid)
    {
        var s = (sid ?? throw new ArgumentNullException(nameof(sid))).Trim();
        if (s.Length > 0 && s[0] == '*')
        {
            s = s.Substring(1).Trim();
        }

        return s.StartsWith("s-", StringComparison.Ordinal) ? "S" + s.Substring(1) : s;
    }

    /// <inheritdoc />
    public bool Equals(FactValue? other) =>
        other is not null && other.Kind == Kind && other._number == _number && string.Equals(other._text, _text, StringComparison.Ordinal)
        && other._items.SequenceEqual(_items, StringComparer.Ordinal) && other._bytes.SequenceEqual(_bytes)
        && other._pairs.SequenceEqual(_pairs);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FactValue);

    /// <inheritdoc />
    public override int GetHashCode() => ((int)Kind * 397) ^ _number.GetHashCode() ^ (_text is null ? 0 : StringComparer.Ordinal.GetHashCode(_text)) ^ _items.Length ^ _bytes.Length;

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        FactValueKind.Absent => "(absent)",
        FactValueKind.Number => _number.ToString(CultureInfo.InvariantCulture),
        FactValueKind.Text => _text ?? string.Empty,
        FactValueKind.TextList => string.Join(",", _items),
        FactValueKind.Binary => Convert.ToBase64String(_bytes),
        FactValueKind.SidList => string.Join(",", _items.Select(s => "*" + s)),
        FactValueKind.KeyValues => string.Join(", ", _pairs.Select(p => p.Key + ":" + p.Value)),
        _ => string.Empty,
    };
}
