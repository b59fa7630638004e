using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.SecurityLogging;

/// <summary>How far the bundle establishes Windows Event Forwarding.</summary>
internal enum WefState
{
    /// <summary>The policy key could not be read or is not in the bundle.</summary>
    Unknown,

    /// <summary>No subscription manager is configured.</summary>
    None,

    /// <summary>At least one subscription manager value was read.</summary>
    Configured,
}

/// <summary>Windows Event Forwarding as the bundle gives it: the subscription manager policy's values and the collector's subscriptions.</summary>
internal sealed class WefFacts
{
    private WefFacts(WefState state, IReadOnlyList<SubscriptionManagerEntry> entries, IReadOnlyList<string> collectorSubscriptions, string? source, string? reason)
    {
        State = state;
        Entries = entries;
        CollectorSubscriptions = collectorSubscriptions;
        Source = source;
        Reason = reason;
    }

    internal WefState State { get; }

    internal IReadOnlyList<SubscriptionManagerEntry> Entries { get; }

    internal IReadOnlyList<string> CollectorSubscriptions { get; }

    internal string? Source { get; }

    internal string? Reason { get; }

    internal static WefFacts Read(EvidenceBundle bundle)
    {
        var collector = bundle.Find(EvidenceIds.Registry(SecurityLoggingEvidenceIds.CollectorSubscriptionsKey))?.Registry?.SubKeys ?? [];
        var item = bundle.Find(EvidenceIds.Registry(SecurityLoggingEvidenceIds.SubscriptionManagerKey));
        if (item is null)
        {
            return new(WefState.Unknown, [], collector, null, $"The bundle does not have the key {SecurityLoggingEvidenceIds.SubscriptionManagerKey}.");
        }

        if (item.Error is { } error)
        {
            return error.Category == EvidenceErrorCategory.NotFound
                ? new(WefState.None, [], collector, item.Source, null)
                : new(WefState.Unknown, [], collector, item.Source, $"The key {SecurityLoggingEvidenceIds.SubscriptionManagerKey} could not be read ({error.Category}: {error.Message}).");
        }

        var entries = new List<SubscriptionManagerEntry>();
        foreach (var value in item.Registry!.Values)
        {
            var texts = value.Value.AsStrings() ?? (value.Value.AsString() is { } s ? [s] : []);
            entries.AddRange(texts.Where(t => t.Trim().Length > 0).Select(SubscriptionManagerEntry.Parse));
        }

        return new(entries.Count == 0 ? WefState.None : WefState.Configured, entries, collector, item.Source, null);
    }
}
