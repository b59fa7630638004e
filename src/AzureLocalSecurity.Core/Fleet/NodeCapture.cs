using System;
using System.Collections.Generic;
using System.Linq;

namespace AzureLocalSecurity.Fleet;

/// <summary>
/// What one node gave back to a fleet capture: the capture document (one JSON string), or why there is none. The
/// target is the name the node was asked by (what the user typed, a cluster node name, a session's computer name).
/// </summary>
public sealed class NodeCapture
{
    private readonly string[] _warnings;

    private NodeCapture(string target, string? json, NodeFailureKind? failureKind, string? failureReason, IEnumerable<string>? warnings)
    {
        Target = string.IsNullOrWhiteSpace(target) ? throw new ArgumentException("A capture needs the node's name.", nameof(target)) : target;
        Json = json;
        FailureKind = failureKind;
        FailureReason = failureReason;
        _warnings = warnings?.ToArray() ?? [];
    }

    /// <summary>The name the node was asked by.</summary>
    public string Target { get; }

    /// <summary>The capture document, or null when the node failed.</summary>
    public string? Json { get; }

    /// <summary>Why there is no capture; null when there is one.</summary>
    public NodeFailureKind? FailureKind { get; }

    /// <summary>The reason in words (the remote error's message); null when there is a capture.</summary>
    public string? FailureReason { get; }

    /// <summary>True when the node returned a capture document.</summary>
    public bool Succeeded => Json is not null;

    /// <summary>Errors the node reported that did not stop it from returning a capture.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>A node that returned its capture document.</summary>
    public static NodeCapture FromJson(string target, string json, IEnumerable<string>? warnings = null) =>
        new(target, json ?? throw new ArgumentNullException(nameof(json)), null, null, warnings);

    /// <summary>A node that returned no capture, and why.</summary>
    public static NodeCapture Failed(string target, NodeFailureKind kind, string reason) =>
        new(target, null, kind, string.IsNullOrWhiteSpace(reason) ? throw new ArgumentException("A failure must say why.", nameof(reason)) : reason, null);

    /// <inheritdoc />
    public override string ToString() => Succeeded ? $"{Target}: capture of {Json!.Length} characters" : $"{Target}: {FailureKind} ({FailureReason})";
}
