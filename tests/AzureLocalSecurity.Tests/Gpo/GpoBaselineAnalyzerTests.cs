using System;
using System.IO;
using System.Linq;
using AzureLocalSecurity.Baseline;
using AzureLocalSecurity.Baseline.Analysis;
using AzureLocalSecurity.Baseline.Catalog;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Baseline.Gpo;
using AzureLocalSecurity.Tests.Support;
using Xunit;
using static AzureLocalSecurity.Tests.Gpo.GpoBackupFolder;

namespace AzureLocalSecurity.Tests.Gpo;

/// <summary>
/// GpoBaselineAnalyzer on a Backup-GPO layout holding the NSA Secure Host Baseline's real GptTmpl.inf and audit.csv and a
/// Registry.pol built from records: each verdict checked against the 2610 domain-joined rule it concerns.
/// </summary>
public sealed class GpoBaselineAnalyzerTests : IDisposable
{
    private const string Asr = @"Software\Policies\Microsoft\Windows Defender\Windows Defender Exploit Guard\ASR\Rules";
    private const string NetworkProtection = @"Software\Policies\Microsoft\Windows Defender\Windows Defender Exploit Guard\Network Protection";

    private readonly TempDir _dir = new();
    private readonly BaselineCatalog _catalog = ShippedBaselines.Get("2610", BaselineProfile.DomainJoined);

    public void Dispose() => _dir.Dispose();

    private GpoRuleResult Verdict(GpoBackup gpo, string rule) =>
        GpoBaselineAnalyzer.Analyze(_catalog.Rules.Where(r => r.Name == rule), gpo, BaselineAnalyzer.OptionsFor(_catalog)).Single();

    private GpoBackup Load(byte[]? pol, bool template = true, bool audit = true) =>
        Assert.Single(GpoBackup.Load(Create(_dir.Path, "SHB - Computer", pol, template, audit)));

    [Fact]
    public void A_backup_folder_is_found_with_its_display_name_id_and_three_files()
    {
        var gpo = Load(RegistryPol([Dword(NetworkProtection, "AllowNetworkProtectionOnWinServer", 1)]));

        Assert.Equal("SHB - Computer", gpo.DisplayName);
        Assert.Equal(Id, gpo.Id);
        Assert.Equal(3, gpo.Files.Count);
        Assert.Single(gpo.RegistryPolicy!.Records);
        Assert.NotNull(gpo.SecurityTemplate);
        Assert.NotNull(gpo.AuditPolicy);
    }

    [Fact]
    public void A_Registry_pol_value_the_baseline_expects_satisfies_and_another_contradicts()
    {
        var gpo = Load(RegistryPol(
        [
            Dword(NetworkProtection, "AllowNetworkProtectionOnWinServer", 1),            // baseline: Equals(1)
            Dword(Asr, "56a863a9-875e-4185-98a7-b882c64b5ce5", 0),                       // ASRBlockAbuseOfExploitedVulnerableSignedDrivers: Equals(1)
        ]), template: false, audit: false);

        var satisfied = Verdict(gpo, "AllowNetworkProtectionOnWinServer");
        Assert.Equal(GpoBaselineVerdict.Satisfies, satisfied.Verdict);
        Assert.StartsWith(@"Registry.pol: " + NetworkProtection + @"\AllowNetworkProtectionOnWinServer", satisfied.Setting);
        var broken = Verdict(gpo, "ASRBlockAbuseOfExploitedVulnerableSignedDrivers");
        Assert.Equal(GpoBaselineVerdict.Contradicts, broken.Verdict);
        Assert.Equal("0", broken.GpoValue);
        Assert.Equal(GpoBaselineVerdict.NotConfigured, Verdict(gpo, "ASRBlockEXEFromRunningUnlessTrusted").Verdict);
    }

    [Fact]
    public void A_later_record_wins_and_a_deleted_value_is_touched_not_left_alone()
    {
        var gpo = Load(RegistryPol(
        [
            Dword(NetworkProtection, "AllowNetworkProtectionOnWinServer", 0),
            Dword(NetworkProtection, "AllowNetworkProtectionOnWinServer", 1),
            Text(Asr, "**del.01443614-cd74-433a-b99e-2ecdc07bfc25", " "),
        ]), template: false, audit: false);

        Assert.Equal(GpoBaselineVerdict.Satisfies, Verdict(gpo, "AllowNetworkProtectionOnWinServer").Verdict);
        var deleted = Verdict(gpo, "ASRBlockEXEFromRunningUnlessTrusted");
        Assert.NotEqual(GpoBaselineVerdict.NotConfigured, deleted.Verdict);
        Assert.Equal(GpoBaselineVerdict.Contradicts, deleted.Verdict);
        Assert.Equal("(deleted)", deleted.GpoValue);
        Assert.Contains("**del.", deleted.Setting);
    }

