using System;
using System.IO;
using System.Linq;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Evidence.Import;
using AzureLocalSecurity.SecuredCore;
using BenchmarkDotNet.Attributes;

namespace AzureLocalSecurity.Benchmarks;

/// <summary>
/// Importing a full capture document (fuzz/corpus/capture-document/recorded-node-full.json, 124,511 characters: what the
/// in-box capture script wrote for the recorded compliant node with the 2411 baseline's facts, the real auditpol backup and
/// secedit export, a deployed policy and three servicing events). Baseline: parsing the document; then the import to a
/// bundle, the import and Test-ALSecuredCore's analysis, and the two tool-output parsers alone.
/// </summary>
[MemoryDiagnoser]
public class CaptureImportBenchmarks
{
    private string _json = null!;
    private CaptureDocument _document = null!;
    private byte[] _auditpol = null!;
    private byte[] _secedit = null!;

    [GlobalSetup]
    public void Setup()
    {
        _json = File.ReadAllText(ModuleImportBenchmarks.Locate(Path.Combine("fuzz", "corpus", "capture-document", "recorded-node-full.json")));
        _document = CaptureDocument.Parse(_json);
        _auditpol = File.ReadAllBytes(ModuleImportBenchmarks.Locate(Path.Combine("tests", "AzureLocalSecurity.Tests", "Vectors", "capture", "simeononsecurity_auditbaseline_DESKTOPTEMPLATE_auditpol-backup.csv")));
        _secedit = File.ReadAllBytes(ModuleImportBenchmarks.Locate(Path.Combine("tests", "AzureLocalSecurity.Tests", "Vectors", "capture", "jebr-system-setup-program_secpol.inf")));
        var bundle = CaptureImporter.ToBundle(_document);
        if (bundle.Find(BaselineEvidenceIds.AuditSystemPolicy)?.Records?.Count != 59 || bundle.Find(SecuredCoreEvidenceIds.DeviceGuard)?.Succeeded != true)
        {
            throw new InvalidOperationException("The recorded capture should import with its audit policy and Win32_DeviceGuard: the benchmark would measure another path.");
        }

        Console.WriteLine($"// capture document: {_json.Length} characters, {_document.Captures.Count} captures, {bundle.Items.Count} items, {bundle.ErrorCount} errors");
    }

    [Benchmark(Baseline = true, Description = "CaptureDocument.Parse")]
    public int Parse() => CaptureDocument.Parse(_json).Captures.Count;

    [Benchmark(Description = "CaptureImporter.ToBundle(json): parse + import")]
    public int Import() => CaptureImporter.ToBundle(_json).Items.Count;

    [Benchmark(Description = "Import + SecuredCoreAnalyzer.Evaluate")]
    public int ImportAndEvaluate() => SecuredCoreAnalyzer.Evaluate(CaptureImporter.ToBundle(_json)).Results.Count;

    [Benchmark(Description = "AuditPolicyCsv.Parse of the real backup (6.7 KB)")]
    public int AuditPolicy() => AuditPolicyCsv.Parse(_auditpol).Subcategories.Count();

    [Benchmark(Description = "SecurityTemplateInf.Parse of the real secedit export (16.8 KB)")]
    public int SecurityTemplate() => SecurityTemplateInf.Parse(_secedit).SectionNames.Count;
}
