using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Results;

namespace AzureLocalSecurity.SecurityLogging;

/// <summary>
/// The security-logging checks (issue 12): whether the node's security events reach a SIEM (Azure Local's syslog forwarder, as
/// manage-syslog-forwarding documents it, or Windows Event Forwarding), over TLS with the server's and the node's identity
/// verified, and whether the channels the module reads (Security, System for Microsoft-Windows-TPM-WMI, Code Integrity,
/// BitLocker Management) are enabled and hold at least <see cref="SecurityLoggingOptions.MinimumDays"/> of events. A fact that
/// is missing gives Unknown with where to look, never NonCompliant. Pure.
/// </summary>
public static class SecurityLoggingChecks
{
    /// <summary>The area name of these checks.</summary>
    public const string Area = "SecurityLogging";

    /// <summary>The node's security events are forwarded to a SIEM (syslog forwarder or Windows Event Forwarding).</summary>
    public const string ForwardingId = "ALSEC-LOG-001";

    /// <summary>The syslog forwarder sends over TCP with TLS.</summary>
    public const string SyslogTlsId = "ALSEC-LOG-002";

    /// <summary>The syslog forwarder validates the server's certificate and its name.</summary>
    public const string SyslogServerAuthenticationId = "ALSEC-LOG-003";

    /// <summary>The syslog forwarder authenticates itself with a client certificate (mutual authentication).</summary>
    public const string SyslogMutualAuthenticationId = "ALSEC-LOG-004";

    /// <summary>Every Windows Event Forwarding subscription manager is reached over HTTPS.</summary>
    public const string WefHttpsId = "ALSEC-LOG-005";

    /// <summary>The ids of the "channel is enabled" checks, one per channel of <see cref="SecurityLoggingEvidenceIds.Channels"/>, in that order.</summary>
    public static IReadOnlyList<string> EnabledIds { get; } = ["ALSEC-LOG-010", "ALSEC-LOG-011", "ALSEC-LOG-012", "ALSEC-LOG-013"];

    /// <summary>The ids of the "channel holds enough days" checks, one per channel of <see cref="SecurityLoggingEvidenceIds.Channels"/>, in that order.</summary>
    public static IReadOnlyList<string> RetentionIds { get; } = ["ALSEC-LOG-020", "ALSEC-LOG-021", "ALSEC-LOG-022", "ALSEC-LOG-023"];

    private const string SyslogDoc = "https://learn.microsoft.com/azure/azure-local/manage/manage-syslog-forwarding";
    private const string WefDoc = "https://learn.microsoft.com/windows/security/operations/event-forwarding-to-assist-in-intrusion-detection";
    private const string EventLogPolicyDoc = "https://learn.microsoft.com/windows/client-management/mdm/policy-csp-eventlogservice";
    private const string SecurityFeaturesDoc = "https://learn.microsoft.com/azure/azure-local/concepts/security-features";
    private const string LookHere = "Run Get-AzSSyslogForwarder -Local on the node (AzureStackOSConfigAgent), or capture the node with Export-ALSecurityEvidence, which records its output.";

    private static readonly Severity[] EnabledSeverity = [Severity.High, Severity.High, Severity.Medium, Severity.Medium];
    private static readonly Severity[] RetentionSeverity = [Severity.High, Severity.Medium, Severity.Medium, Severity.Low];

    /// <summary>Runs every security-logging check on <paramref name="bundle"/>.</summary>
    public static IReadOnlyList<SecurityCheckResult> Evaluate(EvidenceBundle bundle, SecurityLoggingOptions? options = null)
    {
        if (bundle is null)
        {
            throw new ArgumentNullException(nameof(bundle));
        }

        options ??= new SecurityLoggingOptions();
        var node = bundle.NodeName;
        if (bundle.Node.Platform == NodePlatform.Linux)
        {
            const string Why = "Azure Local's syslog forwarder, Windows Event Forwarding and the Windows event channels are Windows'; this node runs Linux.";
            return AllChecks().Select(c => Result(c.Id, c.Title, CheckStatus.NotApplicable, c.Severity, c.Expected, null, null, Why, null, node)).ToList();
        }

        var syslog = SyslogFacts.Read(bundle);
        var wef = WefFacts.Read(bundle);
        var results = new List<SecurityCheckResult>
        {
            Forwarding(syslog, wef, node),
            SyslogTls(syslog, node),
            SyslogServerAuthentication(syslog, node),
            SyslogMutualAuthentication(syslog, node),
            WefHttps(wef, node),
        };
        var channels = SecurityLoggingEvidenceIds.Channels.Select(c => ChannelFacts.Read(bundle, c)).ToList();
        results.AddRange(channels.Select((c, i) => Enabled(c, EnabledIds[i], EnabledSeverity[i], node)));
        results.AddRange(channels.Select((c, i) => Retention(c, RetentionIds[i], RetentionSeverity[i], options, node)));

        return results;
    }

