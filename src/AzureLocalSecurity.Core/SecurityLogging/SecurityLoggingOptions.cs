using System;
using System.Collections.Generic;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.SecurityLogging;

/// <summary>
/// What "large enough not to roll over within a day of typical volume" means for <see cref="SecurityLoggingChecks"/>. A log's
/// history is <b>measured</b> when the bundle has the event log service's answers for it (the oldest and newest event's time,
/// the file's size and the maximum): a log that has reached its maximum holds exactly the span between its oldest and newest
/// event; a log that has not yet reached it is projected from the rate it filled at so far. Only when those answers are
/// missing (a bundle of the in-box capture, or a log that is younger than <see cref="MinimumObservedHours"/>) is the capacity
/// <b>estimated</b>: the maximum size divided by <see cref="EventsPerDay"/> for the channel times <see cref="AverageEventBytes"/>.
/// The results say which of the two they used.
/// </summary>
public sealed class SecurityLoggingOptions
{
    /// <summary>The default days of events a log must hold.</summary>
    public const double DefaultMinimumDays = 1;

    /// <summary>The default bytes an event is estimated to take in the log file.</summary>
    public const int DefaultAverageEventBytes = 1024;

    /// <summary>The default hours a log must span before its fill rate is trusted for a projection.</summary>
    public const double DefaultMinimumObservedHours = 1;

    /// <summary>
    /// The default events per day per channel, estimates for an Azure Local node with the Azure Local baseline's audit policy:
    /// Security 100,000, System 20,000, Code Integrity 2,000, BitLocker Management 500. They are this module's estimates, not
    /// Microsoft figures; measure a node (the <c>RecordCount</c> and times of <see cref="SecurityLoggingEvidenceIds.ChannelInfo"/>)
    /// and pass your own.
    /// </summary>
    public static IReadOnlyDictionary<string, long> DefaultEventsPerDay { get; } = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase)
    {
        [SecurityLoggingEvidenceIds.SecurityChannel] = 100_000,
        [SecurityLoggingEvidenceIds.SystemChannel] = 20_000,
        [SecurityLoggingEvidenceIds.CodeIntegrityChannel] = 2_000,
        [SecurityLoggingEvidenceIds.BitLockerChannel] = 500,
    };

    private double _minimumDays = DefaultMinimumDays;
    private int _averageEventBytes = DefaultAverageEventBytes;
    private double _minimumObservedHours = DefaultMinimumObservedHours;
    private readonly Dictionary<string, long> _eventsPerDay = new((Dictionary<string, long>)DefaultEventsPerDay, StringComparer.OrdinalIgnoreCase);

    /// <summary>The days of events each log must hold before it rolls over (more than 0; default 1).</summary>
    public double MinimumDays
    {
        get => _minimumDays;
        set => _minimumDays = value > 0 && !double.IsInfinity(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "More than 0 days.");
    }

    /// <summary>The bytes an event is estimated to take in the log file, for the estimate (at least 64; default 1,024).</summary>
    public int AverageEventBytes
    {
        get => _averageEventBytes;
        set => _averageEventBytes = value >= 64 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "At least 64 bytes.");
    }

    /// <summary>The hours between a log's oldest and newest event below which its fill rate is not used for a projection (default 1).</summary>
    public double MinimumObservedHours
    {
        get => _minimumObservedHours;
        set => _minimumObservedHours = value >= 0 && !double.IsInfinity(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "0 hours or more.");
    }

    /// <summary>The events per day estimated for each channel (starts with <see cref="DefaultEventsPerDay"/>).</summary>
    public IReadOnlyDictionary<string, long> EventsPerDay => _eventsPerDay;

    /// <summary>Sets the events per day estimated for a channel (at least 1).</summary>
    public SecurityLoggingOptions WithEventsPerDay(string channel, long eventsPerDay)
    {
        if (string.IsNullOrEmpty(channel))
        {
            throw new ArgumentException("A channel name.", nameof(channel));
        }

        _eventsPerDay[channel] = eventsPerDay >= 1 ? eventsPerDay : throw new ArgumentOutOfRangeException(nameof(eventsPerDay), eventsPerDay, "At least one event per day.");
        return this;
    }

    /// <summary>The events per day estimated for <paramref name="channel"/> (the Security estimate for a channel not listed).</summary>
    public long EventsPerDayFor(string channel) =>
        _eventsPerDay.TryGetValue(channel, out var n) ? n : _eventsPerDay[SecurityLoggingEvidenceIds.SecurityChannel];
}
