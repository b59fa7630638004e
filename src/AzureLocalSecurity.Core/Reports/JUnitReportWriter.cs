using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Xml;
using AzureLocalSecurity.Results;

namespace AzureLocalSecurity.Reports;

/// <summary>
/// Writes a report as JUnit XML in the shape Jenkins and Ant use: &lt;testsuites&gt; holding one &lt;testsuite&gt; per
/// node and area (named node.area), holding one &lt;testcase&gt; per result (classname node.area, name "id title").
/// NonCompliant is a &lt;failure&gt; (type: the severity), Unknown and Error an &lt;error&gt; (type: the status),
/// NotApplicable &lt;skipped&gt;; Compliant passes. Counts are those of the elements written. Characters XML 1.0
/// cannot hold are written as U+FFFD.
/// </summary>
public static class JUnitReportWriter
{
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

        var suites = new List<KeyValuePair<string, List<SecurityCheckResult>>>();
        var index = new Dictionary<string, List<SecurityCheckResult>>(StringComparer.Ordinal);
        foreach (var result in report.Results)
        {
            var name = SuiteName(result);
            if (!index.TryGetValue(name, out var members))
            {
                members = [];
                index.Add(name, members);
                suites.Add(new KeyValuePair<string, List<SecurityCheckResult>>(name, members));
            }

            members.Add(result);
        }

        var timestamp = report.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var settings = new XmlWriterSettings { Indent = true, NewLineChars = "\n", CloseOutput = false };
        using var xml = XmlWriter.Create(writer, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", Clean(report.Title));
        WriteCounts(xml, ReportTotals.Of(report.Results).All);
        var id = 0;
        foreach (var suite in suites)
        {
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", Clean(suite.Key));
            WriteCounts(xml, ReportTotals.Of(suite.Value).All);
            xml.WriteAttributeString("id", id++.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("timestamp", timestamp);
            xml.WriteAttributeString("hostname", Clean(suite.Value[0].NodeName));
            foreach (var result in suite.Value)
            {
                WriteCase(xml, result, suite.Key);
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
        xml.Flush();
    }

    private static string SuiteName(SecurityCheckResult result) => result.NodeName + "." + result.Area;

    private static void WriteCounts(XmlWriter xml, ReportTotals.StatusCounts counts)
    {
        xml.WriteAttributeString("tests", counts.Total.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", counts[CheckStatus.NonCompliant].ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", (counts[CheckStatus.Unknown] + counts[CheckStatus.Error]).ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("skipped", counts[CheckStatus.NotApplicable].ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("time", "0");
    }

    private static void WriteCase(XmlWriter xml, SecurityCheckResult result, string className)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("name", Clean(result.Id + " " + result.Title));
        xml.WriteAttributeString("classname", Clean(className));
        xml.WriteAttributeString("time", "0");
        switch (result.Status)
        {
            case CheckStatus.NonCompliant:
                xml.WriteStartElement("failure");
                xml.WriteAttributeString("message", Clean($"Expected: {result.Expected ?? "(not stated)"}; actual: {result.Actual ?? "(not read)"}"));
                xml.WriteAttributeString("type", result.Severity.ToString());
                xml.WriteString(Clean(Details(result)));
                xml.WriteEndElement();
                break;
            case CheckStatus.Unknown:
            case CheckStatus.Error:
                xml.WriteStartElement("error");
                xml.WriteAttributeString("message", Clean(result.Reason ?? result.Status.ToString()));
                xml.WriteAttributeString("type", result.Status.ToString());
                xml.WriteString(Clean(Details(result)));
                xml.WriteEndElement();
                break;
            case CheckStatus.NotApplicable:
                xml.WriteStartElement("skipped");
                xml.WriteAttributeString("message", Clean(result.Reason ?? "Not applicable"));
                xml.WriteEndElement();
                break;
            default:
                break;
        }

        xml.WriteEndElement();
    }

    private static string Details(SecurityCheckResult result)
    {
        var text = new StringBuilder();
        Line(text, "Severity", result.Severity.ToString());
        Line(text, "Expected", result.Expected);
        Line(text, "Actual", result.Actual);
        Line(text, "Source", result.Source);
        Line(text, "Reason", result.Reason);
        Line(text, "Remediation", result.Remediation);
        if (result.References.Count > 0)
        {
            Line(text, "References", string.Join("; ", result.References));
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, string name, string? value)
    {
        if (value is not null)
        {
            text.Append(name).Append(": ").Append(value).Append('\n');
        }
    }

    /// <summary>The text with every character XML 1.0 cannot hold (controls other than tab, CR, LF; lone surrogates) replaced by U+FFFD.</summary>
    internal static string Clean(string text)
    {
        StringBuilder? clean = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var ok = XmlConvert.IsXmlChar(c)
                || (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]));
            if (ok && char.IsHighSurrogate(c))
            {
                clean?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (!ok && clean is null)
            {
                clean = new StringBuilder(text.Length).Append(text, 0, i);
            }

            clean?.Append(ok ? c : '\uFFFD');
        }

        return clean?.ToString() ?? text;
    }
}
