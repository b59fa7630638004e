using System.Management.Automation;
using AzureLocalSecurity.SecuredCore.Features;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Turns an Azure Local security feature on: the registry values of the node's baseline, after confirmation, with an undo record written first.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Enable, "ALSecurityFeature", DefaultParameterSetName = LiveSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(SecurityFeatureSwitchResult), typeof(SecurityFeaturePlan))]
public sealed class EnableALSecurityFeatureCommand : SecurityFeatureSwitchCommand
{
    /// <inheritdoc />
    protected override bool TurnOn => true;
}
