using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Results;

namespace AzureLocalSecurity.Fleet;

/// <summary>
/// The consuming half of a fleet assessment: each node's answer, as it arrives, is read into a bundle, saved if asked,
/// and analyzed; a node that fails at any step becomes one <see cref="FleetCheck"/> Error result and the others go on.
/// Everything runs on the caller's thread (the source owns the parallelism), so results can be written as they come.
/// </summary>
public sealed class FleetAssessment
{
    private readonly Func<string, EvidenceBundle> _importer;
    private readonly Func<EvidenceBundle, IEnumerable<SecurityCheckResult>> _analyzer;

    /// <summary>Creates the engine with the step that reads a capture document and the analysis to run on it.</summary>
    public FleetAssessment(Func<string, EvidenceBundle> importer, Func<EvidenceBundle, IEnumerable<SecurityCheckResult>> analyzer)
    {
        _importer = importer ?? throw new ArgumentNullException(nameof(importer));
        _analyzer = analyzer ?? throw new ArgumentNullException(nameof(analyzer));
    }

    /// <summary>A folder to save each captured node's bundle in, as <c>&lt;node&gt;.zip</c> (replacing one of that name); null: not saved.</summary>
    public string? EvidenceOutputPath { get; set; }

    /// <summary>
    /// Assesses every node the source answers for, in the order the answers arrive, then reports each target the source
    /// ended without a word from as <see cref="NodeFailureKind.Unreachable"/>. A second answer for the same node is ignored.
    /// Cancelling ends the enumeration without reporting the nodes that had not answered.
    /// </summary>
    public IEnumerable<NodeAssessment> Run(IEnumerable<string> targets, INodeCaptureSource source, CancellationToken cancellationToken)
    {
        if (targets is null)
        {
            throw new ArgumentNullException(nameof(targets));
        }

        if (source is null)
        {
            throw new ArgumentNullException(nameof(source));
        }

        var pending = targets.ToList();
        return RunCore(pending, source, cancellationToken);
    }

    /// <summary>Assesses one node's answer: read, save, analyze; any failure becomes the node's one fleet result.</summary>
    public NodeAssessment Assess(NodeCapture capture)
    {
        if (capture is null)
        {
            throw new ArgumentNullException(nameof(capture));
        }

        if (capture.Json is not { } json)
        {
            return Failed(capture.Target, capture.Target, capture.FailureKind!.Value, capture.FailureReason!, null, capture.Warnings);
        }

        EvidenceBundle bundle;
        try
        {
            bundle = _importer(json);
        }
        catch (Exception ex) when (IsNodeFailure(ex))
        {
            return Failed(capture.Target, capture.Target, NodeFailureKind.InvalidCapture, "The node's capture could not be read: " + ex.Message, null, capture.Warnings);
        }

        var (path, writeError) = Save(bundle);
        List<SecurityCheckResult> results;
        try
        {
            results = _analyzer(bundle).ToList();
        }
        catch (Exception ex) when (IsNodeFailure(ex))
        {
            return Failed(capture.Target, bundle.NodeName, NodeFailureKind.AnalysisFailed, "The analysis failed on the node's capture (" + ex.GetType().Name + "): " + ex.Message, bundle, capture.Warnings)
                .WithEvidence(path, writeError);
        }

        return new NodeAssessment(capture.Target, bundle.NodeName, results, bundle, null, null, capture.Warnings).WithEvidence(path, writeError);
    }

    /// <summary>
    /// The file name a node's bundle is saved under: the node's name with every character that is not a letter, a digit,
    /// '-', '_' or '.' replaced by '_' (no path can come out of a name), then <c>.zip</c>.
    /// </summary>
    public static string EvidenceFileName(string nodeName)
    {
        if (string.IsNullOrWhiteSpace(nodeName))
        {
            throw new ArgumentException("A node name is needed.", nameof(nodeName));
        }

        var sb = new StringBuilder(nodeName.Length + 4);
        foreach (var c in nodeName.Trim())
        {
            sb.Append(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' or '.' ? c : '_');
        }

        var name = sb.ToString().Trim('.');
        return (name.Length == 0 ? "_" : name) + ".zip";
    }

    private static NodeAssessment Failed(string target, string nodeName, NodeFailureKind kind, string reason, EvidenceBundle? bundle, IEnumerable<string> warnings) =>
        new(target, nodeName, [FleetCheck.NodeFailed(nodeName, kind, reason)], bundle, kind, reason, warnings);

    // One node's bad document or a defect the analysis hits on it must not stop the other nodes; cancellation and the
    // runtime's own failures still do.
    private static bool IsNodeFailure(Exception ex) => ex is not (OperationCanceledException or OutOfMemoryException or StackOverflowException);

    private IEnumerable<NodeAssessment> RunCore(List<string> targets, INodeCaptureSource source, CancellationToken cancellationToken)
    {
        var answered = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var capture in source.Capture(cancellationToken))
        {
            if (!answered.Add(capture.Target))
            {
                continue;
            }

            yield return Assess(capture);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            yield break;
        }

        foreach (var target in targets.Where(t => !answered.Contains(t)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            yield return Failed(target, target, NodeFailureKind.Unreachable, "The node did not answer: the capture ended without a result or an error from it.", null, []);
        }
    }

    private (string? Path, Exception? Error) Save(EvidenceBundle bundle)
    {
        if (EvidenceOutputPath is not { } folder)
        {
            return (null, null);
        }

        var path = Path.Combine(folder, EvidenceFileName(bundle.NodeName));
        try
        {
            Directory.CreateDirectory(folder);
            EvidenceBundleWriter.Write(bundle, path, overwrite: true);
            return (path, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (path, ex);
        }
    }
}
