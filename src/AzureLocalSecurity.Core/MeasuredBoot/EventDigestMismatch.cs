using System.Globalization;
using AzureLocalSecurity.Tpm;

namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>A record whose digest should be the hash of its event data but is not: the data was changed after it was measured, or the firmware measured something else.</summary>
public sealed class EventDigestMismatch
{
    internal EventDigestMismatch(int eventIndex, int offset, uint pcrIndex, TcgEventType eventType, ushort algorithm, string expected, string logged)
    {
        EventIndex = eventIndex;
        Offset = offset;
        PcrIndex = pcrIndex;
        EventType = eventType;
        Algorithm = algorithm;
        Expected = expected;
        Logged = logged;
    }

    /// <summary>The record's index in the log.</summary>
    public int EventIndex { get; }

    /// <summary>The record's byte offset in the log.</summary>
    public int Offset { get; }

    /// <summary>The PCR the record was extended into.</summary>
    public uint PcrIndex { get; }

    /// <summary>The record's type.</summary>
    public TcgEventType EventType { get; }

    /// <summary>The bank's hash algorithm (TPM_ALG_ID).</summary>
    public ushort Algorithm { get; }

    /// <summary>The bank, named as tpm2-tools names it.</summary>
    public string Bank => TpmNames.Algorithm(Algorithm);

    /// <summary>The hash of the record's event data, upper-case hex.</summary>
    public string Expected { get; }

    /// <summary>The digest the record carries, upper-case hex.</summary>
    public string Logged { get; }

    /// <inheritdoc />
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "record {0} (PCR {1}, {2}): {3} digest {4}, but the data hashes to {5}",
        EventIndex,
        PcrIndex,
        TcgEventTypes.Name(EventType),
        Bank,
        Logged,
        Expected);
}
