using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Reports;
using AzureLocalSecurity.Results;
using Xunit;

namespace AzureLocalSecurity.Tests.Reports;

public class CefReportWriterTests
{
    [Fact]
    public void Every_line_parses_back_to_the_results_values()
    {
        var report = ReportSamples.Report();

        var lines = ReportSamples.Write(report, ReportFormat.Cef).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(report.Results.Count, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var (cef, result) = (CefEvent.Parse(lines[i]), report.Results[i]);
            Assert.Null(cef.SyslogPrefix);
            Assert.Equal(["0", "AzureLocalSecurity", "AzureLocalSecurity", "0.1.0", result.Id, result.Title.Replace("\n", " ", StringComparison.Ordinal)], cef.Header.Take(6));
            Assert.Equal(CefReportWriter.Severity(result.Status, result.Severity).ToString(System.Globalization.CultureInfo.InvariantCulture), cef.Header[6]);
            var x = cef.Extensions;
            Assert.Equal(report.GeneratedAt.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), x["rt"]);
            Assert.Equal((result.NodeName, result.Area, result.Status.ToString(), result.Severity.ToString()), (x["dvchost"], x["cat"], x["outcome"], x["flexString1"]));
            Assert.Equal(result.Expected, x.GetValueOrDefault("cs1"));
            Assert.Equal(result.Actual, x.GetValueOrDefault("cs2"));
            Assert.Equal(result.Source, x.GetValueOrDefault("cs3"));
            Assert.Equal(result.Reason, x.GetValueOrDefault("cs4"));
            Assert.Equal(result.Remediation, x.GetValueOrDefault("cs5"));
            Assert.Equal(result.References.Count == 0 ? null : string.Join("; ", result.References), x.GetValueOrDefault("cs6"));
            Assert.Equal(x.ContainsKey("cs2") ? "Actual" : null, x.GetValueOrDefault("cs2Label"));
            Assert.StartsWith(result.Title.TrimEnd('.'), x["msg"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Pipes_and_backslashes_in_the_header_are_escaped_and_newlines_in_values_are_escaped()
    {
        var line = ReportSamples.Write(ReportSamples.Report(), ReportFormat.Cef).Split('\n')[7];

        Assert.Contains("| pipe = eq \\\\ back second line|8|", line, StringComparison.Ordinal);
        Assert.Contains("cs3=C:\\\\path|x\\=y\\\\ ", line, StringComparison.Ordinal);
        Assert.Contains("\\nsecond line", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', line);
    }

    [Theory]
    [InlineData(CheckStatus.NonCompliant, Severity.Critical, 10)]
    [InlineData(CheckStatus.NonCompliant, Severity.High, 8)]
    [InlineData(CheckStatus.NonCompliant, Severity.Medium, 5)]
    [InlineData(CheckStatus.NonCompliant, Severity.Low, 2)]
    [InlineData(CheckStatus.NonCompliant, Severity.Informational, 0)]
    [InlineData(CheckStatus.Error, Severity.Low, 5)]
    [InlineData(CheckStatus.Unknown, Severity.Critical, 2)]
    [InlineData(CheckStatus.Compliant, Severity.Critical, 0)]
    [InlineData(CheckStatus.NotApplicable, Severity.Critical, 0)]
    public void Severity_uses_the_forwarders_scale(CheckStatus status, Severity severity, int expected)
    {
        Assert.Equal(expected, CefReportWriter.Severity(status, severity));
    }

    [Fact]
    public void The_syslog_header_is_the_forwarders_RFC_3164_prefix()
    {
        var lines = ReportSamples.Write(ReportSamples.Report(), ReportFormat.Cef, new CefOptions { SyslogHeader = true }).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // Facility 10; severity Critical (CEF 10) is PRI severity 2, Compliant (CEF 0) is 7. 05:06:07 +01:00 is 04:06:07 UTC.
        Assert.Equal("<87>Mar  4 04:06:07 NODE01 ", CefEvent.Parse(lines[0]).SyslogPrefix);
        Assert.Equal("<82>Mar  4 04:06:07 NODE01 ", CefEvent.Parse(lines[1]).SyslogPrefix);
        Assert.Equal("ALSEC-SB-001", CefEvent.Parse(lines[1]).Header[4]);
    }
}
