using AzureLocalSecurity.Results;

namespace AzureLocalSecurity.Fleet;

/// <summary>The one result a fleet assessment writes for a node it could not assess, so a report still shows the node.</summary>
public static class FleetCheck
{
    /// <summary>The id of the result.</summary>
    public const string Id = "ALSEC-FLEET-001";

    /// <summary>The area of the result.</summary>
    public const string Area = "Fleet";

    /// <summary>The title of the result.</summary>
    public const string Title = "The node's facts were captured and analyzed";

    /// <summary>The Error result for a node that failed, with the reason.</summary>
    public static SecurityCheckResult NodeFailed(string nodeName, NodeFailureKind kind, string reason) =>
        new(Id, Title, Area, CheckStatus.Error, Severity.High,
            "a capture of the node's facts",
            kind.ToString(),
            "PowerShell remoting (Invoke-Command)",
            reason,
            kind switch
            {
                NodeFailureKind.NotUp => "Bring the node back into the cluster (Resume-ClusterNode, Start-ClusterNode) and assess it again.",
                NodeFailureKind.Unreachable or NodeFailureKind.TimedOut => "Check that the node is on, that WinRM answers (Test-WSMan), that its name resolves and that the account is an administrator there, then assess it again.",
                _ => "Assess the node again; if it fails the same way, capture it with Export-ALSecurityEvidence on the node and report the error.",
            },
            null,
            nodeName);
}
