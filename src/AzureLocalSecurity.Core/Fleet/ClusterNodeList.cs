using System;
using System.Collections.Generic;

namespace AzureLocalSecurity.Fleet;

/// <summary>
/// Reads the node list a cluster gives (Get-ClusterNode's Name and State, sent back over remoting) and tells which nodes
/// to assess. The state arrives as the ClusterNodeState name (Up, Down, Paused, Joining, Unknown) or, from a serializer
/// that kept the number, as its value (0 Up, 1 Down, 2 Paused, 3 Joining, -1 Unknown; the CLUSTER_NODE_STATE values of
/// clusapi.h).
/// </summary>
public static class ClusterNodeList
{
    /// <summary>The state of a node that is a working member of the cluster.</summary>
    public const string Up = "Up";

    /// <summary>The remote script that lists the nodes: in-box Get-ClusterNode (FailoverClusters module on the node), names and states as strings.</summary>
    public const string Script = "Get-ClusterNode -ErrorAction Stop | ForEach-Object { [pscustomobject]@{ Name = [string]$_.Name; State = [string]$_.State } }";

    private static readonly Dictionary<string, string> StateNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Up"] = "Up",
        ["Down"] = "Down",
        ["Paused"] = "Paused",
        ["Joining"] = "Joining",
        ["Unknown"] = "Unknown",
        ["0"] = "Up",
        ["1"] = "Down",
        ["2"] = "Paused",
        ["3"] = "Joining",
        ["-1"] = "Unknown",
    };

    /// <summary>
    /// The nodes, in the order listed, each name once (the first wins, names compared without case). An entry without a
    /// name is skipped; a state that is missing or not one of the five is Unknown, so the node is not assessed.
    /// Throws <see cref="FormatException"/> when no node has a name: a cluster has at least one node.
    /// </summary>
    public static IReadOnlyList<ClusterNodeEntry> Parse(IEnumerable<KeyValuePair<string?, string?>> nameAndState)
    {
        if (nameAndState is null)
        {
            throw new ArgumentNullException(nameof(nameAndState));
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var nodes = new List<ClusterNodeEntry>();
        foreach (var pair in nameAndState)
        {
            var name = pair.Key?.Trim();
            if (string.IsNullOrEmpty(name) || !seen.Add(name!))
            {
                continue;
            }

            nodes.Add(new ClusterNodeEntry(name!, StateName(pair.Value)));
        }

        return nodes.Count == 0 ? throw new FormatException("The cluster listed no node.") : nodes;
    }

    private static string StateName(string? state)
    {
        var text = state?.Trim() ?? string.Empty;
        return StateNames.TryGetValue(text, out var name) ? name : "Unknown";
    }
}
