using System;
using System.IO;
using System.Linq;
using System.Text;
using AzureLocalSecurity.AppControl.Policy;
using Xunit;

namespace AzureLocalSecurity.Tests.AppControl.Policy;

public class SiPolicyXmlTests
{
    private static readonly string[] ElementOrder =
        ["<VersionEx>", "<PolicyID>", "<BasePolicyID>", "<PlatformID>", "<Rules>", "<EKUs />", "<FileRules />", "<Signers />", "<SigningScenarios>", "<UpdatePolicySigners />", "<CiSigners />", "<HvciOptions>"];

    public static TheoryData<string> Templates => new(WdacVectors.Templates);

    [Theory]
    [MemberData(nameof(Templates))]
    public void Every_template_loads_saves_and_loads_again_to_an_equal_policy(string template)
    {
        var policy = WdacVectors.Load(template);

        var again = SiPolicyXml.Parse(SiPolicyXml.ToXml(policy));

        Assert.Null(SiPolicyComparer.Exact(policy, again));
    }

    [Fact]
    public void AllowMicrosoft_reads_with_its_identity_options_and_name()
    {
        var policy = WdacVectors.Load(WdacVectors.AllowMicrosoft);

        Assert.Equal(SiPolicyType.Base, policy.PolicyType);
        Assert.Equal("10.0.5.0", policy.VersionEx);
        Assert.Equal("{959A0F15-8985-4551-A208-5FFE9EDB3A70}", policy.PolicyId);
        Assert.Equal(policy.PolicyId, policy.BasePolicyId);
        Assert.Equal("{2E07F7E4-194C-4D20-B7C9-6F44A6C5A234}", policy.PlatformId);
        Assert.Equal(
            ["Enabled:Unsigned System Integrity Policy", "Enabled:Advanced Boot Options Menu", "Enabled:UMCI", "Enabled:Inherit Default Policy", "Enabled:Update Policy No Reboot", "Enabled:Allow Supplemental Policies", "Enabled:Audit Mode"],
            policy.Rules);
        Assert.Equal("DefaultMicrosoftEnforced", policy.Name);
        Assert.Equal("09172024", policy.InformationId);
        Assert.Equal(SiPolicyMode.Audit, policy.Mode);
        Assert.Equal(0u, policy.HvciOptions);
    }

    [Fact]
    public void AllowMicrosoft_reads_its_EKU_file_rule_signers_and_scenarios()
    {
        var policy = WdacVectors.Load(WdacVectors.AllowMicrosoft);

        var eku = Assert.Single(policy.Ekus);
        Assert.Equal(("ID_EKU_STORE", "010a2b0601040182374c0301"), (eku.Id, eku.Value));
        var rule = Assert.Single(policy.FileRules);
        Assert.Equal((SiPolicyFileRuleKind.FileAttrib, "RefreshPolicy.exe", "10.0.19042.0"), (rule.Kind, rule.FileName, rule.MinimumFileVersion));
        Assert.Equal(18, policy.Signers.Count);
        var store = policy.Signers.Single(s => s.Id == "ID_SIGNER_STORE");
        Assert.Equal((SiPolicyCertRootType.Tbs, "FC9EDE3DCCA09186B2D3BF9B738A2050CB1A554DA2DCADB55F3F72EE17721378"), (store.CertRootType, store.CertRootValue));
        Assert.Equal(["ID_EKU_STORE"], store.CertEkus);
        var refresh = policy.Signers.Single(s => s.Id == "ID_SIGNER_MICROSOFT_REFRESH_POLICY");
        Assert.Equal(("Microsoft Corporation", "ID_FILEATTRIB_REFRESH_POLICY"), (refresh.CertPublisher, refresh.FileAttribRefs.Single()));
        Assert.Equal((SiPolicyCertRootType.WellKnown, "04"), (policy.Signers[0].CertRootType, policy.Signers[0].CertRootValue));
        Assert.Equal([131, 12], policy.SigningScenarios.Select(s => (int)s.Value));
        Assert.Equal(8, policy.SigningScenarios[0].ProductSigners!.AllowedSigners.Count);
        Assert.Equal(10, policy.SigningScenarios[1].ProductSigners!.AllowedSigners.Count);
        Assert.Equal(["ID_SIGNER_STORE"], policy.CiSigners);
        Assert.Empty(policy.UpdatePolicySigners);
        Assert.Equal(3, policy.Settings.Count);
        Assert.Equal((SiPolicySettingKind.Boolean, (object)true), (policy.Settings[0].Kind, policy.Settings[0].Value));
    }

