using System;
using System.Collections.Generic;
using System.Globalization;
using AzureLocalSecurity.Tpm;

namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>
/// A TCG PC Client event log (the firmware's log, Linux's binary_bios_measurements, a Windows measured-boot log): its
/// format, the Spec ID of its first record, and every record. <see cref="Parse"/> checks the framing only: every size
/// against what is left before anything is read or allocated from it, every digest's algorithm against the Spec ID event.
/// A record's data is decoded when it is first asked for, and a record whose data does not decode keeps it raw.
/// </summary>
public sealed class TcgEventLog
{
    /// <summary>The size of a TCG_PCR_EVENT header (PCRIndex, EventType, a SHA-1 digest, EventSize).</summary>
    public const int LegacyHeaderSize = 32;

    /// <summary>The most algorithms a Spec ID event may declare; the TCG registry assigns fewer than 16 hash algorithms.</summary>
    public const int MaxSpecIdAlgorithms = 16;

    /// <summary>The largest digest a Spec ID event may declare (SHA-512 and SHA3-512: 64 bytes).</summary>
    public const int MaxDigestSize = 64;

    private static readonly byte[] SpecIdEvent03 = SignatureBytes("Spec ID Event03");
    private static readonly byte[] SpecIdEvent02 = SignatureBytes("Spec ID Event02");
    private static readonly TcgAlgorithm[] LegacyAlgorithms = [new TcgAlgorithm(TcgAlgorithm.Sha1, 20)];

    private readonly TcgEvent[] _events;

    private TcgEventLog(int length, TcgEventLogFormat format, TcgSpecId? specId, TcgEvent[] events)
    {
        Length = length;
        Format = format;
        SpecId = specId;
        _events = events;
    }

    /// <summary>How the records are laid out.</summary>
    public TcgEventLogFormat Format { get; }

    /// <summary>The first record's Spec ID event (Event03 for a crypto-agile log, Event02 for a TPM 1.2 one), or null when it has none.</summary>
    public TcgSpecId? SpecId { get; }

    /// <summary>The banks the records carry digests for: the Spec ID's algorithms, or SHA-1 for a legacy log.</summary>
    public IReadOnlyList<TcgAlgorithm> Algorithms => Format == TcgEventLogFormat.CryptoAgile ? SpecId!.Algorithms : LegacyAlgorithms;

    /// <summary>Every record, in log order.</summary>
    public IReadOnlyList<TcgEvent> Events => _events;

    /// <summary>The size of the log in bytes.</summary>
    public int Length { get; }

    /// <summary>Parses a whole log: legacy (SHA-1) or crypto-agile, as its first record says.</summary>
    /// <param name="log">The log's bytes; they are copied, so the array may change afterwards.</param>
    /// <param name="options">Limits; a new <see cref="TcgEventLogOptions"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> is null.</exception>
    /// <exception cref="TcgEventLogFormatException">The framing is not well formed, or the log exceeds a limit.</exception>
    public static TcgEventLog Parse(byte[] log, TcgEventLogOptions? options = null)
    {
        if (log is null)
        {
            throw new ArgumentNullException(nameof(log));
        }

        options ??= new TcgEventLogOptions();
        if (log.Length > options.MaxInputLength)
        {
            throw new TcgEventLogFormatException(
                string.Format(CultureInfo.InvariantCulture, "the log is {0} bytes; at most {1} are read", log.Length, options.MaxInputLength),
                options.MaxInputLength);
        }

        if (log.Length == 0)
        {
            throw new TcgEventLogFormatException("the log is empty; a log has at least one record", 0);
        }

        var buffer = (byte[])log.Clone();
        var limits = options.SipaLimits;
        var reader = new TcgReader(buffer, 0, buffer.Length);

        // Record 0 is a TCG_PCR_EVENT in both formats; its data says which format the rest is in.
        var first = ReadLegacyRecord(ref reader);
        TcgSpecId? specId = null;
        var format = TcgEventLogFormat.Sha1Legacy;
        if (first.PcrIndex == 0 && first.EventType == (uint)TcgEventType.NoAction && StartsWith(buffer, first.DataOffset, first.DataSize, SpecIdEvent03))
        {
            specId = ReadSpecIdEvent03(buffer, first.DataOffset, first.DataSize);
            format = TcgEventLogFormat.CryptoAgile;
        }
        else if (first.EventType == (uint)TcgEventType.NoAction && StartsWith(buffer, first.DataOffset, first.DataSize, SpecIdEvent02))
        {
            specId = TryReadSpecIdEvent02(buffer, first.DataOffset, first.DataSize);
        }

        var events = new List<TcgEvent>(Math.Min(options.MaxEvents, 64));
        events.Add(first.ToEvent(buffer, 0, specId, limits));
        while (reader.Remaining > 0)
        {
            if (events.Count == options.MaxEvents)
            {
                throw new TcgEventLogFormatException(string.Format(CultureInfo.InvariantCulture, "the log holds more than {0} records", options.MaxEvents), reader.Position);
            }

            var record = format == TcgEventLogFormat.CryptoAgile ? ReadAgileRecord(ref reader, specId!) : ReadLegacyRecord(ref reader);
            events.Add(record.ToEvent(buffer, events.Count, specId, limits));
        }

        return new TcgEventLog(buffer.Length, format, specId, events.ToArray());
    }

