using System.Collections.Generic;

namespace AzureLocalSecurity.AppControl.Policy;

/// <summary>An <c>AllowedSigner</c> (with its <c>ExceptDenyRule</c>s) or a <c>DeniedSigner</c> (with its
/// <c>ExceptAllowRule</c>s) of a signing scenario.</summary>
public sealed class SiPolicyScenarioSigner
{
    /// <summary>The signer's ID.</summary>
    public string? SignerId { get; set; }

    /// <summary>The IDs of the file rules excepted: Deny rules for an allowed signer, Allow rules for a denied one.</summary>
    public IList<string> Exceptions { get; } = new List<string>();

    /// <inheritdoc />
    public override string ToString() => SignerId ?? "signer";
}
