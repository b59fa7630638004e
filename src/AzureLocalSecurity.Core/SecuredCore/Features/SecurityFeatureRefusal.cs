namespace AzureLocalSecurity.SecuredCore.Features;

/// <summary>Why a switch is not planned to run as asked; <see cref="SecurityFeaturePlan.Refusal"/> says it in words.</summary>
public enum SecurityFeatureRefusal
{
    /// <summary>Nothing stops the switch.</summary>
    None,

    /// <summary>
    /// Azure Local's drift control is on and the node's baseline sets the feature the other way: it would be switched back
    /// within 90 minutes. The changes are still planned; <c>-Force</c> makes them anyway.
    /// </summary>
    DriftControl,

    /// <summary>Azure Local does not support the switch (turning VBS off). Nothing is planned.</summary>
    Blocked,

    /// <summary>The feature is not a registry setting this module can change and undo (a cluster property), or the value that turns it off is not known. Nothing is planned.</summary>
    NotSwitchable,

    /// <summary>A setting's current value could not be read, so no change can record its prior value. Nothing is planned.</summary>
    FactsUnknown,
}
