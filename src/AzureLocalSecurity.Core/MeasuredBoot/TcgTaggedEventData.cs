using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>
/// EV_EVENT_TAG data (TCG_PCClientTaggedEvent: EventID u32, EventDataSize u32, data). When the EventID is a Windows SIPA
/// id, the data is read as SIPA events (<see cref="SipaEvents"/>, a tree: trust boundaries holding the boot counter, the
/// loaded modules with their paths, hashes and signers, the ELAM driver, the OS settings). Other tagged events keep their
/// id and size.
/// </summary>
public sealed class TcgTaggedEventData : TcgEventData
{
    internal TcgTaggedEventData(uint eventId, uint eventDataSize, bool isSipa, IReadOnlyList<SipaEvent> sipaEvents)
    {
        EventId = eventId;
        EventDataSize = eventDataSize;
        IsSipa = isSipa;
        SipaEvents = sipaEvents;
    }

    /// <summary>The first tagged event's EventID.</summary>
    public uint EventId { get; }

    /// <summary>The first tagged event's EventDataSize.</summary>
    public uint EventDataSize { get; }

    /// <summary>Whether the data was read as Windows SIPA events.</summary>
    public bool IsSipa { get; }

    /// <summary>The top-level SIPA events (empty unless <see cref="IsSipa"/>).</summary>
    public IReadOnlyList<SipaEvent> SipaEvents { get; }

    /// <summary>Every SIPA event at every level, depth first, in log order.</summary>
    public IEnumerable<SipaEvent> AllSipaEvents()
    {
        foreach (var root in SipaEvents)
        {
            yield return root;
            foreach (var below in root.Descendants())
            {
                yield return below;
            }
        }
    }

    /// <inheritdoc />
    public override string Summary => IsSipa
        ? string.Join("; ", SipaEvents.Select(e => e.IsAggregation ? string.Format(CultureInfo.InvariantCulture, "{0} ({1} events)", e.Name, e.Descendants().Count()) : e.ToString()))
        : string.Format(CultureInfo.InvariantCulture, "tagged event {0}, {1} bytes", TcgBytes.Hex32(EventId), EventDataSize);
}
