using System.Linq;
using System.Xml.Linq;
using AzureLocalSecurity.Reports;
using Xunit;

namespace AzureLocalSecurity.Tests.Reports;

public class JUnitReportWriterTests
{
    private static XDocument Document() => XDocument.Parse(ReportSamples.Write(ReportSamples.Report(), ReportFormat.JUnit));

    [Fact]
    public void The_totals_count_failures_errors_and_skips_by_status()
    {
        var root = Document().Root!;

        Assert.Equal("testsuites", root.Name.LocalName);
        Assert.Equal(("8", "4", "2", "1"), ((string)root.Attribute("tests")!, (string)root.Attribute("failures")!, (string)root.Attribute("errors")!, (string)root.Attribute("skipped")!));
        Assert.Equal(8, root.Descendants("testcase").Count());
        Assert.Equal(4, root.Descendants("failure").Count());
        Assert.Equal(2, root.Descendants("error").Count());
        Assert.Single(root.Descendants("skipped"));
    }

    [Fact]
    public void There_is_one_suite_per_node_and_area_and_its_counts_are_its_own()
    {
        var suites = Document().Root!.Elements("testsuite").ToList();

        Assert.Equal(["NODE01.Platform", "NODE01.SecureBoot", "NODE02.Baseline", "NODE02.Tpm", "NODE02.SecureBoot", "NODE01.BitLocker", "NODE02.AppControl"], suites.Select(s => (string)s.Attribute("name")!));
        foreach (var suite in suites)
        {
            Assert.Equal(suite.Elements("testcase").Count(), (int)suite.Attribute("tests")!);
            Assert.Equal(suite.Descendants("failure").Count(), (int)suite.Attribute("failures")!);
            Assert.Equal(suite.Descendants("error").Count(), (int)suite.Attribute("errors")!);
            Assert.Equal(suite.Descendants("skipped").Count(), (int)suite.Attribute("skipped")!);
        }
    }

    [Fact]
    public void A_failure_carries_expected_actual_and_the_severity_as_its_type()
    {
        var testCase = Document().Descendants("testcase").Single(t => ((string)t.Attribute("name")!).StartsWith("ALSEC-SB-001 ", System.StringComparison.Ordinal) && t.Element("failure") is not null);

        Assert.Equal("ALSEC-SB-001 Secure Boot is on", (string)testCase.Attribute("name")!);
        Assert.Equal("NODE01.SecureBoot", (string)testCase.Attribute("classname")!);
        var failure = testCase.Element("failure")!;
        Assert.Equal("Expected: On; actual: Off", (string)failure.Attribute("message")!);
        Assert.Equal("Critical", (string)failure.Attribute("type")!);
        Assert.Contains("Remediation: Turn Secure Boot on in the firmware.", failure.Value, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_is_an_error_with_its_reason_and_NotApplicable_a_skip_with_its_reason()
    {
        var document = Document();

        var error = document.Descendants("error").First();
        Assert.Equal(("Access denied reading the volume.", "Unknown"), ((string)error.Attribute("message")!, (string)error.Attribute("type")!));
        Assert.Equal("BIOS machine", (string)document.Descendants("skipped").Single().Attribute("message")!);
    }

    [Fact]
    public void Characters_XML_cannot_hold_become_replacement_characters()
    {
        var result = new Results.SecurityCheckResult("ALSEC-1", "bell\u0007 here", "Tpm", Results.CheckStatus.Compliant, Results.Severity.Low, null, null, null, null, null, null, "N");
        var text = ReportSamples.Write(new SecurityReport("t", ReportSamples.GeneratedAt, "0.1.0", [result]), ReportFormat.JUnit);

        Assert.Equal("ALSEC-1 bell\uFFFD here", (string)XDocument.Parse(text).Descendants("testcase").Single().Attribute("name")!);
    }
}
