using System;
using System.Linq;
using AzureLocalSecurity.AppControl.Policy;
using Xunit;

namespace AzureLocalSecurity.Tests.AppControl.Policy;

public class SiPolicyValidatorTests
{
    [Theory]
    [InlineData(WdacVectors.AllowMicrosoft)]
    [InlineData(WdacVectors.DefaultWindowsAudit)]
    [InlineData(WdacVectors.EmptyBase)]
    [InlineData(WdacVectors.EmptySupplemental)]
    public void The_base_and_supplemental_templates_validate_clean(string template)
    {
        Assert.Empty(SiPolicyValidator.Validate(WdacVectors.Load(template)));
    }

    [Fact]
    public void The_driver_block_list_has_only_the_single_policy_format_warning()
    {
        var issue = Assert.Single(SiPolicyValidator.Validate(WdacVectors.Load(WdacVectors.DriverBlocklist)));

        Assert.Equal((SiPolicyValidationSeverity.Warning, SiPolicyValidator.SinglePolicyFormat, "PolicyTypeID"), (issue.Severity, issue.Code, issue.Path));
    }

    [Fact]
    public void Test_bin_and_the_builders_policy_validate_clean()
    {
        Assert.Empty(SiPolicyValidator.Validate(SiPolicyBinaryReader.Read(WdacVectors.Bytes(WdacVectors.TestBin)).Policy));
        Assert.Empty(SiPolicyValidator.Validate(PolicyBuilder.Compilable()));
    }