    private static IEnumerable<(string Id, string Title, Severity Severity, string Expected)> AllChecks()
    {
        yield return (ForwardingId, ForwardingTitle, Severity.High, ForwardingExpected);
        yield return (SyslogTlsId, SyslogTlsTitle, Severity.High, SyslogTlsExpected);
        yield return (SyslogServerAuthenticationId, SyslogServerTitle, Severity.High, SyslogServerExpected);
        yield return (SyslogMutualAuthenticationId, SyslogMutualTitle, Severity.Medium, SyslogMutualExpected);
        yield return (WefHttpsId, WefTitle, Severity.Medium, WefExpected);
        for (var i = 0; i < SecurityLoggingEvidenceIds.Channels.Count; i++)
        {
            yield return (EnabledIds[i], EnabledTitle(SecurityLoggingEvidenceIds.Channels[i]), EnabledSeverity[i], "enabled");
        }

        for (var i = 0; i < SecurityLoggingEvidenceIds.Channels.Count; i++)
        {
            yield return (RetentionIds[i], RetentionTitle(SecurityLoggingEvidenceIds.Channels[i]), RetentionSeverity[i], "at least the minimum days of events");
        }
    }

    private const string ForwardingTitle = "The node's security events are forwarded to a SIEM (Azure Local syslog forwarder or Windows Event Forwarding)";
    private const string ForwardingExpected = "a syslog target (Set-AzSSyslogForwarder) or a Windows Event Forwarding subscription manager";
    private const string SyslogTlsTitle = "The syslog forwarder sends over TCP with TLS encryption";
    private const string SyslogTlsExpected = "TCP with TLS (neither -UseUDP nor -NoEncryption)";
    private const string SyslogServerTitle = "The syslog forwarder validates the syslog server's certificate and its name";
    private const string SyslogServerExpected = "neither -SkipServerCertificateCheck nor -SkipServerCNCheck";
    private const string SyslogMutualTitle = "The syslog forwarder authenticates itself with a client certificate (mutual authentication)";
    private const string SyslogMutualExpected = "a client certificate thumbprint (-ClientCertificateThumbprint)";
    private const string WefTitle = "Every Windows Event Forwarding subscription manager is reached over HTTPS";
    private const string WefExpected = "Server=https://...";

    private static string EnabledTitle(string channel) => $"The {channel} event log is enabled";

    private static string RetentionTitle(string channel) => $"The {channel} event log holds at least the minimum days of events before it rolls over";

    private static SecurityCheckResult Forwarding(SyslogFacts syslog, WefFacts wef, string node)
    {
        var forwarded = new List<string>();
        if (syslog.Configuration?.ServerName is { } server)
        {
            forwarded.Add($"syslog to {server}" + (syslog.Configuration.ServerPort is { } port ? ":" + port.ToString(CultureInfo.InvariantCulture) : string.Empty));
        }

        forwarded.AddRange(wef.Entries.Where(e => e.Server is not null).Select(e => "WEF to " + e.Server));
        var source = string.Join("; ", new[] { syslog.Source, wef.Source }.Where(s => s is not null));
        var collector = wef.CollectorSubscriptions.Count > 0 ? $" The node is also a Windows Event Collector with the subscriptions {string.Join(", ", wef.CollectorSubscriptions)}." : string.Empty;
        if (forwarded.Count > 0)
        {
            return Result(ForwardingId, ForwardingTitle, CheckStatus.Compliant, Severity.High, ForwardingExpected, string.Join("; ", forwarded), source, collector.Length > 0 ? collector.Trim() : null, null, node);
        }

        var syslogNone = syslog.State == SyslogState.CmdletMissing || (syslog.State == SyslogState.Parsed && syslog.Configuration!.ServerName is null);
        var wefNone = wef.State == WefState.None;
        if (syslogNone && wefNone)
        {
            return Result(ForwardingId, ForwardingTitle, CheckStatus.NonCompliant, Severity.High, ForwardingExpected,
                (syslog.State == SyslogState.CmdletMissing ? "no Azure Local syslog forwarder" : "no syslog target") + "; no subscription manager", source,
                "Neither the syslog forwarder nor Windows Event Forwarding sends this node's events anywhere. An agent this module does not read (Azure Monitor Agent for Microsoft Sentinel, a SIEM vendor's agent) may still collect them." + collector,
                "Set-AzSSyslogForwarder -ServerName <SIEM> -ServerPort <port> -ClientCertificateThumbprint <thumbprint>, then Enable-AzSSyslogForwarder; or deploy the \"Configure target Subscription Manager\" policy with an https:// collector.", node);
        }

        var why = string.Join(" ", new[] { syslogNone ? null : syslog.Reason, wefNone ? null : wef.Reason }.Where(r => r is not null));
        return Result(ForwardingId, ForwardingTitle, CheckStatus.Unknown, Severity.High, ForwardingExpected, null, source, why, null, node);
    }

