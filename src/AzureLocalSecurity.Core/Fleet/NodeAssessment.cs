using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Results;

namespace AzureLocalSecurity.Fleet;

/// <summary>
/// One node's part of a fleet assessment: its results (every one about the node as captured), or, for a node that
/// failed, the single <see cref="FleetCheck.Id"/> result with the reason.
/// </summary>
public sealed class NodeAssessment
{
    private readonly SecurityCheckResult[] _results;
    private readonly string[] _warnings;

    internal NodeAssessment(string target, string nodeName, IEnumerable<SecurityCheckResult> results, EvidenceBundle? bundle, NodeFailureKind? failureKind, string? failureReason, IEnumerable<string> warnings)
    {
        Target = target;
        NodeName = nodeName;
        _results = results.ToArray();
        Bundle = bundle;
        FailureKind = failureKind;
        FailureReason = failureReason;
        _warnings = warnings.ToArray();
    }

    /// <summary>The name the node was asked by (what the user gave).</summary>
    public string Target { get; }

    /// <summary>The node's name as captured (the bundle's node); the target when there is no capture.</summary>
    public string NodeName { get; }

    /// <summary>True when the node was captured and analyzed.</summary>
    public bool Succeeded => FailureKind is null;

    /// <summary>Why the node has no results of its own; null when it has.</summary>
    public NodeFailureKind? FailureKind { get; }

    /// <summary>The reason in words; null when the node succeeded.</summary>
    public string? FailureReason { get; }

    /// <summary>The results: the analysis of the capture, or the one fleet result of a failed node.</summary>
    public IReadOnlyList<SecurityCheckResult> Results => _results;

    /// <summary>The node's evidence, when it was captured (also when the analysis then failed).</summary>
    public EvidenceBundle? Bundle { get; }

    /// <summary>Where the bundle was saved, when it was.</summary>
    public string? EvidencePath { get; private set; }

    /// <summary>Why the bundle could not be saved, when saving was asked and failed; the results stand.</summary>
    public Exception? EvidenceWriteError { get; private set; }

    /// <summary>Errors the node reported that did not stop it from returning a capture.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>True when the name the user gave differs from the node's name as captured (a FQDN, an alias, an address).</summary>
    public bool TargetDiffersFromNodeName => !string.Equals(Target, NodeName, StringComparison.OrdinalIgnoreCase);

    internal NodeAssessment WithEvidence(string? path, Exception? error)
    {
        EvidencePath = path;
        EvidenceWriteError = error;
        return this;
    }

    /// <inheritdoc />
    public override string ToString() => Succeeded ? $"{NodeName}: {_results.Length} results" : $"{Target}: {FailureKind} ({FailureReason})";
}
