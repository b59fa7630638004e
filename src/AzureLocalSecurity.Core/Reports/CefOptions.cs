namespace AzureLocalSecurity.Reports;

/// <summary>How <see cref="CefReportWriter"/> writes its lines.</summary>
public sealed class CefOptions
{
    /// <summary>
    /// Prefixes each line with the RFC 3164 header Azure Local's syslog forwarder sends (<c>&lt;PRI&gt;Mmm dd hh:mm:ss host</c>),
    /// for a collector that reads syslog lines from a file. Off by default: a file of plain CEF lines is what most SIEM
    /// file collectors read, and a syslog daemon that relays the lines adds its own header.
    /// </summary>
    public bool SyslogHeader { get; set; }
}
