using System;
using System.IO;
using System.Linq;
using AzureLocalSecurity.Baseline.Gpo;
using AzureLocalSecurity.Tests.Support;
using Xunit;
using static AzureLocalSecurity.Tests.Gpo.GpoBackupFolder;

namespace AzureLocalSecurity.Tests.Gpo;

/// <summary>Test-ALSecurityBaseline -GpoBackupPath and New-ALSecurityEvidence -FromPath through the real engine.</summary>
public sealed class GpoCmdletTests : IClassFixture<ModuleSession>, IDisposable
{
    private const string Asr = @"Software\Policies\Microsoft\Windows Defender\Windows Defender Exploit Guard\ASR\Rules";

    private readonly ModuleSession _session;
    private readonly TempDir _dir = new();

    public GpoCmdletTests(ModuleSession session) => _session = session;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void GpoBackupPath_writes_one_result_per_rule_and_warns_about_the_rules_the_GPO_contradicts()
    {
        Create(_dir.Path, "ASR off", RegistryPol([Dword(Asr, "56a863a9-875e-4185-98a7-b882c64b5ce5", 0)]), template: false, audit: false);

        using var ps = _session.RunWithStreams($"Test-ALSecurityBaseline -GpoBackupPath '{_dir.Path}' -Release 2610", out var output);

        var results = output.Select(o => (GpoRuleResult)o.BaseObject).ToList();
        Assert.Equal(_session.Run("(Get-ALSecurityBaseline -Release 2610 -Profile DomainJoined).Count").Output.Single().BaseObject, results.Count);
        var conflict = Assert.Single(results, r => r.Verdict == GpoBaselineVerdict.Contradicts);
        Assert.Equal("ASRBlockAbuseOfExploitedVulnerableSignedDrivers", conflict.RuleName);
        Assert.Equal("ASR off", conflict.GpoName);
        var warning = Assert.Single(ps.Streams.Warning);
        Assert.Contains("ASRBlockAbuseOfExploitedVulnerableSignedDrivers", warning.Message);
        Assert.Empty(ps.Streams.Error);
    }

    [Fact]
    public void Summary_counts_the_verdicts_and_names_the_conflicts()
    {
        Create(_dir.Path, "SHB", null);

        var summary = (GpoBaselineSummary)_session.Run($"Test-ALSecurityBaseline -GpoBackupPath '{_dir.Path}' -Summary -WarningAction SilentlyContinue").Output.Single().BaseObject;

        Assert.Equal("SHB", summary.GpoName);
        Assert.Equal(summary.Total, summary.Satisfies + summary.Contradicts + summary.NotConfigured + summary.Unknown);
        Assert.True(summary.Satisfies > 0);
        Assert.Equal(summary.Contradicts, summary.Conflicts.Count);
    }

    [Fact]
    public void A_folder_without_a_GPO_is_a_non_terminating_error_with_its_id()
    {
        Directory.CreateDirectory(_dir.Combine("nothing"));

        var (output, errors) = _session.Run($"Test-ALSecurityBaseline -GpoBackupPath '{_dir.Combine("nothing")}', '{_dir.Combine("missing")}'");

        Assert.Empty(output);
        Assert.Equal(["GpoBackupInvalid,AzureLocalSecurity.Commands.TestALSecurityBaselineCommand", "GpoBackupNotFound,AzureLocalSecurity.Commands.TestALSecurityBaselineCommand"], errors.Select(e => e.FullyQualifiedErrorId));
    }

    [Fact]
    public void New_ALSecurityEvidence_warns_for_each_file_it_skips_and_errors_when_it_reads_none()
    {
        File.WriteAllBytes(_dir.Combine("auditpol.csv"), Capture.CaptureVectors.Bytes(Capture.CaptureVectors.AuditpolBackup));
        File.WriteAllText(_dir.Combine("readme.txt"), "notes");

        using var ps = _session.RunWithStreams($"New-ALSecurityEvidence -FromPath '{_dir.Path}' -NodeName N1", out var output);

        var bundle = (global::AzureLocalSecurity.Evidence.EvidenceBundle)Assert.Single(output).BaseObject;
        Assert.Equal("N1", bundle.NodeName);
        Assert.Contains("readme.txt", Assert.Single(ps.Streams.Warning).Message);

        Directory.CreateDirectory(_dir.Combine("junk"));
        File.WriteAllText(_dir.Combine("junk", "a.txt"), "x");
        var (none, errors) = _session.Run($"New-ALSecurityEvidence -FromPath '{_dir.Combine("junk")}' -WarningAction SilentlyContinue");
        Assert.Empty(none);
        Assert.Equal("EvidenceFolderEmpty,AzureLocalSecurity.Commands.NewALSecurityEvidenceCommand", Assert.Single(errors).FullyQualifiedErrorId);
    }
}
