using System.Linq;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Results;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Commands;

public sealed class SecurityLoggingCmdletTests(ModuleSession module) : IClassFixture<ModuleSession>
{
    private static string Quote(string s) => "'" + s.Replace("'", "''") + "'";

    private static string Write(TempDir dir, EvidenceBundle bundle, string name)
    {
        var path = dir.Combine(name);
        EvidenceBundleWriter.Write(bundle, path, overwrite: false);
        return path;
    }

    [Fact]
    public void Test_ALSecurityLogging_analyzes_a_bundle_and_takes_the_minimum_days()
    {
        using var dir = new TempDir();
        var path = Write(dir, SecurityLoggingBundles.Hardened(), "node.zip");

        var (output, errors) = module.Run($"Test-ALSecurityLogging -EvidencePath {Quote(path)}");
        Assert.Empty(errors);
        var results = output.Select(o => (SecurityCheckResult)o.BaseObject).ToList();
        Assert.Equal(13, results.Count);
        Assert.All(results, r => Assert.Equal(CheckStatus.Compliant, r.Status));

        (output, errors) = module.Run($"Test-ALSecurityLogging -EvidencePath {Quote(path)} -MinimumDays 10 -EventsPerDay @{{ 'Microsoft-Windows-BitLocker/BitLocker Management' = 100000 }}");
        Assert.Empty(errors);
        var strict = output.Select(o => (SecurityCheckResult)o.BaseObject).ToDictionary(r => r.Id);
        Assert.Equal(CheckStatus.NonCompliant, strict["ALSEC-LOG-020"].Status);
        Assert.Equal(CheckStatus.Compliant, strict["ALSEC-LOG-010"].Status);
        Assert.Equal(CheckStatus.NonCompliant, strict["ALSEC-LOG-021"].Status);
        Assert.Equal(CheckStatus.NonCompliant, strict["ALSEC-LOG-023"].Status);
    }

    [Fact]
    public void A_bad_events_per_day_entry_is_a_terminating_invalid_argument()
    {
        using var dir = new TempDir();
        var path = Write(dir, SecurityLoggingBundles.Hardened(), "node.zip");

        var (_, errors) = module.Run($"Test-ALSecurityLogging -EvidencePath {Quote(path)} -EventsPerDay @{{ Security = 'lots' }}");

        var error = Assert.Single(errors);
        Assert.StartsWith("InvalidEventsPerDay", error.FullyQualifiedErrorId, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Test_ALSecurityPosture_assesses_the_security_logging_area()
    {
        using var dir = new TempDir();
        var path = Write(dir, SecurityLoggingBundles.Weak(), "node.zip");

        var (output, errors) = module.Run($"Test-ALSecurityPosture -EvidencePath {Quote(path)} -Area SecurityLogging");

        Assert.Empty(errors);
        var results = output.Select(o => (SecurityCheckResult)o.BaseObject).ToList();
        Assert.Equal(13, results.Count);
        Assert.Equal(["ALSEC-LOG-002", "ALSEC-LOG-003", "ALSEC-LOG-004", "ALSEC-LOG-005", "ALSEC-LOG-012", "ALSEC-LOG-020", "ALSEC-LOG-022"], results.Where(r => r.Status == CheckStatus.NonCompliant).Select(r => r.Id));
    }
}
