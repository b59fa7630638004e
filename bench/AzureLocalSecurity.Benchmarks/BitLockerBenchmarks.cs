using System;
using System.IO;
using System.Linq;
using AzureLocalSecurity.BitLocker;
using AzureLocalSecurity.BitLocker.Planning;
using AzureLocalSecurity.Evidence;
using BenchmarkDotNet.Attributes;

namespace AzureLocalSecurity.Benchmarks;

/// <summary>
/// Get-ALBitLockerVolume -EvidencePath and the change cmdlets' planning, on the recorded Azure Local node
/// (tests/AzureLocalSecurity.Tests/Vectors/bitlocker/azure-local-node.zip: the OS volume and two CSVs). Baseline: reading
/// the bundle alone; then reading and decoding the volumes; then decoding a read bundle; then planning Enable for every
/// volume (all already protected: the idempotent path Azure Local's nodes take) and Suspend for every volume.
/// </summary>
[MemoryDiagnoser]
public class BitLockerBenchmarks
{
    private string _path = null!;
    private EvidenceBundle _bundle = null!;
    private BitLockerVolume[] _volumes = null!;
    private readonly BitLockerEnableOptions _options = new() { RecoveryKeyPath = "/backup", ClusterNameAccount = @"CONTOSO\HCICLUSTER$", TpmReady = true };

    [GlobalSetup]
    public void Setup()
    {
        _path = ModuleImportBenchmarks.Locate(Path.Combine("tests", "AzureLocalSecurity.Tests", "Vectors", "bitlocker", "azure-local-node.zip"));
        _bundle = EvidenceBundleReader.Read(_path);
        _volumes = BitLockerAnalyzer.Read(_bundle, out var unknowns).ToArray();
        if (_volumes.Length != 3 || unknowns.Count != 0)
        {
            throw new InvalidOperationException($"The recorded node should decode to 3 volumes with nothing unknown: {_volumes.Length} volumes, {unknowns.Count} unknowns.");
        }
    }

    [Benchmark(Baseline = true, Description = "Read the bundle (zip)")]
    public int Read() => EvidenceBundleReader.Read(_path).Items.Count;

    [Benchmark(Description = "Read the bundle + BitLockerAnalyzer.Read (Get-ALBitLockerVolume -EvidencePath)")]
    public int ReadAndDecode() => BitLockerAnalyzer.Read(EvidenceBundleReader.Read(_path), out _).Count;

    [Benchmark(Description = "BitLockerAnalyzer.Read on a read bundle")]
    public int Decode() => BitLockerAnalyzer.Read(_bundle, out _).Count;

    [Benchmark(Description = "PlanEnable + PlanSuspend for each of the 3 volumes")]
    public int Plan()
    {
        var steps = 0;
        foreach (var volume in _volumes)
        {
            steps += BitLockerPlanner.PlanEnable(volume, _options).Steps.Count;
            steps += BitLockerPlanner.PlanSuspend(volume, 1).Steps.Count;
        }

        return steps;
    }
}
