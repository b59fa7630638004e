using System;
using System.Linq;
using System.Management.Automation;
using AzureLocalSecurity.Baseline;
using AzureLocalSecurity.Baseline.Catalog;
using AzureLocalSecurity.Collection.Remote;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Prints a script that captures a node's security facts with in-box commands only (no module needed): the same capture Invoke-ALSecurityAssessment runs over remoting, saved to a file for New-ALSecurityEvidence -FromPath.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "ALEvidenceCollectionScript")]
[OutputType(typeof(string))]
public sealed class GetALEvidenceCollectionScriptCommand : PSCmdlet
{
    /// <summary>The oldest Code Integrity event to capture; by default the last seven days before the script runs.</summary>
    [Parameter]
    public DateTime? Since { get; set; }

    /// <summary>The most Code Integrity events to capture (1 to 100,000; 2,000 by default).</summary>
    [Parameter]
    [ValidateRange(1, 100_000)]
    public int MaxEvents { get; set; } = CaptureScript.DefaultMaxEvents;

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var facts = CaptureScript.ShippedBaselineFacts();
        var parameters = CaptureScript.Parameters(facts, Since is { } s ? new DateTimeOffset(s.ToUniversalTime()) : null, MaxEvents);
        var releases = string.Join(" and ", new[] { BaselineProfile.DomainJoined, BaselineProfile.AdLess }.Select(p => ShippedBaselines.Get(null, p)).Select(c => $"{c.Release} {c.Profile}").Distinct());
        WriteObject(CaptureScript.Standalone(parameters, $"(AzureLocalSecurity {ModuleInfo.Version}) for the {releases} baselines"));
    }
}
