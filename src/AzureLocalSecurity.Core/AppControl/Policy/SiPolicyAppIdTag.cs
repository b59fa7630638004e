namespace AzureLocalSecurity.AppControl.Policy;

/// <summary>An <c>AppIDTags/AppIDTag</c> of an AppID tagging policy's scenario.</summary>
public sealed class SiPolicyAppIdTag
{
    /// <summary>The tag's key.</summary>
    public string? Key { get; set; }

    /// <summary>The tag's value.</summary>
    public string? Value { get; set; }
}
