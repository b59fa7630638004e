using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using AzureLocalSecurity.Results;
using Newtonsoft.Json;

namespace AzureLocalSecurity.Reports;

/// <summary>
/// Writes a report as one self-contained HTML page: no external resource of any kind (inline CSS and script, charts
/// as inline SVG drawn here, no link). The report's data is embedded as a JSON block
/// (<c>&lt;script type="application/json"&gt;</c>, with &lt; &gt; &amp; ' " written as \u escapes so no text can end
/// the block) and the inline script renders the counts and a table that filters (status, severity, area, node, text)
/// and sorts by column, setting cell text only, never markup. The URL fragment sets the initial filters
/// (<c>#status=NonCompliant&amp;area=Tpm&amp;q=text</c>). A Content-Security-Policy allows only the page's own style
/// and script (by hash) and loads nothing.
/// </summary>
public static class HtmlReportWriter
{
    /// <summary>The colour of each status in the charts.</summary>
    private static readonly Dictionary<CheckStatus, string> Colours = new()
    {
        [CheckStatus.Compliant] = "#2e7d32",
        [CheckStatus.NonCompliant] = "#c62828",
        [CheckStatus.NotApplicable] = "#9e9e9e",
        [CheckStatus.Unknown] = "#f9a825",
        [CheckStatus.Error] = "#6a1b9a",
    };

    private static readonly string Script = Resource("report.js");
    private static readonly string Style = Resource("report.css");

    private static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src '{Hash(Style)}'; script-src '{Hash(Script)}'; base-uri 'none'; form-action 'none'";

    private static readonly (string Key, string Header)[] Columns =
    [
        ("nodeName", "Node"), ("id", "Id"), ("title", "Title"), ("area", "Area"), ("status", "Status"), ("severity", "Severity"),
        ("expected", "Expected"), ("actual", "Actual"), ("source", "Source"), ("reason", "Reason"), ("remediation", "Remediation"), ("references", "References"),
    ];

    /// <summary>Writes the report to a text writer. The caller owns the writer and its encoding (write UTF-8: the page declares it).</summary>
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

