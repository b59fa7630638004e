using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using AzureLocalSecurity.BitLocker;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Posture;
using AzureLocalSecurity.Results;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Commands;

public sealed class PostureCmdletTests(ModuleSession module) : IClassFixture<ModuleSession>
{
    private static string Quote(string s) => "'" + s.Replace("'", "''") + "'";

    private static string Write(TempDir dir, EvidenceBundle bundle, string name)
    {
        var path = dir.Combine(name);
        EvidenceBundleWriter.Write(bundle, path, overwrite: false);
        return path;
    }

    [Fact]
    public void Test_ALSecurityPosture_streams_the_results_of_the_areas_asked_for()
    {
        using var dir = new TempDir();
        var path = Write(dir, BitLockerBundles.AzureLocalNode(), "node.zip");

        var (output, errors) = module.Run($"Test-ALSecurityPosture -EvidencePath {Quote(path)} -Area BitLocker");

        Assert.Empty(errors);
        var results = output.Select(o => (SecurityCheckResult)o.BaseObject).ToList();
        Assert.Equal(
            [BitLockerChecks.OsEncryptedId, BitLockerChecks.OsMethodId, BitLockerChecks.OsProtectionId, BitLockerChecks.OsTpmProtectorId, BitLockerChecks.OsRecoveryPasswordId, BitLockerChecks.CsvId, BitLockerChecks.CsvId, BitLockerChecks.DataVolumeId],
            results.Select(r => r.Id));
    }

    [Fact]
    public void Summary_writes_one_summary_per_bundle_of_a_folder_and_a_damaged_bundle_is_a_non_terminating_error()
    {
        using var dir = new TempDir();
        Write(dir, BitLockerBundles.AzureLocalNode(), "a.zip");
        File.WriteAllText(dir.Combine("b.zip"), "not a zip");
        Write(dir, AzureLocalSecurity.Tests.Posture.PostureVectors.Renamed(BitLockerBundles.SuspendedOsVolume(), "NODE02"), "c.zip");

        var (output, errors) = module.Run($"Test-ALSecurityPosture -EvidencePath {Quote(dir.Path)} -Area BitLocker -Summary -Top 1");

        var summaries = output.Select(o => (SecurityPostureSummary)o.BaseObject).ToList();
        Assert.Equal(["NODE01", "NODE02"], summaries.Select(s => s.NodeName));
        Assert.Equal([100.0, 85.71], summaries.Select(s => s.CompliancePercentage!.Value));
        Assert.Equal(BitLockerChecks.OsProtectionId, Assert.Single(summaries[1].TopFindings).Id);
        Assert.Equal(8, summaries[1].Results.Count);
        var error = Assert.Single(errors);
        Assert.StartsWith("EvidenceBundleDamaged", error.FullyQualifiedErrorId, System.StringComparison.Ordinal);
        Assert.Equal(dir.Combine("b.zip"), error.TargetObject);
    }

    [Fact]
    public void Framework_keeps_only_the_results_mapped_to_it_and_the_summary_counts_its_controls()
    {
        using var dir = new TempDir();
        var path = Write(dir, AppControlBundles.AzureLocalEnforced(), "node.zip");

        var (output, errors) = module.Run($"Test-ALSecurityPosture -EvidencePath {Quote(path)} -Framework NIST80053 -Summary");

        Assert.Empty(errors);
        var summary = (SecurityPostureSummary)Assert.Single(output).BaseObject;
        Assert.Equal(ComplianceFramework.Nist80053, summary.Framework);
        Assert.All(summary.Results, r => Assert.Equal("Baseline", r.Area));
        Assert.NotEmpty(summary.Controls);
        Assert.All(summary.Controls, c => Assert.Equal(ComplianceFramework.Nist80053, c.Framework));
    }

    [Fact]
    public void A_folder_holding_no_bundle_is_an_evidence_folder_empty_error()
    {
        using var dir = new TempDir();

        var (output, errors) = module.Run($"Test-ALSecurityPosture -EvidencePath {Quote(dir.Path)}");

        Assert.Empty(output);
        Assert.StartsWith("EvidenceFolderEmpty", Assert.Single(errors).FullyQualifiedErrorId, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_view_shows_the_compliance_the_severities_and_the_top_findings()
    {
        using var dir = new TempDir();
        var path = Write(dir, BitLockerBundles.SuspendedOsVolume(), "node.zip");
        var (output, errors) = module.Run($"Test-ALSecurityPosture -EvidencePath {Quote(path)} -Area BitLocker -Summary");
        Assert.Empty(errors);

        var rows = Render((SecurityPostureSummary)Assert.Single(output).BaseObject);

        Assert.Equal("85.71% (6 of 7 decided)", rows["Compliance"]);
        Assert.Equal("High 1", rows["NonCompliantBySeverity"]);
        Assert.Equal("BitLocker 85.71%", rows["Areas"]);
        Assert.StartsWith("ALSEC-BL-003 NonCompliant High: BitLocker protection is on for the OS volume", rows["TopFindings"], System.StringComparison.Ordinal);
    }

    /// <summary>The type's list view of module/AzureLocalSecurity.Format.ps1xml applied by hand (the hosted engine has no Out-String).</summary>
    private Dictionary<string, string> Render(object value)
    {
        var view = XDocument.Load(Path.Combine(Repo.Root, "module", "AzureLocalSecurity.Format.ps1xml")).Descendants("View")
            .Single(v => (string?)v.Element("ViewSelectedBy")?.Element("TypeName") == value.GetType().FullName);
        var rows = new Dictionary<string, string>();
        foreach (var item in view.Descendants("ListItem"))
        {
            var label = (string?)item.Element("Label") ?? item.Element("PropertyName")!.Value;
            var script = item.Element("ScriptBlock") is { } block ? $"$v | ForEach-Object {{ {block.Value} }}" : $"$v.{item.Element("PropertyName")!.Value}";
            var (output, errors) = module.Run(script, new Dictionary<string, object?> { ["v"] = value });
            Assert.True(errors.Count == 0, label + ": " + string.Join("; ", errors.Select(e => e.ToString())));
            rows[label] = string.Concat(output.Select(o => o?.ToString()));
        }

        return rows;
    }

    [Fact]
    public void Imported_bundles_from_the_pipeline_are_assessed()
    {
        var (output, errors) = module.Run("$b | Test-ALSecurityPosture -Area Tpm", new System.Collections.Generic.Dictionary<string, object?> { ["b"] = SecuredCoreBundles.CompliantAzureLocalNode() });
        Assert.Empty(errors);
        Assert.Equal(6, output.Count);
        Assert.All(output, o => Assert.Equal("Tpm", ((SecurityCheckResult)o.BaseObject).Area));
    }
}
