using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.PrivilegedAccess;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Gets who holds administrative power on a node and how it is reached: the members of the privileged local groups (found by well-known SID), the JEA endpoints and their roles, and CredSSP, WinRM, Remote Desktop and LAPS settings.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "ALPrivilegedAccess", DefaultParameterSetName = LiveSet)]
[OutputType(typeof(PrivilegedGrant), typeof(JeaEndpoint), typeof(RemoteAccessSettings))]
public sealed class GetALPrivilegedAccessCommand : EvidenceAnalysisCommand
{
    /// <summary>Accounts (SIDs or names) that may hold standing membership; they are marked Allowed. Default: the built-in Administrator (RID 500) and Domain Admins (RID 512).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? AllowedAdministrator { get; set; }

    /// <inheritdoc />
    protected override IEnumerable<IEvidenceCollector> LiveCollectors => PrivilegedAccessCollectors.ForThisMachine();

    /// <inheritdoc />
    protected override void Analyze(EvidenceBundle bundle)
    {
        var allowed = AllowedAdministrator is { Length: > 0 } a ? a : PrivilegedAccessAnalyzer.DefaultAllowed(bundle);
        var grants = PrivilegedAccessAnalyzer.ReadGrants(bundle, allowed.ToList(), out var unknowns);
        if (grants is null)
        {
            WriteError(new ErrorRecord(
                new InvalidOperationException($"{bundle.NodeName}: the privileged group memberships are unknown. {string.Join(" ", unknowns.Values)}"),
                ErrorIds.PrivilegedAccessFactsUnavailable,
                ErrorCategory.ReadError,
                bundle.NodeName));
        }
        else
        {
            foreach (var unknown in unknowns.Values)
            {
                WriteVerbose($"{bundle.NodeName}: {unknown}");
            }

            WriteEach(grants);
        }

        var endpoints = PrivilegedAccessAnalyzer.ReadJeaEndpoints(bundle, out var jeaUnknown);
        if (endpoints is null)
        {
            WriteVerbose($"{bundle.NodeName}: the session configurations are unknown: {jeaUnknown}");
        }
        else
        {
            WriteEach(endpoints);
        }

        var remote = PrivilegedAccessAnalyzer.ReadRemoteAccess(bundle);
        foreach (var unknown in remote.Unknowns)
        {
            WriteVerbose($"{bundle.NodeName}: {unknown.Key}: {unknown.Value}");
        }

        WriteObject(remote);
    }
}
