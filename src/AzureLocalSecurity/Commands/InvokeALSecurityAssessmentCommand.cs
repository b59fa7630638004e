using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;
using AzureLocalSecurity.Fleet;
using AzureLocalSecurity.Posture;
using AzureLocalSecurity.Results;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Assesses many nodes at once over PowerShell remoting: each node runs a capture script sent as text (no module needed there), and the facts are analyzed here, results tagged with their node.</para>
/// <para type="description">Connects to remote machines with Invoke-Command (WinRM; Kerberos by default; CredSSP is refused). It only reads: nothing on the nodes is changed, so there is no -WhatIf. A node that fails is a NodeAssessmentFailed error and one ALSEC-FLEET-001 result; the other nodes go on.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "ALSecurityAssessment", DefaultParameterSetName = ComputerNameSet, SupportsShouldProcess = true)]
[OutputType(typeof(SecurityCheckResult), typeof(SecurityPostureSummary))]
public sealed class InvokeALSecurityAssessmentCommand : PSCmdlet, IDisposable
{
    private const string ComputerNameSet = "ComputerName";
    private const string SessionSet = "Session";
    private const string ClusterSet = "Cluster";
    private const int ProgressId = 1;

    private readonly List<string> _computerNames = [];
    private readonly List<PSSession> _sessions = [];
    private CancellationTokenSource? _cancellation;

    /// <summary>The nodes to assess. Taken from the pipeline as strings or by property name (DNSHostName, then Name), so Get-ClusterNode and Get-ADComputer output can be piped in.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ComputerNameSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("DNSHostName", "Name", "CN")]
    [ValidateNotNullOrEmpty]
    public string[] ComputerName { get; set; } = [];

    /// <summary>Open sessions (New-PSSession) to run the capture in.</summary>
    [Parameter(Mandatory = true, ParameterSetName = SessionSet, ValueFromPipeline = true)]
    [ValidateNotNullOrEmpty]
    public PSSession[] Session { get; set; } = [];

    /// <summary>A cluster whose nodes to assess: Get-ClusterNode runs on the cluster name over remoting; nodes that are not Up are reported as failed.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ClusterSet)]
    [ValidateNotNullOrEmpty]
    public string Cluster { get; set; } = string.Empty;

    /// <summary>The account to connect with; by default the current user.</summary>
    [Parameter(ParameterSetName = ComputerNameSet)]
    [Parameter(ParameterSetName = ClusterSet)]
    [Credential]
    [ValidateNotNull]
    public PSCredential? Credential { get; set; }

    /// <summary>The WinRM authentication; Default (Negotiate: Kerberos in a domain). Credssp is refused.</summary>
    [Parameter(ParameterSetName = ComputerNameSet)]
    [Parameter(ParameterSetName = ClusterSet)]
    public AuthenticationMechanism Authentication { get; set; } = AuthenticationMechanism.Default;

    /// <summary>The WinRM port, when not the default (5985, or 5986 with -UseSSL).</summary>
    [Parameter(ParameterSetName = ComputerNameSet)]
    [Parameter(ParameterSetName = ClusterSet)]
    [ValidateRange(1, 65535)]
    public int Port { get; set; }

    /// <summary>Connects over HTTPS.</summary>
    [Parameter(ParameterSetName = ComputerNameSet)]
    [Parameter(ParameterSetName = ClusterSet)]
    public SwitchParameter UseSSL { get; set; }

    /// <summary>How many nodes run at once; 32 (Invoke-Command's default).</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int ThrottleLimit { get; set; } = FleetConnection.DefaultThrottleLimit;

    /// <summary>The areas to analyze (Baseline, SecuredCore, SecureBoot, BitLocker, AppControl, Tpm, Platform); all when omitted.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public PostureArea[] Area { get; set; } = [];

    /// <summary>How far back the capture reads event logs; the capture's own default when omitted.</summary>
    [Parameter]
    public DateTime Since { get; set; }

