using System;
using System.IO;
using AzureLocalSecurity.AppControl.Policy;
using BenchmarkDotNet.Attributes;

namespace AzureLocalSecurity.Benchmarks;

/// <summary>
/// Microsoft's recommended driver block list (Recommended_Driver_Blocklist.xml, 525,766 bytes: 1,846 file rules, 205
/// signers), from tests/AzureLocalSecurity.Tests/Vectors/wdac. Baseline: compiling it from the XML bytes (load + compile,
/// what ConvertTo-ALApplicationControlBinary does per file; target under 100 ms); then each half alone, reading the
/// compiled policy back, and validating the loaded policy.
/// </summary>
[MemoryDiagnoser]
public class AppControlBenchmarks
{
    private byte[] _xml = null!;
    private SiPolicy _policy = null!;
    private byte[] _compiled = null!;

    [GlobalSetup]
    public void Setup()
    {
        _xml = File.ReadAllBytes(ModuleImportBenchmarks.Locate(Path.Combine("tests", "AzureLocalSecurity.Tests", "Vectors", "wdac", "Recommended_Driver_Blocklist.xml")));
        _policy = Load();
        _compiled = SiPolicyBinaryWriter.Write(_policy);
        if (SiPolicyBinaryReader.Read(_compiled).Policy.FileRules.Count != 1846)
        {
            throw new InvalidOperationException("The compiled block list does not read back with its 1,846 rules: the benchmark would measure the wrong thing.");
        }

        Console.WriteLine($"// driver block list: {_xml.Length:N0} bytes of XML compile to {_compiled.Length:N0} bytes");
    }

    [Benchmark(Baseline = true, Description = "Compile the driver block list (load XML + write binary)")]
    public int Compile() => SiPolicyBinaryWriter.Write(Load()).Length;

    [Benchmark(Description = "Load the XML only")]
    public int LoadXml() => Load().FileRules.Count;

    [Benchmark(Description = "Write the binary only (policy loaded)")]
    public int WriteBinary() => SiPolicyBinaryWriter.Write(_policy).Length;

    [Benchmark(Description = "Read the compiled policy back")]
    public int ReadBinary() => SiPolicyBinaryReader.Read(_compiled).Policy.FileRules.Count;

    [Benchmark(Description = "Validate the loaded policy")]
    public int Validate() => SiPolicyValidator.Validate(_policy).Count;

    private SiPolicy Load()
    {
        using var stream = new MemoryStream(_xml, writable: false);
        return SiPolicyXml.Load(stream);
    }
}
