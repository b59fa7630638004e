using System;
using System.IO;
using System.Linq;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Collection.Linux;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.MeasuredBoot.Attestation;
using AzureLocalSecurity.Tpm.Transports;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.MeasuredBoot;

/// <summary>The attestation cmdlets in the hosted engine against swtpm holding a real log's PCRs.</summary>
public sealed class AttestationCmdletTests : IClassFixture<BootLogTpm>, IClassFixture<ModuleSession>
{
    private const string Nonce = "00112233445566778899AABBCCDDEEFF";
    private readonly BootLogTpm _tpm;
    private readonly ModuleSession _module;

    public AttestationCmdletTests(BootLogTpm tpm, ModuleSession module)
    {
        _tpm = tpm;
        _module = module;
    }

    private static string Quote(string path) => "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string LogPath => EventLogVectors.PathOf(EventLogVectors.GceUbuntu);

    [Fact]
    public void Test_ALBootIntegrity_matches_every_pcr_the_log_extends_in_every_bank()
    {
        var (output, errors) = _module.Run($"Test-ALBootIntegrity -TpmEndpoint {_tpm.Tpm.Endpoint} -Path {Quote(LogPath)}");

        Assert.Empty(errors);
        var results = output.Select(o => (PcrIntegrityResult)o.BaseObject).ToList();
        Assert.Equal(33, results.Count);
        Assert.All(results, r => Assert.Equal(PcrIntegrityStatus.Match, r.Status));
    }

    [Fact]
    public void A_bundle_captured_from_securityfs_and_the_tpm_proves_the_log_with_EvidencePath()
    {
        using var root = new TempDir();
        Directory.CreateDirectory(root.Combine("sys", "kernel", "security", "tpm0"));
        File.WriteAllBytes(root.Combine("sys", "kernel", "security", "tpm0", "binary_bios_measurements"), _tpm.LogBytes);
        var tpm = new TpmCollector(TpmCollectionScope.Pcrs, _ => TcpTpmTransport.Connect("127.0.0.1", _tpm.Tpm.Port, TimeSpan.FromSeconds(30)));
        var bundle = EvidenceCapture.Capture(new NodeIdentity("node1", NodePlatform.Linux, "Linux", "X64"), "0.1.0",
            [new LinuxMeasuredBootCollector(), tpm], new CollectionContext(root.Path, () => Bundles.Time));
        Assert.Equal(_tpm.LogBytes, bundle.Find(MeasuredBootEvidenceIds.SrtmLog)!.GetData());
        Assert.Equal(EvidenceErrorCategory.NotSupported, bundle.Find(MeasuredBootEvidenceIds.DrtmLog)!.Error!.Category);
        var path = root.Combine("node1.zip");
        EvidenceBundleWriter.Write(bundle, path, overwrite: false);

        var (output, errors) = _module.Run($"Test-ALBootIntegrity -EvidencePath {Quote(path)}");

        Assert.Empty(errors);
        Assert.Equal(33, output.Count);
        Assert.All(output, o => Assert.Equal(PcrIntegrityStatus.Match, ((PcrIntegrityResult)o.BaseObject).Status));
        Assert.All(output, o => Assert.Equal("node1", o.Properties["ComputerName"].Value));
    }

    [Fact]
    public void Without_securityfs_the_log_is_not_found_and_the_cmdlet_says_so()
    {
        using var root = new TempDir();
        var items = new LinuxMeasuredBootCollector().Collect(new CollectionContext(root.Path, () => Bundles.Time)).ToList();
        Assert.Equal(EvidenceErrorCategory.NotFound, items.Single(i => i.Id == MeasuredBootEvidenceIds.SrtmLog).Error!.Category);

        var bundle = EvidenceCapture.Capture(new NodeIdentity("node2", NodePlatform.Linux, "Linux", "X64"), "0.1.0", [new LinuxMeasuredBootCollector()], new CollectionContext(root.Path, () => Bundles.Time));
        var path = root.Combine("node2.zip");
        EvidenceBundleWriter.Write(bundle, path, overwrite: false);
        var (output, errors) = _module.Run($"Test-ALBootIntegrity -EvidencePath {Quote(path)}");

        Assert.Empty(output);
        Assert.Equal("BootMeasurementLogUnavailable,AzureLocalSecurity.Commands.TestALBootIntegrityCommand", Assert.Single(errors).FullyQualifiedErrorId);
        Assert.Contains("securityfs is not mounted", errors[0].Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_ALBootIntegrity_names_the_pcr_of_a_changed_record()
    {
        using var dir = new TempDir();
        var bytes = _tpm.LogBytes.ToArray();
        var record = _tpm.Log.Events.First(e => e.PcrIndex == 7 && e.Digests.Count > 0);
        bytes[record.Digests[0].Offset] ^= 0xFF;
        var tampered = dir.Combine("tampered.log");
        File.WriteAllBytes(tampered, bytes);

        var (output, errors) = _module.Run($"Test-ALBootIntegrity -TpmEndpoint {_tpm.Tpm.Endpoint} -Path {Quote(tampered)} | Where-Object Status -eq Mismatch");

        Assert.Empty(errors);
        var mismatch = Assert.Single(output.Select(o => (PcrIntegrityResult)o.BaseObject));
        Assert.Equal((record.Digests[0].AlgorithmName, 7), (mismatch.Bank, mismatch.Pcr));
    }

    [Fact]
    public void A_quote_taken_by_Get_ALTpmQuote_verifies_with_Test_ALTpmQuote_after_travelling_as_clixml()
    {
        // PSSerializer is what Export-Clixml and remoting use (the hosted engine has no Microsoft.PowerShell.Utility):
        // the verifier gets a deserialized property bag, not the module's type.
        var script = $"$xml = [System.Management.Automation.PSSerializer]::Serialize((Get-ALTpmQuote -TpmEndpoint {_tpm.Tpm.Endpoint} -Nonce '{Nonce}' -Pcr 0,1,2,3,4,5,6,7)); " +
                     "$travelled = [System.Management.Automation.PSSerializer]::Deserialize($xml); " +
                     "if ($travelled.PSObject.TypeNames[0] -notlike 'Deserialized.*') { throw 'not deserialized' }; " +
                     $"$travelled | Test-ALTpmQuote -Nonce '{Nonce}' -Path {Quote(LogPath)}";

        var (output, errors) = _module.Run(script);

        Assert.Empty(errors);
        var verification = Assert.IsType<TpmQuoteVerification>(Assert.Single(output).BaseObject);
        Assert.True(verification.Verified, string.Join("; ", verification.Failures));
        Assert.Equal(8, verification.Pcrs.Count);
    }

    [Fact]
    public void Test_ALTpmQuote_with_the_wrong_nonce_is_not_verified()
    {
        var (output, errors) = _module.Run($"Get-ALTpmQuote -TpmEndpoint {_tpm.Tpm.Endpoint} -Nonce '{Nonce}' | Test-ALTpmQuote -Nonce 'FF'");

        Assert.Empty(errors);
        var verification = Assert.IsType<TpmQuoteVerification>(Assert.Single(output).BaseObject);
        Assert.False(verification.Verified);
    }

    [Fact]
    public void A_nonce_longer_than_32_bytes_is_refused()
    {
        var (_, errors) = _module.Run($"Get-ALTpmQuote -TpmEndpoint {_tpm.Tpm.Endpoint} -Nonce '{new string('A', 66)}'");

        Assert.Equal("TpmNonceInvalid,AzureLocalSecurity.Commands.GetALTpmQuoteCommand", Assert.Single(errors).FullyQualifiedErrorId);
    }
}
