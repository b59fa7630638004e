using System;
using System.Linq;
using AzureLocalSecurity.AppControl.Live;
using Xunit;

namespace AzureLocalSecurity.Tests.AppControl.Live;

public sealed class CiToolPolicyListParserTests
{
    private const string Policy = "{\"PolicyID\":\"a6368f66-e2c9-4aa2-ab79-8743f6597683\",\"IsEnforced\":true}";

    [Fact]
    public void The_real_driver_block_list_output_reads_past_the_prompt_to_its_one_policy()
    {
        var policy = Assert.Single(CiToolPolicyListParser.Parse(AppControlVectors.Read(AppControlVectors.DriverBlockListLab)));

        Assert.Equal(new Guid("97ada625-70f7-49c9-a9c1-14f021e53de0"), policy.PolicyId);
        Assert.Equal(new Guid("97ada625-70f7-49c9-a9c1-14f021e53de0"), policy.BasePolicyId);
        Assert.Equal("Custom: Microsoft Driver Block List", policy.FriendlyName);
        Assert.Equal(2814751581470720UL, policy.VersionRaw);
        Assert.Equal(new Version(10, 0, 27685, 0), policy.Version);
        Assert.False(policy.IsPlatformPolicy);
        Assert.True(policy.HasFileOnDisk);
        Assert.True(policy.IsEnforced);
        Assert.True(policy.IsAuthorized);
        Assert.Equal(0L, policy.Status);
        Assert.True(policy.IsBasePolicy);
        Assert.Equal(CiToolOutputFormat.Text, policy.Format);
    }

    [Fact]
    public void A_text_listing_without_a_signed_line_leaves_IsSigned_and_the_options_unknown()
    {
        var policy = Assert.Single(CiToolPolicyListParser.Parse(AppControlVectors.Read(AppControlVectors.AuditPolicyLab)));

        Assert.Null(policy.IsSigned);
        Assert.Null(policy.PolicyOptions);
    }

    [Fact]
    public void The_real_audit_lab_output_has_version_10_0_3_0()
    {
        var policy = Assert.Single(CiToolPolicyListParser.Parse(AppControlVectors.Read(AppControlVectors.AuditPolicyLab)));

        Assert.Equal("Module 3 Lab 4 Install App Audit", policy.FriendlyName);
        Assert.Equal(2814749767303168UL, policy.VersionRaw);
        Assert.Equal(new Version(10, 0, 3, 0), policy.Version);
    }

    [Fact]
    public void Microsofts_sample_reads_every_fact_of_the_driver_policy()
    {
        var policy = Assert.Single(CiToolPolicyListParser.Parse(AppControlVectors.Read(AppControlVectors.DriverPolicyDocSample)));

        Assert.Equal(new Guid("d2bda982-ccf6-4344-ac5b-0b44427b6816"), policy.PolicyId);
        Assert.Equal("Microsoft Windows Driver Policy", policy.FriendlyName);
        Assert.Equal(new Version(10, 0, 25880, 0), policy.Version);
        Assert.True(policy.IsPlatformPolicy);
        Assert.True(policy.IsSigned);
        Assert.False(policy.HasFileOnDisk);
        Assert.True(policy.IsEnforced);
        Assert.True(policy.IsAuthorized);
    }

    [Theory]
    [InlineData(0UL, 0, 0, 0, 0)]
    [InlineData(281479271940096UL, 1, 1, 4, 0)]
    [InlineData(281474976710657UL, 1, 0, 0, 1)]
    [InlineData(ulong.MaxValue, 65535, 65535, 65535, 65535)]
    public void A_packed_version_is_four_16_bit_parts_from_the_top(ulong packed, int major, int minor, int build, int revision)
    {
        Assert.Equal(new Version(major, minor, build, revision), CiToolPolicy.VersionFromPacked(packed));
    }

    [Fact]
    public void Two_text_policies_without_Policy_lines_are_split_at_each_Policy_ID()
    {
        var sample = AppControlVectors.Read(AppControlVectors.DriverPolicyDocSample);
        var second = sample.Replace("d2bda982-ccf6-4344-ac5b-0b44427b6816", "a6368f66-e2c9-4aa2-ab79-8743f6597683", StringComparison.Ordinal);

        var policies = CiToolPolicyListParser.Parse(sample + second);

        Assert.Equal([new Guid("d2bda982-ccf6-4344-ac5b-0b44427b6816"), new Guid("a6368f66-e2c9-4aa2-ab79-8743f6597683")], policies.Select(p => p.PolicyId));
    }

