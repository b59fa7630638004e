using System;
using System.Globalization;
using System.IO;
using System.Text;
using AzureLocalSecurity.Results;

namespace AzureLocalSecurity.Reports;

/// <summary>
/// Writes a report as Common Event Format, one line per result, laid out as Azure Local's syslog forwarder lays out
/// its events (Microsoft's "Manage syslog forwarding for Azure Local"): <c>CEF:0|vendor|product|version|signature
/// id|name|severity|extensions</c>, severity on the forwarder's 0/2/5/8/10 scale, and with
/// <see cref="CefOptions.SyslogHeader"/> the forwarder's RFC 3164 prefix (PRI, time, host). The device is this module
/// (vendor and product AzureLocalSecurity), not Microsoft's forwarder: a SIEM can tell the two apart. Header fields
/// escape \ and |, extension values \, = and line ends, as the CEF specification requires.
/// </summary>
public static class CefReportWriter
{
    /// <summary>The CEF Device Vendor written.</summary>
    public const string DeviceVendor = "AzureLocalSecurity";

    /// <summary>The CEF Device Product written.</summary>
    public const string DeviceProduct = "AzureLocalSecurity";

    /// <summary>The syslog facility of the RFC 3164 prefix: 10 (security/authorization), the one the forwarder uses for Windows events.</summary>
    public const int SyslogFacility = 10;

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>
    /// The CEF severity of a result, on the forwarder's scale (Critical 10, Error 8, Warning 5, Information 2,
    /// Verbose 0): a NonCompliant result by its severity (Critical 10, High 8, Medium 5, Low 2, Informational 0);
    /// Error 5 (the module failed: look at it); Unknown 2 (not read, which is not a failure); Compliant and NotApplicable 0.
    /// </summary>
    public static int Severity(CheckStatus status, Severity severity) => status switch
    {
        CheckStatus.NonCompliant => severity switch
        {
            Results.Severity.Critical => 10,
            Results.Severity.High => 8,
            Results.Severity.Medium => 5,
            Results.Severity.Low => 2,
            _ => 0,
        },
        CheckStatus.Error => 5,
        CheckStatus.Unknown => 2,
        _ => 0,
    };

    /// <summary>The RFC 3164 PRI severity that goes with a CEF severity, from the forwarder's table (10 → 2, 8 → 3, 5 → 4, 2 → 6, 0 → 7).</summary>
    public static int SyslogSeverity(int cefSeverity) => cefSeverity switch
    {
        10 => 2,
        8 => 3,
        5 => 4,
        2 => 6,
        _ => 7,
    };

    /// <summary>Writes the report to a text writer, one line (LF-terminated) per result. The caller owns the writer and its encoding.</summary>
    public static void Write(SecurityReport report, TextWriter writer, CefOptions? options = null)
    {
        if (report is null)
        {
            throw new ArgumentNullException(nameof(report));
        }

        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        var syslog = options?.SyslogHeader ?? false;
        var receipt = report.GeneratedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var line = new StringBuilder(512);
        foreach (var result in report.Results)
        {
            line.Clear();
            var severity = Severity(result.Status, result.Severity);
            if (syslog)
            {
                AppendSyslogPrefix(line, report.GeneratedAt, result.NodeName, severity);
            }

            line.Append("CEF:0|");
            AppendHeader(line, DeviceVendor);
            AppendHeader(line, DeviceProduct);
            AppendHeader(line, report.ModuleVersion);
            AppendHeader(line, result.Id);
            AppendHeader(line, result.Title);
            line.Append(severity.ToString(CultureInfo.InvariantCulture)).Append('|');
            Extension(line, "rt", receipt, first: true);
            Extension(line, "dvchost", result.NodeName);
            Extension(line, "cat", result.Area);
            Extension(line, "outcome", result.Status.ToString());
            Extension(line, "msg", SarifReportWriter.MessageText(result));
            Labelled(line, "flexString1", "Severity", result.Severity.ToString());
            Labelled(line, "cs1", "Expected", result.Expected);
            Labelled(line, "cs2", "Actual", result.Actual);
            Labelled(line, "cs3", "Source", result.Source);
            Labelled(line, "cs4", "Reason", result.Reason);
            Labelled(line, "cs5", "Remediation", result.Remediation);
            Labelled(line, "cs6", "References", result.References.Count == 0 ? null : string.Join("; ", result.References));
            writer.Write(line.ToString());
            writer.Write('\n');
        }
    }

    /// <summary>A header field with \ and | escaped; line ends, which a header cannot hold, become spaces.</summary>
    internal static string EscapeHeader(string value)
    {
        var text = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\':
                    text.Append("\\\\");
                    break;
                case '|':
                    text.Append("\\|");
                    break;
                case '\r':
                case '\n':
                    text.Append(' ');
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>An extension value with \ and = escaped and CR, LF written as \r, \n.</summary>
    internal static string EscapeExtension(string value)
    {
        var text = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\':
                    text.Append("\\\\");
                    break;
                case '=':
                    text.Append("\\=");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        return text.ToString();
    }

    private static void AppendSyslogPrefix(StringBuilder line, DateTimeOffset at, string host, int cefSeverity)
    {
        // RFC 3164 §4.1: <PRI>Mmm dd hh:mm:ss HOSTNAME, the day space-padded; the time is written in UTC. The host
        // field cannot hold a space, so one in a node name becomes '-'.
        var utc = at.UtcDateTime;
        line.Append('<').Append((SyslogFacility * 8) + SyslogSeverity(cefSeverity)).Append('>')
            .Append(Months[utc.Month - 1]).Append(' ')
            .Append(utc.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2, ' ')).Append(' ')
            .Append(utc.ToString("HH:mm:ss", CultureInfo.InvariantCulture)).Append(' ')
            .Append(host.Length == 0 ? "-" : host.Replace(' ', '-')).Append(' ');
    }

    private static void AppendHeader(StringBuilder line, string value) => line.Append(EscapeHeader(value)).Append('|');

    private static void Extension(StringBuilder line, string key, string? value, bool first = false)
    {
        if (value is null)
        {
            return;
        }

        if (!first)
        {
            line.Append(' ');
        }

        line.Append(key).Append('=').Append(EscapeExtension(value));
    }

    private static void Labelled(StringBuilder line, string key, string label, string? value)
    {
        if (value is null)
        {
            return;
        }

        Extension(line, key + "Label", label);
        Extension(line, key, value);
    }
}
