using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Fleet;
using AzureLocalSecurity.Results;
using AzureLocalSecurity.SecuredCore;
using AzureLocalSecurity.Tests.Support;
using Newtonsoft.Json.Linq;
using Xunit;

namespace AzureLocalSecurity.Tests.Fleet;

/// <summary>The fan-out engine over the local-runspace seam: real PowerShell runspaces, one per node, run in parallel.</summary>
[Collection(AzureLocalSecurity.Tests.Support.ProcessEnvironmentTests.Name)]
public sealed class FleetAssessmentTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    /// <summary>A script that never ends on its own; short sleeps so that stopping the pipeline takes effect (only the core commands exist here, no Start-Sleep).</summary>
    internal const string Hang = "while ($true) { [System.Threading.Thread]::Sleep(100) }; ";

    /// <summary>A node script that answers with a small capture naming the node as it "captured" itself.</summary>
    private static string Answer(string capturedName, int sleepMs = 0) =>
        (sleepMs > 0 ? $"[System.Threading.Thread]::Sleep({sleepMs}); " : string.Empty) + $"'{{\"node\":\"{capturedName}\"}}'";

    /// <summary>The test's reader of those captures: a bundle with the node's identity and no facts.</summary>
    private static EvidenceBundle Import(string json)
    {
        var name = (string?)JObject.Parse(json)["node"] ?? throw new FormatException("no node");
        return new EvidenceBundle(EvidenceSchema.CurrentVersion, new NodeIdentity(name, NodePlatform.Windows, "Microsoft Windows 10.0.25398", "X64"), Bundles.Time, "0.1.0", []);
    }

    private static IEnumerable<SecurityCheckResult> Analyze(EvidenceBundle bundle) => SecuredCoreAnalyzer.Evaluate(bundle).Results;

    private static List<NodeAssessment> RunAll(FleetAssessment engine, string[] targets, INodeCaptureSource source) =>
        engine.Run(targets, source, CancellationToken.None).ToList();

    [Fact]
    public void No_more_nodes_run_at_once_than_the_throttle_limit_and_that_many_do()
    {
        var targets = new[] { "n1", "n2", "n3", "n4", "n5", "n6" };
        var source = new LocalRunspaceCaptureSource(targets, t => Answer(t, sleepMs: 1500), [], throttleLimit: 2, Generous);

        var nodes = RunAll(new FleetAssessment(Import, Analyze), targets, source);

        Assert.Equal(2, source.Gauge.Max);
        Assert.Equal(targets.OrderBy(t => t), nodes.Select(n => n.NodeName).OrderBy(t => t));
        Assert.All(nodes, n => Assert.True(n.Succeeded));
    }

    [Fact]
    public void With_a_limit_above_the_node_count_every_node_runs_at_the_same_time()
    {
        var targets = new[] { "n1", "n2", "n3" };
        var source = new LocalRunspaceCaptureSource(targets, t => Answer(t, sleepMs: 2000), [], throttleLimit: 32, Generous);

        RunAll(new FleetAssessment(Import, Analyze), targets, source);

        Assert.Equal(3, source.Gauge.Max);
    }

    [Fact]
    public void A_node_that_throws_one_that_returns_bad_JSON_and_one_that_times_out_are_reported_and_the_others_complete()
    {
        var targets = new[] { "good1", "boom", "badjson", "slow", "good2" };
        var scripts = new Dictionary<string, string>
        {
            ["boom"] = "throw 'the capture failed on this node'",
            ["badjson"] = "'this is not { json'",
            ["slow"] = Hang + Answer("slow"),
        };
        var source = new LocalRunspaceCaptureSource(targets, t => scripts.TryGetValue(t, out var s) ? s : Answer(t), [], throttleLimit: 5, TimeSpan.FromSeconds(8));

        var nodes = RunAll(new FleetAssessment(Import, Analyze), targets, source).ToDictionary(n => n.Target);

        Assert.Equal(NodeFailureKind.ScriptFailed, nodes["boom"].FailureKind);
        Assert.Contains("the capture failed on this node", nodes["boom"].FailureReason, StringComparison.Ordinal);
        Assert.Equal(NodeFailureKind.InvalidCapture, nodes["badjson"].FailureKind);
        Assert.StartsWith("The node's capture could not be read: ", nodes["badjson"].FailureReason, StringComparison.Ordinal);
        Assert.Equal(NodeFailureKind.TimedOut, nodes["slow"].FailureKind);
        Assert.True(nodes["good1"].Succeeded);
        Assert.True(nodes["good2"].Succeeded);
        Assert.Equal(9, nodes["good1"].Results.Count);
    }

    [Fact]
    public void A_failed_node_has_one_ALSEC_FLEET_001_Error_result_with_the_reason_under_the_name_it_was_asked_by()
    {
        var source = new LocalRunspaceCaptureSource(["node07.contoso.com"], _ => "throw 'Access is denied.'", [], 1, Generous);

        var node = RunAll(new FleetAssessment(Import, Analyze), ["node07.contoso.com"], source).Single();

        var result = Assert.Single(node.Results);
        Assert.Equal(("ALSEC-FLEET-001", "Fleet", CheckStatus.Error), (result.Id, result.Area, result.Status));
        Assert.Equal("node07.contoso.com", result.NodeName);
        Assert.Contains("Access is denied.", result.Reason, StringComparison.Ordinal);
        Assert.Equal("ScriptFailed", result.Actual);
    }

    [Fact]
    public void Every_result_is_tagged_with_the_node_as_captured_and_keeps_the_name_it_was_asked_by()
    {
        var targets = new[] { "10.0.0.11", "node02.contoso.com", "NODE03" };
        var captured = new Dictionary<string, string> { ["10.0.0.11"] = "NODE01", ["node02.contoso.com"] = "NODE02", ["NODE03"] = "NODE03" };
        var source = new LocalRunspaceCaptureSource(targets, t => Answer(captured[t], sleepMs: 200 * Array.IndexOf(targets, t)), [], 3, Generous);

        var nodes = RunAll(new FleetAssessment(Import, Analyze), targets, source);

        foreach (var node in nodes)
        {
            Assert.Equal(captured[node.Target], node.NodeName);
            Assert.All(node.Results, r => Assert.Equal(captured[node.Target], r.NodeName));
        }

        Assert.Equal([true, true, false], targets.Select(t => nodes.Single(n => n.Target == t).TargetDiffersFromNodeName));
    }

    [Fact]
    public void Answers_are_analyzed_on_the_enumerating_thread_as_they_arrive_not_after_the_slowest_node()
    {
        var targets = new[] { "fast", "slow" };
        var source = new LocalRunspaceCaptureSource(targets, t => Answer(t, sleepMs: t == "slow" ? 6000 : 0), [], 2, Generous);
        var analyzedOn = new List<int>();
        var engine = new FleetAssessment(Import, b =>
        {
            analyzedOn.Add(Environment.CurrentManagedThreadId);
            return Analyze(b);
        });
        var clock = Stopwatch.StartNew();
        var arrivals = new List<(string Node, TimeSpan At)>();

        foreach (var node in engine.Run(targets, source, CancellationToken.None))
        {
            arrivals.Add((node.NodeName, clock.Elapsed));
        }

        Assert.Equal(["fast", "slow"], arrivals.Select(a => a.Node));
        Assert.True(arrivals[1].At - arrivals[0].At > TimeSpan.FromSeconds(3), $"fast at {arrivals[0].At}, slow at {arrivals[1].At}");
        Assert.All(analyzedOn, id => Assert.Equal(Environment.CurrentManagedThreadId, id));
        Assert.DoesNotContain(Environment.CurrentManagedThreadId, source.WorkerThreads.Values);
    }

    [Fact]
    public void A_target_the_source_never_answers_for_is_reported_unreachable()
    {
        var source = new ListCaptureSource(NodeCapture.FromJson("node01", "{\"node\":\"node01\"}"));

        var nodes = RunAll(new FleetAssessment(Import, Analyze), ["node01", "node02"], source);

        Assert.True(nodes[0].Succeeded);
        Assert.Equal(("node02", NodeFailureKind.Unreachable), (nodes[1].Target, nodes[1].FailureKind!.Value));
        Assert.Contains("did not answer", nodes[1].FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_answer_for_the_same_node_is_ignored()
    {
        var source = new ListCaptureSource(
            NodeCapture.FromJson("node01", "{\"node\":\"node01\"}"),
            NodeCapture.Failed("NODE01", NodeFailureKind.Unreachable, "late transport error"));

        var nodes = RunAll(new FleetAssessment(Import, Analyze), ["node01"], source);

        Assert.True(Assert.Single(nodes).Succeeded);
    }

    [Fact]
    public void Cancelling_ends_the_run_without_reporting_nodes_that_had_not_answered()
    {
        using var cancel = new CancellationTokenSource();
        var source = new ListCaptureSource(NodeCapture.FromJson("node01", "{\"node\":\"node01\"}"));
        var engine = new FleetAssessment(Import, Analyze);

        var nodes = new List<NodeAssessment>();
        foreach (var node in engine.Run(["node01", "node02"], source, cancel.Token))
        {
            nodes.Add(node);
            cancel.Cancel();
        }

        Assert.Equal(["node01"], nodes.Select(n => n.Target));
    }

    [Fact]
    public void An_analysis_that_throws_fails_that_node_only_and_its_evidence_is_still_saved()
    {
        using var dir = new TempDir();
        var source = new ListCaptureSource(NodeCapture.FromJson("a", "{\"node\":\"NODEA\"}"), NodeCapture.FromJson("b", "{\"node\":\"NODEB\"}"));
        var engine = new FleetAssessment(Import, b => b.NodeName == "NODEA" ? throw new InvalidOperationException("defect") : Analyze(b)) { EvidenceOutputPath = dir.Path };

        var nodes = RunAll(engine, ["a", "b"], source);

        Assert.Equal(NodeFailureKind.AnalysisFailed, nodes[0].FailureKind);
        Assert.Equal("NODEA", nodes[0].NodeName);
        Assert.Contains("defect", nodes[0].FailureReason, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir.Path, "NODEA.zip")));
        Assert.True(nodes[1].Succeeded);
    }

    [Fact]
    public void EvidenceOutputPath_saves_each_node_as_a_bundle_that_reads_back_and_analyzes_the_same()
    {
        using var dir = new TempDir();
        var folder = dir.Combine("evidence");
        var targets = new[] { "node01", "node02.contoso.com" };
        var source = new LocalRunspaceCaptureSource(targets, t => Answer(t.Split('.')[0].ToUpperInvariant()), [], 2, Generous);
        var engine = new FleetAssessment(Import, Analyze) { EvidenceOutputPath = folder };

        var nodes = RunAll(engine, targets, source);

        Assert.Equal(["NODE01.zip", "NODE02.zip"], Directory.GetFiles(folder).Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal));
        foreach (var node in nodes)
        {
            Assert.Equal(Path.Combine(folder, node.NodeName + ".zip"), node.EvidencePath);
            Assert.Null(node.EvidenceWriteError);
            var reread = EvidenceBundleReader.Read(node.EvidencePath!);
            Assert.Equal(node.NodeName, reread.NodeName);
            Assert.Equal(node.Results.Select(r => (r.Id, r.Status, r.Reason)), Analyze(reread).Select(r => (r.Id, r.Status, r.Reason)));
        }
    }

    [Fact]
    public void A_bundle_that_cannot_be_saved_is_reported_on_the_node_and_its_results_stand()
    {
        using var dir = new TempDir();
        var blocker = dir.Combine("file");
        File.WriteAllText(blocker, "not a folder");
        var engine = new FleetAssessment(Import, Analyze) { EvidenceOutputPath = blocker };

        var node = engine.Assess(NodeCapture.FromJson("node01", "{\"node\":\"node01\"}"));

        Assert.True(node.Succeeded);
        Assert.IsAssignableFrom<IOException>(node.EvidenceWriteError);
        Assert.Equal(9, node.Results.Count);
    }

    [Theory]
    [InlineData("NODE01", "NODE01.zip")]
    [InlineData("node01.contoso.com", "node01.contoso.com.zip")]
    [InlineData("..\\..\\evil", "_.._evil.zip")]
    [InlineData("a/b:c", "a_b_c.zip")]
    [InlineData("..", "_.zip")]
    public void The_bundle_file_name_is_the_node_name_with_nothing_that_could_make_a_path(string node, string file)
    {
        Assert.Equal(file, FleetAssessment.EvidenceFileName(node));
    }

    /// <summary>A source that hands out a fixed list of answers.</summary>
    private sealed class ListCaptureSource(params NodeCapture[] captures) : INodeCaptureSource
    {
        public IEnumerable<NodeCapture> Capture(CancellationToken cancellationToken) => captures;
    }
}
