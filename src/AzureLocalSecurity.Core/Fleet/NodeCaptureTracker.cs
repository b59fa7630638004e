using System;
using System.Collections.Generic;
using System.Linq;

namespace AzureLocalSecurity.Fleet;

/// <summary>
/// Turns what remoting reports per node (output objects, error records, the node's end) into one
/// <see cref="NodeCapture"/> per node, as early as it can be known: the first string a node writes is its capture; a
/// connection failure (unreachable, access denied, a broken session) ends the node at once; any other remote error is
/// held, and becomes the failure only if the node ends without a capture, else a warning on the capture.
/// Not thread-safe: the cmdlet feeds it from its own thread.
/// </summary>
public sealed class NodeCaptureTracker
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _done = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>True once the node has been given its capture or failure.</summary>
    public bool IsDone(string node) => _done.Contains(node);

    /// <summary>An object the node wrote. The first string is the capture; anything else, or a second string, is ignored.</summary>
    public NodeCapture? Output(string node, object? value)
    {
        if (_done.Contains(node) || value is not string json)
        {
            return null;
        }

        _done.Add(node);
        return NodeCapture.FromJson(node, json, HeldErrors(node));
    }

    /// <summary>An error the node reported. A connection failure ends the node; another error is held until the node ends.</summary>
    public NodeCapture? Error(string node, string message, bool connectionFailure)
    {
        if (_done.Contains(node))
        {
            return null;
        }

        var text = string.IsNullOrWhiteSpace(message) ? "The node reported an error without a message." : message.Trim();
        if (connectionFailure)
        {
            _done.Add(node);
            return NodeCapture.Failed(node, Classify(text), text);
        }

        if (!_errors.TryGetValue(node, out var list))
        {
            _errors[node] = list = [];
        }

        list.Add(text);
        return null;
    }

    /// <summary>The node's run ended. Without a capture, the held errors (or the lack of any output) are its failure.</summary>
    public NodeCapture? Finished(string node, string? endReason = null)
    {
        if (_done.Contains(node))
        {
            return null;
        }

        _done.Add(node);
        var held = HeldErrors(node);
        if (held.Count > 0)
        {
            return NodeCapture.Failed(node, NodeFailureKind.ScriptFailed, string.Join(" ", held));
        }

        return string.IsNullOrWhiteSpace(endReason)
            ? NodeCapture.Failed(node, NodeFailureKind.ScriptFailed, "The capture script ended without returning a capture.")
            : NodeCapture.Failed(node, Classify(endReason!), endReason!.Trim());
    }

    // WinRM's client says "...within the time specified" / "timed out" for its timeouts (the WSManFault text).
    private static NodeFailureKind Classify(string message) =>
        message.IndexOf("timed out", StringComparison.OrdinalIgnoreCase) >= 0 || message.IndexOf("time specified", StringComparison.OrdinalIgnoreCase) >= 0
            ? NodeFailureKind.TimedOut
            : NodeFailureKind.Unreachable;

    private List<string> HeldErrors(string node) => _errors.TryGetValue(node, out var list) ? list.ToList() : [];
}
