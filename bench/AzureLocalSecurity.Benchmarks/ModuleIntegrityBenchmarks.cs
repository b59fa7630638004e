using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Integrity;
using BenchmarkDotNet.Attributes;

namespace AzureLocalSecurity.Benchmarks;

/// <summary>
/// Get-ALModuleIntegrity on the module as shipped: the 14 files of build.ps1's list copied from the build output (about
/// 10 MB, both editions), its SBOM and a CMS signature by a throwaway certificate, made once in setup. Baseline: SHA-256
/// of every file and nothing else, the floor any integrity check pays. Also the whole verdict (collect, parse the SBOM,
/// verify the signature, compare) and the SBOM parse alone.
/// </summary>
[MemoryDiagnoser]
public class ModuleIntegrityBenchmarks
{
    private static readonly string[] Shipped =
    [
        "AzureLocalSecurity.psd1", "AzureLocalSecurity.psm1", "module/AzureLocalSecurity.Format.ps1xml", "module/schemas/alsec-report-1.schema.json",
        "bin/Core/AzureLocalSecurity.dll", "bin/Core/AzureLocalSecurity.Core.dll", "bin/Core/Newtonsoft.Json.dll", "bin/Core/en-US/AzureLocalSecurity.dll-Help.xml",
        "bin/Desktop/AzureLocalSecurity.dll", "bin/Desktop/AzureLocalSecurity.Core.dll", "bin/Desktop/Newtonsoft.Json.dll", "bin/Desktop/en-US/AzureLocalSecurity.dll-Help.xml",
        "README.md", "CHANGELOG.md",
    ];

    private string _module = null!;
    private byte[] _sbom = null!;
    private string[] _thumbprint = null!;

    [GlobalSetup]
    public void Setup()
    {
        _module = Path.Combine(Path.GetTempPath(), "alsec-bench-module-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Shipped)
        {
            var target = Path.Combine(_module, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(ModuleImportBenchmarks.Locate(file), target);
        }

        var files = Shipped.Select(f => ModuleSbomFileInput.FromBytes(f, File.ReadAllBytes(Path.Combine(_module, f)))).ToList();
        _sbom = ModuleSbom.Write(new ModuleSbomInput("AzureLocalSecurity", "0.1.0", null, null, files, []));
        File.WriteAllBytes(Path.Combine(_module, ModuleSbom.FileName), _sbom);
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=bench", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllBytes(Path.Combine(_module, ModuleSbom.SignatureFileName), ModuleSignature.Sign(_sbom, certificate, DateTimeOffset.UtcNow));
        _thumbprint = [certificate.Thumbprint];
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_module, true);

    [Benchmark(Baseline = true)]
    public int HashEveryFileOnly()
    {
        var total = 0;
        using var sha = SHA256.Create();
        foreach (var file in Directory.EnumerateFiles(_module, "*", SearchOption.AllDirectories))
        {
            using var stream = File.OpenRead(file);
            total += sha.ComputeHash(stream)[0];
        }

        return total;
    }

    [Benchmark]
    public ModuleIntegrityStatus WholeVerdict() =>
        ModuleIntegrityAnalyzer.Analyze(ModuleFileCollector.Collect(_module), _thumbprint, checkChain: true).Status;

    [Benchmark]
    public int ParseSbom() => ModuleSbom.Parse(_sbom).Files.Count;
}
