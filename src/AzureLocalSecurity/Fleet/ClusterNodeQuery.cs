using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using AzureLocalSecurity.Fleet;

namespace AzureLocalSecurity.Commands;

/// <summary>Lists a cluster's nodes by running in-box Get-ClusterNode on the cluster name over remoting (Invoke-Command, stopping at the first error).</summary>
internal static class ClusterNodeQuery
{
    /// <summary>The (name, state) of each node. Throws the remoting or cmdlet error when the listing fails.</summary>
    internal static List<KeyValuePair<string?, string?>> Read(FleetConnection connection)
    {
        var parameters = InvokeCommandParameters.Build(connection, ScriptBlock.Create(ClusterNodeList.Script), [], asJob: false);
        using var ps = PowerShell.Create(RunspaceMode.CurrentRunspace);
        ps.AddCommand("Microsoft.PowerShell.Core\\Invoke-Command");
        foreach (var p in parameters)
        {
            ps.AddParameter(p.Key, p.Value);
        }

        return ps.Invoke()
            .Where(o => o is not null)
            .Select(o => new KeyValuePair<string?, string?>(o.Properties["Name"]?.Value?.ToString(), o.Properties["State"]?.Value?.ToString()))
            .ToList();
    }
}
