using System.Collections.Generic;
using System.IO;
using System.Linq;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Commands;

public class EvidenceCmdletTests : IClassFixture<ModuleSession>
{
    private readonly ModuleSession _session;

    public EvidenceCmdletTests(ModuleSession session) => _session = session;

    [Fact]
    public void Get_ALSystemInfo_reads_a_recorded_Windows_bundle()
    {
        using var dir = new TempDir();
        EvidenceBundleWriter.Write(Bundles.Windows(), dir.Combine("node01.zip"), overwrite: false);

        var (output, errors) = _session.Run($"Get-ALSystemInfo -EvidencePath '{dir.Combine("node01.zip")}'");

        Assert.Empty(errors);
        var info = output.Single();
        Assert.Equal("NODE01", info.Properties["NodeName"].Value);
        Assert.Equal("23H2", info.Properties["AzureLocalRelease"].Value);
        Assert.Equal("Uefi", info.Properties["FirmwareType"].Value.ToString());
        Assert.Equal(true, info.Properties["DomainJoined"].Value);
    }

    [Fact]
    public void Bundles_flow_through_the_pipeline_by_value_and_by_FullName()
    {
        using var dir = new TempDir();
        EvidenceBundleWriter.Write(Bundles.Windows(node: "A"), dir.Combine("a.zip"), overwrite: false);
        EvidenceBundleWriter.Write(Bundles.Windows(node: "B", firmwareType: 1), dir.Combine("b"), overwrite: false);

        var byValue = _session.Run($"Import-ALSecurityEvidence -Path '{dir.Combine("a.zip")}', '{dir.Combine("b")}' | Test-ALPlatform").Output;
        var byName = _session.Run($"[pscustomobject]@{{ FullName = '{dir.Combine("a.zip")}' }}, [pscustomobject]@{{ FullName = '{dir.Combine("b")}' }} | Test-ALPlatform").Output;

        foreach (var results in new[] { byValue, byName })
        {
            Assert.Equal(4, results.Count);
            Assert.Equal(["A", "A", "B", "B"], results.Select(r => r.Properties["NodeName"].Value));
            Assert.Equal("NonCompliant", results[2].Properties["Status"].Value.ToString());
        }
    }

    [Fact]
    public void Wildcards_in_EvidencePath_expand_to_every_bundle()
    {
        using var dir = new TempDir();
        EvidenceBundleWriter.Write(Bundles.Windows(node: "A"), dir.Combine("a.zip"), overwrite: false);
        EvidenceBundleWriter.Write(Bundles.Windows(node: "B"), dir.Combine("b.zip"), overwrite: false);

        var output = _session.Run($"Get-ALSystemInfo -EvidencePath '{dir.Combine("*.zip")}'").Output;

        Assert.Equal(["A", "B"], output.Select(o => o.Properties["NodeName"].Value).OrderBy(n => n));
    }

    [Fact]
    public void A_damaged_bundle_is_a_non_terminating_error_with_a_stable_id_and_the_rest_are_read()
    {
        using var dir = new TempDir();
        EvidenceBundleWriter.Write(Bundles.Windows(), dir.Combine("good.zip"), overwrite: false);
        File.WriteAllBytes(dir.Combine("bad.zip"), File.ReadAllBytes(dir.Combine("good.zip")).Take(100).ToArray());

        var (output, errors) = _session.Run($"Import-ALSecurityEvidence -Path '{dir.Combine("bad.zip")}', '{dir.Combine("good.zip")}'");

        Assert.Single(output);
        var error = Assert.Single(errors);
        Assert.Equal("EvidenceBundleDamaged,AzureLocalSecurity.Commands.ImportALSecurityEvidenceCommand", error.FullyQualifiedErrorId);
        Assert.Equal(dir.Combine("bad.zip"), error.TargetObject);
    }

