using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;

namespace AzureLocalSecurity.AppControl.Policy;

/// <summary>
/// An App Control for Business (WDAC) policy: everything the policy XML (urn:schemas-microsoft-com:sipolicy,
/// cipolicy.xsd) and a compiled policy (.cip, SiPolicy.p7b) hold. <see cref="SiPolicyXml"/> reads and writes the XML,
/// <see cref="SiPolicyBinaryWriter"/> compiles it, <see cref="SiPolicyBinaryReader"/> reads a compiled one back,
/// <see cref="SiPolicyValidator"/> checks it. Values are kept as the XML writes them (IDs and versions as text, hashes as
/// hex), so a wrong one is reported by the validator instead of being lost on load. A few fields exist in one form only:
/// IDs, friendly names, signer names and workarounds are XML only (a compiled policy regenerates IDs);
/// <see cref="UnmappedOptionFlags"/> and <see cref="CompiledAppSettings"/> are binary only (docs/app-control-policies.md).
/// </summary>
public sealed class SiPolicy
{
    /// <summary>The provider of the settings that name the policy.</summary>
    public const string PolicyInfoProvider = "PolicyInfo";

    /// <summary>The key of the settings that name the policy.</summary>
    public const string PolicyInfoKey = "Information";

    /// <summary>The root's <c>PolicyType</c> attribute; null when absent (the single-policy format, compiled as a base policy).</summary>
    public SiPolicyType? PolicyType { get; set; }

    /// <summary>The root's <c>FriendlyName</c> attribute (XML only). The name tools show is <see cref="Name"/>.</summary>
    public string? FriendlyName { get; set; }

    /// <summary><c>VersionEx</c>: the policy's version, four dotted numbers.</summary>
    [SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "The schema's element name.")]
    public string? VersionEx { get; set; }

    /// <summary><c>PolicyID</c>, a GUID in braces (multiple-policy format).</summary>
    public string? PolicyId { get; set; }

    /// <summary><c>BasePolicyID</c>: the same as <see cref="PolicyId"/> for a base policy, the base's ID for a supplemental one.</summary>
    public string? BasePolicyId { get; set; }

    /// <summary><c>PlatformID</c>, {2E07F7E4-194C-4D20-B7C9-6F44A6C5A234} in Microsoft's files.</summary>
    public string? PlatformId { get; set; }

    /// <summary><c>PolicyTypeID</c>: the single-policy format's type (Enterprise {A244370E-44C9-4C06-B551-F6016E563076}, ...).
    /// Read from a compiled policy, it is the header's GUID when that differs from <see cref="PolicyId"/>.</summary>
    public string? PolicyTypeId { get; set; }

    /// <summary>The <c>Rules/Rule/Option</c> texts, in order (names as <see cref="SiPolicyRuleOptions"/> knows them; an
    /// unknown name is kept and reported by the validator).</summary>
    public IList<string> Rules { get; } = new List<string>();

    /// <summary>Option bits of a compiled policy that no known option names (binary only; the XML cannot hold them).</summary>
    public uint UnmappedOptionFlags { get; set; }

    /// <summary><c>EKUs</c>, in order.</summary>
    public IList<SiPolicyEku> Ekus { get; } = new List<SiPolicyEku>();

    /// <summary><c>FileRules</c>, in order.</summary>
    public IList<SiPolicyFileRule> FileRules { get; } = new List<SiPolicyFileRule>();

    /// <summary><c>Signers</c>, in order.</summary>
    public IList<SiPolicySigner> Signers { get; } = new List<SiPolicySigner>();

    /// <summary><c>SigningScenarios</c>, in order.</summary>
    public IList<SiPolicySigningScenario> SigningScenarios { get; } = new List<SiPolicySigningScenario>();

    /// <summary>The signer IDs of <c>UpdatePolicySigners</c>: who may sign an update of this policy.</summary>
    public IList<string> UpdatePolicySigners { get; } = new List<string>();

    /// <summary>The signer IDs of <c>CiSigners</c>: signers trusted for user mode in every build.</summary>
    public IList<string> CiSigners { get; } = new List<string>();

    /// <summary><c>HvciOptions</c>; null when absent.</summary>
    public uint? HvciOptions { get; set; }

    /// <summary><c>Settings</c>, in order.</summary>
    public IList<SiPolicySetting> Settings { get; } = new List<SiPolicySetting>();

    /// <summary><c>Macros</c>, in order.</summary>
    public IList<SiPolicyMacro> Macros { get; } = new List<SiPolicyMacro>();

    /// <summary>The signer IDs of <c>SupplementalPolicySigners</c>: who may sign a supplemental policy of this base.</summary>
    public IList<string> SupplementalPolicySigners { get; } = new List<string>();

    /// <summary><c>AppSettings</c>, in order (XML; compiling them needs each app's manifest, see <see cref="CompiledAppSettings"/>).</summary>
    public IList<SiPolicyApp> AppSettings { get; } = new List<SiPolicyApp>();

    /// <summary>The app settings block of a format 8 compiled policy as hex (binary only): kept byte for byte because its
    /// layout is not verified; null when the block is empty or the policy came from XML.</summary>
    public string? CompiledAppSettings { get; set; }

    /// <summary>The policy's name: the String setting PolicyInfo / Information / Name (what <c>Set-CIPolicyIdInfo -PolicyName</c> sets), or null.</summary>
    public string? Name => InformationString("Name");

    /// <summary>The String setting PolicyInfo / Information / Id (what <c>Set-CIPolicyIdInfo -PolicyId</c> sets; not <see cref="PolicyId"/>), or null.</summary>
    public string? InformationId => InformationString("Id");

    /// <summary>Whether the policy supplements a base policy.</summary>
    public bool IsSupplemental => PolicyType == SiPolicyType.Supplemental;

    /// <summary>Audit or Enforced from <c>Enabled:Audit Mode</c>; BasePolicy for a supplemental policy.</summary>
    public SiPolicyMode Mode =>
        IsSupplemental ? SiPolicyMode.BasePolicy : HasOption(SiPolicyRuleOption.EnabledAuditMode) ? SiPolicyMode.Audit : SiPolicyMode.Enforced;

    /// <summary>Whether <see cref="Rules"/> names the option.</summary>
    public bool HasOption(SiPolicyRuleOption option)
    {
        var name = SiPolicyRuleOptions.Get(option).XmlName;
        return Rules.Any(r => string.Equals(r, name, StringComparison.Ordinal));
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name ?? FriendlyName ?? PolicyId ?? PolicyTypeId ?? "SiPolicy"} {VersionEx}";

    private string? InformationString(string valueName) => Settings
        .FirstOrDefault(s => s.Kind == SiPolicySettingKind.String
            && string.Equals(s.Provider, PolicyInfoProvider, StringComparison.Ordinal)
            && string.Equals(s.Key, PolicyInfoKey, StringComparison.Ordinal)
            && string.Equals(s.ValueName, valueName, StringComparison.Ordinal))?.Value as string;
}
