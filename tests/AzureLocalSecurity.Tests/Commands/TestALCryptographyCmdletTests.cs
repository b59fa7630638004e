using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Commands;

public class TestALCryptographyCmdletTests : IClassFixture<ModuleSession>
{
    private readonly ModuleSession _session;

    public TestALCryptographyCmdletTests(ModuleSession session) => _session = session;

    [Fact]
    public void Test_ALCryptography_reads_a_hardened_and_a_weak_bundle_from_disk()
    {
        using var dir = new TempDir();
        EvidenceBundleWriter.Write(CryptographyBundles.Hardened(), dir.Combine("hardened.zip"), overwrite: false);
        EvidenceBundleWriter.Write(CryptographyBundles.Weak(), dir.Combine("weak.zip"), overwrite: false);

        var (output, errors) = _session.Run($"Test-ALCryptography -EvidencePath '{dir.Combine("hardened.zip")}', '{dir.Combine("weak.zip")}'");

        Assert.Empty(errors);
        Assert.Equal(16, output.Count);
        var hardened = output.Take(8).ToList();
        var weak = output.Skip(8).ToList();
        Assert.All(hardened, r => Assert.Equal("Compliant", r.Properties["Status"].Value.ToString()));
        Assert.All(hardened, r => Assert.Equal("NODE01", r.Properties["NodeName"].Value));
        var tls10 = weak.Single(r => (string)r.Properties["Id"].Value == "ALSEC-CRYPTO-002");
        Assert.Equal("NonCompliant", tls10.Properties["Status"].Value.ToString());
        Assert.Equal("Server: Enabled = 1, DisabledByDefault = 0; Client: Enabled = 0, DisabledByDefault = 1", tls10.Properties["Actual"].Value);
        Assert.Equal(["ALSEC-CRYPTO-001", "ALSEC-CRYPTO-002", "ALSEC-CRYPTO-006", "ALSEC-CRYPTO-007", "ALSEC-CRYPTO-008"],
            weak.Where(r => r.Properties["Status"].Value.ToString() == "NonCompliant").Select(r => (string)r.Properties["Id"].Value));
    }

    [Fact]
    public void Test_ALSecurityPosture_includes_the_Cryptography_area()
    {
        var output = _session.Run("Test-ALSecurityPosture -Evidence $b -Area Cryptography", new Dictionary<string, object?> { ["b"] = CryptographyBundles.Weak() }).Output;

        Assert.Equal(8, output.Count);
        Assert.All(output, r => Assert.Equal("Cryptography", r.Properties["Area"].Value));
    }

    [Fact]
    public void Test_ALCryptography_is_exported_with_help_and_declares_its_output()
    {
        var (output, errors) = _session.Run("$c = Get-Command Test-ALCryptography; $c.OutputType.Name; (Get-Help Test-ALCryptography).Synopsis");

        Assert.Empty(errors);
        Assert.Equal("AzureLocalSecurity.Results.SecurityCheckResult", output[0].BaseObject);
        Assert.StartsWith("Checks a node's cryptography", (string)output[1].BaseObject);
    }
}
