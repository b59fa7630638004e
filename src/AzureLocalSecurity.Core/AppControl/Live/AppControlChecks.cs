using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Platform;
using AzureLocalSecurity.Results;

namespace AzureLocalSecurity.AppControl.Live;

/// <summary>
/// The App Control for Business checks, decided from the state <see cref="AppControlAnalyzer.Read(EvidenceBundle)"/>
/// describes, as Azure Local documents App Control: on by default, with Microsoft's base policy (AS_Base_Policy), in
/// enforced mode (audit mode logs what it would block and blocks nothing), extended only through supplemental policies of
/// that base. Azure Local's own base policy carries "Enabled:Unsigned System Integrity Policy", so the module does not flag
/// that option. Pure.
/// </summary>
public static class AppControlChecks
{
    /// <summary>The area name of these checks.</summary>
    public const string Area = "AppControl";

    /// <summary>App Control is active: a base policy applies to user-mode code.</summary>
    public const string ActiveId = "ALSEC-AC-001";

    /// <summary>Azure Local's Microsoft base policy (AS_Base_Policy) is active.</summary>
    public const string AzureLocalBaseId = "ALSEC-AC-002";

    /// <summary>App Control is enforced, not in audit mode.</summary>
    public const string EnforcedId = "ALSEC-AC-003";

    /// <summary>Every active supplemental policy's base policy is active.</summary>
    public const string SupplementalBaseId = "ALSEC-AC-004";

    private const string ActiveTitle = "App Control for Business is active (a base policy applies to user-mode code)";
    private const string BaseTitle = "Azure Local's base policy (AS_Base_Policy) is active";
    private const string EnforcedTitle = "App Control is enforced, not in audit mode";
    private const string SupplementalTitle = "Every active supplemental policy's base policy is active";

    private static readonly string[] References =
    [
        "https://learn.microsoft.com/azure/azure-local/manage/manage-wdac",
        "https://learn.microsoft.com/azure/azure-local/concepts/security-features",
        "https://learn.microsoft.com/windows/security/application-security/application-control/app-control-for-business/design/deploy-multiple-appcontrol-policies",
    ];

    /// <summary>Runs every App Control check on <paramref name="bundle"/>.</summary>
    public static IReadOnlyList<SecurityCheckResult> Evaluate(EvidenceBundle bundle) => Evaluate(bundle, AppControlAnalyzer.Read(bundle));

    /// <summary>Runs every App Control check on a state already read from <paramref name="bundle"/>.</summary>
    public static IReadOnlyList<SecurityCheckResult> Evaluate(EvidenceBundle bundle, ApplicationControlState state)
    {
        if (bundle is null)
        {
            throw new ArgumentNullException(nameof(bundle));
        }

        if (state is null)
        {
            throw new ArgumentNullException(nameof(state));
        }

        var node = bundle.NodeName;
        if (bundle.Node.Platform == NodePlatform.Linux)
        {
            const string Why = "App Control for Business is a Windows feature; this node runs Linux.";
            return
            [
                Result(ActiveId, ActiveTitle, CheckStatus.NotApplicable, Severity.High, null, null, null, Why, null, node),
                Result(AzureLocalBaseId, BaseTitle, CheckStatus.NotApplicable, Severity.High, null, null, null, Why, null, node),
                Result(EnforcedId, EnforcedTitle, CheckStatus.NotApplicable, Severity.High, null, null, null, Why, null, node),
                Result(SupplementalBaseId, SupplementalTitle, CheckStatus.NotApplicable, Severity.Medium, null, null, null, Why, null, node),
            ];
        }

        var unknown = string.Join(" ", state.Unknowns.DefaultIfEmpty("The App Control facts could not be read."));
        return
        [
            CheckActive(state, node, unknown),
            CheckAzureLocalBase(bundle, state, node, unknown),
            CheckEnforced(state, node, unknown),
            CheckSupplementals(state, node, unknown),
        ];
    }