    private static SecurityCheckResult? SyslogNotDecidable(SyslogFacts syslog, string id, string title, Severity severity, string expected, string node)
    {
        switch (syslog.State)
        {
            case SyslogState.CmdletMissing:
                return Result(id, title, CheckStatus.NotApplicable, severity, expected, null, syslog.Source, "Get-AzSSyslogForwarder is not on this node: it has no Azure Local syslog forwarder (ALSEC-LOG-001 says whether anything forwards its events).", null, node);
            case SyslogState.Parsed when syslog.Configuration!.ServerName is null:
                return Result(id, title, CheckStatus.NotApplicable, severity, expected, syslog.Configuration.ToString(), syslog.Source, "The syslog forwarder has no target server (ALSEC-LOG-001 says whether anything forwards the node's events).", null, node);
            case SyslogState.Parsed:
                return null;
            default:
                return Result(id, title, CheckStatus.Unknown, severity, expected, null, syslog.Source, syslog.Reason, null, node);
        }
    }

    private static SecurityCheckResult SyslogTls(SyslogFacts syslog, string node)
    {
        if (SyslogNotDecidable(syslog, SyslogTlsId, SyslogTlsTitle, Severity.High, SyslogTlsExpected, node) is { } early)
        {
            return early;
        }

        var c = syslog.Configuration!;
        var actual = $"UseUDP={Show(c.UseUdp)}, NoEncryption={Show(c.NoEncryption)}";
        const string Fix = "Set-AzSSyslogForwarder -ServerName <server> -ServerPort <port> -ClientCertificateThumbprint <thumbprint> (without -UseUDP or -NoEncryption): TCP with TLS is what Microsoft recommends for production.";
        if (c.UseUdp == true || c.NoEncryption == true)
        {
            return Result(SyslogTlsId, SyslogTlsTitle, CheckStatus.NonCompliant, Severity.High, SyslogTlsExpected, actual, syslog.Source,
                "Messages go in clear text" + (c.UseUdp == true ? " over UDP" : " over TCP") + ": readable and alterable on the way.", Fix, node);
        }

        if (c.UseUdp is null || c.NoEncryption is null)
        {
            return Result(SyslogTlsId, SyslogTlsTitle, CheckStatus.Unknown, Severity.High, SyslogTlsExpected, actual, syslog.Source,
                $"The output of Get-AzSSyslogForwarder does not state {(c.UseUdp is null ? "UseUDP" : "NoEncryption")} (its properties: {string.Join(", ", c.Names)}); Microsoft does not document the output's properties. {LookHere}", null, node);
        }

        return Result(SyslogTlsId, SyslogTlsTitle, CheckStatus.Compliant, Severity.High, SyslogTlsExpected, actual, syslog.Source, null, null, node);
    }

