using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace AzureLocalSecurity.Tests.Support;

/// <summary>A real PowerShell engine runspace with the module imported from the repository manifest, as a user imports it.</summary>
public sealed class ModuleSession : IDisposable
{
    private readonly Runspace _runspace;

    public ModuleSession()
    {
        _runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        _runspace.Open();
        var (_, errors) = Run($"Import-Module -Name '{Repo.Manifest}' -ErrorAction Stop");
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Import failed: " + errors[0]);
        }
    }

    /// <summary>Runs a script; returns its output and its non-terminating errors. Terminating errors throw.</summary>
    public (Collection<PSObject> Output, List<ErrorRecord> Errors) Run(string script, IDictionary<string, object?>? variables = null)
    {
        foreach (var v in variables ?? new Dictionary<string, object?>())
        {
            _runspace.SessionStateProxy.SetVariable(v.Key, v.Value);
        }

        using var ps = PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript(script);
        var output = ps.Invoke();
        return (output, ps.Streams.Error.ToList());
    }

    /// <summary>Runs a script and returns the PowerShell that ran it, so every stream can be read; the caller disposes it.</summary>
    public PowerShell RunWithStreams(string script, out Collection<PSObject> output)
    {
        var ps = PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript(script);
        output = ps.Invoke();
        return ps;
    }

    public void Dispose() => _runspace.Dispose();
}
