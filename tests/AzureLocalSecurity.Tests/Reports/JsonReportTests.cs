using System.IO;
using System.Linq;
using AzureLocalSecurity.Reports;
using AzureLocalSecurity.Tests.Support;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using Xunit;

namespace AzureLocalSecurity.Tests.Reports;

public class JsonReportTests
{
    private static readonly string[] StatusNames = ["Compliant", "NonCompliant", "NotApplicable", "Unknown", "Error"];
    private static readonly string[] SeverityNames = ["Critical", "High", "Medium", "Low", "Informational"];

    private static readonly JsonSchema Schema =
        JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(Repo.Root, "module", "schemas", "alsec-report-1.schema.json"))).GetAwaiter().GetResult();

    [Fact]
    public void The_report_validates_against_the_shipped_schema()
    {
        var json = ReportSamples.Write(ReportSamples.Report(), ReportFormat.Json);

        var errors = Schema.Validate(json);

        Assert.Empty(errors.Select(e => e.ToString()));
    }

    [Fact]
    public void The_shipped_schema_rejects_a_result_with_an_unknown_status()
    {
        var document = JObject.Parse(ReportSamples.Write(ReportSamples.Report(), ReportFormat.Json));
        document["results"]![0]!["status"] = "Fine";

        var errors = Schema.Validate(document.ToString());

        // NJsonSchema reports the failure at the result ($ref), with the enum failure on status as its child.
        var error = Assert.Single(errors);
        Assert.Equal("#/results[0]", error.Path);
        Assert.Contains("NotInEnumeration: #/results[0].status", error.ToString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_document_names_its_schema_and_version()
    {
        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(ReportSamples.Write(ReportSamples.Report(), ReportFormat.Json))) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        var document = JObject.Load(reader);

        Assert.Equal("https://azurelocalsecurity.github.io/schemas/report/1.0", (string?)document["schema"]);
        Assert.Equal(1, (int)document["schemaVersion"]!);
        Assert.Equal("2026-03-04T05:06:07.8900000+01:00", (string?)document["generatedAt"]);
        Assert.Equal("Contoso cluster", (string?)document["title"]);
    }

    [Fact]
    public void The_summary_counts_by_status_severity_area_and_node()
    {
        var summary = JObject.Parse(ReportSamples.Write(ReportSamples.Report(), ReportFormat.Json))["summary"]!;

        Assert.Equal(8, (int)summary["total"]!);
        Assert.Equal([1, 4, 1, 1, 1], StatusNames.Select(s => (int)summary["byStatus"]![s]!));
        Assert.Equal([1, 3, 2, 1, 1], SeverityNames.Select(s => (int)summary["bySeverity"]![s]!));
        Assert.Equal(20.0, (double)summary["compliancePercent"]!);
        Assert.Equal(["Platform", "SecureBoot", "Baseline", "Tpm", "BitLocker", "AppControl"], summary["byArea"]!.Select(a => (string)a["name"]!));
        var platform = summary["byArea"]![0]!;
        Assert.Equal(2, (int)platform["total"]!);
        Assert.Equal(50.0, (double)platform["compliancePercent"]!);
        var nodes = summary["byNode"]!.ToDictionary(n => (string)n["name"]!, n => (int)n["total"]!);
        Assert.Equal(4, nodes["NODE01"]);
        Assert.Equal(4, nodes["NODE02"]);
    }

    [Fact]
    public void Compliance_is_null_when_nothing_was_decided()
    {
        var report = new SecurityReport("x", ReportSamples.GeneratedAt, "0.1.0", ReportSamples.Results().Where(r => r.Status is Results.CheckStatus.Unknown or Results.CheckStatus.Error));

        var summary = JObject.Parse(ReportSamples.Write(report, ReportFormat.Json))["summary"]!;

        Assert.Equal(JTokenType.Null, summary["compliancePercent"]!.Type);
        Assert.Equal(2, (int)summary["total"]!);
    }

    [Fact]
    public void Export_then_import_gives_the_same_results_field_by_field()
    {
        var report = ReportSamples.Report();

        var read = JsonReportReader.Read(new StringReader(ReportSamples.Write(report, ReportFormat.Json)));

        Assert.Equal(report.Title, read.Title);
        Assert.Equal(report.GeneratedAt, read.GeneratedAt);
        Assert.Equal(report.ModuleVersion, read.ModuleVersion);
        Assert.Equal(report.Results.Count, read.Results.Count);
        for (var i = 0; i < report.Results.Count; i++)
        {
            var (a, b) = (report.Results[i], read.Results[i]);
            Assert.Equal(
                (a.Id, a.Title, a.Area, a.Status, a.Severity, a.Expected, a.Actual, a.Source, a.Reason, a.Remediation, a.NodeName),
                (b.Id, b.Title, b.Area, b.Status, b.Severity, b.Expected, b.Actual, b.Source, b.Reason, b.Remediation, b.NodeName));
            Assert.Equal(a.References, b.References);
        }
    }

    [Fact]
    public void A_report_of_another_schema_version_is_refused_as_unsupported()
    {
        var document = JObject.Parse(ReportSamples.Write(ReportSamples.Report(), ReportFormat.Json));
        document["schemaVersion"] = 2;

        var ex = Assert.Throws<ReportFormatException>(() => JsonReportReader.Read(new StringReader(document.ToString())));

        Assert.True(ex.UnsupportedVersion);
        Assert.Contains("version 2", ex.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Properties_a_version_1_reader_does_not_know_are_ignored()
    {
        var document = JObject.Parse(ReportSamples.Write(ReportSamples.Report(), ReportFormat.Json));
        document["schema"] = "https://azurelocalsecurity.github.io/schemas/report/1.1";
        ((JObject)document["results"]![0]!)["controls"] = new JArray("CIS 1.1");

        var read = JsonReportReader.Read(new StringReader(document.ToString()));

        Assert.Equal(8, read.Results.Count);
    }

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("[]", "not a JSON object")]
    [InlineData("{\"schemaVersion\":1}", "schema is missing")]
    public void A_document_that_is_not_a_report_is_refused(string text, string expected)
    {
        var ex = Assert.Throws<ReportFormatException>(() => JsonReportReader.Read(new StringReader(text)));

        Assert.False(ex.UnsupportedVersion);
        Assert.Contains(expected, ex.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_result_is_refused_naming_its_path()
    {
        var document = JObject.Parse(ReportSamples.Write(ReportSamples.Report(), ReportFormat.Json));
        document["results"]![5]!["reason"] = null;

        var ex = Assert.Throws<ReportFormatException>(() => JsonReportReader.Read(new StringReader(document.ToString())));

        Assert.StartsWith("results[5] is not a valid result", ex.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_the_limit_is_refused_before_it_is_read()
    {
        using var dir = new TempDir();
        var path = dir.Combine("huge.json");
        using (var file = File.Create(path))
        {
            // Sparse zeros: were it read, it would fail as "not JSON", not as too large.
            file.SetLength(JsonReportReader.MaxFileBytes + 1);
        }

        var ex = Assert.Throws<ReportFormatException>(() => JsonReportReader.ReadFile(path));

        Assert.True(ex.TooLarge);
        Assert.False(ex.UnsupportedVersion);
        Assert.Contains($"{JsonReportReader.MaxFileBytes + 1} bytes; reports of at most {JsonReportReader.MaxFileBytes} bytes", ex.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_file_under_the_limit_is_read_by_ReadFile()
    {
        using var dir = new TempDir();
        var path = dir.Combine("r.json");
        File.WriteAllText(path, ReportSamples.Write(ReportSamples.Report(), ReportFormat.Json));

        Assert.Equal(ReportSamples.Report().Results.Count, JsonReportReader.ReadFile(path).Results.Count);
    }

    [Fact]
    public void A_reader_that_never_ends_is_refused_after_the_limit_of_characters()
    {
        using var endless = new EndlessWhitespace();

        var ex = Assert.Throws<ReportFormatException>(() => JsonReportReader.Read(endless));

        Assert.True(ex.TooLarge);
        Assert.InRange(endless.Given, JsonReportReader.MaxFileBytes + 1, JsonReportReader.MaxFileBytes + (1 << 20));
    }

    /// <summary>Spaces without end, counting how many it gave.</summary>
    private sealed class EndlessWhitespace : TextReader
    {
        public long Given { get; private set; }

        public override int Peek() => ' ';

        public override int Read()
        {
            Given++;
            return ' ';
        }

        public override int Read(char[] buffer, int index, int count)
        {
            System.Array.Fill(buffer, ' ', index, count);
            Given += count;
            return count;
        }
    }
}
