using System;
using System.Globalization;
using System.IO;
using System.Linq;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Posture;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace AzureLocalSecurity.Benchmarks;

/// <summary>
/// Test-ALSecurityPosture -EvidencePath on a folder of 1,000 bundles: each read from disk, assessed in every area
/// (PostureAnalyzer.AnalyzeEach, one bundle in memory at a time) and summarized. The bundles are the two recorded nodes
/// (tests/AzureLocalSecurity.Tests/Vectors: securedcore/compliant-azure-local-node.zip and bitlocker/azure-local-node.zip)
/// written alternately under 1,000 node names into a temporary folder in GlobalSetup. An operation takes seconds, so the
/// job is a monitoring job of a few iterations rather than BenchmarkDotNet's default.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class PostureBenchmarks
{
    private const int BundleCount = 1000;
    private static readonly DateTime AsOf = new(2026, 1, 15, 0, 0, 0, DateTimeKind.Utc);
    private string _folder = null!;
    private string _one = null!;

    [GlobalSetup]
    public void Setup()
    {
        var sources = new[]
        {
            EvidenceBundleReader.Read(ModuleImportBenchmarks.Locate(Path.Combine("tests", "AzureLocalSecurity.Tests", "Vectors", "securedcore", "compliant-azure-local-node.zip"))),
            EvidenceBundleReader.Read(ModuleImportBenchmarks.Locate(Path.Combine("tests", "AzureLocalSecurity.Tests", "Vectors", "bitlocker", "azure-local-node.zip"))),
        };
        _folder = Path.Combine(Path.GetTempPath(), "alsec-posture-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        for (var i = 0; i < BundleCount; i++)
        {
            var source = sources[i % sources.Length];
            var name = "NODE" + i.ToString("0000", CultureInfo.InvariantCulture);
            var node = new NodeIdentity(name, source.Node.Platform, source.Node.OperatingSystem, source.Node.Architecture);
            EvidenceBundleWriter.Write(new EvidenceBundle(source.SchemaVersion, node, source.CapturedAt, source.ModuleVersion, source.Items), Path.Combine(_folder, name + ".zip"), overwrite: false);
        }

        _one = Path.Combine(_folder, "NODE0000.zip");
        var results = AssessFolder();
        Console.WriteLine($"// {BundleCount} bundles in {_folder}: {results} results per pass");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true, Description = "Read + assess + summarize one bundle (every area)")]
    public int AssessOne() => Summarize(PostureAnalyzer.AnalyzeEach([_one], Options()).Single());

    [Benchmark(Description = "Read + assess + summarize 1,000 bundles from a folder, streamed")]
    public int AssessFolder() => PostureAnalyzer.AnalyzeEach([_folder], Options()).Sum(Summarize);

    private static PostureOptions Options() => new() { AsOf = AsOf };

    private static int Summarize(PostureAssessment assessment)
    {
        if (!assessment.Succeeded)
        {
            throw new InvalidOperationException(assessment.Error!.Message);
        }

        return new SecurityPostureSummary(assessment.Results).Total;
    }
}
