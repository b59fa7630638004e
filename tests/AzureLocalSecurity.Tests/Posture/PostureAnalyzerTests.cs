using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using AzureLocalSecurity.Baseline;
using AzureLocalSecurity.Baseline.Catalog;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Posture;
using AzureLocalSecurity.Results;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Posture;

public sealed class PostureAnalyzerTests
{
    private static readonly DateTime AsOf = new(2026, 1, 15, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Every_area_is_assessed_in_order_and_every_result_carries_the_node_name()
    {
        var bundle = AppControlBundles.AzureLocalEnforced();

        var results = PostureAnalyzer.Analyze(bundle, new PostureOptions { AsOf = AsOf });

        Assert.Equal(["Baseline", "SecuredCore", "SecureBoot", "BitLocker", "AppControl", "Tpm", "Platform", "PrivilegedAccess", "SecurityLogging", "Cryptography", "Defender", "Identity"], results.Select(r => r.Area).Distinct());
        Assert.All(results, r => Assert.Equal("NODE01", r.NodeName));
    }

    [Fact]
    public void The_baseline_area_evaluates_the_catalog_test_alsecuritybaseline_would_choose()
    {
        var bundle = AppControlBundles.AzureLocalEnforced();

        var baseline = PostureAnalyzer.Analyze(bundle, new PostureOptions { Areas = [PostureArea.Baseline] });

        // The node is joined to CONTOSO, so the latest domain-joined list.
        Assert.Equal(ShippedBaselines.Get(null, BaselineProfile.DomainJoined).Rules.Select(r => r.Name), baseline.Select(r => r.Id));
    }

    [Fact]
    public void An_area_filter_keeps_only_those_areas()
    {
        var results = PostureAnalyzer.Analyze(BitLockerBundles.AzureLocalNode(), new PostureOptions { Areas = [PostureArea.Tpm, PostureArea.BitLocker] });

        Assert.Equal(["BitLocker", "Tpm"], results.Select(r => r.Area).Distinct());
    }

    [Fact]
    public void A_framework_keeps_only_results_mapped_to_it()
    {
        var results = PostureAnalyzer.Analyze(AppControlBundles.AzureLocalEnforced(), new PostureOptions { Framework = ComplianceFramework.Stig, AsOf = AsOf });
        var expected = ShippedBaselines.Get(null, BaselineProfile.DomainJoined).Rules.Count(r => r.Controls.Any(c => c.Framework == ComplianceFramework.Stig));

        Assert.Equal(expected, results.Count);
        Assert.All(results, r => Assert.True(r.IsMappedTo(ComplianceFramework.Stig)));
    }

    [Fact]
    public void The_same_bundle_gives_the_same_results()
    {
        var bundle = EvidenceBundleReader.Read(PostureVectors.SecuredCoreNode);
        var options = new PostureOptions { AsOf = AsOf };

        Assert.Equal(
            PostureAnalyzer.Analyze(bundle, options).Select(r => (r.Id, r.Status, r.Actual)),
            PostureAnalyzer.Analyze(bundle, options).Select(r => (r.Id, r.Status, r.Actual)));
    }

    [Fact]
    public void A_folder_of_bundles_is_read_lazily_one_bundle_alive_at_a_time()
    {
        using var dir = new TempDir();
        const int Count = 6;
        var source = EvidenceBundleReader.Read(PostureVectors.BitLockerNode);
        for (var i = 0; i < Count; i++)
        {
            EvidenceBundleWriter.Write(PostureVectors.Renamed(source, "NODE" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture)), dir.Combine($"node{i:00}.zip"), overwrite: false);
        }

        var reader = new TrackingReader();
        var maxAlive = 0;
        var nodes = new List<string>();
        foreach (var assessment in PostureAnalyzer.AnalyzeEach([dir.Path], new PostureOptions { Areas = [PostureArea.BitLocker, PostureArea.Tpm] }, reader.Read))
        {
            Assert.Equal(nodes.Count + 1, reader.Reads);
            nodes.Add(assessment.NodeName!);
            maxAlive = Math.Max(maxAlive, reader.Alive());
        }

        Assert.Equal(Enumerable.Range(0, Count).Select(i => "NODE" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture)), nodes);
        Assert.Equal(0, maxAlive);
    }

    [Fact]
    public void An_unreadable_bundle_in_a_folder_is_reported_and_the_others_are_assessed()
    {
        using var dir = new TempDir();
        EvidenceBundleWriter.Write(BitLockerBundles.AzureLocalNode(), dir.Combine("a.zip"), overwrite: false);
        File.WriteAllText(dir.Combine("b.zip"), "not a zip");
        EvidenceBundleWriter.Write(PostureVectors.Renamed(BitLockerBundles.AzureLocalNode(), "NODE02"), dir.Combine("c"), overwrite: false);

        var assessments = PostureAnalyzer.AnalyzeEach([dir.Path], new PostureOptions { Areas = [PostureArea.Platform] }).ToList();

        Assert.Equal([true, false, true], assessments.Select(a => a.Succeeded));
        Assert.Equal(EvidenceFormatError.Damaged, assessments[1].Error!.Error);
        Assert.Empty(assessments[1].Results);
        Assert.Equal(["NODE01", null, "NODE02"], assessments.Select(a => a.NodeName));
    }

    [Fact]
    public void A_folder_that_is_a_bundle_is_one_bundle_and_a_folder_of_bundles_lists_its_zips_and_bundle_folders_by_name()
    {
        using var dir = new TempDir();
        EvidenceBundleWriter.Write(BitLockerBundles.AzureLocalNode(), dir.Combine("b-bundle"), overwrite: false);
        EvidenceBundleWriter.Write(BitLockerBundles.AzureLocalNode(), dir.Combine("a.zip"), overwrite: false);
        Directory.CreateDirectory(dir.Combine("not-a-bundle"));
        File.WriteAllText(dir.Combine("notes.txt"), "x");

        Assert.Equal([dir.Combine("a.zip"), dir.Combine("b-bundle")], EvidenceBundleLocator.Expand(dir.Path));
        Assert.Equal([dir.Combine("b-bundle")], EvidenceBundleLocator.Expand(dir.Combine("b-bundle")));
        Assert.Empty(EvidenceBundleLocator.Expand(dir.Combine("not-a-bundle")));
    }

    /// <summary>Reads bundles and keeps only weak references to them, so a test can see which are still alive.</summary>
    private sealed class TrackingReader
    {
        private readonly List<WeakReference> _bundles = [];

        public int Reads => _bundles.Count;

        public EvidenceBundle Read(string path)
        {
            var bundle = EvidenceBundleReader.Read(path);
            _bundles.Add(new WeakReference(bundle));
            return bundle;
        }

        /// <summary>How many bundles read so far are still reachable after a full collection.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public int Alive()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            return _bundles.Count(w => w.IsAlive);
        }
    }
}
