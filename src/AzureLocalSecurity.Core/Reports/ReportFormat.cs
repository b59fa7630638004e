namespace AzureLocalSecurity.Reports;

/// <summary>The file formats a security report is written in (docs/reports.md).</summary>
public enum ReportFormat
{
    /// <summary>The module's versioned JSON document (schema module/schemas/alsec-report-1.schema.json); Import-ALSecurityReport reads it back.</summary>
    Json,

    /// <summary>Comma-separated values, RFC 4180, one row per result, guarded against formula injection.</summary>
    Csv,

    /// <summary>One self-contained HTML page: summary, charts, a table that filters and sorts in the browser.</summary>
    Html,

    /// <summary>SARIF 2.1.0 (OASIS), one run, one rule per check id.</summary>
    Sarif,

    /// <summary>JUnit XML in the Jenkins/Ant shape: a test suite per node and area, a test case per result.</summary>
    JUnit,

    /// <summary>Common Event Format, one line per result, laid out as Azure Local's syslog forwarder lays out its events.</summary>
    Cef,
}
