namespace AzureLocalSecurity.AppControl.Policy;

/// <summary>A <c>SigningScenarios/SigningScenario</c>: 131 for kernel mode (drivers), 12 for user mode.</summary>
public sealed class SiPolicySigningScenario
{
    /// <summary>The kernel-mode scenario's value.</summary>
    public const byte KernelMode = 131;

    /// <summary>The user-mode scenario's value.</summary>
    public const byte UserMode = 12;

    /// <summary>The scenario's value: 131 (kernel mode) or 12 (user mode).</summary>
    public byte Value { get; set; }

    /// <summary>The scenario's ID (a compiled policy does not hold it: read from one, it is <c>ID_SIGNINGSCENARIO_S_&lt;n&gt;</c>).</summary>
    public string? Id { get; set; }

    /// <summary>A description (XML only).</summary>
    public string? FriendlyName { get; set; }

    /// <summary>The <c>InheritedScenarios</c> attribute: IDs of other scenarios, separated by commas.</summary>
    public string? InheritedScenarios { get; set; }

    /// <summary>The <c>MinimumHashAlgorithm</c> attribute (an ALG_ID such as 0x800C for SHA-256); null when absent.</summary>
    public ushort? MinimumHashAlgorithm { get; set; }

    /// <summary><c>ProductSigners</c>; null when absent.</summary>
    public SiPolicySignerGroup? ProductSigners { get; set; }

    /// <summary><c>TestSigners</c>; null when absent.</summary>
    public SiPolicySignerGroup? TestSigners { get; set; }

    /// <summary><c>TestSigningSigners</c>; null when absent.</summary>
    public SiPolicySignerGroup? TestSigningSigners { get; set; }

    /// <summary><c>AppIDTags</c> (AppID tagging policies); null when absent.</summary>
    public SiPolicyAppIdTags? AppIdTags { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{Value} {Id}";
}