    private static SecurityCheckResult SyslogServerAuthentication(SyslogFacts syslog, string node)
    {
        if (SyslogNotDecidable(syslog, SyslogServerAuthenticationId, SyslogServerTitle, Severity.High, SyslogServerExpected, node) is { } early)
        {
            return early;
        }

        var c = syslog.Configuration!;
        var actual = $"SkipServerCertificateCheck={Show(c.SkipServerCertificateCheck)}, SkipServerCNCheck={Show(c.SkipServerCNCheck)}";
        if (c.UseUdp == true || c.NoEncryption == true)
        {
            return Result(SyslogServerAuthenticationId, SyslogServerTitle, CheckStatus.NonCompliant, Severity.High, SyslogServerExpected, actual + $", UseUDP={Show(c.UseUdp)}, NoEncryption={Show(c.NoEncryption)}", syslog.Source,
                "Without TLS the syslog server's identity is not verified at all.", "Use TCP with TLS (ALSEC-LOG-002) and a server certificate the node trusts.", node);
        }

        if (c.SkipServerCertificateCheck == true || c.SkipServerCNCheck == true)
        {
            return Result(SyslogServerAuthenticationId, SyslogServerTitle, CheckStatus.NonCompliant, Severity.High, SyslogServerExpected, actual, syslog.Source,
                "The forwarder accepts " + (c.SkipServerCertificateCheck == true ? "any certificate" : "a certificate issued to another name") + ": a machine in the middle can receive the events.",
                "Give the syslog server a certificate for its FQDN issued by a CA the node trusts, and run Set-AzSSyslogForwarder again without -SkipServerCertificateCheck and -SkipServerCNCheck.", node);
        }

        if (c.SkipServerCertificateCheck is null || c.SkipServerCNCheck is null)
        {
            return Result(SyslogServerAuthenticationId, SyslogServerTitle, CheckStatus.Unknown, Severity.High, SyslogServerExpected, actual, syslog.Source,
                $"The output of Get-AzSSyslogForwarder does not state {(c.SkipServerCertificateCheck is null ? "SkipServerCertificateCheck" : "SkipServerCNCheck")} (its properties: {string.Join(", ", c.Names)}). {LookHere}", null, node);
        }

        return Result(SyslogServerAuthenticationId, SyslogServerTitle, CheckStatus.Compliant, Severity.High, SyslogServerExpected, actual, syslog.Source, null, null, node);
    }

    private static SecurityCheckResult SyslogMutualAuthentication(SyslogFacts syslog, string node)
    {
        if (SyslogNotDecidable(syslog, SyslogMutualAuthenticationId, SyslogMutualTitle, Severity.Medium, SyslogMutualExpected, node) is { } early)
        {
            return early;
        }

        var c = syslog.Configuration!;
        if (c.ClientCertificateThumbprint is { } thumbprint && c.UseUdp != true && c.NoEncryption != true)
        {
            return Result(SyslogMutualAuthenticationId, SyslogMutualTitle, CheckStatus.Compliant, Severity.Medium, SyslogMutualExpected, "ClientCertificateThumbprint=" + thumbprint, syslog.Source, null, null, node);
        }

        if (!c.HasClientCertificateProperty && c.UseUdp != true && c.NoEncryption != true)
        {
            return Result(SyslogMutualAuthenticationId, SyslogMutualTitle, CheckStatus.Unknown, Severity.Medium, SyslogMutualExpected, null, syslog.Source,
                $"The output of Get-AzSSyslogForwarder has no ClientCertificateThumbprint (its properties: {string.Join(", ", c.Names)}). {LookHere}", null, node);
        }

        return Result(SyslogMutualAuthenticationId, SyslogMutualTitle, CheckStatus.NonCompliant, Severity.Medium, SyslogMutualExpected,
            c.UseUdp == true || c.NoEncryption == true ? "no TLS, so no client certificate" : "no client certificate", syslog.Source,
            "Microsoft recommends TCP with mutual authentication and TLS for production: the syslog server cannot tell the node's messages from forged ones.",
            "Set-AzSSyslogForwarder -ServerName <server> -ServerPort <port> -ClientCertificateThumbprint <thumbprint of a certificate with its private key in the node's store>.", node);
    }

