using System.Linq;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.PrivilegedAccess;
using AzureLocalSecurity.Results;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Commands;

public sealed class PrivilegedAccessCmdletTests(ModuleSession module) : IClassFixture<ModuleSession>
{
    private static string Write(TempDir dir, EvidenceBundle bundle)
    {
        var path = dir.Combine("node.zip");
        EvidenceBundleWriter.Write(bundle, path, overwrite: false);
        return "'" + path.Replace("'", "''") + "'";
    }

    [Fact]
    public void Test_ALPrivilegedAccess_reads_a_bundle_and_takes_break_glass_accounts()
    {
        using var dir = new TempDir();
        var path = Write(dir, PrivilegedAccessBundles.Weak());

        var (output, errors) = module.Run($"Test-ALPrivilegedAccess -EvidencePath {path}");
        Assert.Empty(errors);
        var results = output.Select(o => (SecurityCheckResult)o.BaseObject).ToList();
        Assert.Equal(CheckStatus.NonCompliant, results.Single(r => r.Id == PrivilegedAccessChecks.AdministratorsId).Status);

        (output, errors) = module.Run($"Test-ALPrivilegedAccess -EvidencePath {path} -AllowedAdministrator '{PrivilegedAccessBundles.NodeDomain}-500','{PrivilegedAccessBundles.Contoso}-512','{PrivilegedAccessBundles.ExtraAdminSid}'");
        Assert.Empty(errors);
        Assert.Equal(CheckStatus.Compliant, output.Select(o => (SecurityCheckResult)o.BaseObject).Single(r => r.Id == PrivilegedAccessChecks.AdministratorsId).Status);
    }

    [Fact]
    public void Get_ALPrivilegedAccess_writes_grants_endpoints_and_settings()
    {
        using var dir = new TempDir();
        var path = Write(dir, PrivilegedAccessBundles.Weak());

        var (output, errors) = module.Run($"Get-ALPrivilegedAccess -EvidencePath {path}");

        Assert.Empty(errors);
        var grants = output.Select(o => o.BaseObject).OfType<PrivilegedGrant>().ToList();
        Assert.Equal(3, grants.Count);
        Assert.Equal([PrivilegedAccessBundles.ExtraAdminSid], grants.Where(g => !g.Allowed).Select(g => g.MemberSid));
        Assert.Equal(2, output.Select(o => o.BaseObject).OfType<JeaEndpoint>().Count());
        var remote = Assert.Single(output.Select(o => o.BaseObject).OfType<RemoteAccessSettings>());
        Assert.True(remote.CredSspServer);
        Assert.False(remote.RdpNetworkLevelAuthentication);
    }

    [Fact]
    public void Get_ALPrivilegedAccess_on_a_bundle_without_memberships_is_a_non_terminating_error()
    {
        using var dir = new TempDir();
        var path = Write(dir, Bundles.Windows());

        var (output, errors) = module.Run($"Get-ALPrivilegedAccess -EvidencePath {path}");

        Assert.StartsWith(ErrorIdsName, Assert.Single(errors).FullyQualifiedErrorId, System.StringComparison.Ordinal);
        Assert.Single(output.Select(o => o.BaseObject).OfType<RemoteAccessSettings>());
    }

    private const string ErrorIdsName = "PrivilegedAccessFactsUnavailable";

    [Fact]
    public void Test_ALSecurityPosture_includes_the_privileged_access_area()
    {
        using var dir = new TempDir();
        var path = Write(dir, PrivilegedAccessBundles.Weak());

        var (output, errors) = module.Run($"Test-ALSecurityPosture -EvidencePath {path} -Area PrivilegedAccess");

        Assert.Empty(errors);
        var results = output.Select(o => (SecurityCheckResult)o.BaseObject).ToList();
        Assert.Equal(8, results.Count);
        Assert.All(results, r => Assert.Equal("PrivilegedAccess", r.Area));
    }
}
