using System.IO;
using System.Linq;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Results;
using AzureLocalSecurity.SecuredCore;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.SecuredCore.Analysis;

/// <summary>Test-ALSecuredCore in the engine: a real software TPM, recorded bundles, the live node.</summary>
[Collection(SwtpmTests.Name)]
public sealed class TestALSecuredCoreTests : IClassFixture<ModuleSession>
{
    private readonly SwtpmFixture _tpms;
    private readonly ModuleSession _module;

    public TestALSecuredCoreTests(SwtpmFixture tpms, ModuleSession module)
    {
        _tpms = tpms;
        _module = module;
    }

    [Fact]
    public void The_tpm_requirement_is_proven_by_talking_to_a_real_software_tpm()
    {
        var (output, errors) = _module.Run($"Test-ALSecuredCore -TpmEndpoint {_tpms.Provisioned.Endpoint} -Detailed | Where-Object Id -eq 'ALSEC-SC-001'");

        Assert.Empty(errors);
        var tpm = (SecurityCheckResult)Assert.Single(output).BaseObject;
        Assert.Equal(CheckStatus.Compliant, tpm.Status);
        Assert.Equal("TPM 2.0 (IBM)", tpm.Actual);
        Assert.Equal("tcp " + _tpms.Provisioned.Endpoint, tpm.Source);
    }

    [Fact]
    public void The_default_output_is_one_summary_per_bundle()
    {
        using var dir = new TempDir();
        var good = dir.Combine("node01.zip");
        var bios = dir.Combine("node02.zip");
        EvidenceBundleWriter.Write(SecuredCoreBundles.CompliantAzureLocalNode(), good, overwrite: false);
        EvidenceBundleWriter.Write(SecuredCoreBundles.BiosNode(), bios, overwrite: false);

        var (output, errors) = _module.Run($"Test-ALSecuredCore -EvidencePath '{good}','{bios}'");

        Assert.Empty(errors);
        var summaries = output.Select(o => (SecuredCoreSummary)o.BaseObject).ToList();
        Assert.Equal([true, false], summaries.Select(s => s.IsSecuredCore));
    }

    [Fact]
    public void The_live_node_gives_every_requirement_a_verdict_or_a_reason()
    {
        var (output, errors) = _module.Run("Test-ALSecuredCore -Detailed");

        Assert.Empty(errors);
        var results = output.Select(o => (SecurityCheckResult)o.BaseObject).ToList();
        Assert.Equal(9, results.Count);
        Assert.All(results.Where(r => r.Status is CheckStatus.Unknown or CheckStatus.NotApplicable), r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));
        if (!File.Exists("/dev/tpmrm0") && !File.Exists("/dev/tpm0"))
        {
            // No TPM device here: the TPM client says so, and that is a finding, not an unknown.
            Assert.Equal(CheckStatus.NonCompliant, results.Single(r => r.Id == SecuredCoreAnalyzer.TpmId).Status);
        }
    }

    [Fact]
    public void An_exported_bundle_answers_like_the_live_node()
    {
        using var dir = new TempDir();
        var path = dir.Combine("node.zip");
        var (_, exportErrors) = _module.Run($"Export-ALSecurityEvidence -Path '{path}'");
        Assert.Empty(exportErrors);

        var (live, _) = _module.Run("Test-ALSecuredCore -Detailed");
        var (fromBundle, errors) = _module.Run($"Test-ALSecuredCore -EvidencePath '{path}' -Detailed");

        Assert.Empty(errors);
        Assert.Equal(
            live.Select(o => ((SecurityCheckResult)o.BaseObject).Id + " " + ((SecurityCheckResult)o.BaseObject).Status),
            fromBundle.Select(o => ((SecurityCheckResult)o.BaseObject).Id + " " + ((SecurityCheckResult)o.BaseObject).Status));
        Assert.NotNull(EvidenceBundleReader.Read(path).Find(System.OperatingSystem.IsWindows() ? SecuredCoreEvidenceIds.DeviceGuard : SecuredCoreEvidenceIds.LinuxIommu));
    }
}
