namespace AzureLocalSecurity.Fleet;

/// <summary>One node of a cluster as Get-ClusterNode lists it: its name and its state.</summary>
public sealed class ClusterNodeEntry
{
    /// <summary>Creates an entry.</summary>
    public ClusterNodeEntry(string name, string state)
    {
        Name = name;
        State = state;
    }

    /// <summary>The node's name (the cluster's name for it, a NetBIOS-style computer name).</summary>
    public string Name { get; }

    /// <summary>The state by its name: Up, Down, Paused, Joining or Unknown (an unreadable state is Unknown).</summary>
    public string State { get; }

    /// <summary>True when the state is Up, the only state in which the node is assessed.</summary>
    public bool IsUp => State == ClusterNodeList.Up;

    /// <summary>Why a node that is not Up is not assessed, such as "node state is Down".</summary>
    public string NotUpReason => "node state is " + State;

    /// <inheritdoc />
    public override string ToString() => Name + " (" + State + ")";
}
