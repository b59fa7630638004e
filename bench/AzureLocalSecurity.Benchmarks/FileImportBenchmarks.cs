using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using AzureLocalSecurity.Baseline;
using AzureLocalSecurity.Baseline.Analysis;
using AzureLocalSecurity.Baseline.Catalog;
using AzureLocalSecurity.Baseline.Gpo;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Evidence.Import;
using BenchmarkDotNet.Attributes;

namespace AzureLocalSecurity.Benchmarks;

/// <summary>
/// Issue 11's target: building a bundle from a full set of in-box captures in under 50 ms. Two folders are built once in
/// setup from real files: "native" holds what an admin copies off a node by hand (the real auditpol backup and secedit
/// export, a reg export of every registry key the recorded compliant node holds, Export-Clixml of the four CIM classes from
/// the real PowerShell serializer, the five real Code Integrity events, the three TPM-WMI events, a CiTool JSON listing);
/// "capture" holds the collection script's JSON for the same node. Baseline: the capture JSON imported directly
/// (CaptureImporter.ToBundle), what Invoke-ALSecurityAssessment does per node. Also: a GPO backup (the NSA Secure Host
/// Baseline template and audit CSV, a 191-record Registry.pol) judged against the 2610 baseline.
/// </summary>
[MemoryDiagnoser]
public class FileImportBenchmarks
{
    private static readonly string[] TpmWmiFiles = ["tpm-wmi-1808.xml", "tpm-wmi-1795.xml", "tpm-wmi-1801.xml"];

    private string _root = null!;
    private string _native = null!;
    private string _capture = null!;
    private string _gpo = null!;
    private string _json = null!;
    private BaselineCatalog _catalog = null!;
    private BaselineEvaluationOptions _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        _root = Path.Combine(Path.GetTempPath(), "alsec-bench-files-" + Guid.NewGuid().ToString("N"));
        _native = Directory.CreateDirectory(Path.Combine(_root, "native")).FullName;
        _capture = Directory.CreateDirectory(Path.Combine(_root, "capture")).FullName;
        string Vector(params string[] parts) => ModuleImportBenchmarks.Locate(Path.Combine(parts));
        _json = File.ReadAllText(Vector("fuzz", "corpus", "capture-document", "recorded-node-full.json"));
        File.WriteAllText(Path.Combine(_capture, "NODE.alsec-capture.json"), _json);

        File.Copy(Vector("tests", "AzureLocalSecurity.Tests", "Vectors", "capture", "simeononsecurity_auditbaseline_DESKTOPTEMPLATE_auditpol-backup.csv"), Path.Combine(_native, "auditpol.csv"));
        File.Copy(Vector("tests", "AzureLocalSecurity.Tests", "Vectors", "capture", "jebr-system-setup-program_secpol.inf"), Path.Combine(_native, "secpol.inf"));
        File.Copy(Vector("fuzz", "corpus", "clixml", "serializer-four-classes-depth2-utf16.xml"), Path.Combine(_native, "cim.xml"));
        var recorded = EvidenceBundleReader.Read(Vector("tests", "AzureLocalSecurity.Tests", "Vectors", "securedcore", "compliant-azure-local-node.zip"));
        File.WriteAllBytes(Path.Combine(_native, "registry.reg"), RegExport(recorded));
        var ci = File.ReadAllText(Vector("tests", "AzureLocalSecurity.Tests", "Vectors", "windows", "AaronLockerV2_CI_3033-3089-3077-3089-3099_Win10-21H2_DESKTOP-7E3E45C.txt"));
        File.WriteAllText(Path.Combine(_native, "ci-events.xml"), string.Join("\r\n", Events(ci)));
        File.WriteAllText(Path.Combine(_native, "tpm-wmi.xml"), string.Join("\r\n", TpmWmiFiles.Select(f => File.ReadAllText(Vector("tests", "AzureLocalSecurity.Tests", "Vectors", "windows", f)).Trim())));
        File.WriteAllText(Path.Combine(_native, "citool.json"), "{\"Policies\":[{\"PolicyID\":\"d2bda982-ccf6-4344-ac5b-0b44427b6816\",\"BasePolicyID\":\"d2bda982-ccf6-4344-ac5b-0b44427b6816\",\"FriendlyName\":\"Microsoft Windows Driver Policy\",\"Version\":2814751463178240,\"VersionString\":\"10.0.25880.0\",\"IsSystemPolicy\":true,\"IsSignedPolicy\":true,\"IsOnDisk\":false,\"IsEnforced\":true,\"IsAuthorized\":true,\"PolicyOptions\":[\"Required:WHQL\"]}],\"OperationResult\":0}");

        _gpo = Path.Combine(_root, "gpo");
        var machine = Directory.CreateDirectory(Path.Combine(_gpo, "{6D4B1BE2-43F6-4C8A-9C2E-3F1B2E5D7A10}", "DomainSysvol", "GPO", "Machine")).FullName;
        Directory.CreateDirectory(Path.Combine(machine, "microsoft", "windows nt", "SecEdit"));
        Directory.CreateDirectory(Path.Combine(machine, "microsoft", "windows nt", "Audit"));
        File.Copy(Vector("tests", "AzureLocalSecurity.Tests", "Vectors", "capture", "nsacyber-SHB_Windows10_GPO_GptTmpl.inf"), Path.Combine(machine, "microsoft", "windows nt", "SecEdit", "GptTmpl.inf"));
        File.Copy(Vector("tests", "AzureLocalSecurity.Tests", "Vectors", "capture", "nsacyber-SHB_Windows10_GPO_audit.csv"), Path.Combine(machine, "microsoft", "windows nt", "Audit", "audit.csv"));
        File.WriteAllBytes(Path.Combine(machine, "registry.pol"), RegistryPol(191));
        _catalog = ShippedBaselines.Get("2610", BaselineProfile.DomainJoined);
        _options = BaselineAnalyzer.OptionsFor(_catalog);

