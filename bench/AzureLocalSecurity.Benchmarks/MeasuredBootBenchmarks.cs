using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using AzureLocalSecurity.MeasuredBoot;
using BenchmarkDotNet.Attributes;

namespace AzureLocalSecurity.Benchmarks;

/// <summary>
/// Two real logs from tests/AzureLocalSecurity.Tests/Vectors/eventlog: the crypto-agile firmware log of a GCE shielded VM
/// (33,824 bytes, 112 records, sha1 + sha256 + sha384) and the SHA-1 Windows log of go-attestation's vector (43,324
/// bytes, 21 records, six of them SIPA trees of 22 KB and less). Baseline: parsing the GCE log (framing only; records are
/// decoded on first use). Then the replay of every bank, the decoding of every record, and the digest check. Throughput
/// is the log's size over the mean (bench/README.md); the target is 500 MB/s for parse + replay. For the ratio, the
/// GCE replay is also run through IncrementalHash, the extend path PcrReplay had before its managed FIPS 180-4 hash.
/// </summary>
[MemoryDiagnoser]
public class MeasuredBootBenchmarks
{
    private byte[] _gce = null!;
    private byte[] _windows = null!;

    [GlobalSetup]
    public void Setup()
    {
        var folder = Path.GetDirectoryName(ModuleImportBenchmarks.Locate(Path.Combine("tests", "AzureLocalSecurity.Tests", "Vectors", "eventlog", "PROVENANCE.md")))!;
        _gce = File.ReadAllBytes(Path.Combine(folder, "event-gce-ubuntu-2104-log.bin"));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "windows_gcp_shielded_vm.json")));
        _windows = Convert.FromBase64String(json.RootElement.GetProperty("Log").GetProperty("Raw").GetString()!);

        // The measured paths must be the real ones: every bank replays, every record decodes.
        var gce = PcrReplay.Replay(TcgEventLog.Parse(_gce));
        if (gce.Banks.Count != 3 || gce.ExtendedPcrs().Any(p => p.Value is null) || DecodeWindows() != 21)
        {
            throw new InvalidOperationException("The vectors did not replay and decode: the benchmark would measure the wrong path.");
        }

        // The former path must compute the same PCRs, or the ratio compares different work.
        var former = ReplayThroughIncrementalHash(_gce);
        for (var b = 0; b < gce.Banks.Count; b++)
        {
            foreach (var pcr in gce.Banks[b].Pcrs)
            {
                if (!pcr.GetValue()!.AsSpan().SequenceEqual(former[b][pcr.Pcr]))
                {
                    throw new InvalidOperationException($"The IncrementalHash replay gives another {gce.Banks[b].Name} PCR {pcr.Pcr}.");
                }
            }
        }

        Console.WriteLine($"// logs: GCE {_gce.Length:N0} bytes, Windows {_windows.Length:N0} bytes");
    }

    [Benchmark(Baseline = true, Description = "Parse the GCE log (33,824 bytes, 112 records, 3 banks)")]
    public int ParseGce() => TcgEventLog.Parse(_gce).Events.Count;

    [Benchmark(Description = "Parse + replay the GCE log (3 banks)")]
    public int ReplayGce() => PcrReplay.Replay(TcgEventLog.Parse(_gce)).Banks.Count;

    [Benchmark(Description = "Parse + replay the GCE log through IncrementalHash (former path)")]
    public int ReplayGceIncrementalHash() => ReplayThroughIncrementalHash(_gce).Length;

    [Benchmark(Description = "Parse + decode every record of the GCE log")]
    public int DecodeGce() => TcgEventLog.Parse(_gce).Events.Sum(e => e.Summary.Length > 0 ? 1 : 0);

    [Benchmark(Description = "Parse + digest check of the GCE log")]
    public int DigestCheckGce() => EventDigestCheck.Check(TcgEventLog.Parse(_gce)).Count;

    [Benchmark(Description = "Parse the Windows log (43,324 bytes, 21 records, SHA-1)")]
    public int ParseWindows() => TcgEventLog.Parse(_windows).Events.Count;

    [Benchmark(Description = "Parse + replay the Windows log")]
    public int ReplayWindows() => PcrReplay.Replay(TcgEventLog.Parse(_windows)).Banks.Count;

    [Benchmark(Description = "Parse + decode every record of the Windows log (SIPA trees)")]
    public int DecodeWindows() => TcgEventLog.Parse(_windows).Events.Sum(e => e.Summary.Length > 0 ? 1 : 0);

    /// <summary>
    /// The extends as PcrReplay made them before: one IncrementalHash per bank for the whole log, PCR then digest appended,
    /// GetHashAndReset into the PCR. Same records extended (not EV_NO_ACTION, PCR index below 24), same start values
    /// (the GCE log has no StartupLocality record; setup checks the PCRs are PcrReplay's). Digest offsets are in the bytes.
    /// </summary>
    private static byte[][][] ReplayThroughIncrementalHash(byte[] data)
    {
        var log = TcgEventLog.Parse(data);
        var banks = log.Algorithms;
        var values = new byte[banks.Count][][];
        var hashes = new IncrementalHash[banks.Count];
        try
        {
            for (var b = 0; b < banks.Count; b++)
            {
                values[b] = new byte[PcrReplay.PcrCount][];
                for (var i = 0; i < PcrReplay.PcrCount; i++)
                {
                    values[b][i] = new byte[banks[b].DigestSize];
                    if (i is >= 17 and <= 22)
                    {
                        values[b][i].AsSpan().Fill(0xFF);
                    }
                }

                hashes[b] = IncrementalHash.CreateHash(banks[b].Id switch
                {
                    TcgAlgorithm.Sha1 => HashAlgorithmName.SHA1,
                    TcgAlgorithm.Sha256 => HashAlgorithmName.SHA256,
                    TcgAlgorithm.Sha384 => HashAlgorithmName.SHA384,
                    _ => HashAlgorithmName.SHA512,
                });
            }

            foreach (var record in log.Events)
            {
                if (record.EventType == TcgEventType.NoAction || record.PcrIndex >= PcrReplay.PcrCount)
                {
                    continue;
                }

                for (var b = 0; b < banks.Count; b++)
                {
                    var digest = record.FindDigest(banks[b].Id)!;
                    var pcr = values[b][record.PcrIndex];
                    hashes[b].AppendData(pcr);
                    hashes[b].AppendData(data, digest.Offset, digest.Size);
                    hashes[b].GetHashAndReset(pcr);
                }
            }

            return values;
        }
        finally
        {
            foreach (var hash in hashes)
            {
                hash?.Dispose();
            }
        }
    }
}
