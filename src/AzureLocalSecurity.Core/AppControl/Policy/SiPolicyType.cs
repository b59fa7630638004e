namespace AzureLocalSecurity.AppControl.Policy;

/// <summary>
/// The <c>PolicyType</c> attribute of an App Control policy's root element (cipolicy.xsd). A policy without the attribute
/// (the single-policy format, such as Microsoft's driver block list) has <see cref="SiPolicy.PolicyType"/> null and is
/// compiled as a base policy.
/// </summary>
public enum SiPolicyType
{
    /// <summary>"Base Policy": PolicyID and BasePolicyID are the same.</summary>
    Base,

    /// <summary>"Supplemental Policy": BasePolicyID names the base policy it expands.</summary>
    Supplemental,

    /// <summary>"AppID Tagging Policy": tags processes instead of allowing or blocking them.</summary>
    AppIdTagging,
}