    /// <inheritdoc />
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "{0} log, {1} records, {2} bytes, banks {3}",
        Format,
        _events.Length,
        Length,
        string.Join(", ", ToNames(Algorithms)));

    private static string[] ToNames(IReadOnlyList<TcgAlgorithm> algorithms)
    {
        var names = new string[algorithms.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = algorithms[i].Name;
        }

        return names;
    }

    private static RawRecord ReadLegacyRecord(ref TcgReader reader)
    {
        var start = reader.Position;
        var pcr = reader.U32("the record's PCRIndex");
        var type = reader.U32("the record's EventType");
        var digest = reader.Skip(20, "the record's SHA-1 digest");
        var sizeAt = reader.Position;
        var size = reader.U32("the record's EventSize");
        var length = reader.Length(size, 1, "EventSize", sizeAt);
        var data = reader.Skip(length, "the event data");
        return new RawRecord(start, reader.Position - start, pcr, type, [new TcgDigest(TcgAlgorithm.Sha1, reader.Buffer, digest, 20)], data, length);
    }

    private static RawRecord ReadAgileRecord(ref TcgReader reader, TcgSpecId specId)
    {
        var start = reader.Position;
        var pcr = reader.U32("the record's PCRIndex");
        var type = reader.U32("the record's EventType");
        var countAt = reader.Position;
        var count = reader.U32("the record's digest count");
        var algorithms = specId.Algorithms;
        if (count > (uint)algorithms.Count)
        {
            throw new TcgEventLogFormatException(
                string.Format(CultureInfo.InvariantCulture, "the record holds {0} digests but the Spec ID event declares {1} algorithms", count, algorithms.Count),
                countAt);
        }

        var digests = new TcgDigest[count];
        for (var i = 0; i < digests.Length; i++)
        {
            var algorithmAt = reader.Position;
            var algorithm = reader.U16("a digest's algorithm");
            var size = 0;
            foreach (var declared in algorithms)
            {
                if (declared.Id == algorithm)
                {
                    size = declared.DigestSize;
                    break;
                }
            }

            if (size == 0)
            {
                throw new TcgEventLogFormatException(
                    string.Format(CultureInfo.InvariantCulture, "a digest of algorithm 0x{0:X4} ({1}), which the Spec ID event does not declare, so its size is unknown", algorithm, TpmNames.Algorithm(algorithm)),
                    algorithmAt);
            }

            for (var j = 0; j < i; j++)
            {
                if (digests[j].Algorithm == algorithm)
                {
                    throw new TcgEventLogFormatException(string.Format(CultureInfo.InvariantCulture, "a second {0} digest in one record", TpmNames.Algorithm(algorithm)), algorithmAt);
                }
            }

            var at = reader.Skip(size, "the " + TpmNames.Algorithm(algorithm) + " digest");
            digests[i] = new TcgDigest(algorithm, reader.Buffer, at, size);
        }

        var sizeAt = reader.Position;
        var eventSize = reader.U32("the record's EventSize");
        var length = reader.Length(eventSize, 1, "EventSize", sizeAt);
        var data = reader.Skip(length, "the event data");
        return new RawRecord(start, reader.Position - start, pcr, type, digests, data, length);
    }

    /// <summary>TCG_EfiSpecIDEventStruct with its algorithm table (PFP §10.4.5.1). Its sizes frame every later record, so any doubt is an error.</summary>
    private static TcgSpecId ReadSpecIdEvent03(byte[] buffer, int offset, int size)
    {
        var reader = new TcgReader(buffer, offset, offset + size);
        reader.Skip(16, "the Spec ID signature");
        var platformClass = reader.U32("platformClass");
        var minor = reader.U8("specVersionMinor");
        var major = reader.U8("specVersionMajor");
        var errata = reader.U8("specErrata");
        var uintn = reader.U8("uintnSize");
        var countAt = reader.Position;
        var count = reader.U32("numberOfAlgorithms");
        if (count == 0)
        {
            throw new TcgEventLogFormatException("the Spec ID event declares no algorithms", countAt);
        }

        if (count > MaxSpecIdAlgorithms)
        {
            throw new TcgEventLogFormatException(
                string.Format(CultureInfo.InvariantCulture, "the Spec ID event declares {0} algorithms; at most {1} are accepted", count, MaxSpecIdAlgorithms),
                countAt);
        }

        reader.Length(count, 4, "numberOfAlgorithms", countAt);
        var algorithms = new TcgAlgorithm[count];
        for (var i = 0; i < algorithms.Length; i++)
        {
            var idAt = reader.Position;
            var id = reader.U16("an algorithmId");
            var sizeAt = reader.Position;
            var digestSize = reader.U16("a digestSize");
            var name = TpmNames.Algorithm(id);
            if (digestSize == 0 || digestSize > MaxDigestSize)
            {
                throw new TcgEventLogFormatException(
                    string.Format(CultureInfo.InvariantCulture, "the Spec ID event gives {0} a digest size of {1}; sizes from 1 to {2} are accepted", name, digestSize, MaxDigestSize),
                    sizeAt);
            }

            var known = TpmConstants.DigestSize(id);
            if (known != 0 && known != digestSize)
            {
                throw new TcgEventLogFormatException(
                    string.Format(CultureInfo.InvariantCulture, "the Spec ID event gives {0} a {1}-byte digest; a {0} digest is {2} bytes", name, digestSize, known),
                    sizeAt);
            }

            for (var j = 0; j < i; j++)
            {
                if (algorithms[j].Id == id)
                {
                    throw new TcgEventLogFormatException(string.Format(CultureInfo.InvariantCulture, "the Spec ID event declares {0} twice", name), idAt);
                }
            }

            algorithms[i] = new TcgAlgorithm(id, digestSize);
        }

        var vendorSize = reader.U8("vendorInfoSize");
        var vendorAt = reader.Skip(vendorSize, "vendorInfo");
        return new TcgSpecId("Spec ID Event03", platformClass, minor, major, errata, uintn, algorithms, Copy(buffer, vendorAt, vendorSize));
    }

    /// <summary>TCG_EfiSpecIdEventStruct of the TPM 1.2 EFI profile: no algorithm table, so nothing frames on it and a malformed one is only left out.</summary>
    private static TcgSpecId? TryReadSpecIdEvent02(byte[] buffer, int offset, int size)
    {
        if (size < 25)
        {
            return null;
        }

        var reader = new TcgReader(buffer, offset + 16, offset + size);
        var platformClass = reader.U32("platformClass");
        var minor = reader.U8("specVersionMinor");
        var major = reader.U8("specVersionMajor");
        var errata = reader.U8("specErrata");
        var uintn = reader.U8("uintnSize");
        var vendorSize = reader.U8("vendorInfoSize");
        if (vendorSize > reader.Remaining)
        {
            return null;
        }

        return new TcgSpecId("Spec ID Event02", platformClass, minor, major, errata, uintn, Array.Empty<TcgAlgorithm>(), Copy(buffer, reader.Position, vendorSize));
    }

    private static byte[] Copy(byte[] buffer, int offset, int count)
    {
        var result = new byte[count];
        Buffer.BlockCopy(buffer, offset, result, 0, count);
        return result;
    }

    private static bool StartsWith(byte[] buffer, int offset, int size, byte[] prefix)
    {
        if (size < prefix.Length)
        {
            return false;
        }

        for (var i = 0; i < prefix.Length; i++)
        {
            if (buffer[offset + i] != prefix[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A 16-byte signature: the ASCII text and its terminating zero.</summary>
    private static byte[] SignatureBytes(string text)
    {
        var bytes = new byte[16];
        for (var i = 0; i < text.Length; i++)
        {
            bytes[i] = (byte)text[i];
        }

        return bytes;
    }

    /// <summary>A record's fields as read, before its Spec ID is known.</summary>
    private readonly struct RawRecord
    {
        internal RawRecord(int offset, int size, uint pcrIndex, uint eventType, TcgDigest[] digests, int dataOffset, int dataSize)
        {
            Offset = offset;
            Size = size;
            PcrIndex = pcrIndex;
            EventType = eventType;
            Digests = digests;
            DataOffset = dataOffset;
            DataSize = dataSize;
        }

        internal int Offset { get; }

        internal int Size { get; }

        internal uint PcrIndex { get; }

        internal uint EventType { get; }

        internal TcgDigest[] Digests { get; }

        internal int DataOffset { get; }

        internal int DataSize { get; }

        internal TcgEvent ToEvent(byte[] buffer, int index, TcgSpecId? specId, SipaLimits limits) =>
            new(buffer, index, Offset, Size, PcrIndex, EventType, Digests, DataOffset, DataSize, specId, limits);
    }
}
