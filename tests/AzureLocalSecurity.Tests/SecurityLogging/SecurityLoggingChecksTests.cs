using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Posture;
using AzureLocalSecurity.Results;
using AzureLocalSecurity.SecurityLogging;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.SecurityLogging;

public sealed class SecurityLoggingChecksTests
{
    private static Dictionary<string, SecurityCheckResult> Evaluate(EvidenceBundle bundle, SecurityLoggingOptions? options = null)
    {
        var results = SecurityLoggingChecks.Evaluate(bundle, options);
        Assert.All(results, r => Assert.Equal(SecurityLoggingChecks.Area, r.Area));
        Assert.All(results, r => Assert.Equal(bundle.NodeName, r.NodeName));
        return results.ToDictionary(r => r.Id);
    }

    [Fact]
    public void Every_check_of_the_hardened_node_is_compliant_with_its_evidence()
    {
        var r = Evaluate(SecurityLoggingBundles.Hardened());

        Assert.Equal(13, r.Count);
        Assert.All(r.Values, x => Assert.Equal(CheckStatus.Compliant, x.Status));
        Assert.Equal("syslog to siem.contoso.com:6514; WEF to https://wec.contoso.com:5986/wsman/SubscriptionManager/WEC", r["ALSEC-LOG-001"].Actual);
        Assert.Equal("UseUDP=False, NoEncryption=False", r["ALSEC-LOG-002"].Actual);
        Assert.Equal("SkipServerCertificateCheck=False, SkipServerCNCheck=False", r["ALSEC-LOG-003"].Actual);
        Assert.Equal("ClientCertificateThumbprint=3F2A9C61D0B47E85A1C2D3E4F5061728394A5B6C", r["ALSEC-LOG-004"].Actual);
        Assert.Equal(SecurityLoggingBundles.HttpsManager, r["ALSEC-LOG-005"].Actual);
        Assert.Contains("Get-AzSSyslogForwarder -Local", r["ALSEC-LOG-002"].Source, StringComparison.Ordinal);
        Assert.Equal("enabled", r["ALSEC-LOG-010"].Actual);
        Assert.StartsWith("holds 9 days from 2026-10-23 08:30:00Z to 2026-11-01 08:30:00Z, 1024 MB of 1024 MB", r["ALSEC-LOG-020"].Actual, StringComparison.Ordinal);
        Assert.StartsWith("Measured", r["ALSEC-LOG-020"].Reason, StringComparison.Ordinal);
        Assert.EndsWith("projected to hold 8 day(s) when full", r["ALSEC-LOG-022"].Actual, StringComparison.Ordinal);
        Assert.StartsWith("Projected", r["ALSEC-LOG-022"].Reason, StringComparison.Ordinal);
        Assert.StartsWith("16 MB maximum (Circular); estimated to hold 32.77 day(s) at 500 events a day of 1024 bytes", r["ALSEC-LOG-023"].Actual, StringComparison.Ordinal);
        Assert.StartsWith("Estimated, not measured", r["ALSEC-LOG-023"].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_weak_node_fails_on_clear_text_syslog_http_wef_a_small_security_log_and_a_disabled_code_integrity_log()
    {
        var r = Evaluate(SecurityLoggingBundles.Weak());

        Assert.Equal(CheckStatus.Compliant, r["ALSEC-LOG-001"].Status);
        Assert.Equal(CheckStatus.NonCompliant, r["ALSEC-LOG-002"].Status);
        Assert.Equal("UseUDP=True, NoEncryption=True", r["ALSEC-LOG-002"].Actual);
        Assert.Contains("over UDP", r["ALSEC-LOG-002"].Reason, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.NonCompliant, r["ALSEC-LOG-003"].Status);
        Assert.Equal(CheckStatus.NonCompliant, r["ALSEC-LOG-004"].Status);
        Assert.Equal("no TLS, so no client certificate", r["ALSEC-LOG-004"].Actual);
        Assert.Equal(CheckStatus.NonCompliant, r["ALSEC-LOG-005"].Status);
        Assert.Equal(SecurityLoggingBundles.HttpManager, r["ALSEC-LOG-005"].Actual);
        Assert.Equal(CheckStatus.Compliant, r["ALSEC-LOG-010"].Status);
        Assert.Equal(CheckStatus.Compliant, r["ALSEC-LOG-011"].Status);
        Assert.Equal(CheckStatus.NonCompliant, r["ALSEC-LOG-012"].Status);
        Assert.Equal("disabled", r["ALSEC-LOG-012"].Actual);
        Assert.Equal(CheckStatus.Compliant, r["ALSEC-LOG-013"].Status);
        Assert.Equal(CheckStatus.NonCompliant, r["ALSEC-LOG-020"].Status);
        Assert.Equal("holds 5 hours from 2026-11-01 03:30:00Z to 2026-11-01 08:30:00Z, 20 MB of 20 MB, full", r["ALSEC-LOG-020"].Actual);
        Assert.StartsWith("Measured", r["ALSEC-LOG-020"].Reason, StringComparison.Ordinal);
        Assert.Contains("/maxsize:", r["ALSEC-LOG-020"].Remediation, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Compliant, r["ALSEC-LOG-021"].Status);
        Assert.Equal(CheckStatus.NonCompliant, r["ALSEC-LOG-022"].Status);
        Assert.Equal("disabled: holds no events", r["ALSEC-LOG-022"].Actual);
        Assert.Equal(CheckStatus.Compliant, r["ALSEC-LOG-023"].Status);
    }

    [Fact]
    public void A_node_that_forwards_nothing_fails_the_forwarding_check_and_the_transport_checks_do_not_apply()
    {
        var r = Evaluate(SecurityLoggingBundles.NoForwarding());

        Assert.Equal(CheckStatus.NonCompliant, r["ALSEC-LOG-001"].Status);
        Assert.Equal("no Azure Local syslog forwarder; no subscription manager", r["ALSEC-LOG-001"].Actual);
        Assert.Contains("Azure Monitor Agent", r["ALSEC-LOG-001"].Reason, StringComparison.Ordinal);
        foreach (var id in new[] { "ALSEC-LOG-002", "ALSEC-LOG-003", "ALSEC-LOG-004", "ALSEC-LOG-005" })
        {
            Assert.Equal(CheckStatus.NotApplicable, r[id].Status);
        }
    }

    [Fact]
    public void A_bundle_without_the_facts_gives_unknown_with_where_to_look_and_never_non_compliant()
    {
        var r = Evaluate(Bundles.Windows());

        Assert.Equal(13, r.Count);
        Assert.All(r.Values, x => Assert.Equal(CheckStatus.Unknown, x.Status));
        Assert.All(r.Values, x => Assert.False(string.IsNullOrEmpty(x.Reason)));
        Assert.Contains("Get-AzSSyslogForwarder -Local", r["ALSEC-LOG-002"].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Syslog_output_that_cannot_be_read_or_does_not_state_a_setting_is_unknown()
    {
        var failed = Evaluate(SecurityLoggingBundles.With(SecurityLoggingBundles.Syslog("Get-AzSSyslogForwarder : Access is denied."), [], []));
        Assert.Equal(CheckStatus.Unknown, failed["ALSEC-LOG-002"].Status);
        Assert.Contains("could not be read", failed["ALSEC-LOG-002"].Reason, StringComparison.Ordinal);

        var partial = Evaluate(SecurityLoggingBundles.With(SecurityLoggingBundles.Syslog("{\"ServerName\":\"siem.contoso.com\",\"Port\":6514}"), [], []));
        Assert.Equal(CheckStatus.Unknown, partial["ALSEC-LOG-002"].Status);
        Assert.Contains("ServerName, Port", partial["ALSEC-LOG-002"].Reason, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Unknown, partial["ALSEC-LOG-003"].Status);
        Assert.Equal(CheckStatus.Unknown, partial["ALSEC-LOG-004"].Status);
        Assert.Equal(CheckStatus.Compliant, partial["ALSEC-LOG-001"].Status);

        var empty = Evaluate(SecurityLoggingBundles.With(SecurityLoggingBundles.Syslog(string.Empty), [], []));
        Assert.Equal(CheckStatus.Unknown, empty["ALSEC-LOG-002"].Status);
        Assert.Contains("returned nothing", empty["ALSEC-LOG-002"].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Skipping_the_server_certificate_check_is_non_compliant()
    {
        var json = SecurityLoggingBundles.HardenedSyslog.Replace("\"SkipServerCertificateCheck\":false", "\"SkipServerCertificateCheck\":true", StringComparison.Ordinal);
        var r = Evaluate(SecurityLoggingBundles.With(SecurityLoggingBundles.Syslog(json), [], []));

        Assert.Equal(CheckStatus.Compliant, r["ALSEC-LOG-002"].Status);
        Assert.Equal(CheckStatus.NonCompliant, r["ALSEC-LOG-003"].Status);
        Assert.Equal("SkipServerCertificateCheck=True, SkipServerCNCheck=False", r["ALSEC-LOG-003"].Actual);
    }

    [Fact]
    public void The_registry_alone_gives_an_estimate_that_says_so()
    {
        var r = Evaluate(SecurityLoggingBundles.RegistryOnly());

        Assert.Equal(CheckStatus.NonCompliant, r["ALSEC-LOG-020"].Status);
        Assert.StartsWith("20 MB maximum; estimated to hold 0.2 day(s) at 100000 events a day", r["ALSEC-LOG-020"].Actual, StringComparison.Ordinal);
        Assert.StartsWith("Estimated, not measured", r["ALSEC-LOG-020"].Reason, StringComparison.Ordinal);
        Assert.Contains(@"Policies\Microsoft\Windows\EventLog\Security MaxSize (KB)", r["ALSEC-LOG-020"].Source, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Unknown, r["ALSEC-LOG-010"].Status);
        Assert.Equal(CheckStatus.Compliant, r["ALSEC-LOG-021"].Status);
        Assert.Equal(CheckStatus.Compliant, r["ALSEC-LOG-012"].Status);
        Assert.Equal(CheckStatus.Compliant, r["ALSEC-LOG-022"].Status);
        Assert.Equal(CheckStatus.Unknown, r["ALSEC-LOG-001"].Status);
        Assert.Equal(CheckStatus.NotApplicable, r["ALSEC-LOG-005"].Status);
    }

    [Fact]
    public void The_minimum_days_and_the_volume_estimate_are_parameters()
    {
        var strict = Evaluate(SecurityLoggingBundles.Hardened(), new SecurityLoggingOptions { MinimumDays = 10 });
        Assert.Equal(CheckStatus.NonCompliant, strict["ALSEC-LOG-020"].Status);
        Assert.Equal(CheckStatus.NonCompliant, strict["ALSEC-LOG-021"].Status);

        var busy = Evaluate(SecurityLoggingBundles.Hardened(), new SecurityLoggingOptions().WithEventsPerDay(SecurityLoggingEvidenceIds.BitLockerChannel, 100_000));
        Assert.Equal(CheckStatus.NonCompliant, busy["ALSEC-LOG-023"].Status);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SecurityLoggingOptions { MinimumDays = 0 });
    }

    [Fact]
    public void A_full_log_that_does_not_overwrite_drops_new_events()
    {
        var info = SecurityLoggingBundles.Info(SecurityLoggingEvidenceIds.SecurityChannel, true, "Retain", 20 * 1024 * 1024, 20 * 1024 * 1024, Bundles.Time.UtcDateTime.AddDays(-30), Bundles.Time.UtcDateTime, full: true);
        var r = Evaluate(SecurityLoggingBundles.With([], [], [info]));

        Assert.Equal(CheckStatus.NonCompliant, r["ALSEC-LOG-020"].Status);
        Assert.Contains("dropped", r["ALSEC-LOG-020"].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_channel_the_event_log_service_does_not_know_is_non_compliant_and_says_so()
    {
        var missing = EvidenceItem.ForError(SecurityLoggingEvidenceIds.ChannelInfo(SecurityLoggingEvidenceIds.BitLockerChannel), EvidenceKind.Properties, "Event log service", Bundles.Time,
            new EvidenceError(EvidenceErrorCategory.NotFound, "The specified channel could not be found."));
        var r = Evaluate(SecurityLoggingBundles.With([], [], [missing]));

        Assert.Equal(CheckStatus.NonCompliant, r["ALSEC-LOG-013"].Status);
        Assert.Equal("the channel does not exist", r["ALSEC-LOG-013"].Actual);
    }

    [Fact]
    public void A_linux_node_has_nothing_to_check()
    {
        var linux = new EvidenceBundle(EvidenceSchema.CurrentVersion, new NodeIdentity("lnx", NodePlatform.Linux, "Linux", "X64"), Bundles.Time, "0.1.0", []);
        Assert.All(SecurityLoggingChecks.Evaluate(linux), r => Assert.Equal(CheckStatus.NotApplicable, r.Status));
    }

    [Fact]
    public void The_posture_analysis_includes_the_security_logging_area()
    {
        var results = PostureAnalyzer.Analyze(SecurityLoggingBundles.Weak(), new PostureOptions { Areas = [PostureArea.SecurityLogging] });

        Assert.Equal(13, results.Count);
        Assert.All(results, r => Assert.Equal("SecurityLogging", r.Area));
        Assert.Contains(PostureArea.SecurityLogging, PostureAnalyzer.AllAreas);
    }
}