    [Fact]
    public void The_driver_block_list_reads_in_the_single_policy_format_with_every_rule_and_signer()
    {
        var policy = WdacVectors.Load(WdacVectors.DriverBlocklist);

        Assert.Null(policy.PolicyType);
        Assert.Null(policy.PolicyId);
        Assert.Equal("{A244370E-44C9-4C06-B551-F6016E563076}", policy.PolicyTypeId);
        Assert.Equal("10.0.27770.0", policy.VersionEx);
        Assert.Equal(1846, policy.FileRules.Count);
        Assert.Equal(1701, policy.FileRules.Count(r => r.Kind == SiPolicyFileRuleKind.Deny));
        Assert.Equal(145, policy.FileRules.Count(r => r.Kind == SiPolicyFileRuleKind.FileAttrib));
        Assert.Equal(205, policy.Signers.Count);
        Assert.Equal(12, policy.Signers.Count(s => s.CertOemId is not null));
        Assert.Equal("安全专用", policy.FileRules.Single(r => r.Id == "ID_DENY_PCHUNTER_2").FileName);
        Assert.Equal(202, policy.SigningScenarios[0].ProductSigners!.DeniedSigners.Count);
        Assert.Equal(1705, policy.SigningScenarios[0].ProductSigners!.FileRuleRefs.Count);
        Assert.Equal("Microsoft Windows Driver Policy", policy.Name);
    }

    [Fact]
    public void The_supplemental_template_reads_as_supplemental_to_its_base()
    {
        var policy = WdacVectors.Load(WdacVectors.EmptySupplemental);

        Assert.Equal(SiPolicyType.Supplemental, policy.PolicyType);
        Assert.Equal("{E0ABDA1F-CCF0-468E-8855-3E0F08B02D6A}", policy.BasePolicyId);
        Assert.Equal("{B5C8D1E7-A920-4E0C-BD86-783BB59C145E}", policy.PolicyId);
        Assert.Equal(SiPolicyMode.BasePolicy, policy.Mode);
        Assert.Equal("SupplementalTemplate", policy.Name);
    }

