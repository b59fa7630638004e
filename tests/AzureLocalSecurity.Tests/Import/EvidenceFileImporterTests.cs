using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using AzureLocalSecurity.Baseline;
using AzureLocalSecurity.Baseline.Analysis;
using AzureLocalSecurity.Baseline.Catalog;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Evidence.Import;
using AzureLocalSecurity.SecureBoot.Events;
using AzureLocalSecurity.Tests.Capture;
using AzureLocalSecurity.Tests.SecureBoot.Events;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Import;

/// <summary>
/// EvidenceFileImporter on folders of real and generated in-box tool outputs: each format lands under the ids the native
/// collectors use, what cannot be read is listed with the reason, and the locale of the machine does not change the facts.
/// </summary>
public sealed class EvidenceFileImporterTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Put(string name, byte[] bytes)
    {
        var path = _dir.Combine(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Utf16(string text) => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)];

    [Fact]
    public void A_real_auditpol_backup_and_a_real_secedit_export_give_audit_records_rights_and_account_policy()
    {
        Put("auditpol.csv", CaptureVectors.Bytes(CaptureVectors.AuditpolBackup));
        Put("secpol.inf", CaptureVectors.Bytes(CaptureVectors.SeceditExport));

        var import = EvidenceFileImporter.Import(_dir.Path);

        var bundle = import.Bundle;
        Assert.Equal("DESKTOPTEMPLATE", bundle.NodeName);
        var audit = bundle.Find(BaselineEvidenceIds.AuditSystemPolicy)!;
        Assert.True(audit.Succeeded);
        Assert.Equal(AuditPolicyCsv.Parse(CaptureVectors.Bytes(CaptureVectors.AuditpolBackup)).Subcategories.Count(), audit.Records!.Count);
        var rights = bundle.Find(BaselineEvidenceIds.UserRights)!;
        Assert.True(rights.Succeeded);
        var template = SecurityTemplateInf.Parse(CaptureVectors.Bytes(CaptureVectors.SeceditExport));
        var network = rights.Records!.Single(r => r.Get("Right")!.AsString() == "SeNetworkLogonRight");
        Assert.Equal(template.GetPrivilegeAccounts("SeNetworkLogonRight")!.Select(a => a.TrimStart('*')), network.Get("Sids")!.Value as string[]);
        Assert.True(bundle.Find(BaselineEvidenceIds.UserModals0)!.Succeeded);
        Assert.All(import.Files, f => Assert.True(f.Imported, f.ToString()));
        Assert.Equal(["auditpol /backup CSV", "secedit /export INF"], import.Files.Select(f => f.Format));
    }

    [Fact]
    public void The_bundle_from_files_is_read_by_the_baseline_analysis_with_known_results_for_the_audit_and_rights_rules()
    {
        Put("auditpol.csv", CaptureVectors.Bytes(CaptureVectors.AuditpolBackup));
        Put("secpol.inf", CaptureVectors.Bytes(CaptureVectors.SeceditExport));
        var bundle = EvidenceFileImporter.Import(_dir.Path).Bundle;

        var catalog = ShippedBaselines.Get(null, BaselineProfile.DomainJoined);
        var results = BaselineAnalyzer.Evaluate(catalog.Rules, bundle, BaselineAnalyzer.OptionsFor(catalog));

        var audit = results.Where(r => r.Fact.Source == global::AzureLocalSecurity.Baseline.Facts.FactSource.AuditPolicy).ToList();
        Assert.NotEmpty(audit);
        Assert.All(audit, r => Assert.NotEqual(global::AzureLocalSecurity.Results.CheckStatus.Unknown, r.Status));
        var rights = results.Where(r => r.Fact.Source == global::AzureLocalSecurity.Baseline.Facts.FactSource.UserRight).ToList();
        Assert.NotEmpty(rights);
        Assert.All(rights, r => Assert.NotEqual(global::AzureLocalSecurity.Results.CheckStatus.Unknown, r.Status));
        // secedit shows what no documented API returns: password complexity is read from the export, not Unknown.
        var template = SecurityTemplateInf.Parse(CaptureVectors.Bytes(CaptureVectors.SeceditExport));
        var complexity = results.Single(r => r.Fact.Name == "PasswordComplexity");
        Assert.Equal(template.GetInteger(SecurityTemplateInf.SystemAccessSection, "PasswordComplexity")!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), complexity.Actual);
        Assert.NotEqual(global::AzureLocalSecurity.Results.CheckStatus.Unknown, complexity.Status);

        // Registry rules: no file holds the registry, so they are Unknown, never NonCompliant.
        Assert.All(results.Where(r => r.Fact.Source == global::AzureLocalSecurity.Baseline.Facts.FactSource.Registry), r => Assert.Equal(global::AzureLocalSecurity.Results.CheckStatus.Unknown, r.Status));
    }

    [Fact]
    public void Localized_subcategory_names_and_settings_in_an_auditpol_backup_read_the_same_as_English_ones()
    {
        var english = Encoding.UTF8.GetString(CaptureVectors.Bytes(CaptureVectors.AuditpolBackup)).TrimStart('\uFEFF');
        var lines = english.Replace("\r\n", "\n").Split('\n');
        var localized = string.Join("\r\n", lines.Select((line, i) =>
        {
            var cells = line.Split(',');
            if (i == 0 || cells.Length < 7)
            {
                return line;
            }

            cells[2] = "監査 " + i; // Subcategory: localized by Windows
            cells[4] = cells[6] switch { "1" => "成功", "2" => "失敗", "3" => "成功および失敗", _ => "監査なし" };
            return string.Join(",", cells);
        }));
        Put("en/auditpol.csv", CaptureVectors.Bytes(CaptureVectors.AuditpolBackup));
        using var other = new TempDir();
        File.WriteAllBytes(Path.Combine(other.Path, "auditpol.csv"), Utf16(localized));

        var en = EvidenceFileImporter.Import(_dir.Path).Bundle.Find(BaselineEvidenceIds.AuditSystemPolicy)!;
        var ja = EvidenceFileImporter.Import(other.Path).Bundle.Find(BaselineEvidenceIds.AuditSystemPolicy)!;

        Assert.Equal(Records(en), Records(ja));
        static string[] Records(EvidenceItem item) => item.Records!.Select(r => string.Join("|", r.Properties.Select(p => p.Key + "=" + p.Value.Value))).ToArray();
    }

    [Fact]
    public void Code_Integrity_and_TPM_WMI_events_exported_as_XML_file_under_their_native_ids_with_the_query_record()
    {
        var ci = string.Join("\r\n", EventVectors.CodeIntegrityEvents());
        Put("ci-events.xml", Encoding.UTF8.GetBytes(ci));
        Put("servicing.xml", Encoding.UTF8.GetBytes("<Events>" + EventVectors.TpmWmiCapture() + "</Events>"));

        var import = EvidenceFileImporter.Import(_dir.Path, "NODE07");

        var bundle = import.Bundle;
        Assert.Equal("NODE07", bundle.NodeName);
        var events = WindowsEventXml.Parse(bundle.Find(AppControlEvidenceIds.CodeIntegrityEvents)!.GetText()!);
        Assert.Equal([3033, 3089, 3077, 3089, 3099], events.Select(e => e.EventId));
        var query = bundle.Find(AppControlEvidenceIds.CodeIntegrityEventQuery)!.Records!.Single();
        Assert.Equal(5UL, query.Get("Count")!.Value);
        Assert.Equal(3, WindowsEventXml.Parse(bundle.Find(SecureBootEvidenceIds.ServicingEvents)!.GetText()!).Count);
        Assert.All(import.Files, f => Assert.True(f.Imported, f.ToString()));
    }

    [Fact]
    public void A_CiTool_json_listing_files_the_policies_text_and_the_run_record()
    {
        const string json = "{\"Policies\":[{\"PolicyID\":\"d2bda982-ccf6-4344-ac5b-0b44427b6816\",\"BasePolicyID\":\"d2bda982-ccf6-4344-ac5b-0b44427b6816\",\"FriendlyName\":\"Microsoft Windows Driver Policy\",\"Version\":2814751463178240,\"VersionString\":\"10.0.25880.0\",\"IsSystemPolicy\":true,\"IsSignedPolicy\":true,\"IsOnDisk\":true,\"IsEnforced\":true,\"IsAuthorized\":true,\"PolicyOptions\":[\"Enabled:UMCI\"]}],\"OperationResult\":0}";
        Put("citool.json", Encoding.UTF8.GetBytes(json));

        var import = EvidenceFileImporter.Import(_dir.Path);
        var bundle = import.Bundle;

        Assert.True(Assert.Single(import.Files).Imported, import.Files[0].ToString());
        Assert.Equal(json, bundle.Find(AppControlEvidenceIds.CiToolPolicies)!.GetText());
        var run = bundle.Find(AppControlEvidenceIds.CiToolRun)!.Records!.Single();
        Assert.Equal(AppControlEvidenceIds.JsonFormat, run.Get(AppControlEvidenceIds.FormatProperty)!.AsString());
        Assert.Single(global::AzureLocalSecurity.AppControl.Live.CiToolPolicyListParser.Parse(bundle.Find(AppControlEvidenceIds.CiToolPolicies)!.GetText()!));
    }

    [Fact]
    public void What_cannot_be_read_is_listed_with_the_reason_and_the_rest_is_still_imported()
    {
        Put("a-good.csv", CaptureVectors.Bytes(CaptureVectors.AuditpolBackup));
        Put("b-second.csv", CaptureVectors.Bytes(CaptureVectors.AuditpolBackup));
        Put("c-broken.csv", Encoding.UTF8.GetBytes("Machine Name,Policy Target,Subcategory,Subcategory GUID,Inclusion Setting,Exclusion Setting,Setting Value\r\nX,System,Audit Logon,{not-a-guid},Success,,1\r\n"));
        Put("d-registry.pol", [.. Encoding.ASCII.GetBytes("PReg"), 1, 0, 0, 0]);
        Put("e-notes.txt", Encoding.UTF8.GetBytes("just some notes"));
        Put("f-binary.bin", [0x00, 0xFF, 0xFE, 0x00, 0x81]);

        var import = EvidenceFileImporter.Import(_dir.Path);

        var files = import.Files.ToDictionary(f => Path.GetFileName(f.Path));
        Assert.True(files["a-good.csv"].Imported);
        Assert.False(files["b-second.csv"].Imported);
        Assert.Contains("already read from", files["b-second.csv"].Reason);
        Assert.False(files["c-broken.csv"].Imported);
        Assert.Contains("line 2", files["c-broken.csv"].Reason, StringComparison.OrdinalIgnoreCase);
        Assert.False(files["d-registry.pol"].Imported);
        Assert.Contains("-GpoBackupPath", files["d-registry.pol"].Reason);
        Assert.False(files["e-notes.txt"].Imported);
        Assert.False(files["f-binary.bin"].Imported);
        Assert.True(import.Bundle.Find(BaselineEvidenceIds.AuditSystemPolicy)!.Succeeded);

        // The list is in the bundle, so a bundle saved and read back still says what was skipped.
        var list = import.Bundle.Find(EvidenceFileImporter.FilesId)!.Records!;
        Assert.Equal(6, list.Count);
        Assert.Equal(1, list.Count(r => r.Get("Imported")!.Value is true));
        var saved = _dir.Combine("saved.zip");
        EvidenceBundleWriter.Write(import.Bundle, saved, false);
        Assert.Equal(6, EvidenceBundleReader.Read(saved).Find(EvidenceFileImporter.FilesId)!.Records!.Count);
    }

    [Fact]
    public void A_reg_export_as_Windows_writes_it_files_each_key_with_its_values_and_subkeys()
    {
        var text = RegWriter.Lines("\r\n",
        [
            "Windows Registry Editor Version 5.00",
            string.Empty,
            @"[HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\Lsa]",
            "\"LmCompatibilityLevel\"=dword:00000005",
            "\"Security Packages\"=hex(7):61,00,00,00,62,00,00,00,00,00",
            "\"ProductName\"=\"Windows Server\"",
            "\"Blob\"=hex:01,02,ff",
            "\"Big\"=hex(b):01,00,00,00,00,00,00,00",
            string.Empty,
            @"[HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\Lsa\MSV1_0]",
            "\"NTLMMinServerSec\"=dword:20080000",
            string.Empty,
        ]);
        Put("lsa.reg", RegWriter.Utf16WithBom(text));

        var import = EvidenceFileImporter.Import(_dir.Path);

        var lsa = import.Bundle.Find(EvidenceIds.Registry(@"HKLM\SYSTEM\CurrentControlSet\Control\Lsa"))!.Registry!;
        Assert.Equal(["LmCompatibilityLevel", "Security Packages", "ProductName", "Blob", "Big"], lsa.Values.Select(v => v.Name));
        Assert.Equal(EvidenceValue.FromDWord(5), lsa.Values[0].Value);
        Assert.Equal(EvidenceValue.FromMultiString(["a", "b"]), lsa.Values[1].Value);
        Assert.Equal(EvidenceValue.FromString("Windows Server"), lsa.Values[2].Value);
        Assert.Equal(EvidenceValue.FromBinary([1, 2, 0xFF]), lsa.Values[3].Value);
        Assert.Equal(EvidenceValue.FromQWord(1), lsa.Values[4].Value);
        Assert.Equal(["MSV1_0"], lsa.SubKeys);
        var msv = import.Bundle.Find(EvidenceIds.Registry(@"HKLM\SYSTEM\CurrentControlSet\Control\Lsa\MSV1_0"))!.Registry!;
        Assert.Equal(EvidenceValue.FromDWord(0x20080000), Assert.Single(msv.Values).Value);

        // The baseline reads it: LANManagerAuthenticationLevel expects 5.
        var catalog = ShippedBaselines.Get("2610", BaselineProfile.DomainJoined);
        var rule = BaselineAnalyzer.Evaluate(catalog.Rules.Where(r => r.Name == "LANManagerAuthenticationLevel"), import.Bundle).Single();
        Assert.Equal(global::AzureLocalSecurity.Results.CheckStatus.Compliant, rule.Status);
    }

    [Fact]
    public void Export_Clixml_of_Win32_DeviceGuard_files_the_native_record_with_its_typed_arrays()
    {
        var guard = new PSObject();
        guard.TypeNames.Clear();
        guard.TypeNames.Add("Microsoft.Management.Infrastructure.CimInstance#root/Microsoft/Windows/DeviceGuard/Win32_DeviceGuard");
        guard.TypeNames.Add("Microsoft.Management.Infrastructure.CimInstance#Win32_DeviceGuard");
        guard.TypeNames.Add("Microsoft.Management.Infrastructure.CimInstance");
        guard.Properties.Add(new PSNoteProperty("VirtualizationBasedSecurityStatus", 2u));
        guard.Properties.Add(new PSNoteProperty("SecurityServicesConfigured", new uint[] { 1, 2 }));
        guard.Properties.Add(new PSNoteProperty("SecurityServicesRunning", new uint[] { 1, 2 }));
        guard.Properties.Add(new PSNoteProperty("CodeIntegrityPolicyEnforcementStatus", 2u));
        guard.Properties.Add(new PSNoteProperty("InstanceIdentifier", "4ff40742-2649-41b8-bdd1-e80fad1cce80"));
        guard.Properties.Add(new PSNoteProperty("PSComputerName", null));
        Put("deviceguard.xml", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(PSSerializer.Serialize(guard, 2))).ToArray());

        var import = EvidenceFileImporter.Import(_dir.Path);

        Assert.True(Assert.Single(import.Files).Imported, import.Files[0].ToString());
        var record = import.Bundle.Find(SecuredCoreEvidenceIds.DeviceGuard)!.Records!.Single();
        Assert.Equal(EvidenceValue.FromUInt64(2), record.Get("VirtualizationBasedSecurityStatus"));
        Assert.Equal(EvidenceValue.FromUInt64Array([1, 2]), record.Get("SecurityServicesRunning"));
        Assert.Equal(EvidenceValue.FromUInt64(2), record.Get("CodeIntegrityPolicyEnforcementStatus"));
    }

    [Fact]
    public void A_folder_that_does_not_exist_is_an_error()
    {
        Assert.Throws<DirectoryNotFoundException>(() => EvidenceFileImporter.Import(_dir.Combine("missing")));
    }

    [Fact]
    public void No_more_than_MaxFiles_files_are_looked_at_and_those_past_it_in_name_order_are_not_listed()
    {
        var names = Enumerable.Range(0, EvidenceFileImporter.MaxFiles + 1).Select(i => $"f{i:D5}.txt").ToList();
        foreach (var name in names)
        {
            File.WriteAllText(_dir.Combine(name), "not a format this module reads");
        }

        var import = EvidenceFileImporter.Import(_dir.Path);

        Assert.Equal(EvidenceFileImporter.MaxFiles, import.Files.Count);
        Assert.Equal(names.Take(EvidenceFileImporter.MaxFiles).Select(n => _dir.Combine(n)), import.Files.Select(f => f.Path));
        Assert.DoesNotContain(import.Files, f => f.Path == _dir.Combine(names[^1]));
    }

    [Fact]
    public void Files_more_than_MaxDepth_folders_down_are_not_looked_at()
    {
        var atLimit = Put(Path.Combine([.. Enumerable.Range(1, EvidenceFileImporter.MaxDepth).Select(i => "d" + i), "auditpol.csv"]), CaptureVectors.Bytes(CaptureVectors.AuditpolBackup));
        var past = Put(Path.Combine([.. Enumerable.Range(1, EvidenceFileImporter.MaxDepth + 1).Select(i => "d" + i), "secpol.inf"]), CaptureVectors.Bytes(CaptureVectors.SeceditExport));

        var import = EvidenceFileImporter.Import(_dir.Path);

        var file = Assert.Single(import.Files);
        Assert.Equal(atLimit, file.Path);
        Assert.True(file.Imported);
        Assert.DoesNotContain(import.Files, f => f.Path == past);
        Assert.False(import.Bundle.Find(BaselineEvidenceIds.UserRights) is { Succeeded: true });
    }
}
