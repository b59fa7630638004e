using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using AzureLocalSecurity.Results;
using Newtonsoft.Json;

namespace AzureLocalSecurity.Reports;

/// <summary>
/// Writes a report as the module's versioned JSON document: the schema URI and version, when and by which module it
/// was made, a summary, and every field of every result. The JSON Schema ships as module/schemas/alsec-report-1.schema.json.
/// </summary>
public static class JsonReportWriter
{
    /// <summary>
    /// The identifier of the report schema, written as the document's <c>schema</c>. It names the schema; it is not
    /// fetched. Additions that old readers can ignore keep major version 1 (the minor part of the URI grows); anything
    /// else is a new major version with a new URI and a new schema file (docs/reports.md).
    /// </summary>
    public const string SchemaUri = "https://azurelocalsecurity.github.io/schemas/report/1.0";

    /// <summary>The major version of the schema this module writes and reads.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Writes the report to a text writer. The caller owns the writer and its encoding.</summary>
    public static void Write(SecurityReport report, TextWriter writer)
    {
        if (report is null)
        {
            throw new ArgumentNullException(nameof(report));
        }

        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        using var json = new JsonTextWriter(writer) { Formatting = Formatting.Indented, CloseOutput = false };
        WriteDocument(report, json);
        json.Flush();
    }

    /// <summary>Writes the document to a JSON writer (the HTML page embeds the same document).</summary>
    internal static void WriteDocument(SecurityReport report, JsonWriter json, bool includeSchemaUri = true)
    {
        var totals = ReportTotals.Of(report.Results);
        json.WriteStartObject();
        if (includeSchemaUri)
        {
            json.WritePropertyName("schema");
            json.WriteValue(SchemaUri);
        }

        json.WritePropertyName("schemaVersion");
        json.WriteValue(SchemaVersion);
        json.WritePropertyName("generatedAt");
        json.WriteValue(report.GeneratedAt.ToString("o", CultureInfo.InvariantCulture));
        json.WritePropertyName("moduleVersion");
        json.WriteValue(report.ModuleVersion);
        json.WritePropertyName("title");
        json.WriteValue(report.Title);
        json.WritePropertyName("summary");
        WriteSummary(totals, json);
        json.WritePropertyName("results");
        json.WriteStartArray();
        foreach (var result in report.Results)
        {
            WriteResult(result, json);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSummary(ReportTotals totals, JsonWriter json)
    {
        json.WriteStartObject();
        WriteCounts(totals.All, json);
        json.WritePropertyName("bySeverity");
        json.WriteStartObject();
        foreach (var severity in ReportTotals.Severities)
        {
            json.WritePropertyName(severity.ToString());
            json.WriteValue(totals.SeverityCount(severity));
        }

        json.WriteEndObject();
        WriteGroups("byArea", totals.ByArea, json);
        WriteGroups("byNode", totals.ByNode, json);
        json.WriteEndObject();
    }

    private static void WriteGroups(string name, IReadOnlyList<KeyValuePair<string, ReportTotals.StatusCounts>> groups, JsonWriter json)
    {
        json.WritePropertyName(name);
        json.WriteStartArray();
        foreach (var group in groups)
        {
            json.WriteStartObject();
            json.WritePropertyName("name");
            json.WriteValue(group.Key);
            WriteCounts(group.Value, json);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteCounts(ReportTotals.StatusCounts counts, JsonWriter json)
    {
        json.WritePropertyName("total");
        json.WriteValue(counts.Total);
        json.WritePropertyName("compliancePercent");
        json.WriteValue(counts.CompliancePercent);
        json.WritePropertyName("byStatus");
        json.WriteStartObject();
        foreach (var status in ReportTotals.Statuses)
        {
            json.WritePropertyName(status.ToString());
            json.WriteValue(counts[status]);
        }

        json.WriteEndObject();
    }

    private static void WriteResult(SecurityCheckResult result, JsonWriter json)
    {
        json.WriteStartObject();
        Property(json, "id", result.Id);
        Property(json, "title", result.Title);
        Property(json, "area", result.Area);
        Property(json, "status", result.Status.ToString());
        Property(json, "severity", result.Severity.ToString());
        Property(json, "expected", result.Expected);
        Property(json, "actual", result.Actual);
        Property(json, "source", result.Source);
        Property(json, "reason", result.Reason);
        Property(json, "remediation", result.Remediation);
        json.WritePropertyName("references");
        json.WriteStartArray();
        foreach (var reference in result.References)
        {
            json.WriteValue(reference);
        }

        json.WriteEndArray();
        Property(json, "nodeName", result.NodeName);
        json.WriteEndObject();
    }

    private static void Property(JsonWriter json, string name, string? value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }
}
