using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Tpm;
using AzureLocalSecurity.Tpm.Analysis;
using AzureLocalSecurity.Tpm.Transports;
using BenchmarkDotNet.Attributes;

namespace AzureLocalSecurity.Benchmarks;

/// <summary>
/// The TPM client against a real software TPM (swtpm, provisioned with EK certificates and the sha1, sha256 and sha384
/// banks) on loopback. Baseline: one TPM2_GetRandom(8) round trip on an open connection, the cheapest command, so the
/// ratios read as "round trips' worth". Get-ALTpm is the cmdlet's whole work: connect, the Identity collection, the
/// bundle, the analysis. swtpm serves one connection at a time, so the kept connection exists only for the round-trip
/// benchmarks; Get-ALTpm opens its own, as the cmdlet does. Setup prints how many round trips each benchmark makes.
/// </summary>
[MemoryDiagnoser]
public class TpmBenchmarks
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private SoftwareTpm? _tpm;
    private TcpTpmTransport? _transport;
    private TpmClient _client = null!;
    private IReadOnlyList<TpmPcrSelection> _banks = null!;
    private EvidenceBundle _captured = null!;

    [GlobalSetup(Targets = [nameof(GetRandom), nameof(GetFixedProperties), nameof(ReadAllPcrs)])]
    public void SetupOpenConnection()
    {
        StartAndCount();
        _transport = TcpTpmTransport.Connect("127.0.0.1", _tpm!.Port, Timeout);
        _client = new TpmClient(_transport, ownsTransport: false);
    }

    [GlobalSetup(Target = nameof(GetALTpm))]
    public void SetupCollection() => StartAndCount();

    /// <summary>Captures once, then stops the TPM: what is measured is the decoding alone.</summary>
    [GlobalSetup(Target = nameof(DescribeCaptured))]
    public void SetupCaptured()
    {
        StartAndCount();
        _captured = Capture();
        Stop();
    }

    [GlobalCleanup]
    public void Cleanup() => Stop();

    [Benchmark(Baseline = true, Description = "TPM2_GetRandom(8) round trip")]
    public int GetRandom() => _client.GetRandom(8).Length;

    [Benchmark(Description = "TPM2_GetCapability(TPM_PROPERTIES, PT_FIXED)")]
    public int GetFixedProperties() => _client.GetProperties(0x100, 0x1FF).Count;

    [Benchmark(Description = "TPM2_PCR_Read of every PCR, 3 banks")]
    public int ReadAllPcrs() => _client.ReadPcrs(_banks).Count;

    [Benchmark(Description = "Get-ALTpm: connect + Identity collection + Describe")]
    public int GetALTpm() => TpmAnalyzer.Describe(Capture()).Unknowns.Count;

    [Benchmark(Description = "TpmAnalyzer.Describe of a captured bundle (no TPM)")]
    public int DescribeCaptured() => TpmAnalyzer.Describe(_captured).Unknowns.Count;

    private EvidenceBundle Capture() => Capture(_ => TcpTpmTransport.Connect("127.0.0.1", _tpm!.Port, Timeout));

    private static EvidenceBundle Capture(Func<CollectionContext, ITpmTransport> open) =>
        EvidenceCapture.Capture(EvidenceCapture.LocalNode(), ModuleInfo.Version, [new TpmCollector(TpmCollectionScope.Identity, open)], new CollectionContext());

    /// <summary>
    /// Starts swtpm, then runs each benchmark's work once through a counting transport (on a connection of its own,
    /// closed before any other opens) and prints the round trips. A capture that is not a complete description of the
    /// TPM fails setup: a benchmark of the error path would look fast and mean nothing.
    /// </summary>
    private void StartAndCount()
    {
        _tpm = SoftwareTpm.StartProvisioned();
        int random, properties, pcrs, pcrCount, propertyCount;
        using (var counting = new CountingTpmTransport(TcpTpmTransport.Connect("127.0.0.1", _tpm.Port, Timeout)))
        using (var client = new TpmClient(counting, ownsTransport: false))
        {
            _banks = client.GetPcrAllocation();
            var before = counting.RoundTrips;
            client.GetRandom(8);
            random = counting.RoundTrips - before;
            before = counting.RoundTrips;
            propertyCount = client.GetProperties(0x100, 0x1FF).Count;
            properties = counting.RoundTrips - before;
            before = counting.RoundTrips;
            pcrCount = client.ReadPcrs(_banks).Count;
            pcrs = counting.RoundTrips - before;
        }

        CountingTpmTransport? collection = null;
        var bundle = Capture(_ =>
        {
            collection = new CountingTpmTransport(TcpTpmTransport.Connect("127.0.0.1", _tpm.Port, Timeout));
            return collection;
        });
        var info = TpmAnalyzer.Describe(bundle);
        var failed = bundle.Items.Where(i => !i.Succeeded).Select(i => i.Id + ": " + i.Error!.Message).ToList();
        if (collection is null || failed.Count > 0 || info.Unknowns.Count > 0 || info.EndorsementCertificates is not { Count: > 0 } || info.PcrBanks is not { Count: 3 })
        {
            throw new InvalidOperationException("The Identity capture from swtpm is not complete: " + string.Join("; ", failed.Concat(info.Unknowns)));
        }

        var expectedPcrs = _banks.Sum(b => b.Indexes.Count);
        if (pcrCount != expectedPcrs)
        {
            throw new InvalidOperationException($"ReadPcrs returned {pcrCount} of the {expectedPcrs} allocated PCRs.");
        }

        Console.WriteLine($"// TPM round trips: GetRandom(8) = {random}; GetCapability(PT_FIXED) = {properties} ({propertyCount} properties); "
            + $"ReadPcrs = {pcrs} for {pcrCount} PCRs in {string.Join(", ", info.PcrBanks)}; "
            + $"Get-ALTpm (Identity) = {collection.RoundTrips} round trips, {bundle.Items.Count} evidence items, {info.EndorsementCertificates.Count(c => c.Provisioned)} EK certificates.");
    }

    private void Stop()
    {
        _transport?.Dispose();
        _transport = null;
        _tpm?.Dispose();
        _tpm = null;
    }
}