    [Fact]
    public void Save_writes_the_sipolicy_namespace_with_a_byte_order_mark_and_Microsofts_element_order()
    {
        var policy = WdacVectors.Load(WdacVectors.EmptyBase);
        using var stream = new MemoryStream();

        SiPolicyXml.Save(policy, stream);

        var bytes = stream.ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3));
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<SiPolicy xmlns=\"urn:schemas-microsoft-com:sipolicy\" PolicyType=\"Base Policy\">", text, StringComparison.Ordinal);
        var order = ElementOrder
            .Select(e => text.IndexOf(e, StringComparison.Ordinal))
            .ToArray();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.OrderBy(i => i), order);
    }

    [Fact]
    public void Save_writes_an_absent_value_as_no_attribute_and_an_empty_one_as_an_empty_attribute()
    {
        var policy = new SiPolicy { VersionEx = "1.0.0.0" };
        policy.FileRules.Add(new SiPolicyFileRule { Kind = SiPolicyFileRuleKind.Allow, Id = "A", FileName = string.Empty });

        var text = SiPolicyXml.ToXml(policy);
        var again = SiPolicyXml.Parse(text);

        Assert.Contains("<Allow ID=\"A\" FileName=\"\" />", text, StringComparison.Ordinal);
        Assert.Equal(string.Empty, again.FileRules[0].FileName);
        Assert.Null(again.FileRules[0].FriendlyName);
    }

    [Fact]
    public void A_policy_with_every_element_the_schema_has_saves_and_loads_to_an_equal_policy()
    {
        var policy = PolicyBuilder.Everything();

        var again = SiPolicyXml.Parse(SiPolicyXml.ToXml(policy));

        Assert.Null(SiPolicyComparer.Exact(policy, again));
    }

    [Fact]
    public void Carriage_returns_in_values_survive_save_and_load()
    {
        var policy = PolicyBuilder.Minimal();
        policy.Settings.Add(SiPolicySetting.FromString("P", "K", "V", "line 1\r\nline 2\r"));
        policy.FileRules.Add(new SiPolicyFileRule { Kind = SiPolicyFileRuleKind.Allow, Id = "A", FileName = "a\r\nb" });

        var again = SiPolicyXml.Parse(SiPolicyXml.ToXml(policy));

        Assert.Equal("line 1\r\nline 2\r", again.Settings[0].Value);
        Assert.Equal("a\r\nb", again.FileRules[0].FileName);
    }

    [Fact]
    public void Children_in_another_order_than_Microsofts_read_the_same()
    {
        const string Xml = """
            <SiPolicy xmlns="urn:schemas-microsoft-com:sipolicy"><HvciOptions>2</HvciOptions><PolicyID>{11111111-1111-1111-1111-111111111111}</PolicyID><VersionEx>1.2.3.4</VersionEx></SiPolicy>
            """;

        var policy = SiPolicyXml.Parse(Xml);

        Assert.Equal((2u, "{11111111-1111-1111-1111-111111111111}", "1.2.3.4"), (policy.HvciOptions, policy.PolicyId, policy.VersionEx));
    }

    [Fact]
    public void A_DTD_is_refused()
    {
        const string Xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE SiPolicy [ <!ENTITY x \"y\"> ]>\n<SiPolicy xmlns=\"urn:schemas-microsoft-com:sipolicy\">&x;</SiPolicy>";

        var ex = Assert.Throws<SiPolicyFormatException>(() => SiPolicyXml.Parse(Xml));

        // .NET gives no place for this refusal, and the reader has not reached a node yet: the place is unknown (0).
        Assert.Contains("DTD is prohibited", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_external_entity_is_refused_without_reading_the_file()
    {
        var secret = Path.Combine(Path.GetTempPath(), "alsec-xxe-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(secret, "<VersionEx>9.9.9.9</VersionEx>");
        try
        {
            var xml = $"<!DOCTYPE SiPolicy [ <!ENTITY xxe SYSTEM \"file://{secret}\"> ]><SiPolicy xmlns=\"urn:schemas-microsoft-com:sipolicy\">&xxe;</SiPolicy>";

            var ex = Assert.Throws<SiPolicyFormatException>(() => SiPolicyXml.Parse(xml));

            Assert.DoesNotContain("9.9.9.9", ex.Message, StringComparison.Ordinal);
            Assert.Contains("DTD is prohibited", ex.Problem, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void Billion_laughs_are_refused_before_any_expansion()
    {
        var xml = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (var i = 1; i < 10; i++)
        {
            var previous = i == 1 ? "lol" : "lol" + (i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            xml.Append("<!ENTITY lol").Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(" \"")
                .Append(string.Concat(Enumerable.Repeat("&" + previous + ";", 10))).Append("\">");
        }

        xml.Append("]><SiPolicy xmlns=\"urn:schemas-microsoft-com:sipolicy\"><VersionEx>&lol9;</VersionEx></SiPolicy>");
        var before = GC.GetAllocatedBytesForCurrentThread();

        var ex = Assert.Throws<SiPolicyFormatException>(() => SiPolicyXml.Parse(xml.ToString()));

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1024 * 1024);
        Assert.Contains("DTD", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_over_the_character_limit_is_refused()
    {
        var xml = "<SiPolicy xmlns=\"urn:schemas-microsoft-com:sipolicy\"><VersionEx>" + new string(' ', 2000) + "1.0.0.0</VersionEx></SiPolicy>";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));

        var ex = Assert.Throws<SiPolicyFormatException>(() => SiPolicyXml.Load(stream, 1000));

        Assert.Contains("MaxCharactersInDocument", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_element_the_schema_does_not_have_is_refused_with_its_line_and_position()
    {
        const string Xml = "<SiPolicy xmlns=\"urn:schemas-microsoft-com:sipolicy\">\n  <VersionEx>1.0.0.0</VersionEx>\n  <Surprise />\n</SiPolicy>";

        var ex = Assert.Throws<SiPolicyFormatException>(() => SiPolicyXml.Parse(Xml));

        Assert.Equal((3, 4), (ex.LineNumber, ex.LinePosition));
        Assert.Contains("Surprise", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_attribute_the_schema_does_not_have_is_refused()
    {
        const string Xml = "<SiPolicy xmlns=\"urn:schemas-microsoft-com:sipolicy\"><FileRules><Allow ID=\"A\" Colour=\"red\" /></FileRules></SiPolicy>";

        var ex = Assert.Throws<SiPolicyFormatException>(() => SiPolicyXml.Parse(Xml));

        Assert.Contains("Allow has no attribute Colour", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_root_in_another_namespace_is_refused()
    {
        var ex = Assert.Throws<SiPolicyFormatException>(() => SiPolicyXml.Parse("<SiPolicy><VersionEx>1.0.0.0</VersionEx></SiPolicy>"));

        Assert.Contains("urn:schemas-microsoft-com:sipolicy", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_typed_value_that_does_not_parse_is_refused()
    {
        const string Xml = "<SiPolicy xmlns=\"urn:schemas-microsoft-com:sipolicy\"><HvciOptions>lots</HvciOptions></SiPolicy>";

        var ex = Assert.Throws<SiPolicyFormatException>(() => SiPolicyXml.Parse(Xml));

        Assert.Contains("HvciOptions 'lots'", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_document_is_refused_with_a_line()
    {
        var text = File.ReadAllText(WdacVectors.PathOf(WdacVectors.EmptyBase));

        var ex = Assert.Throws<SiPolicyFormatException>(() => SiPolicyXml.Parse(text.Substring(0, text.Length / 2)));

        Assert.True(ex.LineNumber > 1);
    }

    [Fact]
    public void An_unknown_option_name_is_kept_for_the_validator()
    {
        const string Xml = "<SiPolicy xmlns=\"urn:schemas-microsoft-com:sipolicy\"><Rules><Rule><Option>Enabled:Audit mode</Option></Rule></Rules></SiPolicy>";

        var policy = SiPolicyXml.Parse(Xml);

        Assert.Equal(["Enabled:Audit mode"], policy.Rules);
    }
}
