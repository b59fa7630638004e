using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Remoting;
using System.Management.Automation.Runspaces;
using System.Threading;
using AzureLocalSecurity.Fleet;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// Runs the capture script on the nodes with PowerShell's own Invoke-Command -AsJob (one child job per node, at most
/// ThrottleLimit connected at once, Kerberos by default, no module on the node: the script goes as text) and hands back
/// each node's answer as its child job reports it. Everything here runs on the cmdlet's thread: the job's collections
/// are read from it, and the cmdlet writes the results between reads.
/// </summary>
internal sealed class RemotingCaptureSource : INodeCaptureSource
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private readonly PSCmdlet _cmdlet;
    private readonly FleetConnection _connection;
    private readonly string _script;
    private readonly object?[] _arguments;

    internal RemotingCaptureSource(PSCmdlet cmdlet, FleetConnection connection, string script, object?[] arguments)
    {
        _cmdlet = cmdlet;
        _connection = connection;
        _script = script;
        _arguments = arguments;
    }

    public IEnumerable<NodeCapture> Capture(CancellationToken cancellationToken)
    {
        var tracker = new NodeCaptureTracker();
        var (job, startErrors) = Start();
        foreach (var error in startErrors)
        {
            if (tracker.Error(NodeOf(error, null), error.ToString(), connectionFailure: true) is { } failed)
            {
                yield return failed;
            }
        }

        if (job is null)
        {
            yield break;
        }

        using var signal = new AutoResetEvent(false);
        void Signal(object? sender, EventArgs e) => signal.Set();
        var children = job.ChildJobs.ToList();
        foreach (var child in children)
        {
            child.Output.DataAdded += Signal;
            child.Error.DataAdded += Signal;
            child.StateChanged += Signal;
        }

        try
        {
            while (true)
            {
                var allFinished = children.All(c => IsFinished(c.JobStateInfo.State));
                foreach (var child in children)
                {
                    foreach (var capture in Drain(child, tracker))
                    {
                        yield return capture;
                    }
                }

                if (allFinished || cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                WaitHandle.WaitAny([signal, cancellationToken.WaitHandle], PollInterval);
            }
        }
        finally
        {
            foreach (var child in children)
            {
                child.Output.DataAdded -= Signal;
                child.Error.DataAdded -= Signal;
                child.StateChanged -= Signal;
            }

            if (!IsFinished(job.JobStateInfo.State))
            {
                job.StopJob();
            }

            _cmdlet.JobRepository.Remove(job);
            job.Dispose();
        }
    }

    private static bool IsFinished(JobState state) => state is JobState.Completed or JobState.Failed or JobState.Stopped;

    private static string NodeOf(ErrorRecord error, Job? child) =>
        (error as RemotingErrorRecord)?.OriginInfo?.PSComputerName
        ?? (error.TargetObject as PSSession)?.ComputerName
        ?? child?.Location
        ?? error.TargetObject?.ToString()
        ?? "(unknown node)";

    private static bool IsConnectionFailure(ErrorRecord error) =>
        error.Exception is PSRemotingTransportException
        || error.FullyQualifiedErrorId.IndexOf("PSSessionStateBroken", StringComparison.OrdinalIgnoreCase) >= 0;

    private static List<NodeCapture> Drain(Job child, NodeCaptureTracker tracker)
    {
        // The state is read before the collections, so nothing written before the end is missed.
        var finished = IsFinished(child.JobStateInfo.State);
        var captures = new List<NodeCapture>();
        foreach (var item in child.Output.ReadAll())
        {
            var node = item?.Properties["PSComputerName"]?.Value as string ?? child.Location;
            if (tracker.Output(node, item?.BaseObject) is { } capture)
            {
                captures.Add(capture);
            }
        }

        foreach (var error in child.Error.ReadAll())
        {
            if (tracker.Error(NodeOf(error, child), error.ToString(), IsConnectionFailure(error)) is { } capture)
            {
                captures.Add(capture);
            }
        }

        if (finished && tracker.Finished(child.Location, child.JobStateInfo.Reason?.Message) is { } last)
        {
            captures.Add(last);
        }

        return captures;
    }

    private (Job? Job, List<ErrorRecord> Errors) Start()
    {
        var parameters = InvokeCommandParameters.Build(_connection, ScriptBlock.Create(_script), _arguments, asJob: true);
        using var ps = PowerShell.Create(RunspaceMode.CurrentRunspace);
        ps.AddCommand("Microsoft.PowerShell.Core\\Invoke-Command");
        foreach (var p in parameters)
        {
            ps.AddParameter(p.Key, p.Value);
        }

        var job = ps.Invoke().Select(o => o?.BaseObject).OfType<Job>().FirstOrDefault();
        return (job, ps.Streams.Error.ToList());
    }
}
