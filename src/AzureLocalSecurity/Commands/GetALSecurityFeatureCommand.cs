using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.SecuredCore.Features;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Gets Azure Local's security features on a node: configured, running, restart pending, held by drift control, with each setting's value.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "ALSecurityFeature", DefaultParameterSetName = LiveSet)]
[OutputType(typeof(SecurityFeatureState))]
public sealed class GetALSecurityFeatureCommand : SecurityFeatureCommand
{
    /// <summary>Only these features (all seven when omitted).</summary>
    [Parameter(Position = 0)]
    [ValidateSet("VBS", "HVCI", "CredentialGuard", "DRTM", "SideChannelMitigation", "SMBSigning", "SMBClusterEncryption", IgnoreCase = true)]
    public string[]? Name { get; set; }

    /// <inheritdoc />
    protected override void Analyze(EvidenceBundle bundle)
    {
        var wanted = Name is null ? null : new HashSet<SecurityFeature>(Name.Select(Parse));
        foreach (var state in SecurityFeatureAnalyzer.Describe(bundle, CatalogFor(bundle)).Where(s => wanted is null || wanted.Contains(s.Name)))
        {
            foreach (var unknown in state.Unknowns)
            {
                WriteVerbose($"{bundle.NodeName}: {state.Name}: {unknown}");
            }

            WriteObject(state);
        }
    }
}