    [Fact]
    public void An_ID_used_by_an_EKU_and_a_file_rule_is_a_duplicate()
    {
        var policy = PolicyBuilder.Minimal();
        policy.Ekus.Add(new SiPolicyEku { Id = "ID_SAME", Value = "01" });
        policy.FileRules.Add(new SiPolicyFileRule { Kind = SiPolicyFileRuleKind.Allow, Id = "ID_SAME", FileName = "a.exe" });

        var issue = Only(policy, SiPolicyValidator.DuplicateId);

        Assert.Equal("FileRules/Allow[@ID='ID_SAME']", issue.Path);
        Assert.Contains("EKUs/EKU[@ID='ID_SAME']", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_scenarios_with_one_ID_are_a_duplicate()
    {
        var policy = PolicyBuilder.Minimal();
        policy.SigningScenarios[1].Id = policy.SigningScenarios[0].Id;

        Assert.Equal("SigningScenarios/SigningScenario[@ID='ID_SIGNINGSCENARIO_KMCI']", Only(policy, SiPolicyValidator.DuplicateId).Path);
    }

    [Fact]
    public void A_file_rule_without_an_ID_is_reported_by_position()
    {
        var policy = PolicyBuilder.Minimal();
        policy.FileRules.Add(new SiPolicyFileRule { Kind = SiPolicyFileRuleKind.Deny, Hash = "AA" });

        Assert.Equal("FileRules/Deny[1]", Only(policy, SiPolicyValidator.MissingId).Path);
    }

    [Fact]
    public void A_CertEKU_that_names_no_EKU_is_unresolved()
    {
        var policy = WithSigner(out var signer);
        signer.CertEkus.Add("ID_EKU_MISSING");

        Assert.Equal("Signers/Signer[@ID='S']/CertEKU[@ID='ID_EKU_MISSING']", Only(policy, SiPolicyValidator.UnresolvedReference).Path);
    }

    [Fact]
    public void A_FileAttribRef_that_names_no_rule_is_unresolved()
    {
        var policy = WithSigner(out var signer);
        signer.FileAttribRefs.Add("ID_NONE");

        Assert.Equal("Signers/Signer[@ID='S']/FileAttribRef[@RuleID='ID_NONE']", Only(policy, SiPolicyValidator.UnresolvedReference).Path);
    }

    [Fact]
    public void A_FileAttribRef_to_an_Allow_rule_is_the_wrong_kind()
    {
        var policy = WithSigner(out var signer);
        policy.FileRules.Add(new SiPolicyFileRule { Kind = SiPolicyFileRuleKind.Allow, Id = "A", FileName = "a.exe" });
        signer.FileAttribRefs.Add("A");

        Assert.Equal("Signers/Signer[@ID='S']/FileAttribRef[@RuleID='A']", Only(policy, SiPolicyValidator.WrongReferenceKind).Path);
    }

    [Fact]
    public void An_AllowedSigner_that_names_no_signer_is_unresolved()
    {
        var policy = PolicyBuilder.Minimal();
        policy.SigningScenarios[1].ProductSigners!.AllowedSigners.Add(PolicyBuilder.Signer("ID_NOBODY"));

        Assert.Equal("SigningScenarios/SigningScenario[@ID='ID_SIGNINGSCENARIO_UMCI']/ProductSigners/AllowedSigners/AllowedSigner[@SignerId='ID_NOBODY']", Only(policy, SiPolicyValidator.UnresolvedReference).Path);
    }

    [Fact]
    public void A_DeniedSigner_that_names_no_signer_is_unresolved()
    {
        var policy = PolicyBuilder.Minimal();
        policy.SigningScenarios[0].TestSigners = new SiPolicySignerGroup();
        policy.SigningScenarios[0].TestSigners!.DeniedSigners.Add(PolicyBuilder.Signer("ID_NOBODY"));

        Assert.EndsWith("/TestSigners/DeniedSigners/DeniedSigner[@SignerId='ID_NOBODY']", Only(policy, SiPolicyValidator.UnresolvedReference).Path, StringComparison.Ordinal);
    }

    [Fact]
    public void A_FileRuleRef_that_names_no_rule_is_unresolved()
    {
        var policy = PolicyBuilder.Minimal();
        policy.SigningScenarios[0].ProductSigners!.FileRuleRefs.Add("ID_GONE");

        Assert.EndsWith("/ProductSigners/FileRulesRef/FileRuleRef[@RuleID='ID_GONE']", Only(policy, SiPolicyValidator.UnresolvedReference).Path, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ExceptDenyRule_to_an_Allow_rule_is_the_wrong_kind()
    {
        var policy = WithSigner(out _);
        policy.FileRules.Add(new SiPolicyFileRule { Kind = SiPolicyFileRuleKind.Allow, Id = "A", FileName = "a.exe" });
        policy.SigningScenarios[1].ProductSigners!.AllowedSigners.Add(PolicyBuilder.Signer("S", "A"));

        Assert.EndsWith("/AllowedSigner[@SignerId='S']/ExceptDenyRule[@DenyRuleID='A']", Only(policy, SiPolicyValidator.WrongReferenceKind).Path, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ExceptAllowRule_that_names_no_rule_is_unresolved()
    {
        var policy = WithSigner(out _);
        policy.SigningScenarios[1].ProductSigners!.DeniedSigners.Add(PolicyBuilder.Signer("S", "ID_NONE"));

        Assert.EndsWith("/DeniedSigner[@SignerId='S']/ExceptAllowRule[@AllowRuleID='ID_NONE']", Only(policy, SiPolicyValidator.UnresolvedReference).Path, StringComparison.Ordinal);
    }

    [Fact]
    public void A_generic_FileRule_of_type_Exclude_counts_as_a_Deny_rule_for_ExceptDenyRule()
    {
        var policy = WithSigner(out _);
        policy.FileRules.Add(new SiPolicyFileRule { Kind = SiPolicyFileRuleKind.FileRule, RuleType = "Exclude", Id = "X", FileName = "x.exe" });
        policy.SigningScenarios[1].ProductSigners!.AllowedSigners.Add(PolicyBuilder.Signer("S", "X"));

        Assert.Empty(SiPolicyValidator.Validate(policy));
    }

    [Theory]
    [InlineData("UpdatePolicySigners/UpdatePolicySigner[@SignerId='ID_NOBODY']")]
    [InlineData("CiSigners/CiSigner[@SignerId='ID_NOBODY']")]
    [InlineData("SupplementalPolicySigners/SupplementalPolicySigner[@SignerId='ID_NOBODY']")]
    public void A_policy_level_signer_list_that_names_no_signer_is_unresolved(string path)
    {
        var policy = PolicyBuilder.Minimal();
        (path.StartsWith("Update", StringComparison.Ordinal) ? policy.UpdatePolicySigners : path.StartsWith("Ci", StringComparison.Ordinal) ? policy.CiSigners : policy.SupplementalPolicySigners).Add("ID_NOBODY");

        Assert.Equal(path, Only(policy, SiPolicyValidator.UnresolvedReference).Path);
    }

    [Fact]
    public void An_inherited_scenario_that_does_not_exist_is_unresolved()
    {
        var policy = PolicyBuilder.Minimal();
        policy.SigningScenarios[1].InheritedScenarios = "ID_SIGNINGSCENARIO_KMCI, ID_NOWHERE";

        var issue = Only(policy, SiPolicyValidator.UnresolvedReference);

        Assert.Equal("SigningScenarios/SigningScenario[@ID='ID_SIGNINGSCENARIO_UMCI']/@InheritedScenarios", issue.Path);
        Assert.Contains("ID_NOWHERE", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_AppIDs_macro_that_Macros_does_not_define_is_unresolved()
    {
        var policy = PolicyBuilder.Minimal();
        policy.FileRules.Add(new SiPolicyFileRule { Kind = SiPolicyFileRuleKind.Allow, Id = "A", FileName = "a.exe", AppIds = "$(ID_MACRO_X)" });

        Assert.Equal("FileRules/Allow[@ID='A']/@AppIDs", Only(policy, SiPolicyValidator.UnresolvedReference).Path);
    }

    [Fact]
    public void A_supplemental_policy_whose_BasePolicyID_is_its_own_PolicyID_is_an_error()
    {
        var policy = PolicyBuilder.Minimal();
        policy.PolicyType = SiPolicyType.Supplemental;

        Assert.Equal("BasePolicyID", Only(policy, SiPolicyValidator.SupplementalBasePolicy).Path);
    }

    [Fact]
    public void A_supplemental_policy_without_a_BasePolicyID_is_an_error()
    {
        var policy = WdacVectors.Load(WdacVectors.EmptySupplemental);
        policy.BasePolicyId = null;

        Assert.Contains("needs the BasePolicyID", Only(policy, SiPolicyValidator.SupplementalBasePolicy).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_supplemental_policy_may_not_have_audit_mode()
    {
        var policy = WdacVectors.Load(WdacVectors.EmptySupplemental);
        policy.Rules.Add("Enabled:Audit Mode");

        Assert.Equal("Rules/Rule[Option='Enabled:Audit Mode']", Only(policy, SiPolicyValidator.OptionNotValidInSupplemental).Path);
    }

    [Fact]
    public void A_supplemental_policy_may_have_the_options_Microsoft_lists_as_valid_for_it()
    {
        var policy = WdacVectors.Load(WdacVectors.EmptySupplemental);
        foreach (var index in new[] { 13, 14, 18 })
        {
            policy.Rules.Add(SiPolicyRuleOptions.FromIndex(index)!.XmlName);
        }

        Assert.Empty(SiPolicyValidator.Validate(policy));
    }

    [Fact]
    public void A_base_policy_whose_BasePolicyID_differs_from_its_PolicyID_is_an_error()
    {
        var policy = PolicyBuilder.Minimal();
        policy.BasePolicyId = "{00000000-0000-0000-0000-000000000001}";

        Assert.Equal("BasePolicyID", Only(policy, SiPolicyValidator.BasePolicyIdMismatch).Path);
    }

    [Fact]
    public void A_policy_with_neither_PolicyID_nor_PolicyTypeID_is_an_error()
    {
        var policy = PolicyBuilder.Minimal();
        policy.PolicyId = null;
        policy.BasePolicyId = null;

        Assert.Equal("PolicyID", Only(policy, SiPolicyValidator.MissingPolicyId).Path);
    }

    [Fact]
    public void An_option_name_of_the_wrong_case_is_unknown_and_the_right_spelling_is_given()
    {
        var policy = PolicyBuilder.Minimal();
        policy.Rules.Add("Enabled:Audit mode");

        var issue = Only(policy, SiPolicyValidator.UnknownOption);

        Assert.Equal(SiPolicyValidationSeverity.Error, issue.Severity);
        Assert.Contains("'Enabled:Audit Mode'", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_option_named_twice_is_a_warning()
    {
        var policy = PolicyBuilder.Minimal();
        policy.Rules.Add("Enabled:Unsigned System Integrity Policy");

        Assert.Equal(SiPolicyValidationSeverity.Warning, Only(policy, SiPolicyValidator.DuplicateOption).Severity);
    }

    [Fact]
    public void Debug_policy_augmented_is_a_warning_because_it_has_no_compiled_bit()
    {
        var policy = PolicyBuilder.Minimal();
        policy.Rules.Add("Allowed:Debug Policy Augmented");

        Assert.Equal(SiPolicyValidationSeverity.Warning, Only(policy, SiPolicyValidator.OptionNotCompiled).Severity);
    }

    [Fact]
    public void A_base_policy_to_be_signed_without_update_signers_is_a_warning()
    {
        var policy = PolicyBuilder.Minimal();
        policy.Rules.Clear();

        Assert.Equal("UpdatePolicySigners", Only(policy, SiPolicyValidator.SignedWithoutUpdateSigner).Path);
    }

    [Theory]
    [InlineData("VersionEx", null)]
    [InlineData("VersionEx", "10.0.0")]
    [InlineData("FileRules/Allow[@ID='A']/@MaximumFileVersion", "1.2.3.65536")]
    [InlineData("FileRules/Allow[@ID='A']/@PackageVersion", "v1")]
    public void A_version_that_is_missing_or_does_not_parse_is_an_error(string path, string? version)
    {
        var policy = PolicyBuilder.Minimal();
        var rule = new SiPolicyFileRule { Kind = SiPolicyFileRuleKind.Allow, Id = "A", FileName = "a.exe" };
        policy.FileRules.Add(rule);
        switch (path)
        {
            case "VersionEx": policy.VersionEx = version; break;
            case var p when p.EndsWith("MaximumFileVersion", StringComparison.Ordinal): rule.MaximumFileVersion = version; break;
            default: rule.PackageVersion = version; break;
        }

        Assert.Equal(path, Only(policy, SiPolicyValidator.InvalidVersion).Path);
    }

    [Fact]
    public void A_hash_that_is_not_hex_is_an_error()
    {
        var policy = PolicyBuilder.Minimal();
        policy.FileRules.Add(new SiPolicyFileRule { Kind = SiPolicyFileRuleKind.Deny, Id = "D", Hash = "ABC" });

        Assert.Equal("FileRules/Deny[@ID='D']", Only(policy, SiPolicyValidator.InvalidHash).Path);
    }

    [Fact]
    public void An_EKU_value_that_is_not_hex_is_an_error()
    {
        var policy = PolicyBuilder.Minimal();
        policy.Ekus.Add(new SiPolicyEku { Id = "E", Value = "1.3.6.1" });

        Assert.Equal("EKUs/EKU[@ID='E']", Only(policy, SiPolicyValidator.InvalidHex).Path);
    }

    [Fact]
    public void A_Wellknown_root_of_two_bytes_is_an_error()
    {
        var policy = WithSigner(out var signer);
        signer.CertRootValue = "0404";

        Assert.Equal("Signers/Signer[@ID='S']/CertRoot", Only(policy, SiPolicyValidator.InvalidHex).Path);
    }

    [Fact]
    public void A_signer_without_CertRoot_is_an_error()
    {
        var policy = WithSigner(out var signer);
        signer.CertRootType = null;

        Assert.Equal("Signers/Signer[@ID='S']", Only(policy, SiPolicyValidator.MissingCertRoot).Path);
    }

    [Fact]
    public void A_SignTimeAfter_that_is_not_a_dateTime_is_an_error()
    {
        var policy = WithSigner(out var signer);
        signer.SignTimeAfter = "yesterday";

        Assert.Equal("Signers/Signer[@ID='S']/@SignTimeAfter", Only(policy, SiPolicyValidator.InvalidDateTime).Path);
    }

    [Fact]
    public void A_SignTimeAfter_before_1601_is_an_error_because_a_FILETIME_cannot_hold_it()
    {
        var policy = WithSigner(out var signer);
        signer.SignTimeAfter = "1600-12-31T23:59:59Z";

        Assert.Equal("Signers/Signer[@ID='S']/@SignTimeAfter", Only(policy, SiPolicyValidator.InvalidDateTime).Path);
        Assert.Throws<SiPolicyFormatException>(() => SiPolicyBinaryWriter.Write(policy));
    }

    [Fact]
    public void A_GUID_that_does_not_parse_is_an_error()
    {
        var policy = PolicyBuilder.Minimal();
        policy.PlatformId = "{not-a-guid}";

        Assert.Equal("PlatformID", Only(policy, SiPolicyValidator.InvalidGuid).Path);
    }

    [Fact]
    public void A_DWord_setting_holding_text_is_an_error()
    {
        var policy = PolicyBuilder.Minimal();
        policy.Settings.Add(new SiPolicySetting { Provider = "P", Key = "K", ValueName = "V", Kind = SiPolicySettingKind.DWord, Value = "12" });

        Assert.Equal("Settings/Setting[1][@Provider='P'][@Key='K'][@ValueName='V']", Only(policy, SiPolicyValidator.InvalidSetting).Path);
    }

    [Fact]
    public void A_scenario_that_is_neither_kernel_nor_user_is_a_warning()
    {
        var policy = PolicyBuilder.Minimal();
        policy.SigningScenarios[0].Value = 7;

        Assert.Equal(SiPolicyValidationSeverity.Warning, Only(policy, SiPolicyValidator.UnknownScenario).Severity);
    }

    [Fact]
    public void What_the_compiler_refuses_is_a_warning_for_each_element()
    {
        var issues = SiPolicyValidator.Validate(PolicyBuilder.Everything());

        Assert.All(issues, i => Assert.Equal((SiPolicyValidationSeverity.Warning, SiPolicyValidator.NotCompilable), (i.Severity, i.Code)));
        Assert.Equal(["SigningScenarios/SigningScenario[@ID='ID_SIGNINGSCENARIO_UMCI']/AppIDTags", "AppSettings"], issues.Select(i => i.Path));
    }

    [Fact]
    public void An_AppID_tagging_policy_is_a_not_compilable_warning()
    {
        var policy = PolicyBuilder.Minimal();
        policy.PolicyType = SiPolicyType.AppIdTagging;

        Assert.Equal("SiPolicy/@PolicyType", Only(policy, SiPolicyValidator.NotCompilable).Path);
    }

    private static SiPolicy WithSigner(out SiPolicySigner signer)
    {
        var policy = PolicyBuilder.Minimal();
        signer = new SiPolicySigner { Id = "S", Name = "S", CertRootType = SiPolicyCertRootType.WellKnown, CertRootValue = "04" };
        policy.Signers.Add(signer);
        return policy;
    }

    /// <summary>The one issue the policy has, which must have the code.</summary>
    private static SiPolicyValidationIssue Only(SiPolicy policy, string code)
    {
        var issues = SiPolicyValidator.Validate(policy);
        var issue = Assert.Single(issues);
        Assert.Equal(code, issue.Code);
        return issue;
    }
}