    private static SecurityCheckResult WefHttps(WefFacts wef, string node)
    {
        switch (wef.State)
        {
            case WefState.None:
                return Result(WefHttpsId, WefTitle, CheckStatus.NotApplicable, Severity.Medium, WefExpected, "no subscription manager", wef.Source, "No \"Configure target Subscription Manager\" policy reached the node: it does not forward events with Windows Event Forwarding.", null, node);
            case WefState.Unknown:
                return Result(WefHttpsId, WefTitle, CheckStatus.Unknown, Severity.Medium, WefExpected, null, wef.Source, wef.Reason, null, node);
        }

        var actual = string.Join("; ", wef.Entries.Select(e => e.Raw));
        var http = wef.Entries.Where(e => e.Scheme == "http").ToList();
        if (http.Count > 0)
        {
            return Result(WefHttpsId, WefTitle, CheckStatus.NonCompliant, Severity.Medium, WefExpected, actual, wef.Source,
                "Events go to " + string.Join(", ", http.Select(e => e.Server)) + " over HTTP. WinRM encrypts an HTTP session authenticated with Kerberos, but the collector's identity then rests on Kerberos alone, and a node outside the domain (AD-less Azure Local) has no Kerberos to rest on.",
                "Give the collector an HTTPS listener (port 5986) and a certificate, and point the policy at Server=https://<collector>:5986/wsman/SubscriptionManager/WEC (add IssuerCA=<thumbprint> for certificate authentication).", node);
        }

        if (wef.Entries.All(e => e.IsHttps))
        {
            return Result(WefHttpsId, WefTitle, CheckStatus.Compliant, Severity.Medium, WefExpected, actual, wef.Source, null, null, node);
        }

        return Result(WefHttpsId, WefTitle, CheckStatus.Unknown, Severity.Medium, WefExpected, actual, wef.Source,
            "A subscription manager value has no Server= address this module can read as http:// or https://.", null, node);
    }

    private static SecurityCheckResult Enabled(ChannelFacts ch, string id, Severity severity, string node)
    {
        var title = EnabledTitle(ch.Channel);
        const string Expected = "enabled";
        var fix = $"wevtutil set-log \"{ch.Channel}\" /enabled:true";
        if (ch.ChannelMissing)
        {
            return Result(id, title, CheckStatus.NonCompliant, severity, Expected, "the channel does not exist", ch.Source, ch.Reason,
                $"The channel is registered by the feature that writes to it; install it (for BitLocker: Install-WindowsFeature BitLocker), then {fix}.", node);
        }

        return ch.IsEnabled switch
        {
            true => Result(id, title, CheckStatus.Compliant, severity, Expected, "enabled", ch.Source, null, null, node),
            false => Result(id, title, CheckStatus.NonCompliant, severity, Expected, "disabled", ch.Source, "A disabled channel records nothing; the module (and a SIEM reading the channel) sees no event from it.", fix, node),
            null => Result(id, title, CheckStatus.Unknown, severity, Expected, null, ch.Source, ch.Reason ?? $"Neither the event log service's answer nor an Enabled registry value for {ch.Channel} is in the bundle.", null, node),
        };
    }