        var native = EvidenceFileImporter.Import(_native);
        if (native.Files.Any(f => !f.Imported) || native.Bundle.Find(SecuredCoreEvidenceIds.DeviceGuard)?.Succeeded != true || native.Bundle.Find(AppControlEvidenceIds.CodeIntegrityEvents)?.Succeeded != true)
        {
            throw new InvalidOperationException("Every native file should import: " + string.Join("; ", native.Files.Where(f => !f.Imported)));
        }

        Console.WriteLine($"// native folder: {native.Files.Count} files, {native.Files.Sum(f => new FileInfo(f.Path).Length)} bytes, {native.Bundle.Items.Count} items; gpo: {GpoBackup.Load(_gpo)[0].RegistryPolicy!.Records.Count} Registry.pol records");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, true);

    [Benchmark(Baseline = true, Description = "CaptureImporter.ToBundle(capture JSON)")]
    public int ImportJson() => CaptureImporter.ToBundle(_json).Items.Count;

    [Benchmark(Description = "EvidenceFileImporter: folder with the capture JSON")]
    public int FolderWithCapture() => EvidenceFileImporter.Import(_capture).Bundle.Items.Count;

    [Benchmark(Description = "EvidenceFileImporter: folder of 7 native in-box outputs")]
    public int FolderOfNativeFiles() => EvidenceFileImporter.Import(_native).Bundle.Items.Count;

    [Benchmark(Description = "GPO backup loaded and judged against 2610 (429 rules)")]
    public int Gpo() => GpoBaselineAnalyzer.Analyze(_catalog.Rules, GpoBackup.Load(_gpo)[0], _options).Count(r => r.Verdict == GpoBaselineVerdict.Contradicts);

    private static IEnumerable<string> Events(string text)
    {
        for (var start = text.IndexOf("<Event xmlns=", StringComparison.Ordinal); start >= 0; start = text.IndexOf("<Event xmlns=", start + 1, StringComparison.Ordinal))
        {
            var end = text.IndexOf("</Event>", start, StringComparison.Ordinal) + "</Event>".Length;
            yield return text.Substring(start, end - start);
        }
    }

    /// <summary>The recorded node's registry keys as reg export writes them (UTF-16 with a byte order mark, CRLF).</summary>
    private static byte[] RegExport(EvidenceBundle bundle)
    {
        var text = new StringBuilder("Windows Registry Editor Version 5.00\r\n");
        foreach (var key in bundle.Items.Where(i => i.Registry is not null).Select(i => i.Registry!))
        {
            text.Append("\r\n[").Append(key.Path.Replace(@"HKLM\", @"HKEY_LOCAL_MACHINE\")).Append("]\r\n");
            foreach (var value in key.Values)
            {
                var name = value.Name.Length == 0 ? "@" : "\"" + value.Name.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
                var v = value.Value.Value;
                var data = value.Value.Kind switch
                {
                    EvidenceValueKind.DWord => "dword:" + Convert.ToUInt32(v, CultureInfo.InvariantCulture).ToString("x8", CultureInfo.InvariantCulture),
                    EvidenceValueKind.String => "\"" + ((string)v!).Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"",
                    EvidenceValueKind.Binary => "hex:" + string.Join(",", ((byte[])v!).Select(b => b.ToString("x2", CultureInfo.InvariantCulture))),
                    EvidenceValueKind.ExpandString => "hex(2):" + Hex(Encoding.Unicode.GetBytes((string)v! + "\0")),
                    EvidenceValueKind.MultiString => "hex(7):" + Hex(Encoding.Unicode.GetBytes(string.Concat(((string[])v!).Select(s => s + "\0")) + "\0")),
                    EvidenceValueKind.QWord => "hex(b):" + Hex(BitConverter.GetBytes(Convert.ToUInt64(v, CultureInfo.InvariantCulture))),
                    _ => null,
                };
                if (data is not null)
                {
                    text.Append(name).Append('=').Append(data).Append("\r\n");
                }
            }
        }

        return [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text.ToString())];
        static string Hex(byte[] bytes) => string.Join(",", bytes.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }

    /// <summary>A Registry.pol with the Windows Server 2025 baseline GPO's shape: mostly DWORDs under Software\Policies.</summary>
    private static byte[] RegistryPol(int records)
    {
        var bytes = new List<byte>(Encoding.ASCII.GetBytes("PReg"));
        bytes.AddRange(BitConverter.GetBytes(1u));
        for (var i = 0; i < records; i++)
        {
            var key = @"Software\Policies\Microsoft\Windows\Bench" + (i % 40).ToString(CultureInfo.InvariantCulture);
            bytes.AddRange(Encoding.Unicode.GetBytes("[" + key + "\0;Value" + i.ToString(CultureInfo.InvariantCulture) + "\0;"));
            bytes.AddRange(BitConverter.GetBytes(4u));
            bytes.AddRange(Encoding.Unicode.GetBytes(";"));
            bytes.AddRange(BitConverter.GetBytes(4u));
            bytes.AddRange(Encoding.Unicode.GetBytes(";"));
            bytes.AddRange(BitConverter.GetBytes((uint)i));
            bytes.AddRange(Encoding.Unicode.GetBytes("]"));
        }

        return [.. bytes];
    }
}