    private static SecurityCheckResult CheckActive(ApplicationControlState state, string node, string unknown)
    {
        const string Expected = "a base policy active, user-mode status Audit or Enforced";
        var bases = state.PoliciesKnown ? state.Policies.Where(p => p.IsBase == true && p.PolicyId != KnownPolicies.DriverPolicy).ToList() : null;
        var source = state.Mode != AppControlMode.Unknown ? state.ModeSource : state.PolicySource;
        var actual = Describe(state, bases);
        const string Remedy = "Turn App Control on as Azure Local does: Enable-AsWdacPolicy -Mode Enforced (or deploy a base policy with CiTool --update-policy).";
        if (state.Mode == AppControlMode.Off)
        {
            return Result(ActiveId, ActiveTitle, CheckStatus.NonCompliant, Severity.High, Expected, actual, source,
                "Windows reports that no App Control policy applies to user-mode code (UsermodeCodeIntegrityPolicyEnforcementStatus 0)." + (bases is { Count: > 0 } ? " A base policy is deployed but not in effect: a restart or a policy refresh is pending." : string.Empty),
                Remedy, node);
        }

        if (bases is { Count: > 0 })
        {
            return Result(ActiveId, ActiveTitle, CheckStatus.Compliant, Severity.High, Expected, actual, source,
                state.PolicySource == AppControlAnalyzer.FileSource ? "The policies are read from the deployed files: whether each is active is not known, but the node's status says App Control applies." : null, null, node);
        }

        if (bases is not null && state.Mode is AppControlMode.Audit or AppControlMode.Enforced && state.Policies.Any(p => p.IsBase is null))
        {
            return Result(ActiveId, ActiveTitle, CheckStatus.Compliant, Severity.High, Expected, actual, source, "Windows reports App Control applies; which active policy is the base is not known.", null, node);
        }

        if (bases is not null && !state.Policies.Any(p => p.IsBase is null))
        {
            return Result(ActiveId, ActiveTitle, CheckStatus.NonCompliant, Severity.High, Expected, actual, source,
                "No base policy other than Microsoft's vulnerable driver block list is active.", Remedy, node);
        }

        if (state.Mode is AppControlMode.Audit or AppControlMode.Enforced)
        {
            return Result(ActiveId, ActiveTitle, CheckStatus.Compliant, Severity.High, Expected, actual, source, "Windows reports App Control applies; the active policies could not be listed. " + unknown, null, node);
        }

        return Result(ActiveId, ActiveTitle, CheckStatus.Unknown, Severity.High, Expected, actual, source, unknown, null, node);
    }

    private static SecurityCheckResult CheckAzureLocalBase(EvidenceBundle bundle, ApplicationControlState state, string node, string unknown)
    {
        const string Expected = "AS_Base_Policy {A6368F66-E2C9-4AA2-AB79-8743F6597683} active";
        var info = SystemInfoAnalyzer.Analyze(bundle);
        if (info.IsAzureLocal == false)
        {
            return Result(AzureLocalBaseId, BaseTitle, CheckStatus.NotApplicable, Severity.High, Expected, null, null,
                "The node does not run the Azure Local operating system; Azure Local's base policy is Azure Local's.", null, node);
        }

        var policy = state.Policies.FirstOrDefault(p => p.IsAzureLocalBase);
        var inactive = state.InactivePolicies.FirstOrDefault(p => p.IsAzureLocalBase);
        switch (state.HasAzureLocalBasePolicy)
        {
            case true:
                return Result(AzureLocalBaseId, BaseTitle, CheckStatus.Compliant, Severity.High, Expected,
                    $"{policy!.Name ?? "AS_Base_Policy"} {policy.Version} ({policy.Mode})", state.PolicySource == AppControlAnalyzer.CiToolSource ? "CiTool --list-policies" : policy.FileName, null, null, node);
            case false:
                return Result(AzureLocalBaseId, BaseTitle, CheckStatus.NonCompliant, Severity.High, Expected,
                    inactive is not null ? "AS_Base_Policy listed but not active" : "not among the active policies (" + state.Policies.Count + " active)",
                    state.PolicySource == AppControlAnalyzer.CiToolSource ? "CiTool --list-policies" : "the Active policy folder",
                    info.IsAzureLocal is null ? "Whether the node runs Azure Local could not be read; the policy is Azure Local's." : null,
                    "Restore Azure Local's App Control policy: Enable-AsWdacPolicy -Mode Enforced (it deploys AS_Base_Policy).", node);
            default:
                return Result(AzureLocalBaseId, BaseTitle, CheckStatus.Unknown, Severity.High, Expected, null, null, unknown, null, node);
        }
    }

