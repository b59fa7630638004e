using System;
using System.Collections.Generic;
using System.Globalization;
using AzureLocalSecurity.SecureBoot;

namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>
/// Reads Windows SIPA events (wbcl.h): {Type u32, Size u32, Value[Size]} records back to back, where a type with the
/// AGGREGATION bit (0x40000000) holds another such sequence. Every size is checked against what is left of its container
/// before anything is read; nesting deeper than <see cref="TcgEventLogOptions.MaxSipaDepth"/> or more events than
/// <see cref="TcgEventLogOptions.MaxSipaEvents"/> is refused. Windows writes this as the data of EV_EVENT_TAG records,
/// whose {EventID, EventDataSize} header is itself the first SIPA event's.
/// </summary>
public static class SipaEventParser
{
    /// <summary>The size of a SIPA event's header (Type and Size).</summary>
    public const int HeaderSize = 8;

    /// <summary>Parses the whole of <paramref name="data"/> as a sequence of SIPA events.</summary>
    /// <param name="data">The events' bytes; they are copied.</param>
    /// <param name="options">Limits; a new <see cref="TcgEventLogOptions"/> when null.</param>
    /// <returns>The top-level events, each with its children. Offsets are offsets in <paramref name="data"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="TcgEventLogFormatException">An event is cut short or claims more than its container holds, nesting is too deep, or there are too many events.</exception>
    public static IReadOnlyList<SipaEvent> Parse(byte[] data, TcgEventLogOptions? options = null)
    {
        if (data is null)
        {
            throw new ArgumentNullException(nameof(data));
        }

        options ??= new TcgEventLogOptions();
        if (data.Length > options.MaxInputLength)
        {
            throw new TcgEventLogFormatException(
                string.Format(CultureInfo.InvariantCulture, "the data is {0} bytes; at most {1} are read", data.Length, options.MaxInputLength),
                options.MaxInputLength);
        }

        var copy = (byte[])data.Clone();
        return ParseRange(copy, 0, copy.Length, options.SipaLimits);
    }

    /// <summary>Parses <c>buffer[offset..offset+length)</c>; offsets in events and errors are offsets in <paramref name="buffer"/>.</summary>
    internal static SipaEvent[] ParseRange(byte[] buffer, int offset, int length, SipaLimits limits)
    {
        var count = 0;
        return ParseLevel(buffer, offset, offset + length, 1, limits, ref count);
    }

    private static SipaEvent[] ParseLevel(byte[] buffer, int start, int end, int depth, SipaLimits limits, ref int count)
    {
        var events = new List<SipaEvent>();
        var position = start;
        while (position < end)
        {
            var left = end - position;
            if (left < HeaderSize)
            {
                throw new TcgEventLogFormatException(
                    string.Format(CultureInfo.InvariantCulture, "a SIPA event header needs {0} bytes but only {1} are left", HeaderSize, left),
                    position);
            }

            var type = SecureBootBytes.UInt32(buffer, position);
            var size = SecureBootBytes.UInt32(buffer, position + 4);
            if (size > (uint)(left - HeaderSize))
            {
                throw new TcgEventLogFormatException(
                    string.Format(CultureInfo.InvariantCulture, "SIPA event {0} ({1}) claims {2} bytes but only {3} are left", TcgBytes.Hex32(type), SipaNames.Name(type), size, left - HeaderSize),
                    position + 4);
            }

            if (++count > limits.MaxEvents)
            {
                throw new TcgEventLogFormatException(string.Format(CultureInfo.InvariantCulture, "more than {0} SIPA events in one record", limits.MaxEvents), position);
            }

            var valueAt = position + HeaderSize;
            var children = Array.Empty<SipaEvent>();
            if ((type & SipaNames.Aggregation) != 0)
            {
                if (depth >= limits.MaxDepth)
                {
                    throw new TcgEventLogFormatException(
                        string.Format(CultureInfo.InvariantCulture, "SIPA aggregation {0} ({1}) nests deeper than {2} levels", TcgBytes.Hex32(type), SipaNames.Name(type), limits.MaxDepth),
                        position);
                }

                children = ParseLevel(buffer, valueAt, valueAt + (int)size, depth + 1, limits, ref count);
            }

            events.Add(new SipaEvent(type, position, buffer, valueAt, (int)size, children));
            position = valueAt + (int)size;
        }

        return events.ToArray();
    }
}
