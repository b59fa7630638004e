using System.Collections.Generic;
using System.Globalization;
using AzureLocalSecurity.SecureBoot;

namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>
/// One record of a TCG event log: the PCR it was extended into, its type, a digest per bank, and its event data. The
/// data is decoded into readable facts (<see cref="Decoded"/>) the first time they are asked for; data that does not
/// decode is kept raw with the reason in <see cref="TcgEventData.DecodeProblem"/>, never an exception.
/// </summary>
public sealed class TcgEvent
{
    private readonly byte[] _log;
    private readonly TcgDigest[] _digests;
    private readonly TcgSpecId? _specId;
    private readonly SipaLimits _limits;
    private TcgEventData? _decoded;

    internal TcgEvent(byte[] log, int index, int offset, int size, uint pcrIndex, uint eventType, TcgDigest[] digests, int dataOffset, int dataSize, TcgSpecId? specId, SipaLimits limits)
    {
        _log = log;
        Index = index;
        Offset = offset;
        Size = size;
        PcrIndex = pcrIndex;
        EventType = (TcgEventType)eventType;
        _digests = digests;
        DataOffset = dataOffset;
        DataSize = dataSize;
        _specId = specId;
        _limits = limits;
    }

    /// <summary>The record's position in the log, from 0 (the Spec ID record of a crypto-agile log is 0).</summary>
    public int Index { get; }

    /// <summary>The byte offset of the record in the log.</summary>
    public int Offset { get; }

    /// <summary>The record's size in bytes, header, digests and data together.</summary>
    public int Size { get; }

    /// <summary>The PCR the digests were extended into (0xFFFFFFFF: a Windows record that extends nothing).</summary>
    public uint PcrIndex { get; }

    /// <summary>The event type; a value the specification does not name is kept as the number it is.</summary>
    public TcgEventType EventType { get; }

    /// <summary>The specification's name of the type (EV_SEPARATOR, ...), or its value in hex.</summary>
    public string EventTypeName => TcgEventTypes.Name(EventType);

    /// <summary>The digests, one per bank the record carries, in the record's order.</summary>
    public IReadOnlyList<TcgDigest> Digests => _digests;

    /// <summary>The byte offset of the event data in the log.</summary>
    public int DataOffset { get; }

    /// <summary>The size of the event data in bytes.</summary>
    public int DataSize { get; }

    /// <summary>The event data decoded into readable facts (computed on first use, then kept).</summary>
    public TcgEventData Decoded => _decoded ??= TcgEventDecoder.Decode(this);

    /// <summary>A one-line description of the event data.</summary>
    public string Summary => Decoded.Summary;

    /// <summary>The Spec ID of the log the record belongs to (null for a legacy log without one).</summary>
    internal TcgSpecId? SpecId => _specId;

    /// <summary>The SIPA limits the log was parsed with.</summary>
    internal SipaLimits SipaLimits => _limits;

    /// <summary>The log the record's offsets refer to.</summary>
    internal byte[] Log => _log;

    /// <summary>The event data (a copy).</summary>
    public byte[] GetData() => SecureBootBytes.Copy(_log, DataOffset, DataSize);

    /// <summary>The digest of one bank, or null when the record carries none for it.</summary>
    public TcgDigest? FindDigest(ushort algorithm)
    {
        foreach (var digest in _digests)
        {
            if (digest.Algorithm == algorithm)
            {
                return digest;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "#{0} PCR{1} {2}: {3}", Index, PcrIndex == uint.MaxValue ? "-" : PcrIndex.ToString(CultureInfo.InvariantCulture), EventTypeName, Summary);
}
