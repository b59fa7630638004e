using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace AzureLocalSecurity.Evidence;

/// <summary>
/// One raw fact and how it was obtained: a stable id, where it came from, when, and either its data
/// (of the shape its <see cref="Kind"/> names) or the error that kept it from being read. Never a verdict.
/// </summary>
public sealed class EvidenceItem
{
    private readonly byte[]? _data;
    private readonly EvidenceRecord[]? _records;

    private EvidenceItem(string id, EvidenceKind kind, string source, DateTimeOffset capturedAt, EvidenceError? error, RegistryKeyEvidence? registry, EvidenceRecord[]? records, byte[]? data)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException("An evidence item needs an id.", nameof(id));
        }

        Id = id;
        Kind = kind;
        Source = source ?? throw new ArgumentNullException(nameof(source));
        CapturedAt = capturedAt.ToUniversalTime();
        Error = error;
        Registry = registry;
        _records = records;
        _data = data;
    }

    /// <summary>The stable id analyzers look the fact up by, such as <c>windows/registry/HKLM/SOFTWARE/Microsoft/Windows NT/CurrentVersion</c>.</summary>
    public string Id { get; }

    /// <summary>The shape of the data.</summary>
    public EvidenceKind Kind { get; }

    /// <summary>How the fact was obtained (the API, file or command), for the reader of a verdict.</summary>
    public string Source { get; }

    /// <summary>When it was read (UTC).</summary>
    public DateTimeOffset CapturedAt { get; }

    /// <summary>Why there is no data, or null when the read succeeded.</summary>
    public EvidenceError? Error { get; }

    /// <summary>True when the fact was read.</summary>
    public bool Succeeded => Error is null;

    /// <summary>The registry key snapshot (Kind Registry, read successfully).</summary>
    public RegistryKeyEvidence? Registry { get; }

    /// <summary>The records (Kind Properties, read successfully).</summary>
    public IReadOnlyList<EvidenceRecord>? Records => _records;

    /// <summary>The number of raw bytes (Kind Blob or Text, read successfully), without copying them.</summary>
    public int? DataLength => _data?.Length;

    /// <summary>A registry key that was read.</summary>
    public static EvidenceItem ForRegistry(string id, string source, DateTimeOffset capturedAt, RegistryKeyEvidence key) =>
        new(id, EvidenceKind.Registry, source, capturedAt, null, key ?? throw new ArgumentNullException(nameof(key)), null, null);

    /// <summary>Records of properties that were read.</summary>
    public static EvidenceItem ForRecords(string id, string source, DateTimeOffset capturedAt, IEnumerable<EvidenceRecord> records) =>
        new(id, EvidenceKind.Properties, source, capturedAt, null, null, (records ?? throw new ArgumentNullException(nameof(records))).ToArray(), null);

    /// <summary>Raw bytes that were read; the array is copied.</summary>
    public static EvidenceItem ForBlob(string id, string source, DateTimeOffset capturedAt, byte[] data) =>
        new(id, EvidenceKind.Blob, source, capturedAt, null, null, null, (data ?? throw new ArgumentNullException(nameof(data))).ToArray());

    /// <summary>Text that was read, kept as UTF-8 bytes.</summary>
    public static EvidenceItem ForText(string id, string source, DateTimeOffset capturedAt, string text) =>
        new(id, EvidenceKind.Text, source, capturedAt, null, null, null, Encoding.UTF8.GetBytes(text ?? throw new ArgumentNullException(nameof(text))));

    /// <summary>A fact of the given kind that could not be read.</summary>
    public static EvidenceItem ForError(string id, EvidenceKind kind, string source, DateTimeOffset capturedAt, EvidenceError error) =>
        new(id, kind, source, capturedAt, error ?? throw new ArgumentNullException(nameof(error)), null, null, null);

    /// <summary>A copy of the raw bytes (Blob or Text), or null when there are none.</summary>
    public byte[]? GetData() => _data?.ToArray();

    /// <summary>The text (Kind Text, decoded as UTF-8), or null.</summary>
    public string? GetText() => Kind == EvidenceKind.Text && _data is not null ? Encoding.UTF8.GetString(_data) : null;

    /// <summary>The bytes without a copy, for the bundle writer.</summary>
    internal byte[]? RawData => _data;

    /// <inheritdoc />
    public override string ToString() => Succeeded ? $"{Id} ({Kind})" : $"{Id} ({Kind}, {Error})";
}
