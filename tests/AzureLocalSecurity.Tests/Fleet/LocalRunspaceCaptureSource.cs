using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;
using AzureLocalSecurity.Fleet;

namespace AzureLocalSecurity.Tests.Fleet;

/// <summary>
/// The test seam for remoting: each "node" runs its script in its own local runspace of the real PowerShell engine, on
/// its own thread, at most <c>throttleLimit</c> at once (as Invoke-Command -ThrottleLimit), stopped after a per-node
/// timeout. Answers are queued as they finish and handed out on the enumerating thread, as the remoting source does.
/// </summary>
public sealed class LocalRunspaceCaptureSource : INodeCaptureSource
{
    // Runs the node's script text with the capture's arguments, inside the gauge.
    private const string Wrapper = "param($Gauge, $Text, $Arguments) $Gauge.Enter(); try { & ([scriptblock]::Create($Text)) @Arguments } finally { $Gauge.Exit() }";

    private readonly IReadOnlyList<string> _targets;
    private readonly Func<string, string> _scriptFor;
    private readonly object?[] _arguments;
    private readonly int _throttleLimit;
    private readonly TimeSpan _timeout;

    public LocalRunspaceCaptureSource(IReadOnlyList<string> targets, Func<string, string> scriptFor, object?[] arguments, int throttleLimit, TimeSpan timeout)
    {
        _targets = targets;
        _scriptFor = scriptFor;
        _arguments = arguments;
        _throttleLimit = throttleLimit;
        _timeout = timeout;
    }

    public ConcurrencyGauge Gauge { get; } = new();

    /// <summary>The thread each node's script ran on.</summary>
    public ConcurrentDictionary<string, int> WorkerThreads { get; } = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<NodeCapture> Capture(CancellationToken cancellationToken)
    {
        using var answers = new BlockingCollection<NodeCapture>();
        using var slots = new SemaphoreSlim(_throttleLimit);
        var threads = _targets.Select(target => new Thread(() => answers.Add(Run(target, slots, cancellationToken))) { IsBackground = true }).ToList();
        threads.ForEach(t => t.Start());
        for (var i = 0; i < threads.Count; i++)
        {
            NodeCapture? next = null;
            try
            {
                next = answers.Take(cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }

            if (next is null)
            {
                break;
            }

            yield return next;
        }

        threads.ForEach(t => t.Join());
    }

    private NodeCapture Run(string target, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        WorkerThreads[target] = Environment.CurrentManagedThreadId;
        slots.Wait(CancellationToken.None);
        try
        {
            using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
            runspace.Open();
            using var ps = PowerShell.Create();
            ps.Runspace = runspace;
            ps.AddScript(Wrapper).AddArgument(Gauge).AddArgument(_scriptFor(target)).AddArgument(_arguments);
            var pending = ps.BeginInvoke();
            if (WaitHandle.WaitAny([pending.AsyncWaitHandle, cancellationToken.WaitHandle], _timeout) != 0)
            {
                ps.Stop();
                return NodeCapture.Failed(target, NodeFailureKind.TimedOut, $"The node did not answer within {_timeout.TotalSeconds} s.");
            }

            var output = ps.EndInvoke(pending);
            var json = output.Select(o => o?.BaseObject).OfType<string>().FirstOrDefault();
            return json is not null
                ? NodeCapture.FromJson(target, json, ps.Streams.Error.Select(e => e.ToString()))
                : NodeCapture.Failed(target, NodeFailureKind.ScriptFailed, ps.Streams.Error.FirstOrDefault()?.ToString() ?? "The capture script ended without returning a capture.");
        }
        catch (RuntimeException ex)
        {
            return NodeCapture.Failed(target, NodeFailureKind.ScriptFailed, ex.Message);
        }
        finally
        {
            slots.Release();
        }
    }
}
