namespace AzureLocalSecurity.AppControl.Policy;

/// <summary>One rule option: its XML name, its bit in a compiled policy, its Set-RuleOption number, and whether a
/// supplemental policy may carry it.</summary>
public sealed class SiPolicyRuleOptionInfo
{
    internal SiPolicyRuleOptionInfo(SiPolicyRuleOption option, string xmlName, uint bit, int? index, bool validInSupplemental)
    {
        Option = option;
        XmlName = xmlName;
        Bit = bit;
        Index = index;
        ValidInSupplemental = validInSupplemental;
    }

    /// <summary>The option.</summary>
    public SiPolicyRuleOption Option { get; }

    /// <summary>The text of <c>&lt;Option&gt;</c>, exactly as the schema spells it (the match is case-sensitive).</summary>
    public string XmlName { get; }

    /// <summary>The option's bit in a compiled policy's option flags; 0 when no bit is known (the option is not compiled).</summary>
    public uint Bit { get; }

    /// <summary>The option's number for <c>Set-RuleOption -Option</c> and Microsoft's rule-option table; null when it has none.</summary>
    public int? Index { get; }

    /// <summary>Whether Microsoft's rule-option table lists the option as valid in a supplemental policy.</summary>
    public bool ValidInSupplemental { get; }

    /// <inheritdoc />
    public override string ToString() => XmlName;
}
