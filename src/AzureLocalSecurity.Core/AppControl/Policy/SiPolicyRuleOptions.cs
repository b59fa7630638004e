using System;
using System.Collections.Generic;
using System.Linq;

namespace AzureLocalSecurity.AppControl.Policy;

/// <summary>
/// The rule-option table: XML name ↔ compiled bit ↔ Set-RuleOption number. The names are the schema's (cipolicy.xsd, as
/// xsd.exe renders it in WDACTools CIPolicyParser.psm1, plus "Allowed:Debug Policy Augmented" and "Enabled:Revoked Expired
/// As Unsigned" from Microsoft's templates and rule-option page); the numbers are WDAC-Toolkit RulesDict.xml's and the
/// rule-option page's; the bits are CIPolicyParser.psm1's <c>PolicyRules</c> enum, and 0x2000 for Revoked Expired As
/// Unsigned from the HotCakeX wiki (unverified against Microsoft's compiler). "Valid supplemental option" is Table 1 of
/// learn.microsoft.com "Understand App Control for Business policy rules and file rules"; the four options the table does
/// not list are taken as not valid in a supplemental.
/// </summary>
public static class SiPolicyRuleOptions
{
    /// <summary>The flags of a compiled policy that are not options: 0x80000000 is always set, 0x40000000 marks a supplemental policy.</summary>
    public const uint ReservedFlags = 0xC0000000;

    private static readonly SiPolicyRuleOptionInfo[] Table =
    [
        new(SiPolicyRuleOption.EnabledUmci, "Enabled:UMCI", 0x00000004, 0, false),
        new(SiPolicyRuleOption.EnabledBootMenuProtection, "Enabled:Boot Menu Protection", 0x00000008, 1, false),
        new(SiPolicyRuleOption.RequiredWhql, "Required:WHQL", 0x00000080, 2, false),
        new(SiPolicyRuleOption.EnabledAuditMode, "Enabled:Audit Mode", 0x00010000, 3, false),
        new(SiPolicyRuleOption.DisabledFlightSigning, "Disabled:Flight Signing", 0x00020000, 4, false),
        new(SiPolicyRuleOption.EnabledInheritDefaultPolicy, "Enabled:Inherit Default Policy", 0x00040000, 5, true),
        new(SiPolicyRuleOption.EnabledUnsignedSystemIntegrityPolicy, "Enabled:Unsigned System Integrity Policy", 0x00080000, 6, true),
        new(SiPolicyRuleOption.AllowedDebugPolicyAugmented, "Allowed:Debug Policy Augmented", 0, 7, true),
        new(SiPolicyRuleOption.RequiredEvSigners, "Required:EV Signers", 0x00200000, 8, false),
        new(SiPolicyRuleOption.EnabledAdvancedBootOptionsMenu, "Enabled:Advanced Boot Options Menu", 0x00800000, 9, false),
        new(SiPolicyRuleOption.EnabledBootAuditOnFailure, "Enabled:Boot Audit On Failure", 0x00400000, 10, false),
        new(SiPolicyRuleOption.DisabledScriptEnforcement, "Disabled:Script Enforcement", 0x01000000, 11, false),
        new(SiPolicyRuleOption.RequiredEnforceStoreApplications, "Required:Enforce Store Applications", 0x02000000, 12, false),
        new(SiPolicyRuleOption.EnabledManagedInstaller, "Enabled:Managed Installer", 0x08000000, 13, true),
        new(SiPolicyRuleOption.EnabledIntelligentSecurityGraphAuthorization, "Enabled:Intelligent Security Graph Authorization", 0x00000010, 14, true),
        new(SiPolicyRuleOption.EnabledInvalidateEAsOnReboot, "Enabled:Invalidate EAs on Reboot", 0x00000020, 15, false),
        new(SiPolicyRuleOption.EnabledUpdatePolicyNoReboot, "Enabled:Update Policy No Reboot", 0x10000000, 16, false),
        new(SiPolicyRuleOption.EnabledAllowSupplementalPolicies, "Enabled:Allow Supplemental Policies", 0x00000400, 17, false),
        new(SiPolicyRuleOption.DisabledRuntimeFilePathRuleProtection, "Disabled:Runtime FilePath Rule Protection", 0x00000800, 18, true),
        new(SiPolicyRuleOption.EnabledDynamicCodeSecurity, "Enabled:Dynamic Code Security", 0x00100000, 19, false),
        new(SiPolicyRuleOption.EnabledRevokedExpiredAsUnsigned, "Enabled:Revoked Expired As Unsigned", 0x00002000, 20, false),
        new(SiPolicyRuleOption.EnabledWindowsLockdownTrialMode, "Enabled:Windows Lockdown Trial Mode", 0x00000040, null, false),
        new(SiPolicyRuleOption.EnabledDeveloperModeDynamicCodeTrust, "Enabled:Developer Mode Dynamic Code Trust", 0x00000100, null, false),
        new(SiPolicyRuleOption.EnabledSecureSettingPolicy, "Enabled:Secure Setting Policy", 0x04000000, null, false),
        new(SiPolicyRuleOption.EnabledConditionalWindowsLockdownPolicy, "Enabled:Conditional Windows Lockdown Policy", 0x20000000, null, false),
    ];

    private static readonly Dictionary<string, SiPolicyRuleOptionInfo> ByName = Table.ToDictionary(o => o.XmlName, StringComparer.Ordinal);

    /// <summary>Every option, numbered ones first in number order, then the four without a number.</summary>
    public static IReadOnlyList<SiPolicyRuleOptionInfo> All => Table;

    /// <summary>The bits of every option that has one.</summary>
    public static uint KnownBits { get; } = Table.Aggregate(0u, (bits, o) => bits | o.Bit);

    /// <summary>The table row of an option.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not one of <see cref="SiPolicyRuleOption"/>.</exception>
    public static SiPolicyRuleOptionInfo Get(SiPolicyRuleOption option) =>
        Table.FirstOrDefault(o => o.Option == option) ?? throw new ArgumentOutOfRangeException(nameof(option), option, "Not a rule option.");

    /// <summary>The option an <c>&lt;Option&gt;</c> text names (exact, case-sensitive match, as the schema's enumeration is).</summary>
    public static bool TryGetByXmlName(string? xmlName, out SiPolicyRuleOptionInfo option)
    {
        if (xmlName is not null && ByName.TryGetValue(xmlName, out var found))
        {
            option = found;
            return true;
        }

        option = null!;
        return false;
    }

    /// <summary>The option with a Set-RuleOption number, or null.</summary>
    public static SiPolicyRuleOptionInfo? FromIndex(int index) => Table.FirstOrDefault(o => o.Index == index);

    /// <summary>The options whose bits are set in <paramref name="flags"/>, in table order.</summary>
    public static IEnumerable<SiPolicyRuleOptionInfo> FromFlags(uint flags) => Table.Where(o => o.Bit != 0 && (flags & o.Bit) == o.Bit);
}
