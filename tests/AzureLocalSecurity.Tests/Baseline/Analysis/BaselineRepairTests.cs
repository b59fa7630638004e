using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AzureLocalSecurity.Baseline;
using AzureLocalSecurity.Baseline.Analysis;
using AzureLocalSecurity.Baseline.Catalog;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Baseline.Repair;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Results;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Baseline.Analysis;

public sealed class BaselineRepairTests
{
    private static readonly BaselineCatalog Catalog = ShippedBaselines.Get("2610", BaselineProfile.DomainJoined);

    /// <summary>A compliant node on which every 7th repairable rule (registry, user right, audit, account policy) was changed away from the baseline.</summary>
    private static EvidenceBundle DriftedNode(out int changed)
    {
        var store = new EvidenceStateStore(BaselineEvidence.Compliant(Catalog, domainJoined: true, out _));
        var results = BaselineAnalyzer.Evaluate(Catalog.Rules, store.ToBundle());
        changed = 0;
        var i = 0;
        var touched = new HashSet<FactRef>();
        foreach (var result in results.Where(r => r.Status == CheckStatus.Compliant && r.Fact.Source is not (FactSource.SecuredCoreStatus or FactSource.Unsupported)))
        {
            if (i++ % 7 != 0 || !touched.Add(result.Fact))
            {
                continue;
            }

            var bad = BaselineAnalyzerTests.NonCompliantValue(result.Rule, result.Fact);
            if (bad is not null)
            {
                store.Write(result.Fact, bad, BaselineEvidence.RegistryTypeOf(result.Rule, bad));
                changed++;
            }
        }

        return store.ToBundle();
    }