    [Theory]
    [InlineData("schema", "EvidenceSchemaUnsupported")]
    [InlineData("missing", "EvidenceBundleNotFound")]
    [InlineData("traversal", "EvidenceBundleUnsafePath")]
    public void Each_kind_of_unreadable_bundle_has_its_own_error_id(string damage, string errorId)
    {
        using var dir = new TempDir();
        var path = dir.Combine("b");
        EvidenceBundleWriter.Write(Bundles.EveryKind(), path, overwrite: false);
        var manifest = Path.Combine(path, "manifest.json");
        switch (damage)
        {
            case "schema":
                File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"schemaVersion\": 1", "\"schemaVersion\": 99"));
                break;
            case "missing":
                path = dir.Combine("nothing-here");
                break;
            default:
                File.WriteAllText(manifest, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(manifest), "data/[0-9a-f]{64}\\.bin", "../../etc/passwd"));
                break;
        }

        var errors = _session.Run($"Get-ALSystemInfo -EvidencePath '{path}'").Errors;

        Assert.StartsWith(errorId + ",", Assert.Single(errors).FullyQualifiedErrorId);
    }

    [Fact]
    public void Export_with_WhatIf_writes_nothing()
    {
        using var dir = new TempDir();

        var (output, errors) = _session.Run($"Export-ALSecurityEvidence -Path '{dir.Combine("x.zip")}' -WhatIf");

        Assert.Empty(errors);
        Assert.Empty(output);
        Assert.False(File.Exists(dir.Combine("x.zip")));
    }

    [Fact]
    public void Export_captures_the_live_node_and_Import_reads_the_same_facts()
    {
        using var dir = new TempDir();

        var exported = _session.Run($"Export-ALSecurityEvidence -Path '{dir.Combine("live.zip")}' -PassThru").Output.Single();
        var imported = _session.Run($"Import-ALSecurityEvidence '{dir.Combine("live.zip")}'").Output.Single();

        var a = (EvidenceBundle)exported.BaseObject;
        var b = (EvidenceBundle)imported.BaseObject;
        Assert.Equal(System.Environment.MachineName, b.NodeName);
        Assert.NotNull(b.Find(EvidenceIds.PowerShellHost));
        Assert.NotNull(b.Find(System.OperatingSystem.IsWindows() ? EvidenceIds.WindowsFirmwareType : EvidenceIds.LinuxEfiFirmwareFolder));
        Assert.Equal(a.Items.Select(i => i.Id), b.Items.Select(i => i.Id));
        Assert.Equal("Core", _session.Run($"(Get-ALSystemInfo -EvidencePath '{dir.Combine("live.zip")}').PowerShellEdition").Output.Single().ToString());
    }

    [Fact]
    public void Export_refuses_to_replace_a_bundle_without_Force_and_replaces_it_with_Force()
    {
        using var dir = new TempDir();
        var path = dir.Combine("n.zip");
        _session.Run($"Export-ALSecurityEvidence -Path '{path}'");

        var before = File.GetLastWriteTimeUtc(path);

        var refused = Assert.Single(_session.Run($"Export-ALSecurityEvidence -Path '{path}'").Errors);
        Assert.Equal("EvidenceBundleExists,AzureLocalSecurity.Commands.ExportALSecurityEvidenceCommand", refused.FullyQualifiedErrorId);
        Assert.Equal(before, File.GetLastWriteTimeUtc(path));

        System.Threading.Thread.Sleep(20);
        Assert.Empty(_session.Run($"Export-ALSecurityEvidence -Path '{path}' -Force").Errors);
        Assert.NotEqual(before, File.GetLastWriteTimeUtc(path));
    }

    [Fact]
    public void Export_turns_an_imported_folder_bundle_into_a_zip()
    {
        using var dir = new TempDir();
        EvidenceBundleWriter.Write(Bundles.Windows(), dir.Combine("folder"), overwrite: false);

        _session.Run($"Import-ALSecurityEvidence '{dir.Combine("folder")}' | Export-ALSecurityEvidence -Path '{dir.Combine("z.zip")}'");

        Assert.Equal("NODE01", EvidenceBundleReader.Read(dir.Combine("z.zip")).NodeName);
    }

    [Fact]
    public void Imported_bundles_can_be_passed_with_Evidence()
    {
        using var dir = new TempDir();
        EvidenceBundleWriter.Write(Bundles.Windows(), dir.Combine("n.zip"), overwrite: false);
        var bundle = EvidenceBundleReader.Read(dir.Combine("n.zip"));

        var output = _session.Run("Test-ALPlatform -Evidence $b", new Dictionary<string, object?> { ["b"] = bundle }).Output;

        Assert.Equal(2, output.Count);
    }
}
