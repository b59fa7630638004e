using System;

namespace AzureLocalSecurity.Baseline.Facts;

/// <summary>
/// What a node says for one <see cref="FactRef"/>: the value (possibly <see cref="FactValue.Absent"/>), or why it
/// could not be read (then <see cref="Value"/> is null and the rule is Unknown, never NonCompliant).
/// </summary>
public sealed class FactReading
{
    private FactReading(FactRef fact, FactValue? value, string source, string? unknownReason, string? owner)
    {
        Fact = fact ?? throw new ArgumentNullException(nameof(fact));
        Value = value;
        Source = source ?? throw new ArgumentNullException(nameof(source));
        UnknownReason = unknownReason;
        Owner = owner;
    }

    /// <summary>The address that was read.</summary>
    public FactRef Fact { get; }

    /// <summary>The value, or null when it could not be read.</summary>
    public FactValue? Value { get; }

    /// <summary>How it was read: the API or registry path and the evidence id.</summary>
    public string Source { get; }

    /// <summary>Why there is no value, or null.</summary>
    public string? UnknownReason { get; }

    /// <summary>Who manages the value when it can be told (<c>Group Policy</c>, <c>MDM</c>, <c>OSConfig</c>), or null.</summary>
    public string? Owner { get; }

    /// <summary>A value that was read.</summary>
    public static FactReading Read(FactRef fact, FactValue value, string source, string? owner = null) =>
        new(fact, value ?? throw new ArgumentNullException(nameof(value)), source, null, owner);

    /// <summary>A value that could not be read, and why.</summary>
    public static FactReading Unknown(FactRef fact, string source, string reason) =>
        new(fact, null, source, string.IsNullOrWhiteSpace(reason) ? throw new ArgumentException("Say why.", nameof(reason)) : reason, null);

    /// <inheritdoc />
    public override string ToString() => Value is null ? $"{Fact}: unknown ({UnknownReason})" : $"{Fact} = {Value}";
}
