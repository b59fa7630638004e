using System.IO;
using System.Linq;
using AzureLocalSecurity.Baseline;
using AzureLocalSecurity.Baseline.Analysis;
using AzureLocalSecurity.Baseline.Catalog;
using AzureLocalSecurity.Baseline.Drift;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Baseline.Repair;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Results;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Commands;

public sealed class BaselineCmdletTests(ModuleSession module) : IClassFixture<ModuleSession>
{
    private readonly Session session = new(module);

    private sealed class Session(ModuleSession module)
    {
        public System.Collections.ObjectModel.Collection<System.Management.Automation.PSObject> Invoke(string script)
        {
            var (output, errors) = module.Run(script);
            Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => e.ToString())));
            return output;
        }

        public System.Management.Automation.ErrorRecord InvokeExpectingError(string script)
        {
            try
            {
                var (_, errors) = module.Run(script);
                return Assert.Single(errors);
            }
            catch (System.Management.Automation.RuntimeException ex)
            {
                return ex.ErrorRecord;
            }
        }
    }

    private static string Quote(string s) => "'" + s.Replace("'", "''") + "'";

    private static string WriteBundle(TempDir dir, EvidenceBundle bundle, string name = "node.zip")
    {
        var path = Path.Combine(dir.Path, name);
        EvidenceBundleWriter.Write(bundle, path, overwrite: false);
        return path;
    }

    [Fact]
    public void Get_ALSecurityBaseline_returns_the_latest_rules_filtered_by_severity()
    {
        var rules = session.Invoke("Get-ALSecurityBaseline -Severity Critical").Select(o => (BaselineRule)o.BaseObject).ToList();

        Assert.Equal(ShippedBaselines.Get(null, BaselineProfile.DomainJoined).Rules.Count(r => r.Severity == "Critical"), rules.Count);
        Assert.All(rules, r => Assert.Equal("2610", r.Release));
    }

    [Fact]
    public void Get_ALSecurityBaseline_reads_a_file_and_reports_a_malformed_one_with_its_line()
    {
        using var dir = new TempDir();
        var bad = Path.Combine(dir.Path, "bad.csv");
        File.WriteAllText(bad, "Name,Expected Value\nA,\"Equals(1)\nB,Equals(2)\n");

        var error = session.InvokeExpectingError($"Get-ALSecurityBaseline -Path {Quote(bad)}");

        Assert.StartsWith("BaselineCatalogInvalid", error.FullyQualifiedErrorId, System.StringComparison.Ordinal);
        Assert.Contains("line 2", error.Exception.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_ALSecurityBaseline_lists_changes_between_releases()
    {
        var changes = session.Invoke("Compare-ALSecurityBaseline -ReferenceRelease 2604 -DifferenceRelease 2610").Select(o => (BaselineRuleChange)o.BaseObject).ToList();

        Assert.Contains(changes, c => c.Change == BaselineChangeKind.Added);
        Assert.Equal(ShippedBaselines.Get("2610", BaselineProfile.DomainJoined).Rules.Count - ShippedBaselines.Get("2604", BaselineProfile.DomainJoined).Rules.Count,
            changes.Count(c => c.Change == BaselineChangeKind.Added) - changes.Count(c => c.Change == BaselineChangeKind.Removed));
    }

    [Fact]
    public void Test_ALSecurityBaseline_evaluates_a_bundle_and_summarizes_it()
    {
        using var dir = new TempDir();
        var catalog = ShippedBaselines.Get("2610", BaselineProfile.DomainJoined);
        var path = WriteBundle(dir, BaselineEvidence.Compliant(catalog, domainJoined: true, out _));

        var results = session.Invoke($"Test-ALSecurityBaseline -EvidencePath {Quote(path)}").Select(o => (BaselineRuleResult)o.BaseObject).ToList();
        var summary = (BaselineSummary)session.Invoke($"Test-ALSecurityBaseline -EvidencePath {Quote(path)} -Summary").Single().BaseObject;

        Assert.Equal(catalog.Rules.Count, results.Count);
        Assert.DoesNotContain(results, r => r.Status == CheckStatus.NonCompliant);
        Assert.Equal(results.Count(r => r.Status == CheckStatus.Compliant), summary.Compliant);
        Assert.Equal(100.0, summary.CompliancePercent);
        Assert.True(summary.DriftControlEnabled);
    }

    [Fact]
    public void Test_ALSecurityBaseline_on_a_live_node_without_windows_facts_is_unknown_never_non_compliant()
    {
        // This machine is Linux: every Windows fact is recorded as not supported, and drift control's cmdlet is absent.
        var summary = (BaselineSummary)session.Invoke("Test-ALSecurityBaseline -Profile AdLess -Summary").Single().BaseObject;

        Assert.Equal(0, summary.NonCompliant);
        Assert.Equal(0, summary.Compliant);
        Assert.Equal(summary.Total, summary.Unknown + summary.Error + summary.NotApplicable);
        Assert.Null(summary.DriftControlEnabled);
        Assert.Null(summary.CompliancePercent);
    }

    [Fact]
    public void A_snapshot_then_a_changed_capture_shows_the_drift()
    {
        using var dir = new TempDir();
        var catalog = ShippedBaselines.Get("2610", BaselineProfile.DomainJoined);
        var compliant = BaselineEvidence.Compliant(catalog, domainJoined: true, out _);
        var store = new EvidenceStateStore(compliant);
        store.Write(BaselineFactMap.Resolve(catalog.Find("LANManagerAuthenticationLevel")!), FactValue.FromNumber(3), "REG_DWORD");
        var before = WriteBundle(dir, compliant, "before.zip");
        var after = WriteBundle(dir, store.ToBundle(), "after.zip");
        var snapshot = Path.Combine(dir.Path, "snap.json");

        session.Invoke($"Save-ALSecurityBaselineSnapshot -SnapshotPath {Quote(snapshot)} -EvidencePath {Quote(before)}");
        var drift = session.Invoke($"Get-ALSecurityBaselineDrift -Snapshot {Quote(snapshot)} -EvidencePath {Quote(after)}").Select(o => (BaselineDriftItem)o.BaseObject).ToList();

        var item = Assert.Single(drift);
        Assert.Equal("LANManagerAuthenticationLevel", item.RuleName);
        Assert.Equal("5", item.Before);
        Assert.Equal("3", item.After);
        Assert.False(item.NowCompliant);
    }

    [Fact]
    public void Repair_ALSecurityBaseline_on_a_capture_only_plans()
    {
        using var dir = new TempDir();
        var catalog = ShippedBaselines.Get("2610", BaselineProfile.DomainJoined);
        var store = new EvidenceStateStore(BaselineEvidence.Compliant(catalog, domainJoined: true, out _));
        store.Write(BaselineFactMap.Resolve(catalog.Find("LANManagerAuthenticationLevel")!), FactValue.FromNumber(3), "REG_DWORD");
        var path = WriteBundle(dir, store.ToBundle());
        var bytes = File.ReadAllBytes(path);

        var plan = session.Invoke($"Repair-ALSecurityBaseline -EvidencePath {Quote(path)} -Confirm:$false").Select(o => (BaselineRepairAction)o.BaseObject).ToList();

        var action = Assert.Single(plan);
        Assert.Equal(FactValue.FromNumber(5), action.After);
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }

    [Fact]
    public void Undo_ALSecurityBaselineRepair_reports_a_damaged_record()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "undo.json");
        File.WriteAllText(path, "{ not json");

        var error = session.InvokeExpectingError($"Undo-ALSecurityBaselineRepair -Path {Quote(path)}");

        Assert.StartsWith("BaselineUndoFileInvalid", error.FullyQualifiedErrorId, System.StringComparison.Ordinal);
    }
}
