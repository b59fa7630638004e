using System.Collections.Generic;

namespace AzureLocalSecurity.AppControl.Policy;

/// <summary><c>ProductSigners</c>, <c>TestSigners</c> or <c>TestSigningSigners</c> of a signing scenario.</summary>
public sealed class SiPolicySignerGroup
{
    /// <summary><c>AllowedSigners/AllowedSigner</c>, in order.</summary>
    public IList<SiPolicyScenarioSigner> AllowedSigners { get; } = new List<SiPolicyScenarioSigner>();

    /// <summary><c>DeniedSigners/DeniedSigner</c>, in order.</summary>
    public IList<SiPolicyScenarioSigner> DeniedSigners { get; } = new List<SiPolicyScenarioSigner>();

    /// <summary>The rule IDs of <c>FileRulesRef/FileRuleRef</c>, in order.</summary>
    public IList<string> FileRuleRefs { get; } = new List<string>();

    /// <summary>The <c>Workaround</c> attribute of <c>AllowedSigners</c> (XML only).</summary>
    public string? AllowedSignersWorkaround { get; set; }

    /// <summary>The <c>Workaround</c> attribute of <c>DeniedSigners</c> (XML only).</summary>
    public string? DeniedSignersWorkaround { get; set; }

    /// <summary>The <c>Workaround</c> attribute of <c>FileRulesRef</c> (XML only).</summary>
    public string? FileRulesRefWorkaround { get; set; }

    /// <summary>Whether the group holds no signer and no file rule reference.</summary>
    public bool IsEmpty => AllowedSigners.Count == 0 && DeniedSigners.Count == 0 && FileRuleRefs.Count == 0;
}
