using System;
using System.Globalization;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.SecurityLogging;

/// <summary>
/// One event channel as the bundle gives it: the event log service's answers (<see cref="SecurityLoggingEvidenceIds.ChannelInfo"/>)
/// first, the registry (policy, then the channel's own configuration) where those are missing.
/// </summary>
internal sealed class ChannelFacts
{
    private ChannelFacts(string channel)
    {
        Channel = channel;
    }

    internal string Channel { get; }

    internal bool? IsEnabled { get; private set; }

    /// <summary>Circular, AutoBackup or Retain; null when not known.</summary>
    internal string? Mode { get; private set; }

    internal long? MaximumSize { get; private set; }

    internal long? FileSize { get; private set; }

    internal bool? IsLogFull { get; private set; }

    internal DateTime? OldestEvent { get; private set; }

    internal DateTime? NewestEvent { get; private set; }

    internal bool ChannelMissing { get; private set; }

    internal string? Source { get; private set; }

    /// <summary>Why a fact is missing, for an Unknown.</summary>
    internal string? Reason { get; private set; }

    /// <summary>Why the event log service's answers are not used (null when they are).</summary>
    internal string? InfoReason { get; private set; }

    internal static ChannelFacts Read(EvidenceBundle bundle, string channel)
    {
        var facts = new ChannelFacts(channel);
        var info = bundle.Find(SecurityLoggingEvidenceIds.ChannelInfo(channel));
        if (info is { Error: null, Records: { Count: > 0 } records })
        {
            var r = records[0];
            facts.Source = info.Source;
            facts.IsEnabled = r.Get("IsEnabled")?.AsBoolean();
            facts.Mode = r.Get("LogMode")?.AsString();
            facts.MaximumSize = r.Get("MaximumSizeInBytes")?.AsInt64();
            facts.FileSize = r.Get("FileSize")?.AsInt64();
            facts.IsLogFull = r.Get("IsLogFull")?.AsBoolean();
            facts.OldestEvent = r.Get("OldestEventTime")?.Value as DateTime?;
            facts.NewestEvent = r.Get("NewestEventTime")?.Value as DateTime?;
            if (facts.OldestEvent is null || facts.FileSize is null)
            {
                facts.InfoReason = "the event log service did not give the log's oldest event or file size";
            }
        }
        else if (info?.Error is { Category: EvidenceErrorCategory.NotFound } missing)
        {
            facts.ChannelMissing = true;
            facts.Source = info.Source;
            facts.Reason = $"The event log service has no channel {channel}: {missing.Message}";
            return facts;
        }
        else
        {
            facts.InfoReason = info?.Error is { } e
                ? $"the event log service's answer could not be read ({e.Category}: {e.Message})"
                : "the bundle has no answer of the event log service for the channel (the in-box capture records the registry only)";
            facts.Reason = "Not established: " + facts.InfoReason + ".";
        }

        facts.FromRegistry(bundle);
        return facts;
    }

    /// <summary>Fills what the event log service did not give from the policy key, then the channel's own key.</summary>
    private void FromRegistry(EvidenceBundle bundle)
    {
        var policyKey = SecurityLoggingEvidenceIds.ChannelPolicyKey(Channel);
        var policy = bundle.Find(EvidenceIds.Registry(policyKey))?.Registry;
        var ownKey = SecurityLoggingEvidenceIds.ChannelKey(Channel);
        var own = bundle.Find(EvidenceIds.Registry(ownKey))?.Registry;
        var winevtKey = SecurityLoggingEvidenceIds.ChannelsKey + @"\" + Channel;
        var winevt = bundle.Find(EvidenceIds.Registry(winevtKey))?.Registry;

        if (IsEnabled is null && winevt?.GetValue("Enabled")?.AsInt64() is { } enabled)
        {
            IsEnabled = enabled != 0;
            Source ??= "Registry " + winevtKey;
        }

        if (MaximumSize is null)
        {
            if (policy?.GetValue("MaxSize")?.AsInt64() is { } kb and > 0)
            {
                MaximumSize = kb * 1024;
                Source ??= "Registry " + policyKey + " MaxSize (KB)";
            }
            else if (own?.GetValue("MaxSize")?.AsInt64() is { } bytes and > 0)
            {
                MaximumSize = bytes;
                Source ??= "Registry " + ownKey + " MaxSize";
            }
        }

        if (Mode is null && (Flag(policy?.GetValue("AutoBackupLogFiles")) ?? Flag(own?.GetValue("AutoBackupLogFiles"))) == true)
        {
            Mode = "AutoBackup";
        }
    }

    private static bool? Flag(EvidenceValue? value) =>
        value?.AsInt64() is { } n ? n != 0
        : value?.AsString() is { } s && long.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var m) ? m != 0
        : null;
}