    private static SecurityCheckResult CheckEnforced(ApplicationControlState state, string node, string unknown)
    {
        const string Expected = "Enforced";
        const string ToEnforced = "Switch to enforced mode as Azure Local does: Enable-AsWdacPolicy -Mode Enforced (or Set-ALApplicationControlMode -Mode Enforced), after checking the audit events (Get-ALCodeIntegrityEvent) for what enforcement would block.";
        switch (state.Mode)
        {
            case AppControlMode.Enforced:
                return Result(EnforcedId, EnforcedTitle, CheckStatus.Compliant, Severity.Medium, Expected, "Enforced", state.ModeSource, null, null, node);
            case AppControlMode.Audit:
                return Result(EnforcedId, EnforcedTitle, CheckStatus.NonCompliant, Severity.Medium, Expected, "Audit", state.ModeSource,
                    "Audit mode logs what the policy would block (event 3076) and blocks nothing.", ToEnforced, node);
            case AppControlMode.Off:
                return Result(EnforcedId, EnforcedTitle, CheckStatus.NonCompliant, Severity.High, Expected, "Off", state.ModeSource,
                    "No App Control policy applies to user-mode code.", "Turn App Control on in enforced mode: Enable-AsWdacPolicy -Mode Enforced.", node);
        }

        // Windows' status could not be read: Azure Local's base policy's own mode is the next best fact.
        if (state.Policies.FirstOrDefault(p => p.IsAzureLocalBase) is { Mode: not AppControlMode.Unknown } policy)
        {
            return policy.Mode == AppControlMode.Audit
                ? Result(EnforcedId, EnforcedTitle, CheckStatus.NonCompliant, Severity.Medium, Expected, "Audit (AS_Base_Policy)", policy.ModeSource,
                    "The node's status could not be read; Azure Local's base policy has the \"Enabled:Audit Mode\" option.", ToEnforced, node)
                : Result(EnforcedId, EnforcedTitle, CheckStatus.Compliant, Severity.Medium, Expected, "Enforced (AS_Base_Policy)", policy.ModeSource,
                    "The node's status could not be read; Azure Local's base policy has no \"Enabled:Audit Mode\" option.", null, node);
        }

        return Result(EnforcedId, EnforcedTitle, CheckStatus.Unknown, Severity.Medium, Expected, null, state.ModeSource, unknown, null, node);
    }

    private static SecurityCheckResult CheckSupplementals(ApplicationControlState state, string node, string unknown)
    {
        const string Expected = "each supplemental policy's BasePolicyID is an active policy";
        if (!state.PoliciesKnown)
        {
            return Result(SupplementalBaseId, SupplementalTitle, CheckStatus.Unknown, Severity.Medium, Expected, null, null, unknown, null, node);
        }

        var active = new HashSet<Guid>(state.Policies.Where(p => p.PolicyId is not null).Select(p => p.PolicyId!.Value));
        var supplementals = state.Policies.Where(p => p.IsBase == false).ToList();
        var undetermined = state.Policies.Where(p => p.IsBase is null).ToList();
        var source = state.PolicySource == AppControlAnalyzer.CiToolSource ? "CiTool --list-policies" : "the deployed policy files";
        var orphans = supplementals.Where(p => p.BasePolicyId is { } b && !active.Contains(b)).ToList();
        if (orphans.Count > 0)
        {
            return Result(SupplementalBaseId, SupplementalTitle, CheckStatus.NonCompliant, Severity.Medium, Expected,
                string.Join(", ", orphans.Select(p => $"{p.Name ?? p.PolicyId?.ToString("B")} (base {p.BasePolicyId!.Value:B} not active)")), source,
                "A supplemental policy whose base is not active extends nothing: what it allows is not in effect.",
                "Deploy the supplemental policy again for the active base (Add-ALApplicationControlSupplementalPolicy), or remove it (Remove-ALApplicationControlSupplementalPolicy).", node);
        }

        if (supplementals.Any(p => p.BasePolicyId is null) || undetermined.Count > 0)
        {
            var names = supplementals.Where(p => p.BasePolicyId is null).Concat(undetermined).Select(p => p.Name ?? p.FileName ?? p.PolicyId?.ToString("B") ?? "a policy");
            return Result(SupplementalBaseId, SupplementalTitle, CheckStatus.Unknown, Severity.Medium, Expected, null, source,
                "The base of " + string.Join(", ", names) + " is not known. " + string.Join(" ", state.Policies.SelectMany(p => p.Unknowns).Distinct()), null, node);
        }

        if (supplementals.Count == 0)
        {
            return Result(SupplementalBaseId, SupplementalTitle, CheckStatus.NotApplicable, Severity.Medium, Expected, "no supplemental policy", source, "No supplemental policy is active.", null, node);
        }

        return Result(SupplementalBaseId, SupplementalTitle, CheckStatus.Compliant, Severity.Medium, Expected,
            string.Join(", ", supplementals.Select(p => $"{p.Name ?? p.PolicyId?.ToString("B")} (base {p.BasePolicyId!.Value:B})")), source, null, null, node);
    }

    private static string? Describe(ApplicationControlState state, List<ActivePolicy>? bases)
    {
        var mode = state.Mode == AppControlMode.Unknown ? null : "user mode " + state.Mode;
        var policies = bases is null ? null : bases.Count == 0 ? "no base policy" : "base: " + string.Join(", ", bases.Select(p => p.Name ?? p.PolicyId?.ToString("B") ?? p.FileName));
        var parts = new[] { mode, policies }.Where(p => p is not null).ToList();
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static SecurityCheckResult Result(string id, string title, CheckStatus status, Severity severity, string? expected, string? actual, string? source, string? reason, string? remediation, string node) =>
        new(id, title, Area, status, severity, expected, actual, string.IsNullOrEmpty(source) ? null : source, reason, remediation, References, node);
}
