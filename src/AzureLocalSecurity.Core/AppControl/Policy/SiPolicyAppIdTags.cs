using System.Collections.Generic;

namespace AzureLocalSecurity.AppControl.Policy;

/// <summary>The <c>AppIDTags</c> of a signing scenario (AppID tagging policies).</summary>
public sealed class SiPolicyAppIdTags
{
    /// <summary>The <c>EnforceDLL</c> attribute; null when absent.</summary>
    public bool? EnforceDll { get; set; }

    /// <summary>The tags, in order.</summary>
    public IList<SiPolicyAppIdTag> Tags { get; } = new List<SiPolicyAppIdTag>();
}