    private static SecurityCheckResult Retention(ChannelFacts ch, string id, Severity severity, SecurityLoggingOptions options, string node)
    {
        var title = RetentionTitle(ch.Channel);
        var days = options.MinimumDays;
        var expected = string.Format(CultureInfo.InvariantCulture, "at least {0:0.##} day(s) of events", days);
        var requiredBytes = (long)Math.Ceiling(days * options.EventsPerDayFor(ch.Channel) * options.AverageEventBytes);
        var fix = string.Format(CultureInfo.InvariantCulture, "wevtutil set-log \"{0}\" /maxsize:{1} (or the \"Specify the maximum log file size (KB)\" policy), or archive when full (/autobackup:true /retention:true).", ch.Channel, RoundUp64K(Math.Max(requiredBytes, ch.MaximumSize ?? 0) * 2));
        if (ch.ChannelMissing)
        {
            return Result(id, title, CheckStatus.NonCompliant, severity, expected, "the channel does not exist", ch.Source, ch.Reason, null, node);
        }

        if (ch.IsEnabled == false)
        {
            return Result(id, title, CheckStatus.NonCompliant, severity, expected, "disabled: holds no events", ch.Source, null, $"wevtutil set-log \"{ch.Channel}\" /enabled:true", node);
        }

        if (ch.Mode == "AutoBackup")
        {
            return Result(id, title, CheckStatus.Compliant, severity, expected, "archived when full (AutoBackup)" + SizeText(ch.MaximumSize), ch.Source,
                "A full log is archived beside it, so no event is overwritten; the archives are kept until removed, so watch the disk.", null, node);
        }

        if (ch.MaximumSize is not { } max)
        {
            return Result(id, title, CheckStatus.Unknown, severity, expected, null, ch.Source, ch.Reason ?? $"The bundle has neither the event log service's answer for {ch.Channel} nor a MaxSize for it in the registry.", null, node);
        }

        if (ch.OldestEvent is { } oldest && ch.NewestEvent is { } newest && ch.FileSize is { } size && newest >= oldest)
        {
            var span = newest - oldest;
            var full = ch.IsLogFull == true || size >= max * 0.9;
            var measured = string.Format(CultureInfo.InvariantCulture, "holds {0} from {1:u} to {2:u}, {3} of {4}", Span(span), oldest, newest, Mb(size), Mb(max));
            if (full && ch.Mode == "Retain")
            {
                return Result(id, title, CheckStatus.NonCompliant, Severity.High, expected, measured + ", full, set to not overwrite", ch.Source,
                    "Measured: the log is full and set to keep old events, so new events are being dropped.", fix, node);
            }

            if (span.TotalDays >= days)
            {
                return Result(id, title, CheckStatus.Compliant, severity, expected, measured, ch.Source, "Measured from the oldest and newest event in the log.", null, node);
            }

            if (full)
            {
                return Result(id, title, CheckStatus.NonCompliant, severity, expected, measured + ", full", ch.Source,
                    "Measured: the log has reached its maximum size and its oldest event is younger than the minimum, so events roll over sooner.", fix, node);
            }

            if (span.TotalHours >= options.MinimumObservedHours && size > 0)
            {
                var projected = span.TotalDays * max / size;
                var text = string.Format(CultureInfo.InvariantCulture, "{0}; projected to hold {1:0.##} day(s) when full", measured, projected);
                return projected >= days
                    ? Result(id, title, CheckStatus.Compliant, severity, expected, text, ch.Source, "Projected from the rate the log has filled at so far (its size over the span of its events).", null, node)
                    : Result(id, title, CheckStatus.NonCompliant, severity, expected, text, ch.Source, "Projected from the rate the log has filled at so far: at that rate it rolls over sooner than the minimum.", fix, node);
            }
        }

        var perDay = options.EventsPerDayFor(ch.Channel);
        var capacity = (double)max / ((double)perDay * options.AverageEventBytes);
        var estimate = string.Format(CultureInfo.InvariantCulture, "{0} maximum{1}; estimated to hold {2:0.##} day(s) at {3} events a day of {4} bytes", Mb(max), ch.Mode is { } m ? " (" + m + ")" : string.Empty, capacity, perDay, options.AverageEventBytes);
        var why = "Estimated, not measured: " + (ch.InfoReason ?? "the log is too young to measure its fill rate") + ". The events per day and bytes per event are SecurityLoggingOptions' estimates (-EventsPerDay, -AverageEventBytes).";
        return capacity >= days
            ? Result(id, title, CheckStatus.Compliant, severity, expected, estimate, ch.Source, why, null, node)
            : Result(id, title, CheckStatus.NonCompliant, severity, expected, estimate, ch.Source, why, fix, node);
    }

    private static long RoundUp64K(long bytes) => Math.Max(1, (bytes + 65535) / 65536) * 65536;

    private static string SizeText(long? size) => size is { } s ? ", " + Mb(s) + " maximum" : string.Empty;

    private static string Mb(long bytes) => string.Format(CultureInfo.InvariantCulture, "{0:0.#} MB", bytes / (1024.0 * 1024.0));

    private static string Span(TimeSpan span) => span.TotalHours >= 48
        ? string.Format(CultureInfo.InvariantCulture, "{0:0.#} days", span.TotalDays)
        : string.Format(CultureInfo.InvariantCulture, "{0:0.#} hours", span.TotalHours);

    private static string Show(bool? value) => value is { } b ? (b ? "True" : "False") : "(not stated)";

    private static SecurityCheckResult Result(string id, string title, CheckStatus status, Severity severity, string? expected, string? actual, string? source, string? reason, string? remediation, string node) =>
        new(id, title, Area, status, severity, expected, actual, source, reason, remediation, References(id), node);

    private static string[] References(string id) => id switch
    {
        ForwardingId => [SyslogDoc, WefDoc, SecurityFeaturesDoc],
        SyslogTlsId or SyslogServerAuthenticationId or SyslogMutualAuthenticationId => [SyslogDoc],
        WefHttpsId => [WefDoc],
        _ => [EventLogPolicyDoc, "https://learn.microsoft.com/windows/win32/api/winevt/nf-winevt-evtgetloginfo"],
    };
}
