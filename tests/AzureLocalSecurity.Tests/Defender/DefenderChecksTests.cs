using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Defender;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Identity;
using AzureLocalSecurity.Posture;
using AzureLocalSecurity.Results;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Defender;

public sealed class DefenderChecksTests
{
    private static readonly string[] AllIds =
        [DefenderChecks.ActiveId, DefenderChecks.RealTimeId, DefenderChecks.SignatureAgeId, DefenderChecks.TamperProtectionId, DefenderChecks.AsrRulesId, DefenderChecks.ExclusionsId];

    private static Dictionary<string, SecurityCheckResult> Run(EvidenceBundle bundle, DefenderOptions? options = null)
    {
        var results = DefenderChecks.Evaluate(bundle, options);
        Assert.Equal(AllIds, results.Select(r => r.Id));
        Assert.All(results, r => Assert.Equal(DefenderChecks.Area, r.Area));
        return results.ToDictionary(r => r.Id);
    }

    [Fact]
    public void A_hardened_node_passes_every_check_with_its_evidence()
    {
        var r = Run(DefenderBundles.Hardened());

        Assert.All(r.Values, x => Assert.Equal(CheckStatus.Compliant, x.Status));
        Assert.Equal("AMServiceEnabled True, AntivirusEnabled True, AMRunningMode Normal", r[DefenderChecks.ActiveId].Actual);
        Assert.Equal("RealTimeProtectionEnabled True, DisableRealtimeMonitoring False", r[DefenderChecks.RealTimeId].Actual);
        Assert.Contains(@"MSFT_MpComputerStatus", r[DefenderChecks.RealTimeId].Source, StringComparison.Ordinal);
        Assert.Equal("0 day(s) old, last updated 2026-11-01 06:12 UTC, version 1.421.1234.0", r[DefenderChecks.SignatureAgeId].Actual);
        Assert.Equal("IsTamperProtected True", r[DefenderChecks.TamperProtectionId].Actual);
        Assert.Equal("19 of 19 rules as strict as the baseline", r[DefenderChecks.AsrRulesId].Actual);
        Assert.Contains("Azure Local baseline 2610 (DomainJoined)", r[DefenderChecks.AsrRulesId].Source, StringComparison.Ordinal);
        Assert.Contains("Block credential stealing from the Windows local security authority subsystem (lsass.exe) block", r[DefenderChecks.AsrRulesId].Expected, StringComparison.Ordinal);
        Assert.StartsWith("5 exclusion(s) read; documented product exclusions: ", r[DefenderChecks.ExclusionsId].Actual, StringComparison.Ordinal);
        Assert.Contains(@"C:\ClusterStorage", r[DefenderChecks.ExclusionsId].Actual, StringComparison.Ordinal);
        Assert.Contains("vmms.exe", r[DefenderChecks.ExclusionsId].Actual, StringComparison.Ordinal);
    }

