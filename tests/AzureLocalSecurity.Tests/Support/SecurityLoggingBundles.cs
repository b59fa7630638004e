using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Tests.Support;

/// <summary>
/// Hand-recorded security-logging bundles in the Windows collector's shapes (<see cref="SecurityLoggingEvidenceIds"/>), on top
/// of <see cref="Bundles.Windows"/>. They are not captures. The syslog output is written by this project with the names of
/// Set-AzSSyslogForwarder's documented parameters (manage-syslog-forwarding): Microsoft publishes no sample of what
/// Get-AzSSyslogForwarder returns. Subscription manager values follow the "Configure target Subscription Manager" policy's form.
/// Sizes, times and counts are illustrative.
/// </summary>
internal static class SecurityLoggingBundles
{
    internal const string HardenedSyslog =
        "[{\"ServerName\":\"siem.contoso.com\",\"ServerPort\":6514,\"NoEncryption\":false,\"SkipServerCertificateCheck\":false,\"SkipServerCNCheck\":false,\"UseUDP\":false,\"ClientCertificateThumbprint\":\"3F2A9C61D0B47E85A1C2D3E4F5061728394A5B6C\",\"OutputSeverity\":\"Default\"}]";

    internal const string WeakSyslog =
        "[{\"ServerName\":\"10.0.0.50\",\"ServerPort\":514,\"NoEncryption\":true,\"SkipServerCertificateCheck\":false,\"SkipServerCNCheck\":false,\"UseUDP\":true,\"ClientCertificateThumbprint\":null,\"OutputSeverity\":\"Default\"}]";

    internal const string HttpsManager = "Server=https://wec.contoso.com:5986/wsman/SubscriptionManager/WEC,Refresh=60,IssuerCA=0B9A8C7D6E5F4A3B2C1D0E9F8A7B6C5D4E3F2A1B";
    internal const string HttpManager = "Server=http://wec.contoso.com:5985/wsman/SubscriptionManager/WEC,Refresh=60";

    private const long MB = 1024 * 1024;

    private static DateTimeOffset T => Bundles.Time;

    private static DateTime Now => Bundles.Time.UtcDateTime;

    /// <summary>
    /// Syslog over TCP with TLS and mutual authentication, WEF over HTTPS; Security 1 GiB full and 9 days deep, System 128 MB
    /// with 3 days, Code Integrity 64 MB filled 2 MB in 6 hours, BitLocker Management 16 MB and empty.
    /// </summary>
    internal static EvidenceBundle Hardened() => With(
        Syslog(HardenedSyslog),
        [Key(SecurityLoggingEvidenceIds.SubscriptionManagerKey, ("1", HttpsManager)), Missing(SecurityLoggingEvidenceIds.CollectorSubscriptionsKey)],
        [
            Info(SecurityLoggingEvidenceIds.SecurityChannel, true, "Circular", 1024 * MB, 1024 * MB, Now.AddDays(-9), Now, full: false),
            Info(SecurityLoggingEvidenceIds.SystemChannel, true, "Circular", 128 * MB, 40 * MB, Now.AddDays(-3), Now, full: false),
            Info(SecurityLoggingEvidenceIds.CodeIntegrityChannel, true, "Circular", 64 * MB, 2 * MB, Now.AddHours(-6), Now, full: false),
            Info(SecurityLoggingEvidenceIds.BitLockerChannel, true, "Circular", 16 * MB, 69632, null, null, full: false),
        ]);

    /// <summary>
    /// Syslog over UDP in clear text without a client certificate, WEF over HTTP; Security 20 MB full with 5 hours of events,
    /// overwriting; System 20 MB with 2 days; Code Integrity disabled; BitLocker Management 1 MB and empty.
    /// </summary>
    internal static EvidenceBundle Weak() => With(
        Syslog(WeakSyslog),
        [Key(SecurityLoggingEvidenceIds.SubscriptionManagerKey, ("1", HttpManager)), Missing(SecurityLoggingEvidenceIds.CollectorSubscriptionsKey)],
        [
            Info(SecurityLoggingEvidenceIds.SecurityChannel, true, "Circular", 20 * MB, 20 * MB, Now.AddHours(-5), Now, full: false),
            Info(SecurityLoggingEvidenceIds.SystemChannel, true, "Circular", 20 * MB, 20 * MB, Now.AddDays(-2), Now, full: false),
            Info(SecurityLoggingEvidenceIds.CodeIntegrityChannel, false, "Circular", 1 * MB, null, null, null, full: null),
            Info(SecurityLoggingEvidenceIds.BitLockerChannel, true, "Circular", 1 * MB, 69632, null, null, full: false),
        ]);

