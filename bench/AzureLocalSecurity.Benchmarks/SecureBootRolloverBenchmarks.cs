using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.SecureBoot.Analysis;
using AzureLocalSecurity.SecureBoot.Rollover;
using AzureLocalSecurity.SecureBoot.VariableStore;
using BenchmarkDotNet.Attributes;

namespace AzureLocalSecurity.Benchmarks;

/// <summary>
/// The rollover judgement on a realistic node, built in memory from real inputs: PK, KEK and db from Debian's OVMF store
/// with Microsoft's keys, dbx from Microsoft's amd64 DBXUpdate.bin (443 hashes), and Debian's signed shim (1,048,504 bytes,
/// two signatures) as the boot manager. Baseline: <see cref="SecureBootDatabaseAnalyzer.Read"/> of PK, KEK, db and dbx,
/// what Get-ALSecureBootDatabase does (the same four parses, plus a dbx-list lookup per hash); then
/// <see cref="SecureBootCertificateAnalyzer.Evaluate"/>, what Test-ALSecureBootCertificate does (the four parses, the PE's
/// certificate table walked, every check), and <see cref="SecureBootAnalyzer.Describe"/>, what Get-ALSecureBoot does.
/// </summary>
[MemoryDiagnoser]
public class SecureBootRolloverBenchmarks
{
    private static readonly DateTime AsOf = new(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc);

    private EvidenceBundle _bundle = null!;

    [GlobalSetup]
    public void Setup()
    {
        var tests = Path.Combine("tests", "AzureLocalSecurity.Tests", "Vectors");
        var store = FirmwareVariableStoreBundle.FromFile(ModuleImportBenchmarks.Locate(Path.Combine(tests, "ovmf", "OVMF_VARS_4M.ms.fd")), DateTimeOffset.UtcNow);
        var update = File.ReadAllBytes(ModuleImportBenchmarks.Locate(Path.Combine(tests, "secureboot", "DBXUpdate-amd64.bin")));
        var dbx = update.AsSpan(16 + BitConverter.ToInt32(update, 16)).ToArray();
        var shim = File.ReadAllBytes(ModuleImportBenchmarks.Locate(Path.Combine(tests, "secureboot", "efi", "shimx64.efi.signed")));
        var dbxId = SecureBootEvidenceIds.Variable(EfiVariableNames.Dbx, EfiVariableNames.ImageSecurityDatabase);
        var items = new List<EvidenceItem>(store.Items.Where(i => i.Id != dbxId))
        {
            EvidenceItem.ForBlob(dbxId, "DBXUpdate-amd64.bin payload", DateTimeOffset.UtcNow, dbx),
            EvidenceItem.ForBlob(SecureBootEvidenceIds.EspFile(SecureBootEvidenceIds.WindowsBootManagerPath), "shimx64.efi.signed", DateTimeOffset.UtcNow, shim),
        };
        _bundle = new EvidenceBundle(store.SchemaVersion, store.Node, store.CapturedAt, store.ModuleVersion, items);
        if (SecureBootCertificateAnalyzer.Evaluate(_bundle, AsOf).Stage != 0)
        {
            throw new InvalidOperationException("The benchmark node should be stage 0 (OVMF trusts only the 2011 CAs).");
        }
    }

    [Benchmark(Baseline = true, Description = "SecureBootDatabaseAnalyzer.Read, 4 databases (Get-ALSecureBootDatabase)")]
    public int ReadDatabases() => SecureBootDatabaseAnalyzer.Read(_bundle, SecureBootDatabaseAnalyzer.DefaultDatabases, out _).Count;

    [Benchmark(Description = "SecureBootAnalyzer.Describe (Get-ALSecureBoot)")]
    public bool? Describe() => SecureBootAnalyzer.Describe(_bundle).PlatformKeyEnrolled;

    [Benchmark(Description = "SecureBootCertificateAnalyzer.Evaluate (Test-ALSecureBootCertificate)")]
    public int Evaluate() => SecureBootCertificateAnalyzer.Evaluate(_bundle, AsOf).Results.Count;
}
