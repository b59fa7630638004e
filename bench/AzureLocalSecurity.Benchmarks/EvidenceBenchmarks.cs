using System;
using System.Collections.Generic;
using System.IO;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Platform;
using BenchmarkDotNet.Attributes;

namespace AzureLocalSecurity.Benchmarks;

/// <summary>Reading a bundle (zip and folder) and analyzing it, on a bundle shaped like a baseline capture: 400 registry keys and a 64 KiB event log.</summary>
[MemoryDiagnoser]
public class EvidenceBenchmarks
{
    private string _folder = null!;
    private byte[] _zip = null!;
    private EvidenceBundle _bundle = null!;

    [GlobalSetup]
    public void Setup()
    {
        var now = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var items = new List<EvidenceItem>();
        for (var i = 0; i < 400; i++)
        {
            var path = $@"HKLM\SOFTWARE\Policies\Microsoft\Test{i}";
            items.Add(EvidenceItem.ForRegistry(EvidenceIds.Registry(path), "Registry " + path, now, new RegistryKeyEvidence(path,
            [
                new("Enabled", EvidenceValue.FromDWord((uint)i)),
                new("Name", EvidenceValue.FromString("value " + i)),
                new("List", EvidenceValue.FromMultiString(["a", "b", "c"])),
            ])));
        }

        var log = new byte[64 * 1024];
        new Random(1).NextBytes(log);
        items.Add(EvidenceItem.ForBlob("windows/tbs/TcgLog", "Tbsi_Get_TCG_Log", now, log));
        _bundle = new EvidenceBundle(EvidenceSchema.CurrentVersion, new NodeIdentity("BENCH", NodePlatform.Windows, "Windows", "X64"), now, "0.1.0", items);

        _folder = Path.Combine(Path.GetTempPath(), "alsec-bench-" + Guid.NewGuid().ToString("N"));
        EvidenceBundleWriter.Write(_bundle, _folder, overwrite: false);
        var zipPath = _folder + ".zip";
        EvidenceBundleWriter.Write(_bundle, zipPath, overwrite: false);
        _zip = File.ReadAllBytes(zipPath);
        File.Delete(zipPath);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true)]
    public int ReadFolder() => EvidenceBundleReader.Read(_folder).Items.Count;

    [Benchmark]
    public int ReadZip() => EvidenceBundleReader.ReadZip(_zip, "bench.zip").Items.Count;

    [Benchmark]
    public int AnalyzeSystemInfo() => SystemInfoAnalyzer.Analyze(_bundle).UnknownReasons.Count;
}
