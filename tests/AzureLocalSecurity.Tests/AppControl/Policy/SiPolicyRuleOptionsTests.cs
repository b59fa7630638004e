using System.Linq;
using AzureLocalSecurity.AppControl.Policy;
using Xunit;

namespace AzureLocalSecurity.Tests.AppControl.Policy;

public class SiPolicyRuleOptionsTests
{
    [Theory]
    [InlineData(0, "Enabled:UMCI", 0x4u)]
    [InlineData(3, "Enabled:Audit Mode", 0x10000u)]
    [InlineData(6, "Enabled:Unsigned System Integrity Policy", 0x80000u)]
    [InlineData(9, "Enabled:Advanced Boot Options Menu", 0x800000u)]
    [InlineData(12, "Required:Enforce Store Applications", 0x2000000u)]
    [InlineData(15, "Enabled:Invalidate EAs on Reboot", 0x20u)]
    [InlineData(17, "Enabled:Allow Supplemental Policies", 0x400u)]
    [InlineData(20, "Enabled:Revoked Expired As Unsigned", 0x2000u)]
    public void A_Set_RuleOption_number_maps_to_its_XML_name_and_compiled_bit(int index, string name, uint bit)
    {
        var option = SiPolicyRuleOptions.FromIndex(index)!;

        Assert.Equal((name, bit, index), (option.XmlName, option.Bit, (int)option.Option));
        Assert.True(SiPolicyRuleOptions.TryGetByXmlName(name, out var byName));
        Assert.Same(option, byName);
    }

    [Fact]
    public void Numbers_0_to_20_each_have_an_option_and_no_two_options_share_a_bit()
    {
        Assert.All(Enumerable.Range(0, 21), i => Assert.NotNull(SiPolicyRuleOptions.FromIndex(i)));
        var bits = SiPolicyRuleOptions.All.Where(o => o.Bit != 0).Select(o => o.Bit).ToList();
        Assert.Equal(bits.Count, bits.Distinct().Count());
        Assert.Equal(0u, SiPolicyRuleOptions.KnownBits & SiPolicyRuleOptions.ReservedFlags);
    }

    [Fact]
    public void Exactly_the_six_options_Microsoft_lists_are_valid_in_a_supplemental_policy()
    {
        Assert.Equal([5, 6, 7, 13, 14, 18], SiPolicyRuleOptions.All.Where(o => o.ValidInSupplemental).Select(o => o.Index!.Value));
    }

    [Fact]
    public void The_flags_of_test_bin_name_its_four_options()
    {
        Assert.Equal(
            [SiPolicyRuleOption.EnabledAuditMode, SiPolicyRuleOption.EnabledUnsignedSystemIntegrityPolicy, SiPolicyRuleOption.EnabledAdvancedBootOptionsMenu, SiPolicyRuleOption.RequiredEnforceStoreApplications],
            SiPolicyRuleOptions.FromFlags(0x82890000).Select(o => o.Option));
    }

    [Fact]
    public void Option_names_match_case_sensitively_as_the_schema_does()
    {
        Assert.False(SiPolicyRuleOptions.TryGetByXmlName("enabled:umci", out _));
    }
}