        var totals = ReportTotals.Of(report.Results);
        var title = Encode(report.Title);
        writer.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        writer.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"" + ContentSecurityPolicy + "\">\n");
        writer.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        writer.Write("<meta name=\"generator\" content=\"AzureLocalSecurity " + Encode(report.ModuleVersion) + "\">\n");
        writer.Write("<title>" + title + "</title>\n<style>" + Style + "</style>\n</head>\n<body>\n");
        writer.Write("<header>\n<h1>" + title + "</h1>\n<p class=\"meta\">Generated " +
            Encode(report.GeneratedAt.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)) +
            " by AzureLocalSecurity " + Encode(report.ModuleVersion) + "</p>\n</header>\n");

        writer.Write("<section id=\"summary\" aria-label=\"Summary\">\n");
        writer.Write("<div class=\"tile\"><span class=\"n\" id=\"count-total\"></span>results</div>\n");
        foreach (var status in ReportTotals.Statuses)
        {
            writer.Write($"<div class=\"tile status-{status}\"><span class=\"n\" id=\"count-{status}\"></span>{Label(status)}</div>\n");
        }

        writer.Write("<div class=\"tile\"><span class=\"n\" id=\"compliance\"></span>compliance (Compliant of Compliant + NonCompliant)</div>\n</section>\n");

        writer.Write("<section id=\"charts\">\n<div>\n<h2>By status</h2>\n");
        StatusChart(writer, totals);
        writer.Write("</div>\n<div>\n<h2>By area</h2>\n");
        GroupChart(writer, totals.ByArea, "Results by area and status");
        writer.Write("</div>\n");
        if (totals.ByNode.Count > 1)
        {
            writer.Write("<div>\n<h2>By node</h2>\n");
            GroupChart(writer, totals.ByNode, "Results by node and status");
            writer.Write("</div>\n");
        }

        writer.Write("</section>\n");

        writer.Write("<h2>Results</h2>\n<section id=\"filters\" aria-label=\"Filters\">\n");
        foreach (var (id, label) in new[] { ("f-status", "Status"), ("f-severity", "Severity"), ("f-area", "Area"), ("f-node", "Node") })
        {
            writer.Write($"<label>{label}<select id=\"{id}\"><option value=\"\">(all)</option></select></label>\n");
        }

        writer.Write("<label>Text<input id=\"f-text\" type=\"search\" placeholder=\"filter\"></label>\n");
        writer.Write($"<p><span id=\"visible-count\"></span> of <span id=\"total-count\">{report.Results.Count.ToString(CultureInfo.InvariantCulture)}</span> shown</p>\n</section>\n");

        writer.Write("<table id=\"results\">\n<thead><tr>");
        foreach (var (key, header) in Columns)
        {
            writer.Write($"<th data-key=\"{key}\" aria-sort=\"none\">{header}</th>");
        }

        writer.Write("</tr></thead>\n<tbody id=\"results-body\"></tbody>\n</table>\n");
        writer.Write("<noscript><p>The table is drawn by the page's script, which is off. The data is in the page's application/json block.</p></noscript>\n");

        writer.Write("<script type=\"application/json\" id=\"alsec-report-data\">");
        using (var json = new JsonTextWriter(writer) { Formatting = Formatting.None, StringEscapeHandling = StringEscapeHandling.EscapeHtml, CloseOutput = false })
        {
            // The schema URI is left out here: it names the JSON format and is not needed by the page, and the page holds no URL.
            JsonReportWriter.WriteDocument(report, json, includeSchemaUri: false);
            json.Flush();
        }

        writer.Write("</script>\n<script>" + Script + "</script>\n</body>\n</html>\n");
    }

    /// <summary>Text for HTML element content or a quoted attribute value.</summary>
    internal static string Encode(string text)
    {
        var encoded = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': encoded.Append("&amp;"); break;
                case '<': encoded.Append("&lt;"); break;
                case '>': encoded.Append("&gt;"); break;
                case '"': encoded.Append("&quot;"); break;
                case '\'': encoded.Append("&#39;"); break;
                default: encoded.Append(c); break;
            }
        }

        return encoded.ToString();
    }

    private static string Label(CheckStatus status) => status switch
    {
        CheckStatus.NonCompliant => "non-compliant",
        CheckStatus.NotApplicable => "not applicable",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static void StatusChart(TextWriter writer, ReportTotals totals)
    {
        const int width = 480;
        writer.Write($"<svg class=\"chart\" id=\"chart-status\" width=\"{width}\" height=\"{30 + (18 * ReportTotals.Statuses.Count)}\" role=\"img\" aria-label=\"Results by status\">\n");
        Bar(writer, 0, 0, width, 20, totals.All);
        var y = 38;
        foreach (var status in ReportTotals.Statuses)
        {
            writer.Write($"<rect x=\"0\" y=\"{y - 10}\" width=\"10\" height=\"10\" fill=\"{Colours[status]}\"/>");
            writer.Write($"<text x=\"16\" y=\"{y}\">{status}: {totals.All[status].ToString(CultureInfo.InvariantCulture)}</text>\n");
            y += 18;
        }

        writer.Write("</svg>\n");
    }

    private static void GroupChart(TextWriter writer, IReadOnlyList<KeyValuePair<string, ReportTotals.StatusCounts>> groups, string label)
    {
        const int labelWidth = 160;
        const int barWidth = 320;
        const int rowHeight = 22;
        writer.Write($"<svg class=\"chart\" width=\"{labelWidth + barWidth + 60}\" height=\"{Math.Max(1, groups.Count) * rowHeight}\" role=\"img\" aria-label=\"{label}\">\n");
        var y = 0;
        foreach (var group in groups)
        {
            var name = group.Key.Length > 24 ? group.Key.Substring(0, 23) + "\u2026" : group.Key;
            writer.Write($"<text x=\"0\" y=\"{y + 15}\">{Encode(name)}</text>");
            Bar(writer, labelWidth, y + 3, barWidth, 16, group.Value);
            writer.Write($"<text x=\"{labelWidth + barWidth + 6}\" y=\"{y + 15}\">{group.Value.Total.ToString(CultureInfo.InvariantCulture)}</text>\n");
            y += rowHeight;
        }

        writer.Write("</svg>\n");
    }

    /// <summary>A stacked bar of the counts, each status's share of the width.</summary>
    private static void Bar(TextWriter writer, int x, int y, int width, int height, ReportTotals.StatusCounts counts)
    {
        if (counts.Total == 0)
        {
            writer.Write($"<rect x=\"{x}\" y=\"{y}\" width=\"{width}\" height=\"{height}\" fill=\"#eeeeee\"/>");
            return;
        }

        double left = x;
        foreach (var status in ReportTotals.Statuses)
        {
            if (counts[status] == 0)
            {
                continue;
            }

            var w = (double)width * counts[status] / counts.Total;
            writer.Write(string.Format(
                CultureInfo.InvariantCulture,
                "<rect x=\"{0:0.##}\" y=\"{1}\" width=\"{2:0.##}\" height=\"{3}\" fill=\"{4}\"><title>{5}: {6}</title></rect>",
                left,
                y,
                w,
                height,
                Colours[status],
                status,
                counts[status]));
            left += w;
        }
    }

    private static string Hash(string content)
    {
        using var sha = SHA256.Create();
        return "sha256-" + Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(content)));
    }

    private static string Resource(string name)
    {
        using var stream = typeof(HtmlReportWriter).Assembly.GetManifestResourceStream("AzureLocalSecurity.Reports.Html." + name)
            ?? throw new InvalidOperationException($"The HTML report resource {name} is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
