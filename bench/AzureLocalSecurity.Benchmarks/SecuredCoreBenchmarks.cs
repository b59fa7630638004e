using System;
using System.IO;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.SecuredCore;
using BenchmarkDotNet.Attributes;

namespace AzureLocalSecurity.Benchmarks;

/// <summary>
/// Test-ALSecuredCore from a bundle (issue 6: under 20 ms warm): the recorded compliant Azure Local node
/// (tests/AzureLocalSecurity.Tests/Vectors/securedcore/compliant-azure-local-node.zip). Baseline: reading the bundle alone
/// (zip, manifest, items); then reading it and judging it, and judging an already-read bundle.
/// </summary>
[MemoryDiagnoser]
public class SecuredCoreBenchmarks
{
    private string _path = null!;
    private EvidenceBundle _bundle = null!;

    [GlobalSetup]
    public void Setup()
    {
        _path = ModuleImportBenchmarks.Locate(Path.Combine("tests", "AzureLocalSecurity.Tests", "Vectors", "securedcore", "compliant-azure-local-node.zip"));
        _bundle = EvidenceBundleReader.Read(_path);
        if (SecuredCoreAnalyzer.Evaluate(_bundle).IsSecuredCore != true)
        {
            throw new InvalidOperationException("The recorded node should be Secured-core: the benchmark would measure another path.");
        }
    }

    [Benchmark(Baseline = true, Description = "Read the bundle (zip)")]
    public int Read() => EvidenceBundleReader.Read(_path).Items.Count;

    [Benchmark(Description = "Read the bundle + SecuredCoreAnalyzer.Evaluate (Test-ALSecuredCore -EvidencePath)")]
    public int ReadAndEvaluate() => SecuredCoreAnalyzer.Evaluate(EvidenceBundleReader.Read(_path)).Results.Count;

    [Benchmark(Description = "SecuredCoreAnalyzer.Evaluate on a read bundle")]
    public int Evaluate() => SecuredCoreAnalyzer.Evaluate(_bundle).Results.Count;
}