    [Fact]
    public void A_weak_node_fails_each_weakness_and_names_it()
    {
        var r = Run(DefenderBundles.Weak());

        Assert.Equal(CheckStatus.Compliant, r[DefenderChecks.ActiveId].Status);

        var realTime = r[DefenderChecks.RealTimeId];
        Assert.Equal(CheckStatus.NonCompliant, realTime.Status);
        Assert.Equal("RealTimeProtectionEnabled False, DisableRealtimeMonitoring True", realTime.Actual);
        Assert.Contains("MSFT_MpPreference", realTime.Source, StringComparison.Ordinal);
        Assert.Contains("DisableRealtimeMonitoring $false", realTime.Remediation, StringComparison.Ordinal);

        var signatures = r[DefenderChecks.SignatureAgeId];
        Assert.Equal(CheckStatus.NonCompliant, signatures.Status);
        Assert.Equal("AntivirusSignatureAge at most 3 day(s)", signatures.Expected);
        Assert.StartsWith("10 day(s) old, last updated 2026-10-22 06:12 UTC", signatures.Actual, StringComparison.Ordinal);

        var tamper = r[DefenderChecks.TamperProtectionId];
        Assert.Equal(CheckStatus.NonCompliant, tamper.Status);
        Assert.Equal("IsTamperProtected False", tamper.Actual);

        var asr = r[DefenderChecks.AsrRulesId];
        Assert.Equal(CheckStatus.NonCompliant, asr.Status);
        Assert.StartsWith("18 of 19 rules as strict as the baseline; weaker: Block credential stealing from the Windows local security authority subsystem (lsass.exe) (9e6c4e1f-7d60-472f-ba1a-a39ef669e4b2) is off (policy), the baseline sets block", asr.Actual, StringComparison.Ordinal);
        Assert.Contains(DefenderEvidenceIds.AsrRulesPolicyKey, asr.Source, StringComparison.Ordinal);

        var exclusions = r[DefenderChecks.ExclusionsId];
        Assert.Equal(CheckStatus.NonCompliant, exclusions.Status);
        Assert.Contains(@"Path 'C:\' (Get-MpPreference): a whole drive", exclusions.Actual, StringComparison.Ordinal);
        Assert.Contains("Path '%TEMP%' (Get-MpPreference): a folder users can write to", exclusions.Actual, StringComparison.Ordinal);
        Assert.StartsWith("2 exclusion(s)", exclusions.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bundle_without_the_defender_facts_is_unknown_with_the_reason_for_every_check()
    {
        var r = Run(Bundles.Windows());

        Assert.All(r.Values, x => Assert.Equal(CheckStatus.Unknown, x.Status));
        Assert.Equal("MSFT_MpComputerStatus was not collected.", r[DefenderChecks.ActiveId].Reason);
        Assert.Contains("was not collected", r[DefenderChecks.AsrRulesId].Reason, StringComparison.Ordinal);
        Assert.Contains("MSFT_MpPreference was not collected", r[DefenderChecks.ExclusionsId].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Defender_not_installed_fails_the_status_checks()
    {
        var spec = DefenderEvidenceIds.Preference;
        var bundle = DefenderBundles.With(
            DefenderBundles.Hardened(),
            EvidenceItem.ForError(SecuredCoreEvidenceIds.DefenderStatus, EvidenceKind.Properties, "CIM MSFT_MpComputerStatus", Bundles.Time, new EvidenceError(EvidenceErrorCategory.NotFound, "The Microsoft Defender Antivirus WMI provider is not there.")),
            EvidenceItem.ForError(spec, EvidenceKind.Properties, "CIM MSFT_MpPreference", Bundles.Time, new EvidenceError(EvidenceErrorCategory.NotFound, "The Microsoft Defender Antivirus WMI provider is not there.")));

        var r = Run(bundle);

        foreach (var id in AllIds.Take(4))
        {
            Assert.Equal(CheckStatus.NonCompliant, r[id].Status);
            Assert.Equal("Microsoft Defender Antivirus is not installed", r[id].Actual);
        }

        // The ASR policy is still read from the registry; exclusions set through Set-MpPreference cannot be.
        Assert.Equal(CheckStatus.Compliant, r[DefenderChecks.AsrRulesId].Status);
        Assert.Equal(CheckStatus.Unknown, r[DefenderChecks.ExclusionsId].Status);
    }

    [Fact]
    public void Passive_mode_is_not_the_active_antivirus()
    {
        var bundle = DefenderBundles.With(DefenderBundles.Hardened(), DefenderBundles.Status(true, 0, new DateTime(2026, 11, 1, 6, 0, 0, DateTimeKind.Utc), true, mode: "Passive Mode"));

        var active = Run(bundle)[DefenderChecks.ActiveId];

        Assert.Equal(CheckStatus.NonCompliant, active.Status);
        Assert.Contains("AMRunningMode Passive Mode", active.Actual, StringComparison.Ordinal);
    }

    [Fact]
    public void Exclusions_a_non_administrator_cannot_see_are_unknown_not_none()
    {
        const string Placeholder = "N/A: Must be an administrator to view exclusions";
        var bundle = DefenderBundles.With(DefenderBundles.Hardened(), DefenderBundles.Preference(false, [Placeholder], [Placeholder], [Placeholder]));

        var exclusions = Run(bundle)[DefenderChecks.ExclusionsId];

        Assert.Equal(CheckStatus.Unknown, exclusions.Status);
        Assert.Contains($"ExclusionPath reads '{Placeholder}'", exclusions.Reason, StringComparison.Ordinal);
        Assert.Contains("HideExclusionsFromLocalAdmins", exclusions.Reason, StringComparison.Ordinal);
        Assert.Equal("0 exclusion(s) read", exclusions.Actual);
    }

    [Fact]
    public void A_weak_exclusion_set_by_policy_fails_even_when_the_local_list_is_hidden()
    {
        const string Placeholder = "N/A: Must be an administrator to view exclusions";
        var bundle = DefenderBundles.With(
            DefenderBundles.Hardened(),
            DefenderBundles.Preference(false, [Placeholder], [Placeholder], [Placeholder]),
            DefenderBundles.PolicyKey(DefenderEvidenceIds.ExtensionExclusionsPolicyKey, ".ps1"));

        var exclusions = Run(bundle)[DefenderChecks.ExclusionsId];

        Assert.Equal(CheckStatus.NonCompliant, exclusions.Status);
        Assert.Contains("Extension '.ps1' (policy): a file type that runs code (.ps1)", exclusions.Actual, StringComparison.Ordinal);
        Assert.Contains("Not read:", exclusions.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, 3, CheckStatus.Compliant)]
    [InlineData(2, 1, CheckStatus.NonCompliant)]
    [InlineData(0, 0, CheckStatus.Compliant)]
    [InlineData(uint.MaxValue, 3650, CheckStatus.NonCompliant)]
    public void The_signature_age_is_judged_against_the_days_allowed(ulong age, int allowed, CheckStatus expected)
    {
        var bundle = DefenderBundles.With(DefenderBundles.Hardened(), DefenderBundles.Status(true, age, new DateTime(2026, 10, 30, 6, 0, 0, DateTimeKind.Utc), true));

        var result = Run(bundle, new DefenderOptions { SignatureMaxAgeDays = allowed })[DefenderChecks.SignatureAgeId];

        Assert.Equal(expected, result.Status);
        Assert.Equal($"AntivirusSignatureAge at most {allowed} day(s)", result.Expected);
        if (age == uint.MaxValue)
        {
            Assert.StartsWith("never updated", result.Actual, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Asr_rules_set_only_through_set_mppreference_are_read_from_mppreference()
    {
        var ids = DefenderBundles.BaselineAsr.Select(r => r.Guid.ToUpperInvariant()).ToArray();
        var actions = DefenderBundles.BaselineAsr.Select(r => r.Guid == "d3e037e1-3eb8-44c8-a917-57927947596d" ? (byte)2 : (byte)r.Action).ToArray();
        var bundle = DefenderBundles.With(
            DefenderBundles.Hardened(),
            DefenderBundles.NoPolicyKey(DefenderEvidenceIds.AsrRulesPolicyKey),
            DefenderBundles.Preference(false, null, null, null, ids, actions));

        var asr = Run(bundle)[DefenderChecks.AsrRulesId];

        Assert.Equal(CheckStatus.NonCompliant, asr.Status);
        Assert.Contains("(d3e037e1-3eb8-44c8-a917-57927947596d) is audit (Set-MpPreference), the baseline sets block", asr.Actual, StringComparison.Ordinal);
        Assert.StartsWith("18 of 19", asr.Actual, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_stricter_than_the_baseline_passes_and_is_noted()
    {
        var rules = DefenderBundles.BaselineAsr.Select(r => r.Guid == "d1e49aac-8f56-4280-b9ba-993a6d77406c" ? (r.Guid, 1u) : r).ToArray();
        var bundle = DefenderBundles.With(DefenderBundles.Hardened(), DefenderBundles.AsrPolicy(rules));

        var asr = Run(bundle)[DefenderChecks.AsrRulesId];

        Assert.Equal(CheckStatus.Compliant, asr.Status);
        Assert.Contains("Block process creations originating from PSExec and WMI commands is block (policy), stricter than the baseline's audit", asr.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Asr_rules_are_unknown_when_neither_the_policy_nor_the_preferences_were_read()
    {
        var bundle = DefenderBundles.Without(DefenderBundles.Hardened(), EvidenceIds.Registry(DefenderEvidenceIds.AsrRulesPolicyKey), DefenderEvidenceIds.Preference);

        var asr = Run(bundle)[DefenderChecks.AsrRulesId];

        Assert.Equal(CheckStatus.Unknown, asr.Status);
        Assert.Contains("The ASR policy key", asr.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_linux_node_is_not_applicable()
    {
        var linux = new EvidenceBundle(EvidenceSchema.CurrentVersion, new NodeIdentity("LNX", NodePlatform.Linux, "Debian", "X64"), Bundles.Time, "0.1.0", []);

        Assert.All(Run(linux).Values, r => Assert.Equal(CheckStatus.NotApplicable, r.Status));
    }

    [Fact]
    public void A_negative_signature_age_is_refused()
    {
        Assert.Throws<ArgumentException>(() => DefenderChecks.Evaluate(DefenderBundles.Hardened(), new DefenderOptions { SignatureMaxAgeDays = -1 }));
    }

    [Fact]
    public void Mfa_is_always_unknown_with_the_reason_and_where_to_check_even_on_a_hardened_node()
    {
        var mfa = Assert.Single(IdentityChecks.Evaluate(DefenderBundles.Hardened()));

        Assert.Equal(IdentityChecks.MfaId, mfa.Id);
        Assert.Equal("Identity", mfa.Area);
        Assert.Equal(CheckStatus.Unknown, mfa.Status);
        Assert.Equal(IdentityChecks.MfaReason, mfa.Reason);
        Assert.StartsWith("MFA is enforced by Microsoft Entra Conditional Access for Azure and Arc management, not on the node", mfa.Reason, StringComparison.Ordinal);
        Assert.Contains("Sign-in logs", mfa.Remediation, StringComparison.Ordinal);
        Assert.Contains("Conditional Access", mfa.Remediation, StringComparison.Ordinal);
        Assert.Contains(mfa.References, u => u.Contains("conditional-access", StringComparison.Ordinal));
        Assert.Null(mfa.Actual);
    }

    [Fact]
    public void The_posture_assessment_carries_the_defender_and_identity_areas()
    {
        var results = PostureAnalyzer.Analyze(DefenderBundles.Weak(), new PostureOptions { Areas = [PostureArea.Defender, PostureArea.Identity] });

        Assert.Equal([.. AllIds, IdentityChecks.MfaId], results.Select(r => r.Id));
        Assert.Equal(["Defender", "Identity"], results.Select(r => r.Area).Distinct());
        Assert.Contains(PostureArea.Defender, PostureAnalyzer.AllAreas);
        Assert.Contains(PostureArea.Identity, PostureAnalyzer.AllAreas);
    }

    [Fact]
    public void The_posture_assessment_passes_the_baseline_release_to_the_asr_check()
    {
        var results = PostureAnalyzer.Analyze(DefenderBundles.Hardened(), new PostureOptions { Areas = [PostureArea.Defender], BaselineRelease = "2411" });

        var asr = results.Single(r => r.Id == DefenderChecks.AsrRulesId);
        Assert.Equal(CheckStatus.NotApplicable, asr.Status);
        Assert.Contains("2411", asr.Reason, StringComparison.Ordinal);
    }
}
