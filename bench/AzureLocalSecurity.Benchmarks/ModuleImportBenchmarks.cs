using System;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using BenchmarkDotNet.Attributes;

namespace AzureLocalSecurity.Benchmarks;

/// <summary>
/// Importing the module into a warm engine (the process has already loaded it once). The baseline opens
/// the same runspace without importing, so the ratio isolates what the module adds.
/// </summary>
[MemoryDiagnoser]
public class ModuleImportBenchmarks
{
    private InitialSessionState _iss = null!;
    private string _manifest = null!;

    [GlobalSetup]
    public void Setup()
    {
        _manifest = Locate("AzureLocalSecurity.psd1");
        _iss = InitialSessionState.CreateDefault2();
        ImportModule(); // Warm: JIT and first assembly load happen here, not in the measurement.
    }

    [Benchmark(Baseline = true)]
    public int OpenRunspace()
    {
        using var runspace = RunspaceFactory.CreateRunspace(_iss);
        runspace.Open();
        return runspace.Id;
    }

    [Benchmark]
    public int ImportModule()
    {
        using var runspace = RunspaceFactory.CreateRunspace(_iss);
        runspace.Open();
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddCommand("Import-Module").AddParameter("Name", _manifest).AddParameter("PassThru");
        return ps.Invoke().Count;
    }

    internal static string Locate(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, file);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{file} not found above {AppContext.BaseDirectory}.");
    }
}
