using System.Collections.Generic;

namespace AzureLocalSecurity.Evidence;

/// <summary>
/// The ids the Microsoft Defender Antivirus facts are filed under (issue 12), beside <see cref="SecuredCoreEvidenceIds.DefenderStatus"/>
/// (MSFT_MpComputerStatus), which the Secured-core collector already files. The Secured-core CIM reader and the capture script
/// read MSFT_MpPreference the way they read the other CIM classes (one record, each listed property the build has, its CIM type
/// kept), and the registry keys below whole, as any key is recorded. Nothing is decided here.
/// </summary>
public static class DefenderEvidenceIds
{
    /// <summary>
    /// MSFT_MpPreference (<c>root\Microsoft\Windows\Defender</c>, what <c>Get-MpPreference</c> reads): one record with the
    /// properties of <see cref="PreferenceProperties"/> the build has: the exclusion lists <c>ExclusionPath</c>,
    /// <c>ExclusionExtension</c>, <c>ExclusionProcess</c> (MultiString, or Null when empty; a reader that may not see them gets one
    /// placeholder text such as <c>N/A: Must be an administrator to view exclusions</c> instead of the list),
    /// <c>AttackSurfaceReductionRules_Ids</c> (MultiString of rule GUIDs) with <c>AttackSurfaceReductionRules_Actions</c>
    /// (Binary, uint8[] in CIM: one action per id, in the same order: 0 off, 1 block, 2 audit, 6 warn), and the <c>Disable...</c>
    /// switches (Boolean). NotFound means Microsoft Defender Antivirus is not installed.
    /// </summary>
    public const string Preference = @"windows/cim/root/Microsoft/Windows/Defender/MSFT_MpPreference";

    /// <summary>The Attack Surface Reduction rules set by policy (Group Policy, Policy CSP, Azure Local's baseline): one value per rule, its name the rule GUID, its data the action.</summary>
    public const string AsrRulesPolicyKey = @"HKLM\SOFTWARE\Policies\Microsoft\Windows Defender\Windows Defender Exploit Guard\ASR\Rules";

    /// <summary>Path exclusions set by policy: one value per excluded path, named by the path.</summary>
    public const string PathExclusionsPolicyKey = @"HKLM\SOFTWARE\Policies\Microsoft\Windows Defender\Exclusions\Paths";

    /// <summary>Extension exclusions set by policy: one value per excluded extension, named by the extension.</summary>
    public const string ExtensionExclusionsPolicyKey = @"HKLM\SOFTWARE\Policies\Microsoft\Windows Defender\Exclusions\Extensions";

    /// <summary>Process exclusions set by policy: one value per excluded process, named by the process.</summary>
    public const string ProcessExclusionsPolicyKey = @"HKLM\SOFTWARE\Policies\Microsoft\Windows Defender\Exclusions\Processes";

    /// <summary>The registry keys the Windows Secured-core collector and the capture script record for Defender, each whole under <see cref="EvidenceIds.Registry"/>(key).</summary>
    public static readonly IReadOnlyList<string> RegistryKeys =
    [
        AsrRulesPolicyKey,
        PathExclusionsPolicyKey,
        ExtensionExclusionsPolicyKey,
        ProcessExclusionsPolicyKey,
    ];

    /// <summary>The MSFT_MpPreference properties recorded under <see cref="Preference"/>.</summary>
    public static readonly IReadOnlyList<string> PreferenceProperties =
    [
        "ExclusionPath",
        "ExclusionExtension",
        "ExclusionProcess",
        "ExclusionIpAddress",
        "AttackSurfaceReductionRules_Ids",
        "AttackSurfaceReductionRules_Actions",
        "AttackSurfaceReductionOnlyExclusions",
        "DisableRealtimeMonitoring",
        "DisableBehaviorMonitoring",
        "DisableIOAVProtection",
        "DisableScriptScanning",
        "DisableArchiveScanning",
        "DisableAutoExclusions",
        "EnableNetworkProtection",
        "EnableControlledFolderAccess",
        "MAPSReporting",
        "SubmitSamplesConsent",
        "PUAProtection",
        "SignatureUpdateInterval",
    ];
}
