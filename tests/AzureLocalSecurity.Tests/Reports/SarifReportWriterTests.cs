using System.IO;
using System.Linq;
using AzureLocalSecurity.Reports;
using AzureLocalSecurity.Results;
using AzureLocalSecurity.Tests.Support;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using Xunit;

namespace AzureLocalSecurity.Tests.Reports;

public class SarifReportWriterTests
{
    private static readonly JsonSchema Schema =
        JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(Repo.Root, "tests", "AzureLocalSecurity.Tests", "Vectors", "reports", "sarif-2.1.0.json"))).GetAwaiter().GetResult();

    private static JObject Log() => JObject.Parse(ReportSamples.Write(ReportSamples.Report(), ReportFormat.Sarif));

    [Fact]
    public void The_log_validates_against_the_SARIF_2_1_0_schema()
    {
        var errors = Schema.Validate(ReportSamples.Write(ReportSamples.Report(), ReportFormat.Sarif));

        Assert.Empty(errors.Select(e => e.ToString()));
    }

    [Fact]
    public void The_validator_rejects_a_log_the_schema_forbids()
    {
        var log = Log();
        log["runs"]![0]!["results"]![0]!["kind"] = "passed";
        ((JObject)log["runs"]![0]!["tool"]!["driver"]!).Remove("name");

        var errors = Schema.Validate(log.ToString());

        Assert.NotEmpty(errors);
    }

    [Fact]
    public void One_rule_per_check_id_and_each_result_points_at_its_rule()
    {
        var run = Log()["runs"]!.Single();
        var rules = run["tool"]!["driver"]!["rules"]!.Select(r => (string)r["id"]!).ToList();

        Assert.Equal(["ALSEC-PLAT-001", "ALSEC-SB-001", "ALSEC-BL-001", "ALSEC-TPM-002", "ALSEC-BLK-001", "ALSEC-AC-001", "ALSEC-X-666"], rules);
        foreach (var result in run["results"]!)
        {
            Assert.Equal((string)result["ruleId"]!, rules[(int)result["ruleIndex"]!]);
        }

        Assert.Equal("AzureLocalSecurity", (string)run["tool"]!["driver"]!["name"]!);
        Assert.Equal("0.1.0", (string)run["tool"]!["driver"]!["version"]!);
    }

    [Fact]
    public void Kind_and_level_follow_the_status_and_severity()
    {
        var results = Log()["runs"]![0]!["results"]!.Select(r => ((string)r["kind"]!, (string)r["level"]!)).ToList();

        Assert.Equal(
            [("pass", "none"), ("fail", "error"), ("fail", "warning"), ("fail", "note"), ("notApplicable", "none"), ("open", "none"), ("review", "none"), ("fail", "error")],
            results);
    }

    [Theory]
    [InlineData(Severity.Critical, "error")]
    [InlineData(Severity.High, "error")]
    [InlineData(Severity.Medium, "warning")]
    [InlineData(Severity.Low, "note")]
    [InlineData(Severity.Informational, "note")]
    public void A_failed_check_takes_its_level_from_its_severity(Severity severity, string level)
    {
        Assert.Equal(level, SarifReportWriter.Level(CheckStatus.NonCompliant, severity));
        Assert.Equal("none", SarifReportWriter.Level(CheckStatus.Compliant, severity));
    }

    [Fact]
    public void The_node_is_the_logical_location_and_the_evidence_is_in_the_properties()
    {
        var result = Log()["runs"]![0]!["results"]![1]!;

        var location = result["locations"]!.Single()["logicalLocations"]!.Single();
        Assert.Equal(("NODE01", "device"), ((string)location["name"]!, (string)location["kind"]!));
        Assert.Equal("Secure Boot is on. Expected: On. Actual: Off.", (string)result["message"]!["text"]!);
        Assert.Equal("UEFI SecureBoot variable", (string)result["properties"]!["source"]!);
        Assert.Equal("Turn Secure Boot on in the firmware.", (string)result["properties"]!["remediation"]!);
    }
}
