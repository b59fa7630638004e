using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace AzureLocalSecurity.Evidence;

/// <summary>An immutable raw value with its kind. Arrays handed in are copied, so a value never changes after capture.</summary>
public sealed class EvidenceValue : IEquatable<EvidenceValue>
{
    private readonly object? _value;

    private EvidenceValue(EvidenceValueKind kind, object? value)
    {
        Kind = kind;
        _value = value;
    }

    /// <summary>The null value.</summary>
    public static EvidenceValue Null { get; } = new(EvidenceValueKind.Null, null);

    /// <summary>The value's kind.</summary>
    public EvidenceValueKind Kind { get; }

    /// <summary>The value as a CLR object: string, string[], byte[], uint, ulong, bool, long, ulong[], DateTime (UTC), or null. Arrays are copies.</summary>
    public object? Value => _value switch
    {
        string[] a => a.ToArray(),
        byte[] b => b.ToArray(),
        ulong[] u => u.ToArray(),
        _ => _value,
    };

    /// <summary>A string (REG_SZ) value.</summary>
    public static EvidenceValue FromString(string value) => new(EvidenceValueKind.String, value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>An unexpanded REG_EXPAND_SZ value.</summary>
    public static EvidenceValue FromExpandString(string value) => new(EvidenceValueKind.ExpandString, value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>A REG_MULTI_SZ value or string array.</summary>
    public static EvidenceValue FromMultiString(IEnumerable<string> values) => new(EvidenceValueKind.MultiString, (values ?? throw new ArgumentNullException(nameof(values))).ToArray());

    /// <summary>Raw bytes.</summary>
    public static EvidenceValue FromBinary(byte[] bytes) => new(EvidenceValueKind.Binary, (bytes ?? throw new ArgumentNullException(nameof(bytes))).ToArray());

    /// <summary>A REG_DWORD as stored.</summary>
    public static EvidenceValue FromDWord(uint value) => new(EvidenceValueKind.DWord, value);

    /// <summary>A REG_QWORD as stored.</summary>
    public static EvidenceValue FromQWord(ulong value) => new(EvidenceValueKind.QWord, value);

    /// <summary>A boolean.</summary>
    public static EvidenceValue FromBoolean(bool value) => new(EvidenceValueKind.Boolean, value);

    /// <summary>A signed integer.</summary>
    public static EvidenceValue FromInt64(long value) => new(EvidenceValueKind.Int64, value);

    /// <summary>An unsigned integer.</summary>
    public static EvidenceValue FromUInt64(ulong value) => new(EvidenceValueKind.UInt64, value);

    /// <summary>An array of unsigned integers.</summary>
    public static EvidenceValue FromUInt64Array(IEnumerable<ulong> values) => new(EvidenceValueKind.UInt64Array, (values ?? throw new ArgumentNullException(nameof(values))).ToArray());

    /// <summary>A point in time; converted to UTC.</summary>
    public static EvidenceValue FromDateTime(DateTime value) => new(EvidenceValueKind.DateTime, value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime());

    /// <summary>The text of a String or ExpandString value; otherwise null.</summary>
    public string? AsString() => _value as string;

    /// <summary>An integer value of any integer kind that fits in 64 signed bits; otherwise null.</summary>
    public long? AsInt64() => _value switch
    {
        uint u => u,
        long l => l,
        ulong ul when ul <= long.MaxValue => (long)ul,
        _ => null,
    };

    /// <summary>A Boolean value; otherwise null.</summary>
    public bool? AsBoolean() => _value is bool b ? b : null;

    /// <summary>The strings of a MultiString value; otherwise null.</summary>
    public IReadOnlyList<string>? AsStrings() => _value as string[];

    /// <summary>The bytes of a Binary value; otherwise null.</summary>
    public IReadOnlyList<byte>? AsBytes() => _value as byte[];

    /// <inheritdoc />
    public bool Equals(EvidenceValue? other)
    {
        if (other is null || other.Kind != Kind)
        {
            return false;
        }

        return (_value, other._value) switch
        {
            (null, null) => true,
            (string[] a, string[] b) => a.SequenceEqual(b, StringComparer.Ordinal),
            (byte[] a, byte[] b) => a.SequenceEqual(b),
            (ulong[] a, ulong[] b) => a.SequenceEqual(b),
            (object a, object b) => a.Equals(b),
            _ => false,
        };
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as EvidenceValue);

    /// <inheritdoc />
    public override int GetHashCode() => Kind.GetHashCode() ^ (_value is string s ? StringComparer.Ordinal.GetHashCode(s) : 0);

    /// <inheritdoc />
    public override string ToString() => _value switch
    {
        null => string.Empty,
        string s => s,
        string[] a => string.Join(", ", a),
        byte[] b => BitConverter.ToString(b).Replace("-", string.Empty),
        ulong[] u => string.Join(", ", u.Select(x => x.ToString(CultureInfo.InvariantCulture))),
        DateTime d => d.ToString("o", CultureInfo.InvariantCulture),
        bool b => b ? "True" : "False",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => _value.ToString() ?? string.Empty,
    };
}
