namespace AzureLocalSecurity.AppControl.Policy;

/// <summary>
/// Which element of <c>FileRules</c> a rule is. The numbers are the rule type a compiled policy stores (WDACTools
/// CIPolicyParser.psm1: 0 Deny, 1 Allow, 2 FileAttrib); 3 for the generic <c>FileRule</c> element is FORMATS.md §3's
/// reading and unverified: Microsoft's compiler is not known to write it.
/// </summary>
public enum SiPolicyFileRuleKind
{
    /// <summary>A <c>Deny</c> rule.</summary>
    Deny = 0,

    /// <summary>An <c>Allow</c> rule.</summary>
    Allow = 1,

    /// <summary>A <c>FileAttrib</c> rule: attributes a signer's <c>FileAttribRef</c> narrows itself to.</summary>
    FileAttrib = 2,

    /// <summary>The generic <c>FileRule</c> element, whose <c>Type</c> attribute (Match, Exclude, Attribute) says what it is.</summary>
    FileRule = 3,
}
