using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using AzureLocalSecurity.Results;
using Newtonsoft.Json;

namespace AzureLocalSecurity.Reports;

/// <summary>
/// Writes a report as SARIF 2.1.0 (OASIS): one run whose tool is AzureLocalSecurity, one rule per check id, one result
/// per check result. A NonCompliant result is kind "fail" with its level from the severity; the other statuses are
/// kinds that are not failures and so, by §3.27.10, level "none": Compliant is "pass", NotApplicable "notApplicable",
/// Unknown "open" (the tool had too little information to decide) and Error "review" (the check failed; a person
/// has to look). The node is the result's logical location, of kind "device" (§3.33.7 lets a producer use its own
/// kind when none of the listed ones fits).
/// </summary>
public static class SarifReportWriter
{
    /// <summary>The SARIF version written.</summary>
    public const string SarifVersion = "2.1.0";

    /// <summary>The schema the document names in <c>$schema</c> (OASIS SARIF 2.1.0, errata 01).</summary>
    public const string SarifSchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    /// <summary>The tool's <c>informationUri</c>.</summary>
    public const string InformationUri = "https://github.com/AzureLocalSecurity/AzureLocalSecurity";

    /// <summary>The SARIF <c>kind</c> of a result with this status (§3.27.9).</summary>
    public static string Kind(CheckStatus status) => status switch
    {
        CheckStatus.NonCompliant => "fail",
        CheckStatus.Compliant => "pass",
        CheckStatus.NotApplicable => "notApplicable",
        CheckStatus.Unknown => "open",
        _ => "review",
    };

    /// <summary>The SARIF <c>level</c> of a result (§3.27.10): from the severity when it failed, otherwise "none".</summary>
    public static string Level(CheckStatus status, Severity severity) => status != CheckStatus.NonCompliant ? "none" : FailureLevel(severity);

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

        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var rules = new List<SecurityCheckResult>();
        foreach (var result in report.Results)
        {
            if (!ruleIndex.ContainsKey(result.Id))
            {
                ruleIndex.Add(result.Id, rules.Count);
                rules.Add(result);
            }
        }

        using var json = new JsonTextWriter(writer) { Formatting = Formatting.Indented, CloseOutput = false };
        json.WriteStartObject();
        Property(json, "$schema", SarifSchemaUri);
        Property(json, "version", SarifVersion);
        json.WritePropertyName("runs");
        json.WriteStartArray();
        json.WriteStartObject();

        json.WritePropertyName("tool");
        json.WriteStartObject();
        json.WritePropertyName("driver");
        json.WriteStartObject();
        Property(json, "name", "AzureLocalSecurity");
        Property(json, "version", report.ModuleVersion);
        Property(json, "informationUri", InformationUri);
        json.WritePropertyName("rules");
        json.WriteStartArray();
        foreach (var rule in rules)
        {
            WriteRule(json, rule);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        json.WritePropertyName("invocations");
        json.WriteStartArray();
        json.WriteStartObject();
        json.WritePropertyName("executionSuccessful");
        json.WriteValue(true);
        Property(json, "endTimeUtc", report.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        json.WriteEndObject();
        json.WriteEndArray();

        json.WritePropertyName("automationDetails");
        json.WriteStartObject();
        json.WritePropertyName("description");
        Message(json, report.Title);
        json.WriteEndObject();

        json.WritePropertyName("results");
        json.WriteStartArray();
        foreach (var result in report.Results)
        {
            WriteResult(json, result, ruleIndex[result.Id]);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
    }

    private static void WriteRule(JsonWriter json, SecurityCheckResult rule)
    {
        json.WriteStartObject();
        Property(json, "id", rule.Id);
        json.WritePropertyName("shortDescription");
        Message(json, rule.Title);
        var help = HelpUri(rule.References);
        if (help is not null)
        {
            Property(json, "helpUri", help);
        }

        json.WritePropertyName("defaultConfiguration");
        json.WriteStartObject();
        Property(json, "level", FailureLevel(rule.Severity));
        json.WriteEndObject();
        json.WritePropertyName("properties");
        json.WriteStartObject();
        Property(json, "area", rule.Area);
        Property(json, "severity", rule.Severity.ToString());
        json.WritePropertyName("references");
        Strings(json, rule.References);
        json.WritePropertyName("tags");
        Strings(json, [rule.Area]);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(JsonWriter json, SecurityCheckResult result, int ruleIndex)
    {
        json.WriteStartObject();
        Property(json, "ruleId", result.Id);
        json.WritePropertyName("ruleIndex");
        json.WriteValue(ruleIndex);
        Property(json, "kind", Kind(result.Status));
        Property(json, "level", Level(result.Status, result.Severity));
        json.WritePropertyName("message");
        Message(json, MessageText(result));
        json.WritePropertyName("locations");
        json.WriteStartArray();
        json.WriteStartObject();
        json.WritePropertyName("logicalLocations");
        json.WriteStartArray();
        json.WriteStartObject();
        Property(json, "name", result.NodeName);
        Property(json, "fullyQualifiedName", result.NodeName);
        Property(json, "kind", "device");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WritePropertyName("partialFingerprints");
        json.WriteStartObject();
        Property(json, "alsecCheckOnNode/v1", result.Id + "|" + result.NodeName.ToUpperInvariant());
        json.WriteEndObject();
        json.WritePropertyName("properties");
        json.WriteStartObject();
        Property(json, "nodeName", result.NodeName);
        Property(json, "area", result.Area);
        Property(json, "status", result.Status.ToString());
        Property(json, "severity", result.Severity.ToString());
        Property(json, "expected", result.Expected);
        Property(json, "actual", result.Actual);
        Property(json, "source", result.Source);
        Property(json, "reason", result.Reason);
        Property(json, "remediation", result.Remediation);
        json.WritePropertyName("references");
        Strings(json, result.References);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>The title, then what was expected and found, then why, as one message.</summary>
    internal static string MessageText(SecurityCheckResult result)
    {
        var text = result.Title.TrimEnd('.') + ".";
        if (result.Expected is not null || result.Actual is not null)
        {
            text += $" Expected: {result.Expected ?? "(not stated)"}. Actual: {result.Actual ?? "(not read)"}.";
        }

        if (!string.IsNullOrEmpty(result.Reason))
        {
            text += " " + result.Reason;
        }

        return text;
    }

    private static string FailureLevel(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };

    private static string? HelpUri(IReadOnlyList<string> references)
    {
        foreach (var reference in references)
        {
            if (Uri.TryCreate(reference, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            {
                return uri.AbsoluteUri;
            }
        }

        return null;
    }

    private static void Message(JsonWriter json, string text)
    {
        json.WriteStartObject();
        Property(json, "text", text);
        json.WriteEndObject();
    }

    private static void Strings(JsonWriter json, IReadOnlyList<string> values)
    {
        json.WriteStartArray();
        foreach (var value in values)
        {
            json.WriteValue(value);
        }

        json.WriteEndArray();
    }

    private static void Property(JsonWriter json, string name, string? value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }
}
