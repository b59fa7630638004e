namespace AzureLocalSecurity.AppControl.Policy;

/// <summary>
/// A file rule: <c>Allow</c>, <c>Deny</c>, <c>FileAttrib</c> or <c>FileRule</c> under <c>FileRules</c>, with every attribute
/// the schema has. Versions and hashes are kept as the XML writes them (a version as four dotted numbers, a hash as hex) so
/// that a wrong one is reported by <see cref="SiPolicyValidator"/> rather than lost; <see cref="SiPolicyVersion"/> parses
/// versions.
/// </summary>
public sealed class SiPolicyFileRule
{
    /// <summary>Which element the rule is.</summary>
    public SiPolicyFileRuleKind Kind { get; set; }

    /// <summary>The ID scenarios and signers refer to. A compiled policy does not hold it: read from one, it is
    /// <c>ID_DENY_D_&lt;n&gt;</c>, <c>ID_ALLOW_A_&lt;n&gt;</c>, <c>ID_FILEATTRIB_F_&lt;n&gt;</c> or <c>ID_FILERULE_R_&lt;n&gt;</c>,
    /// n counting every file rule from 1.</summary>
    public string? Id { get; set; }

    /// <summary>A description (XML only).</summary>
    public string? FriendlyName { get; set; }

    /// <summary>The original file name (or "*").</summary>
    public string? FileName { get; set; }

    /// <summary>The file's internal name.</summary>
    public string? InternalName { get; set; }

    /// <summary>The file's description.</summary>
    public string? FileDescription { get; set; }

    /// <summary>The file's product name.</summary>
    public string? ProductName { get; set; }

    /// <summary>A packaged app's family name.</summary>
    public string? PackageFamilyName { get; set; }

    /// <summary>A packaged app's minimum version (four dotted numbers).</summary>
    public string? PackageVersion { get; set; }

    /// <summary>The lowest file version the rule matches (four dotted numbers).</summary>
    public string? MinimumFileVersion { get; set; }

    /// <summary>The highest file version the rule matches (four dotted numbers).</summary>
    public string? MaximumFileVersion { get; set; }

    /// <summary>The Authenticode or page hash, as hex.</summary>
    public string? Hash { get; set; }

    /// <summary>The AppIDs attribute: one literal value, or macros written <c>$(MacroId)</c> one after another.</summary>
    public string? AppIds { get; set; }

    /// <summary>A file path rule's path.</summary>
    public string? FilePath { get; set; }

    /// <summary>The <c>Type</c> attribute of a <c>FileRule</c> element (Match, Exclude, Attribute); null for the others.</summary>
    public string? RuleType { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{Kind} {Id}";
}