    private static byte[][] Bytes(EvidenceBundle bundle)
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "b.zip");
        EvidenceBundleWriter.Write(bundle, path, overwrite: false);
        using var zip = System.IO.Compression.ZipFile.OpenRead(path);
        return zip.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal).Select(e =>
        {
            using var s = e.Open();
            using var m = new MemoryStream();
            s.CopyTo(m);
            return m.ToArray();
        }).ToArray();
    }

    [Fact]
    public void Repair_then_undo_restores_the_evidence_byte_for_byte()
    {
        var drifted = DriftedNode(out var changed);
        var results = BaselineAnalyzer.Evaluate(Catalog.Rules, drifted);
        var plan = BaselineRepairPlanner.Plan(results, includeManaged: true);
        var store = new EvidenceStateStore(drifted);
        BaselineUndoFile? undo = null;

        var outcomes = BaselineRepairExecutor.Apply("NODE01", plan.Actions, store, "0.1.0", Bundles.Time, u => undo = u);

        Assert.True(changed > 40, changed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(plan.Actions.Count, outcomes.Count(o => o.Result == BaselineChangeResult.Changed));
        Assert.DoesNotContain(BaselineAnalyzer.Evaluate(Catalog.Rules, store.ToBundle()), r => r.Status == CheckStatus.NonCompliant);
        Assert.NotNull(undo);

        using var dir = new TempDir();
        var undoPath = Path.Combine(dir.Path, "undo.json");
        undo!.Save(undoPath);
        BaselineRepairExecutor.Undo(BaselineUndoFile.Load(undoPath), store);

        var expected = Bytes(drifted);
        var actual = Bytes(store.ToBundle());
        Assert.Equal(System.Text.Encoding.UTF8.GetString(expected[0]), System.Text.Encoding.UTF8.GetString(actual[0]));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_second_repair_changes_nothing_and_writes_no_undo_record()
    {
        var drifted = DriftedNode(out _);
        var store = new EvidenceStateStore(drifted);
        var plan = BaselineRepairPlanner.Plan(BaselineAnalyzer.Evaluate(Catalog.Rules, drifted), includeManaged: true);
        BaselineRepairExecutor.Apply("NODE01", plan.Actions, store, "0.1.0", Bundles.Time, _ => { });
        var undoWritten = false;

        var again = BaselineRepairExecutor.Apply("NODE01", plan.Actions, store, "0.1.0", Bundles.Time, _ => undoWritten = true);

        Assert.All(again, o => Assert.Equal(BaselineChangeResult.Unchanged, o.Result));
        Assert.False(undoWritten);
    }

    [Fact]
    public void The_undo_record_is_saved_before_the_first_change()
    {
        var drifted = DriftedNode(out _);
        var store = new RecordingStore(new EvidenceStateStore(drifted));
        var plan = BaselineRepairPlanner.Plan(BaselineAnalyzer.Evaluate(Catalog.Rules, drifted), includeManaged: true);

        BaselineRepairExecutor.Apply("NODE01", plan.Actions, store, "0.1.0", Bundles.Time, _ => store.Log.Add("undo"));

        Assert.Equal("undo", store.Log.First(l => l is "undo" or "write"));
    }

    [Fact]
    public void A_value_that_was_absent_is_removed_again_by_undo()
    {
        var node = BaselineEvidence.Compliant(Catalog, domainJoined: true, out _);
        var rule = Catalog.Find("LANManagerAuthenticationLevel")!;
        var fact = BaselineFactMap.Resolve(rule);
        var store = new EvidenceStateStore(node);
        store.Write(fact, FactValue.Absent, null);
        var drifted = store.ToBundle();
        var plan = BaselineRepairPlanner.Plan(BaselineAnalyzer.Evaluate([rule], drifted));
        BaselineUndoFile? undo = null;

        BaselineRepairExecutor.Apply("NODE01", plan.Actions, store, "0.1.0", Bundles.Time, u => undo = u);
        Assert.Equal(FactValue.FromNumber(5), store.Read(fact).Value);
        BaselineRepairExecutor.Undo(undo!, store);

        Assert.Equal(FactValueKind.Absent, store.Read(fact).Value!.Kind);
        Assert.Equal(FactValueKind.Absent, undo!.Entries.Single().Before.Kind);
    }

    [Fact]
    public void A_managed_setting_is_skipped_unless_forced_and_statuses_are_never_planned()
    {
        var catalog = ShippedBaselines.Get("2610", BaselineProfile.DomainJoined);
        var node = Bundles.Windows();
        var results = BaselineAnalyzer.Evaluate(catalog.Rules, BaselineEvidence.SecuredCoreNode(true));

        var plan = BaselineRepairPlanner.Plan(results.Where(r => r.Status == CheckStatus.NonCompliant));

        Assert.DoesNotContain(plan.Actions, a => a.Fact.Source is FactSource.SecuredCoreStatus or FactSource.Unsupported);
        Assert.All(plan.Actions, a => Assert.Null(a.Owner));
        Assert.NotNull(node);
    }

    [Fact]
    public void A_user_right_repair_restores_the_catalogs_default_holders_and_drops_the_others()
    {
        var rule = Catalog.Find("UserRightsAccessFromNetwork")!;
        var fact = BaselineFactMap.Resolve(rule);
        var store = new EvidenceStateStore(BaselineEvidence.Compliant(Catalog, domainJoined: true, out _));
        store.Write(fact, FactValue.FromSids(["S-1-5-32-544", "S-1-1-0"]), null);

        var plan = BaselineRepairPlanner.Plan(BaselineAnalyzer.Evaluate([rule], store.ToBundle()));

        // Azure Local's own default (administrators and authenticated users) satisfies the rule, so it is what is restored.
        Assert.Equal(["S-1-5-32-544", "S-1-5-11"], plan.Actions.Single().After.Items);
    }

    [Fact]
    public void A_damaged_undo_record_fails_with_a_clear_error()
    {
        Assert.Throws<BaselineUndoFileException>(() => BaselineUndoFile.Parse("{\"kind\":\"AzureLocalSecurity.BaselineUndo\",\"schema\":2}"u8.ToArray()));
        Assert.Throws<BaselineUndoFileException>(() => BaselineUndoFile.Parse("not json"u8.ToArray()));
        Assert.Throws<BaselineUndoFileException>(() => BaselineUndoFile.Parse("{\"kind\":\"AzureLocalSecurity.BaselineUndo\",\"schema\":1,\"node\":\"N\",\"createdAt\":\"2026-01-01T00:00:00Z\",\"moduleVersion\":\"0.1.0\",\"entries\":[{\"rule\":\"R\",\"source\":\"Nowhere\",\"path\":\"\",\"name\":\"x\",\"before\":{\"kind\":\"Absent\"},\"after\":{\"kind\":\"Absent\"}}]}"u8.ToArray()));
    }

    [Fact]
    public void The_records_of_a_whole_catalog_stay_far_below_the_readers_limits()
    {
        using var dir = new TempDir();
        var drifted = DriftedNode(out _);
        var results = BaselineAnalyzer.Evaluate(Catalog.Rules, drifted);
        var snapshotPath = Path.Combine(dir.Path, "snap.json");
        AzureLocalSecurity.Baseline.Drift.BaselineSnapshot.FromResults("NODE01", Bundles.Time, "2610", BaselineProfile.DomainJoined, "shipped", results).Save(snapshotPath, overwrite: false);
        var everyRule = results.Where(r => r.ActualValue is not null).Select(r => new BaselineUndoEntry(r.RuleName, r.Fact, r.Rule.RegistryValueType, r.ActualValue!, r.ActualValue!));
        var undoPath = Path.Combine(dir.Path, "undo.json");
        new BaselineUndoFile("NODE01", Bundles.Time, "0.1.0", everyRule).Save(undoPath);

        Assert.InRange(new FileInfo(snapshotPath).Length, 1, AzureLocalSecurity.Baseline.Drift.BaselineSnapshot.MaxBytes / 8);
        Assert.InRange(new FileInfo(undoPath).Length, 1, BaselineUndoFile.MaxBytes / 8);
        Assert.Equal(results.Count, AzureLocalSecurity.Baseline.Drift.BaselineSnapshot.Load(snapshotPath).Entries.Count);
    }

    [Fact]
    public void An_undo_record_is_never_overwritten()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "undo.json");
        var undo = new BaselineUndoFile("NODE01", Bundles.Time, "0.1.0", []);
        undo.Save(path);

        Assert.Throws<BaselineUndoFileException>(() => undo.Save(path));
    }

    private sealed class RecordingStore(IBaselineStateStore inner) : IBaselineStateStore
    {
        public List<string> Log { get; } = [];

        public FactReading Read(FactRef fact) => inner.Read(fact);

        public void Write(FactRef fact, FactValue value, string? registryType)
        {
            Log.Add("write");
            inner.Write(fact, value, registryType);
        }
    }
}
