using System;
using System.IO;
using System.Linq;
using AzureLocalSecurity.Baseline;
using AzureLocalSecurity.Baseline.Analysis;
using AzureLocalSecurity.Baseline.Catalog;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Baseline.Repair;
using AzureLocalSecurity.Baseline.Rules;
using AzureLocalSecurity.Evidence;
using BenchmarkDotNet.Attributes;

namespace AzureLocalSecurity.Benchmarks;

/// <summary>
/// The largest catalog (2610 domain-joined, 429 rules) evaluated against a bundle holding a value for every rule,
/// and the same end to end from a bundle file (read the zip, index the facts, evaluate). Baseline: loading the
/// catalog from its CSV bytes.
/// </summary>
[MemoryDiagnoser]
public class BaselineBenchmarks
{
    private BaselineCatalog _catalog = null!;
    private EvidenceBundle _bundle = null!;
    private BaselineFactReader _reader = null!;
    private byte[] _csv = null!;
    private string _zip = null!;

    [GlobalSetup]
    public void Setup()
    {
        _catalog = ShippedBaselines.Get("2610", BaselineProfile.DomainJoined);
        _csv = ShippedBaselines.ReadBytes("AzureLocal_SecurityBaseline_2610domjoin.csv");
        var node = new NodeIdentity("BENCH", NodePlatform.Windows, "Windows", "X64");
        var store = new EvidenceStateStore(new EvidenceBundle(EvidenceSchema.CurrentVersion, node, DateTimeOffset.UnixEpoch, "0.1.0", []));
        foreach (var rule in _catalog.Rules.Where(r => r.Expression is not null))
        {
            var fact = BaselineFactMap.Resolve(rule);
            if (fact.Source is FactSource.Unsupported or FactSource.SecuredCoreStatus or FactSource.AccountPolicy or FactSource.BuiltinAccount)
            {
                continue;
            }

            var target = RuleRemedy.Choose(rule.Expression!, FactValue.Absent, rule.DefaultValue, BaselineFactMap.TargetKind(rule, fact)).Target;
            if (target is not null)
            {
                store.Write(fact, target, rule.RegistryValueType);
            }
        }

        _bundle = store.ToBundle();
        _reader = new BaselineFactReader(_bundle, _catalog.Rules);
        _zip = Path.Combine(Path.GetTempPath(), "alsec-baseline-bench-" + Guid.NewGuid().ToString("N") + ".zip");
        EvidenceBundleWriter.Write(_bundle, _zip, overwrite: false);
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_zip);

    [Benchmark(Baseline = true, Description = "Load 2610 catalog from CSV bytes")]
    public int LoadCatalog() => BaselineCatalogReader.Read(_csv, "AzureLocal_SecurityBaseline_2610domjoin.csv").Rules.Count;

    [Benchmark(Description = "Evaluate 429 rules (facts indexed)")]
    public int EvaluateIndexed()
    {
        var compliant = 0;
        foreach (var rule in _catalog.Rules)
        {
            if (BaselineAnalyzer.Evaluate(rule, _reader, "BENCH").Status == Results.CheckStatus.Compliant)
            {
                compliant++;
            }
        }

        return compliant;
    }

    [Benchmark(Description = "Evaluate 429 rules from the bundle (index + evaluate)")]
    public int EvaluateBundle() => BaselineAnalyzer.Evaluate(_catalog.Rules, _bundle).Count;

    [Benchmark(Description = "End to end from a zip (read + index + evaluate)")]
    public int EndToEndFromZip() => BaselineAnalyzer.Evaluate(_catalog.Rules, EvidenceBundleReader.Read(_zip)).Count;
}
