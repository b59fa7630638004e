using System.IO;
using System.Linq;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Results;
using AzureLocalSecurity.SecureBoot.Rollover;
using AzureLocalSecurity.Tests.SecureBoot.VariableStore;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.SecureBoot.Rollover;

/// <summary>Test-ALSecureBootCertificate in the engine: NVRAM files, bundles, -AsOf, -Summary, the live node.</summary>
public sealed class TestALSecureBootCertificateTests(ModuleSession module) : IClassFixture<ModuleSession>
{
    [Fact]
    public void The_microsoft_enrolled_ovmf_store_reports_stage_0_in_its_summary()
    {
        var (output, errors) = module.Run($"Test-ALSecureBootCertificate -VariableStorePath '{Path.Combine(OvmfVectors.Folder, OvmfVectors.MsEnrolled4M)}' -Summary -AsOf '2026-11-23'");

        Assert.Empty(errors);
        var summary = (SecureBootCertificateSummary)Assert.Single(output).BaseObject;
        Assert.Equal(OvmfVectors.MsEnrolled4M, summary.ComputerName);
        Assert.Equal(0, summary.Stage);
        Assert.False(summary.IsComplete);
        Assert.Equal(summary.Results.Count, summary.Compliant + summary.NonCompliant + summary.Unknown + summary.NotApplicable);
        Assert.NotNull(summary.NextStep);
    }

    [Fact]
    public void Without_summary_each_requirement_is_one_result_in_order()
    {
        var (output, errors) = module.Run($"Test-ALSecureBootCertificate -VariableStorePath '{Path.Combine(OvmfVectors.Folder, OvmfVectors.MsEnrolled4M)}'");

        Assert.Empty(errors);
        var results = output.Select(o => (SecurityCheckResult)o.BaseObject).ToList();
        Assert.Equal(
            ["ALSEC-SB-001", "ALSEC-SB-002", "ALSEC-SB-003", "ALSEC-SB-004", "ALSEC-SB-005", "ALSEC-SB-006", "ALSEC-SB-007", "ALSEC-SB-008", "ALSEC-SB-009", "ALSEC-SB-010"],
            results.Select(r => r.Id).Distinct().Where(id => id != "ALSEC-SB-011"));
        Assert.Contains(results, r => r.Id == "ALSEC-SB-011");
    }

    [Fact]
    public void As_of_moves_the_expiry_verdict()
    {
        var store = Path.Combine(OvmfVectors.Folder, OvmfVectors.MsEnrolled4M);
        var (before, _) = module.Run($"Test-ALSecureBootCertificate -VariableStorePath '{store}' -AsOf '2026-06-01' | Where-Object Id -eq 'ALSEC-SB-011'");
        var (after, _) = module.Run($"Test-ALSecureBootCertificate -VariableStorePath '{store}' -AsOf '2026-07-01' | Where-Object Id -eq 'ALSEC-SB-011'");

        Assert.All(before, o => Assert.Equal(CheckStatus.Compliant, ((SecurityCheckResult)o.BaseObject).Status));
        Assert.Contains(after, o => ((SecurityCheckResult)o.BaseObject).Status == CheckStatus.NonCompliant);
    }

    [Fact]
    public void A_stage_2_node_read_from_an_exported_bundle_gives_the_same_answer()
    {
        using var node = RolloverNode.Complete();
        using var dir = new TempDir();
        var path = dir.Combine("node01.zip");
        EvidenceBundleWriter.Write(node.Collect(), path, overwrite: false);

        var (output, errors) = module.Run($"(Test-ALSecureBootCertificate -EvidencePath '{path}' -Summary).Stage");

        Assert.Empty(errors);
        Assert.Equal(2, (int)Assert.Single(output).BaseObject);
    }

    [Fact]
    public void The_live_node_gives_every_requirement_a_verdict_or_a_reason()
    {
        var (output, errors) = module.Run("Test-ALSecureBootCertificate");

        Assert.Empty(errors);
        var results = output.Select(o => (SecurityCheckResult)o.BaseObject).ToList();
        Assert.True(results.Count >= 10);
        Assert.All(results.Where(r => r.Status is CheckStatus.Unknown or CheckStatus.NotApplicable), r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));
        if (!Directory.Exists("/sys/firmware/efi"))
        {
            // No UEFI here: nothing can be judged, and nothing is called a failure.
            Assert.DoesNotContain(results, r => r.Status == CheckStatus.NonCompliant);
        }
    }
}
