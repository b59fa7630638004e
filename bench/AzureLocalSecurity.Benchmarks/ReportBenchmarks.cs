using System;
using System.IO;
using System.Linq;
using AzureLocalSecurity.Reports;
using AzureLocalSecurity.Results;
using BenchmarkDotNet.Attributes;

namespace AzureLocalSecurity.Benchmarks;

/// <summary>
/// Each report writer on 10,000 results (20 nodes × 500 checks, every status and severity, references on half), written
/// to a TextWriter that discards its text, so the numbers are the writers' own cost. Baseline: the JSON writer.
/// </summary>
[MemoryDiagnoser]
public class ReportBenchmarks
{
    private static readonly string[] Areas = ["Baseline", "SecuredCore", "SecureBoot", "BitLocker", "AppControl", "Tpm"];

    private SecurityReport _report = null!;

    [GlobalSetup]
    public void Setup()
    {
        var statuses = Enum.GetValues<CheckStatus>();
        var severities = Enum.GetValues<Severity>();
        var results = Enumerable.Range(0, 10_000).Select(i => new SecurityCheckResult(
            $"ALSEC-BENCH-{i % 500:D3}",
            $"Check {i % 500}: a setting has the value the baseline expects",
            Areas[i % Areas.Length],
            statuses[i % statuses.Length],
            severities[i % severities.Length],
            "1 (enabled)",
            i % 7 == 0 ? null : "0",
            @"HKLM\SYSTEM\CurrentControlSet\Control\Lsa\RunAsPPL",
            statuses[i % statuses.Length] is CheckStatus.Unknown or CheckStatus.Error ? "The value could not be read: access denied." : null,
            "Set the value to 1 and restart.",
            i % 2 == 0 ? ["CIS 2.3.1", "STIG V-254", "NIST SP 800-53 AC-3"] : [],
            $"NODE{i / 500:D2}")).ToList();
        _report = new SecurityReport("Benchmark", DateTimeOffset.UtcNow, "0.1.0", results);
        Console.WriteLine($"// JSON report of 10,000 results: {Size(ReportFormat.Json):N0} characters; HTML {Size(ReportFormat.Html):N0}");
    }

    [Benchmark(Baseline = true, Description = "Json, 10,000 results")]
    public void Json() => JsonReportWriter.Write(_report, TextWriter.Null);

    [Benchmark(Description = "Csv, 10,000 results")]
    public void Csv() => CsvReportWriter.Write(_report, TextWriter.Null);

    [Benchmark(Description = "Html, 10,000 results")]
    public void Html() => HtmlReportWriter.Write(_report, TextWriter.Null);

    [Benchmark(Description = "Sarif, 10,000 results")]
    public void Sarif() => SarifReportWriter.Write(_report, TextWriter.Null);

    [Benchmark(Description = "JUnit, 10,000 results")]
    public void JUnit() => JUnitReportWriter.Write(_report, TextWriter.Null);

    [Benchmark(Description = "Cef, 10,000 results")]
    public void Cef() => CefReportWriter.Write(_report, TextWriter.Null);

    private long Size(ReportFormat format)
    {
        using var writer = new StringWriter();
        ReportFile.Write(_report, format, writer);
        return writer.ToString().Length;
    }
}
