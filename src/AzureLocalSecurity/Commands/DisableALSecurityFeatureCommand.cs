using System.Management.Automation;
using AzureLocalSecurity.SecuredCore.Features;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Turns an Azure Local security feature off: the documented off values, after confirmation, with an undo record written first; refused where drift control would turn it back on (unless -Force) or Azure Local does not support it.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Disable, "ALSecurityFeature", DefaultParameterSetName = LiveSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(SecurityFeatureSwitchResult), typeof(SecurityFeaturePlan))]
public sealed class DisableALSecurityFeatureCommand : SecurityFeatureSwitchCommand
{
    /// <inheritdoc />
    protected override bool TurnOn => false;
}