    /// <summary>A folder to also save each node's bundle in, as &lt;node&gt;.zip, to run the same assessment again offline.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? EvidenceOutputPath { get; set; }

    /// <summary>Writes one summary per node instead of its results.</summary>
    [Parameter]
    public SwitchParameter Summary { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        if (Authentication == AuthenticationMechanism.Credssp)
        {
            try
            {
                InvokeCommandParameters.RefuseCredSsp(Authentication.ToString());
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.CredSspRefused, ErrorCategory.InvalidArgument, Authentication));
            }
        }

        _cancellation = new CancellationTokenSource();
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case ComputerNameSet:
                _computerNames.AddRange(ComputerName.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()));
                break;
            case SessionSet:
                _sessions.AddRange(Session.Where(s => s is not null));
                break;
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing() => Assess();

    /// <inheritdoc />
    protected override void StopProcessing() => _cancellation?.Cancel();

    /// <summary>Releases the cancellation source (PowerShell disposes the cmdlet when its pipeline ends, stopped or not).</summary>
    public void Dispose()
    {
        _cancellation?.Dispose();
        _cancellation = null;
    }

    private static ErrorCategory CategoryOf(NodeFailureKind kind) => kind switch
    {
        NodeFailureKind.Unreachable or NodeFailureKind.TimedOut or NodeFailureKind.NotUp => ErrorCategory.ConnectionError,
        _ => ErrorCategory.InvalidData,
    };

    private void Assess()
    {
        var connection = Connection();
        var notUp = new List<ClusterNodeEntry>();
        if (ParameterSetName == ClusterSet)
        {
            var nodes = ExpandCluster(connection);
            notUp.AddRange(nodes.Where(n => !n.IsUp));
            connection.ComputerNames = nodes.Where(n => n.IsUp).Select(n => n.Name).ToList();
        }

        var targets = ParameterSetName == SessionSet
            ? connection.Sessions.Cast<PSSession>().Select(s => s.ComputerName).ToList()
            : connection.ComputerNames.ToList();

        var engine = new FleetAssessment(FleetSeams.Importer, FleetSeams.Analysis(Area));
        // The capture only reads; saving the bundles is the one write, asked once for the folder on the pipeline thread
        // (the nodes finish on worker threads). With -WhatIf the nodes are still assessed and nothing is saved.
        if (EvidenceOutputPath is { } output)
        {
            var folder = SessionState.Path.GetUnresolvedProviderPathFromPSPath(output);
            if (ShouldProcess(folder, "Save each node's evidence bundle (<node>.zip, replacing one of the same node)"))
            {
                engine.EvidenceOutputPath = folder;
            }
        }

        var total = targets.Count + notUp.Count;
        var done = 0;
        foreach (var node in notUp)
        {
            Write(engine.Assess(NodeCapture.Failed(node.Name, NodeFailureKind.NotUp, node.NotUpReason)), ++done, total);
        }

        if (targets.Count > 0)
        {
            WriteVerbose(string.Format(CultureInfo.InvariantCulture, "Capturing {0} node(s), at most {1} at once: {2}.", targets.Count, ThrottleLimit, string.Join(", ", targets)));
            var arguments = FleetSeams.CaptureArguments(MyInvocation.BoundParameters.ContainsKey(nameof(Since)) ? Since : null);
            var source = FleetAssessmentTestHooks.CaptureSource?.Invoke(targets, FleetSeams.CaptureScript, arguments, ThrottleLimit)
                ?? new RemotingCaptureSource(this, connection, FleetSeams.CaptureScript, arguments);
            foreach (var node in engine.Run(targets, source, _cancellation!.Token))
            {
                Write(node, ++done, total);
            }
        }

        WriteProgress(new ProgressRecord(ProgressId, "Invoke-ALSecurityAssessment", "Done") { RecordType = ProgressRecordType.Completed });
    }

    private FleetConnection Connection()
    {
        var connection = new FleetConnection { ThrottleLimit = ThrottleLimit };
        if (ParameterSetName == SessionSet)
        {
            var sessions = _sessions.GroupBy(s => s.InstanceId).Select(g => g.First()).ToList();
            foreach (var extra in sessions.GroupBy(s => s.ComputerName, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                WriteWarning($"{extra.Count()} sessions go to '{extra.Key}'; its node is assessed through the first one only.");
            }

            connection.Sessions = sessions.GroupBy(s => s.ComputerName, StringComparer.OrdinalIgnoreCase).Select(g => (object)g.First()).ToList();
            return connection;
        }

        connection.ComputerNames = _computerNames.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        connection.Credential = Credential;
        connection.Authentication = Authentication.ToString();
        connection.Port = MyInvocation.BoundParameters.ContainsKey(nameof(Port)) ? Port : null;
        connection.UseSsl = UseSSL;
        return connection;
    }

    private List<ClusterNodeEntry> ExpandCluster(FleetConnection connection)
    {
        WriteVerbose($"Listing the nodes of cluster '{Cluster}' with Get-ClusterNode on it.");
        try
        {
            var listed = FleetAssessmentTestHooks.ClusterNodes?.Invoke(Cluster)
                ?? ClusterNodeQuery.Read(new FleetConnection
                {
                    ComputerNames = [Cluster],
                    Credential = connection.Credential,
                    Authentication = connection.Authentication,
                    Port = connection.Port,
                    UseSsl = connection.UseSsl,
                    ThrottleLimit = connection.ThrottleLimit,
                });
            var nodes = ClusterNodeList.Parse(listed).ToList();
            WriteVerbose("Cluster nodes: " + string.Join(", ", nodes));
            return nodes;
        }
        catch (Exception ex) when (ex is RuntimeException or FormatException or InvalidOperationException)
        {
            var error = new InvalidOperationException($"The nodes of cluster '{Cluster}' could not be listed: {ex.Message}", ex);
            ThrowTerminatingError(new ErrorRecord(error, ErrorIds.ClusterExpansionFailed, ErrorCategory.ConnectionError, Cluster));
            throw;
        }
    }

    private void Write(NodeAssessment node, int done, int total)
    {
        foreach (var warning in node.Warnings)
        {
            WriteWarning($"{node.Target}: {warning}");
        }

        if (!node.Succeeded)
        {
            var error = new InvalidOperationException($"Node '{node.Target}' was not assessed ({node.FailureKind}): {node.FailureReason}");
            WriteError(new ErrorRecord(error, ErrorIds.NodeAssessmentFailed, CategoryOf(node.FailureKind!.Value), node.Target));
        }

        if (node.EvidenceWriteError is { } writeError)
        {
            WriteError(new ErrorRecord(writeError, ErrorIds.EvidenceWriteFailed, ErrorCategory.WriteError, node.EvidencePath));
        }
        else if (node.EvidencePath is { } path)
        {
            WriteVerbose($"Saved the evidence of '{node.NodeName}' to '{path}'.");
        }

        if (Summary && FleetSeams.Summarizer is { } summarize)
        {
            WriteObject(summarize(node));
        }
        else
        {
            foreach (var result in node.Results)
            {
                var item = PSObject.AsPSObject(result);
                if (node.TargetDiffersFromNodeName)
                {
                    item.Properties.Add(new PSNoteProperty("PSComputerName", node.Target));
                }

                WriteObject(item);
            }
        }

        WriteProgress(new ProgressRecord(ProgressId, "Invoke-ALSecurityAssessment", string.Format(CultureInfo.InvariantCulture, "{0} of {1} nodes assessed", done, total))
        {
            PercentComplete = total == 0 ? 100 : (int)(done * 100L / total),
            CurrentOperation = node.Target,
        });
    }
}