    [Fact]
    public void Deleting_every_value_of_a_key_touches_every_rule_under_it()
    {
        var gpo = Load(RegistryPol([Text(Asr, "**delvals.", " ")]), template: false, audit: false);

        var asr = GpoBaselineAnalyzer.Analyze(_catalog.Rules.Where(r => r.Name.StartsWith("ASR", StringComparison.Ordinal)), gpo, BaselineAnalyzer.OptionsFor(_catalog));

        Assert.NotEmpty(asr);
        Assert.All(asr, r => Assert.NotEqual(GpoBaselineVerdict.NotConfigured, r.Verdict));
        Assert.All(asr, r => Assert.Contains("**delvals.", r.Setting));
    }

    [Fact]
    public void The_real_security_template_satisfies_the_rules_it_sets_as_the_baseline_does()
    {
        var gpo = Load(null);

        // [Registry Values] LmCompatibilityLevel=4,5; InactivityTimeoutSecs=4,900; AutoDisconnect=4,15 (the NSA template).
        Assert.Equal(GpoBaselineVerdict.Satisfies, Verdict(gpo, "LANManagerAuthenticationLevel").Verdict);
        Assert.Equal("5", Verdict(gpo, "LANManagerAuthenticationLevel").GpoValue);
        Assert.Equal(GpoBaselineVerdict.Satisfies, Verdict(gpo, "MachineInactivityLimit").Verdict);
        Assert.Equal(GpoBaselineVerdict.Satisfies, Verdict(gpo, "SessionIdleTimeBeforeSuspend").Verdict);
        Assert.StartsWith(@"GptTmpl.inf [Registry Values] MACHINE\System\CurrentControlSet\Control\Lsa\LmCompatibilityLevel", Verdict(gpo, "LANManagerAuthenticationLevel").Setting);
    }

    [Fact]
    public void Every_rule_the_GPO_does_not_touch_is_NotConfigured_and_every_touched_rule_names_its_setting()
    {
        var gpo = Load(null);

        var results = GpoBaselineAnalyzer.Analyze(_catalog.Rules, gpo, BaselineAnalyzer.OptionsFor(_catalog));

        Assert.Equal(_catalog.Rules.Count, results.Count);
        Assert.All(results.Where(r => r.Verdict is GpoBaselineVerdict.Satisfies or GpoBaselineVerdict.Contradicts), r => Assert.False(string.IsNullOrEmpty(r.Setting), r.RuleName));
        // Audit rules: touched exactly when audit.csv has the subcategory's GUID.
        var audit = gpo.AuditPolicy!;
        foreach (var result in results.Where(r => r.Fact.Source == FactSource.AuditPolicy))
        {
            var inCsv = Guid.TryParse(result.Fact.Name, out var guid) && audit.Find(guid) is not null;
            Assert.Equal(inCsv, result.Verdict != GpoBaselineVerdict.NotConfigured);
        }

        // Registry rules under keys neither file names are NotConfigured.
        Assert.Contains(results, r => r.Fact.Source == FactSource.Registry && r.Verdict == GpoBaselineVerdict.NotConfigured);
        Assert.All(results.Where(r => r.Fact.Source == FactSource.SecuredCoreStatus), r => Assert.Equal(GpoBaselineVerdict.NotConfigured, r.Verdict));
    }

    [Fact]
    public void A_folder_with_no_GPO_files_and_a_broken_Registry_pol_are_clear_errors()
    {
        Directory.CreateDirectory(_dir.Combine("empty"));
        Assert.Contains("No GPO backup", Assert.Throws<GpoBackupException>(() => GpoBackup.Load(_dir.Combine("empty"))).Message);

        var root = Create(_dir.Path, "Broken", [.. RegistryPol([]), 0x5B, 0x00]);
        var ex = Assert.Throws<GpoBackupException>(() => GpoBackup.Load(root));
        Assert.Contains("registry.pol", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Throws<DirectoryNotFoundException>(() => GpoBackup.Load(_dir.Combine("missing")));
    }

    [Fact]
    public void Files_copied_into_one_folder_are_read_as_one_GPO_named_after_the_folder()
    {
        var flat = Directory.CreateDirectory(_dir.Combine("copied")).FullName;
        File.WriteAllBytes(Path.Combine(flat, "Registry.pol"), RegistryPol([Dword(NetworkProtection, "AllowNetworkProtectionOnWinServer", 1)]));
        File.WriteAllBytes(Path.Combine(flat, "GptTmpl.inf"), Capture.CaptureVectors.Bytes(Capture.CaptureVectors.GpoTemplate));

        var gpo = Assert.Single(GpoBackup.Load(flat));

        Assert.Equal("copied", gpo.DisplayName);
        Assert.Equal(2, gpo.Files.Count);
        Assert.Equal(GpoBaselineVerdict.Satisfies, Verdict(gpo, "AllowNetworkProtectionOnWinServer").Verdict);
    }
}
