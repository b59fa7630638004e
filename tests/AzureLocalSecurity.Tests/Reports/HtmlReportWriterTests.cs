using System;
using System.Linq;
using System.Text.RegularExpressions;
using AzureLocalSecurity.Reports;
using AzureLocalSecurity.Results;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Reports;

public class HtmlReportWriterTests
{
    /// <summary>The samples without the hostile one, so that nothing in the data itself names a URL.</summary>
    private static SecurityReport Plain() => new("Contoso cluster", ReportSamples.GeneratedAt, "0.1.0", ReportSamples.Results().Take(7));

    [Fact]
    public void The_page_loads_nothing_from_anywhere()
    {
        var html = ReportSamples.Write(Plain(), ReportFormat.Html);

        // "http" occurs once, in the attribute name http-equiv of the Content-Security-Policy: no URL of any scheme.
        Assert.DoesNotMatch(new Regex("http(?!-equiv=\"Content-Security-Policy\")", RegexOptions.IgnoreCase), html);
        Assert.DoesNotContain("://", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex(@"\s(src|href|srcset|action|xlink:href)\s*=", RegexOptions.IgnoreCase), html);
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
        Assert.DoesNotContain("url(", html, StringComparison.Ordinal);
        Assert.Contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_result_text_cannot_end_the_data_block_or_add_markup()
    {
        var html = ReportSamples.Write(ReportSamples.Report(), ReportFormat.Html);

        Assert.Equal(2, Regex.Count(html, "</script>"));
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\\u003c/script\\u003e\\u003cimg src=x onerror=alert(1)\\u003e", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_title_is_encoded_as_text()
    {
        var html = ReportSamples.Write(new SecurityReport("<b>A & B</b>", ReportSamples.GeneratedAt, "0.1.0", []), ReportFormat.Html);

        Assert.Contains("<title>&lt;b&gt;A &amp; B&lt;/b&gt;</title>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Chromium_renders_the_counts_and_one_row_per_result()
    {
        using var dir = new TempDir();
        var report = ReportSamples.Report();
        var file = ReportFile.Write(report, ReportFormat.Html, dir.Combine("report.html"), overwrite: false);

        var dom = Chromium.DumpDom(file.FullName);

        Assert.Contains("data-rendered=\"true\"", dom, StringComparison.Ordinal);
        Assert.Equal(report.Results.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Text(dom, "count-total"));
        foreach (var status in Enum.GetValues<CheckStatus>())
        {
            Assert.Equal(report.Results.Count(r => r.Status == status).ToString(System.Globalization.CultureInfo.InvariantCulture), Text(dom, "count-" + status));
        }

        Assert.Equal("20%", Text(dom, "compliance"));
        Assert.Equal((report.Results.Count, 0), Rows(dom));
        Assert.Equal("8", Text(dom, "visible-count"));
        Assert.DoesNotContain("<img", dom, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("#status=NonCompliant", 4)]
    [InlineData("#status=NonCompliant&node=NODE02", 2)]
    [InlineData("#area=SecureBoot", 2)]
    [InlineData("#severity=High", 3)]
    [InlineData("#q=runasppl", 1)]
    [InlineData("#status=Fine", 0)]
    public void A_fragment_filter_shows_only_the_matching_rows(string fragment, int visible)
    {
        using var dir = new TempDir();
        var file = ReportFile.Write(ReportSamples.Report(), ReportFormat.Html, dir.Combine("report.html"), overwrite: false);

        var dom = Chromium.DumpDom(file.FullName, fragment);

        Assert.Equal((visible, 8 - visible), Rows(dom));
        Assert.Equal(visible.ToString(System.Globalization.CultureInfo.InvariantCulture), Text(dom, "visible-count"));
    }

    private static string Text(string dom, string id)
    {
        var match = Regex.Match(dom, $"id=\"{Regex.Escape(id)}\"[^>]*>([^<]*)<");
        Assert.True(match.Success, $"no element {id} in the rendered page");
        return match.Groups[1].Value;
    }

    /// <summary>The result rows the page shows and hides.</summary>
    private static (int Visible, int Hidden) Rows(string dom)
    {
        var rows = Regex.Matches(dom, "<tr class=\"result[^\"]*\"([^>]*)>").Select(m => m.Groups[1].Value.Contains("hidden", StringComparison.Ordinal)).ToList();
        return (rows.Count(h => !h), rows.Count(h => h));
    }
}
