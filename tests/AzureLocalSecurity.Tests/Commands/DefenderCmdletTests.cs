using System.Linq;
using AzureLocalSecurity.Defender;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Identity;
using AzureLocalSecurity.Results;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Commands;

public sealed class DefenderCmdletTests(ModuleSession module) : IClassFixture<ModuleSession>
{
    private static string Quote(string s) => "'" + s.Replace("'", "''") + "'";

    [Fact]
    public void Test_ALDefender_reads_a_bundle_and_writes_the_six_checks()
    {
        using var dir = new TempDir();
        var path = dir.Combine("weak.zip");
        EvidenceBundleWriter.Write(DefenderBundles.Weak(), path, overwrite: false);

        var (output, errors) = module.Run($"Test-ALDefender -EvidencePath {Quote(path)}");

        Assert.Empty(errors);
        var results = output.Select(o => (SecurityCheckResult)o.BaseObject).ToList();
        Assert.Equal(
            [CheckStatus.Compliant, CheckStatus.NonCompliant, CheckStatus.NonCompliant, CheckStatus.NonCompliant, CheckStatus.NonCompliant, CheckStatus.NonCompliant],
            results.Select(r => r.Status));
        Assert.All(results, r => Assert.Equal("NODE01", r.NodeName));
    }

    [Fact]
    public void SignatureMaxAgeDays_sets_the_age_allowed()
    {
        using var dir = new TempDir();
        var path = dir.Combine("weak.zip");
        EvidenceBundleWriter.Write(DefenderBundles.Weak(), path, overwrite: false);

        var (output, errors) = module.Run($"Test-ALDefender -EvidencePath {Quote(path)} -SignatureMaxAgeDays 30 | Where-Object Id -eq '{DefenderChecks.SignatureAgeId}'");

        Assert.Empty(errors);
        var result = (SecurityCheckResult)Assert.Single(output).BaseObject;
        Assert.Equal(CheckStatus.Compliant, result.Status);
        Assert.Equal("AntivirusSignatureAge at most 30 day(s)", result.Expected);
    }

    [Fact]
    public void Test_ALSecurityPosture_reports_mfa_unknown_in_the_identity_area()
    {
        using var dir = new TempDir();
        var path = dir.Combine("hardened.zip");
        EvidenceBundleWriter.Write(DefenderBundles.Hardened(), path, overwrite: false);

        var (output, errors) = module.Run($"Test-ALSecurityPosture -EvidencePath {Quote(path)} -Area Defender, Identity");

        Assert.Empty(errors);
        var results = output.Select(o => (SecurityCheckResult)o.BaseObject).ToList();
        Assert.Equal(7, results.Count);
        var mfa = results.Single(r => r.Id == IdentityChecks.MfaId);
        Assert.Equal(CheckStatus.Unknown, mfa.Status);
        Assert.All(results.Where(r => r.Area == DefenderChecks.Area), r => Assert.Equal(CheckStatus.Compliant, r.Status));
    }
}
