using System;
using System.Diagnostics;
using System.IO;
using AzureLocalSecurity.SecureBoot;
using BenchmarkDotNet.Attributes;

namespace AzureLocalSecurity.Benchmarks;

/// <summary>
/// Microsoft's amd64 dbx update (DBXUpdate.bin, 24,629 bytes: EFI_VARIABLE_AUTHENTICATION_2 with a 3,297-byte PKCS#7 of two
/// certificates, then one SHA-256 list of 443 hashes), from tests/AzureLocalSecurity.Tests/Vectors/secureboot. Baseline:
/// the whole signed update parsed (header, the PKCS#7 certificate walk and both certificates decoded, 443 entries); then
/// the list alone, the update without certificate decoding, and the update with every hash described from Microsoft's
/// published dbx list (loaded in setup, which prints what the first load costs).
/// </summary>
[MemoryDiagnoser]
public class SecureBootBenchmarks
{
    private static readonly EfiParseOptions RawOptions = new() { DecodeCertificates = false };

    private byte[] _update = null!;
    private byte[] _payload = null!;

    [GlobalSetup]
    public void Setup()
    {
        _update = File.ReadAllBytes(ModuleImportBenchmarks.Locate(Path.Combine("tests", "AzureLocalSecurity.Tests", "Vectors", "secureboot", "DBXUpdate-amd64.bin")));
        _payload = _update.AsSpan(16 + BitConverter.ToInt32(_update, 16)).ToArray();
        var clock = Stopwatch.StartNew();
        var images = DbxKnowledge.Images.Count;
        Console.WriteLine($"// dbx knowledge: {images} images loaded in {clock.Elapsed.TotalMilliseconds:0.0} ms (first use in this process)");
        if (DescribeEveryHash() != 443)
        {
            throw new InvalidOperationException("Not every hash of DBXUpdate.bin is in Microsoft's dbx list: the benchmark would measure the wrong path.");
        }
    }

    [Benchmark(Baseline = true, Description = "Parse DBXUpdate.bin (auth header + PKCS#7 certificates + 443 hashes)")]
    public int ParseUpdate() => EfiAuthenticatedVariable.Parse(_update).Payload.Entries.Count;

    [Benchmark(Description = "Parse DBXUpdate.bin without decoding certificates")]
    public int ParseUpdateRaw() => EfiAuthenticatedVariable.Parse(_update, RawOptions).Payload.Entries.Count;

    [Benchmark(Description = "Parse the signature list alone (21,292 bytes)")]
    public int ParseList() => EfiSignatureDatabase.Parse(_payload).Entries.Count;

    [Benchmark(Description = "Parse DBXUpdate.bin + describe every hash (dbx list loaded)")]
    public int ParseAndDescribe() => DescribeEveryHash();

    private int DescribeEveryHash()
    {
        var described = 0;
        foreach (var entry in EfiAuthenticatedVariable.Parse(_update).Payload.Entries)
        {
            if (DbxKnowledge.Describe(entry.GetData()) is not null)
            {
                described++;
            }
        }

        return described;
    }
}
