using System.Collections.Generic;
using System.Management.Automation;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.PrivilegedAccess;
using AzureLocalSecurity.Results;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Checks a node's privileged access: no standing administrator beyond the allowed break-glass accounts, no CredSSP, WinRM over HTTPS, Remote Desktop off or behind NLA, JEA roles without an unconstrained command, and LAPS (ALSEC-PA-001 to 008).</para>
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "ALPrivilegedAccess", DefaultParameterSetName = LiveSet)]
[OutputType(typeof(SecurityCheckResult))]
public sealed class TestALPrivilegedAccessCommand : EvidenceAnalysisCommand
{
    /// <summary>The accounts (SIDs, or names as <c>DOMAIN\name</c> or bare) that may hold standing administrative rights: the break-glass accounts. Default: the built-in Administrator (RID 500 of the node) and Domain Admins (RID 512 of the node's domain).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? AllowedAdministrator { get; set; }

    /// <inheritdoc />
    protected override IEnumerable<IEvidenceCollector> LiveCollectors => PrivilegedAccessCollectors.ForThisMachine();

    /// <inheritdoc />
    protected override void Analyze(EvidenceBundle bundle) => WriteEach(PrivilegedAccessChecks.Evaluate(bundle, AllowedAdministrator));
}