    [Fact]
    public void A_fact_given_twice_in_one_text_policy_is_refused_at_its_line()
    {
        var ex = Assert.Throws<CiToolOutputException>(() => CiToolPolicyListParser.Parse("Policy ID: d2bda982-ccf6-4344-ac5b-0b44427b6816\nFriendly Name: a\nFriendly Name: b\n"));

        Assert.Equal(3, ex.Line);
        Assert.Contains("Friendly Name", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_policy_without_a_Policy_ID_is_refused()
    {
        var ex = Assert.Throws<CiToolOutputException>(() => CiToolPolicyListParser.Parse("Policy:\n    Friendly Name: x\n    Version: 1\n"));

        Assert.Equal("a policy has no Policy ID", ex.Problem);
        Assert.Equal(1, ex.Line);
    }

    [Fact]
    public void A_text_flag_that_is_neither_true_nor_false_is_refused()
    {
        var ex = Assert.Throws<CiToolOutputException>(() => CiToolPolicyListParser.Parse("Policy ID: d2bda982-ccf6-4344-ac5b-0b44427b6816\nIs Currently Enforced: yes\n"));

        Assert.Equal(2, ex.Line);
    }

    [Fact]
    public void Empty_output_is_refused_rather_than_read_as_no_policy()
    {
        var ex = Assert.Throws<CiToolOutputException>(() => CiToolPolicyListParser.Parse(" \r\n"));

        Assert.Equal("the output is empty", ex.Problem);
    }

    [Fact]
    public void Prose_without_any_CiTool_fact_is_refused()
    {
        var ex = Assert.Throws<CiToolOutputException>(() => CiToolPolicyListParser.Parse("Unknown option: --json\nUsage: CiTool.exe <command>\n"));

        Assert.StartsWith("the text holds no policy listing", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_JSON_form_reads_every_named_fact()
    {
        var json = "{\"Policies\":[{\"PolicyID\":\"{2112036A-74E9-47DC-A016-F126297A3427}\",\"BasePolicyID\":\"a6368f66-e2c9-4aa2-ab79-8743f6597683\","
            + "\"FriendlyName\":\"Contoso-Policy\",\"Version\":281474976710657,\"VersionString\":\"1.0.0.1\",\"IsSystemPolicy\":false,\"IsSignedPolicy\":true,"
            + "\"IsOnDisk\":true,\"IsEnforced\":true,\"IsAuthorized\":false,\"Status\":0,\"PolicyOptions\":[\"Enabled:UMCI\",\"Enabled:Audit Mode\"]}],\"OperationResult\":0}";

        var policy = Assert.Single(CiToolPolicyListParser.Parse(json));

        Assert.Equal(new Guid("2112036A-74E9-47DC-A016-F126297A3427"), policy.PolicyId);
        Assert.Equal(new Guid("a6368f66-e2c9-4aa2-ab79-8743f6597683"), policy.BasePolicyId);
        Assert.False(policy.IsBasePolicy);
        Assert.Equal("Contoso-Policy", policy.FriendlyName);
        Assert.Equal(new Version(1, 0, 0, 1), policy.Version);
        Assert.Equal(281474976710657UL, policy.VersionRaw);
        Assert.False(policy.IsPlatformPolicy);
        Assert.True(policy.IsSigned);
        Assert.True(policy.HasFileOnDisk);
        Assert.True(policy.IsEnforced);
        Assert.False(policy.IsAuthorized);
        Assert.Equal(0L, policy.Status);
        Assert.Equal(["Enabled:UMCI", "Enabled:Audit Mode"], policy.PolicyOptions);
        Assert.Equal(CiToolOutputFormat.Json, policy.Format);
    }

    [Fact]
    public void JSON_names_are_read_without_regard_to_case_and_strings_stand_for_flags()
    {
        var policy = Assert.Single(CiToolPolicyListParser.Parse("{\"policies\":[{\"policyId\":\"a6368f66-e2c9-4aa2-ab79-8743f6597683\",\"ISENFORCED\":\"True\",\"isSystemPolicy\":\"false\"}]}"));

        Assert.True(policy.IsEnforced);
        Assert.False(policy.IsPlatformPolicy);
        Assert.Null(policy.BasePolicyId);
    }

    [Fact]
    public void A_JSON_version_string_alone_gives_the_version_without_a_packed_number()
    {
        var policy = Assert.Single(CiToolPolicyListParser.Parse("{\"Policies\":[{\"PolicyID\":\"a6368f66-e2c9-4aa2-ab79-8743f6597683\",\"VersionString\":\"10.0.26100.1\"}]}"));

        Assert.Equal(new Version(10, 0, 26100, 1), policy.Version);
        Assert.Null(policy.VersionRaw);
    }

    [Fact]
    public void A_JSON_version_above_the_Int64_range_is_read_whole()
    {
        var policy = Assert.Single(CiToolPolicyListParser.Parse("{\"Policies\":[{\"PolicyID\":\"a6368f66-e2c9-4aa2-ab79-8743f6597683\",\"Version\":18446744073709551615}]}"));

        Assert.Equal(ulong.MaxValue, policy.VersionRaw);
        Assert.Equal(new Version(65535, 65535, 65535, 65535), policy.Version);
    }

    [Fact]
    public void An_empty_Policies_array_is_no_policy()
    {
        Assert.Empty(CiToolPolicyListParser.Parse("{\"Policies\":[],\"OperationResult\":0}"));
    }

    [Fact]
    public void A_failed_OperationResult_is_refused_with_the_HRESULT()
    {
        var ex = Assert.Throws<CiToolOutputException>(() => CiToolPolicyListParser.Parse("{\"OperationResult\":-2147024891}"));

        Assert.Contains("0x80070005", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"Result\":[]}", "the JSON has no Policies array")]
    [InlineData("[" + Policy + "]", "the JSON is not an object")]
    [InlineData("{\"Policies\":[1]}", "a Policies entry is not an object")]
    [InlineData("{\"Policies\":[{\"FriendlyName\":\"x\"}]}", "a policy has no PolicyID")]
    [InlineData("{\"Policies\":[{\"PolicyID\":\"not-a-guid\"}]}", "PolicyID 'not-a-guid' is not a GUID")]
    [InlineData("{\"Policies\":[{\"PolicyID\":\"a6368f66-e2c9-4aa2-ab79-8743f6597683\",\"IsEnforced\":\"enabled\"}]}", "IsEnforced 'enabled' is neither true nor false")]
    [InlineData("{\"Policies\":[{\"PolicyID\":\"a6368f66-e2c9-4aa2-ab79-8743f6597683\",\"IsEnforced\":1}]}", "IsEnforced is a JSON Integer, not a Boolean")]
    [InlineData("{\"Policies\":[{\"PolicyID\":\"a6368f66-e2c9-4aa2-ab79-8743f6597683\",\"Version\":-1}]}", "Version is not an unsigned number of 64 bits")]
    [InlineData("{\"Policies\":[{\"PolicyID\":\"a6368f66-e2c9-4aa2-ab79-8743f6597683\",\"PolicyOptions\":[1]}]}", "a PolicyOptions entry is a JSON Integer, not a string")]
    [InlineData("{\"Policies\":[" + Policy + "],\"policies\":[]}", "'policies' appears twice in one object")]
    [InlineData("{\"Policies\":[]} {}", "the JSON has data after its end")]
    public void JSON_that_is_not_a_listing_is_refused_with_what_is_wrong(string json, string problem)
    {
        var ex = Assert.Throws<CiToolOutputException>(() => CiToolPolicyListParser.Parse(json));

        Assert.Equal(problem, ex.Problem);
    }

    [Fact]
    public void JSON_nested_deeper_than_the_limit_is_refused()
    {
        var json = "{\"Policies\":[],\"x\":" + new string('[', 20) + new string(']', 20) + "}";

        var ex = Assert.Throws<CiToolOutputException>(() => CiToolPolicyListParser.Parse(json));

        Assert.StartsWith("the JSON is not well formed", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_longer_than_the_limit_is_refused_before_it_is_read()
    {
        var ex = Assert.Throws<CiToolOutputException>(() => CiToolPolicyListParser.Parse(new string(' ', CiToolPolicyListParser.MaxCharacters + 1)));

        Assert.Contains("more than the", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void More_policies_than_the_limit_are_refused()
    {
        var json = "{\"Policies\":[" + string.Join(",", Enumerable.Repeat(Policy, CiToolPolicyListParser.MaxPolicies + 1)) + "]}";

        var ex = Assert.Throws<CiToolOutputException>(() => CiToolPolicyListParser.Parse(json));

        Assert.Equal($"more than {CiToolPolicyListParser.MaxPolicies} policies", ex.Problem);
    }

    [Theory]
    [InlineData("\uFEFF  {\"Policies\":[]}", CiToolOutputFormat.Json)]
    [InlineData("\r\n[", CiToolOutputFormat.Json)]
    [InlineData("Policy:\n", CiToolOutputFormat.Text)]
    [InlineData("", CiToolOutputFormat.Text)]
    public void The_form_is_told_by_the_first_character_that_is_not_white_space(string output, CiToolOutputFormat format)
    {
        Assert.Equal(format, CiToolPolicyListParser.DetectFormat(output));
    }
}