    /// <summary>No syslog forwarder cmdlet and no subscription manager policy; the channels as <see cref="Hardened"/>.</summary>
    internal static EvidenceBundle NoForwarding() => With(
        [
            EvidenceItem.ForError(SecurityLoggingEvidenceIds.SyslogForwarder, EvidenceKind.Text, "powershell.exe -Command Get-AzSSyslogForwarder -Local", T, new EvidenceError(EvidenceErrorCategory.NotFound, "Get-AzSSyslogForwarder is not on this node.")),
        ],
        [Missing(SecurityLoggingEvidenceIds.SubscriptionManagerKey), Missing(SecurityLoggingEvidenceIds.CollectorSubscriptionsKey)],
        Hardened().Items.Where(i => i.Id.EndsWith("/info", StringComparison.Ordinal)).ToList());

    /// <summary>What the in-box capture gives: the registry keys only, with the Security policy at 20,480 KB and System's own 20 MB.</summary>
    internal static EvidenceBundle RegistryOnly() => With(
        [],
        [
            Missing(SecurityLoggingEvidenceIds.SubscriptionManagerKey),
            Key(SecurityLoggingEvidenceIds.ChannelPolicyKey(SecurityLoggingEvidenceIds.SecurityChannel), ("MaxSize", (uint)20480)),
            Key(SecurityLoggingEvidenceIds.ChannelKey(SecurityLoggingEvidenceIds.SystemChannel), ("MaxSize", (uint)(20 * MB))),
            Key(SecurityLoggingEvidenceIds.ChannelsKey + @"\" + SecurityLoggingEvidenceIds.CodeIntegrityChannel, ("Enabled", 1u), ("MaxSize", (uint)(64 * MB))),
        ],
        []);

    internal static EvidenceBundle With(IEnumerable<EvidenceItem> syslog, IEnumerable<EvidenceItem> keys, IEnumerable<EvidenceItem> infos) =>
        Add(Bundles.Windows(), [.. syslog, .. keys, .. infos]);

    internal static EvidenceBundle Add(EvidenceBundle bundle, IEnumerable<EvidenceItem> items) =>
        new(bundle.SchemaVersion, bundle.Node, bundle.CapturedAt, bundle.ModuleVersion, bundle.Items.Concat(items));

    internal static EvidenceItem[] Syslog(string json) =>
    [
        EvidenceItem.ForText(SecurityLoggingEvidenceIds.SyslogForwarder, @"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe -Command Get-AzSSyslogForwarder -Local", T, json),
        EvidenceItem.ForRecords(SecurityLoggingEvidenceIds.SyslogForwarderRun, @"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe -Command Get-AzSSyslogForwarder -Local", T,
            [Bundles.Record(("ExitCode", EvidenceValue.FromInt64(0)), ("StandardError", EvidenceValue.FromString(string.Empty)), ("TimedOut", EvidenceValue.FromBoolean(false)))]),
    ];

    internal static EvidenceItem Key(string path, params (string Name, object Value)[] values) =>
        EvidenceItem.ForRegistry(EvidenceIds.Registry(path), "Registry (64-bit view) " + path, T, new RegistryKeyEvidence(path,
            values.Select(v => new RegistryValueEvidence(v.Name, v.Value is uint u ? EvidenceValue.FromDWord(u) : EvidenceValue.FromString((string)v.Value)))));

    internal static EvidenceItem Missing(string path) =>
        EvidenceItem.ForError(EvidenceIds.Registry(path), EvidenceKind.Registry, "Registry (64-bit view) " + path, T, new EvidenceError(EvidenceErrorCategory.NotFound, $"The key {path} does not exist."));

    internal static EvidenceItem Info(string channel, bool enabled, string mode, long max, long? size, DateTime? oldest, DateTime? newest, bool? full) =>
        EvidenceItem.ForRecords(SecurityLoggingEvidenceIds.ChannelInfo(channel), "Event log service, channel " + channel, T,
        [
            Bundles.Record(
                ("IsEnabled", EvidenceValue.FromBoolean(enabled)),
                ("LogMode", EvidenceValue.FromString(mode)),
                ("MaximumSizeInBytes", EvidenceValue.FromUInt64((ulong)max)),
                ("LogFilePath", EvidenceValue.FromString(@"%SystemRoot%\System32\Winevt\Logs\" + channel.Replace('/', '%') + ".evtx")),
                ("FileSize", size is { } s ? EvidenceValue.FromUInt64((ulong)s) : EvidenceValue.Null),
                ("RecordCount", EvidenceValue.Null),
                ("OldestRecordNumber", EvidenceValue.Null),
                ("IsLogFull", full is { } f ? EvidenceValue.FromBoolean(f) : EvidenceValue.Null),
                ("OldestEventTime", oldest is { } o ? EvidenceValue.FromDateTime(o) : EvidenceValue.Null),
                ("NewestEventTime", newest is { } n ? EvidenceValue.FromDateTime(n) : EvidenceValue.Null)),
        ]);
}
