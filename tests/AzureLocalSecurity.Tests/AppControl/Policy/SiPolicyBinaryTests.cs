using System;
using System.Buffers.Binary;
using System.Diagnostics;
using System.IO;
using System.Linq;
using AzureLocalSecurity.AppControl.Policy;
using Xunit;

namespace AzureLocalSecurity.Tests.AppControl.Policy;

public class SiPolicyBinaryTests
{
    public static TheoryData<string> Templates => new(WdacVectors.Templates);

    public static TheoryData<int> FormatVersions => new(Enumerable.Range(1, 8));

    [Fact]
    public void Test_bin_reads_as_an_unsigned_format_7_base_policy_with_its_identity()
    {
        var compiled = SiPolicyBinaryReader.Read(WdacVectors.Bytes(WdacVectors.TestBin));

        Assert.Equal((7, false, 8296, 8296), (compiled.FormatVersion, compiled.IsSigned, compiled.Size, compiled.PolicySize));
        Assert.Empty(compiled.Signers);
        var policy = compiled.Policy;
        Assert.Equal(SiPolicyType.Base, policy.PolicyType);
        Assert.Equal("{784C4414-79F4-4C32-A6A5-F0FB42A51D0D}", policy.PolicyId);
        Assert.Equal(policy.PolicyId, policy.BasePolicyId);
        Assert.Null(policy.PolicyTypeId);
        Assert.Equal("{2E07F7E4-194C-4D20-B7C9-6F44A6C5A234}", policy.PlatformId);
        Assert.Equal("10.0.0.0", policy.VersionEx);
        Assert.Equal(0u, policy.UnmappedOptionFlags);
    }

    [Fact]
    public void Test_bin_has_the_four_options_of_flags_0x82890000()
    {
        var policy = SiPolicyBinaryReader.Read(WdacVectors.Bytes(WdacVectors.TestBin)).Policy;

        Assert.Equal(
            ["Enabled:Audit Mode", "Enabled:Unsigned System Integrity Policy", "Enabled:Advanced Boot Options Menu", "Required:Enforce Store Applications"],
            policy.Rules);
        Assert.Equal(0x82890000u, BinaryPrimitives.ReadUInt32LittleEndian(SiPolicyBinaryWriter.Write(policy).AsSpan(0x24)));
    }

    [Fact]
    public void Test_bin_has_36_FileAttrib_rules_36_signers_and_scenarios_131_and_12()
    {
        var policy = SiPolicyBinaryReader.Read(WdacVectors.Bytes(WdacVectors.TestBin)).Policy;

        Assert.Equal(36, policy.FileRules.Count);
        Assert.All(policy.FileRules, r => Assert.Equal(SiPolicyFileRuleKind.FileAttrib, r.Kind));
        Assert.Equal(36, policy.Signers.Count);
        Assert.Equal([131, 12], policy.SigningScenarios.Select(s => (int)s.Value));
        Assert.True(policy.SigningScenarios[0].ProductSigners!.IsEmpty);
        var user = policy.SigningScenarios[1].ProductSigners!;
        Assert.Equal((17, 19), (user.AllowedSigners.Count, user.DeniedSigners.Count));
        var brave = policy.FileRules[29];
        Assert.Equal(("ID_FILEATTRIB_F_30", "brave.exe", "Brave Browser", "1.0.0.0"), (brave.Id, brave.FileName, brave.ProductName, brave.MinimumFileVersion));
        var explorer = policy.FileRules[30];
        Assert.Equal(("IEXPLORE.EXE", "WINDOWS® INTERNET EXPLORER", "10.0.9200.17183"), (explorer.FileName, explorer.ProductName, explorer.MaximumFileVersion));
        var kobil = policy.Signers[0];
        Assert.Equal((SiPolicyCertRootType.WellKnown, "00", "KOBIL SYSTEMS GMBH", "ID_FILEATTRIB_F_22"), (kobil.CertRootType, kobil.CertRootValue, kobil.CertPublisher, kobil.FileAttribRefs.Single()));
    }

    [Fact]
    public void Test_bin_rewrites_to_the_same_8296_bytes()
    {
        var bytes = WdacVectors.Bytes(WdacVectors.TestBin);

        var rewritten = SiPolicyBinaryWriter.Write(SiPolicyBinaryReader.Read(bytes).Policy);

        Assert.Equal(8296, rewritten.Length);
        Assert.Equal(bytes, rewritten);
    }

    [Fact]
    public void Test_bin_through_XML_and_back_compiles_to_the_same_bytes()
    {
        var bytes = WdacVectors.Bytes(WdacVectors.TestBin);

        var viaXml = SiPolicyXml.Parse(SiPolicyXml.ToXml(SiPolicyBinaryReader.Read(bytes).Policy));

        Assert.Equal(bytes, SiPolicyBinaryWriter.Write(viaXml));
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Every_template_compiles_and_reads_back_with_every_compiled_field(string template)
    {
        var policy = WdacVectors.Load(template);

        var compiled = SiPolicyBinaryReader.Read(SiPolicyBinaryWriter.Write(policy));

        Assert.Equal(SiPolicyBinaryWriter.DefaultFormatVersion, compiled.FormatVersion);
        Assert.Null(SiPolicyComparer.CompiledFields(policy, compiled.Policy));
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Every_compiled_template_rewrites_to_the_same_bytes(string template)
    {
        var bytes = SiPolicyBinaryWriter.Write(WdacVectors.Load(template));

        Assert.Equal(bytes, SiPolicyBinaryWriter.Write(SiPolicyBinaryReader.Read(bytes).Policy));
    }

    [Fact]
    public void A_policy_with_every_compiled_field_reads_back_without_loss()
    {
        var policy = PolicyBuilder.Compilable();

        var read = SiPolicyBinaryReader.Read(SiPolicyBinaryWriter.Write(policy)).Policy;

        Assert.Null(SiPolicyComparer.CompiledFields(policy, read));
    }

    [Fact]
    public void The_comparer_sees_a_changed_compiled_field()
    {
        var policy = PolicyBuilder.Compilable();
        var read = SiPolicyBinaryReader.Read(SiPolicyBinaryWriter.Write(policy)).Policy;

        read.FileRules.Single(r => r.FileName == "tool.exe").ProductName = "Other";

        Assert.StartsWith("FileRules:", SiPolicyComparer.CompiledFields(policy, read), StringComparison.Ordinal);
    }

    [Fact]
    public void File_rules_are_compiled_Deny_first_then_Allow_then_FileAttrib_and_by_name_within_a_type()
    {
        var read = SiPolicyBinaryReader.Read(SiPolicyBinaryWriter.Write(PolicyBuilder.Compilable())).Policy;

        Assert.Equal(
            [(SiPolicyFileRuleKind.Deny, null), (SiPolicyFileRuleKind.Deny, "old.sys"), (SiPolicyFileRuleKind.Allow, null), (SiPolicyFileRuleKind.Allow, null), (SiPolicyFileRuleKind.Allow, "excepted.exe"), (SiPolicyFileRuleKind.FileAttrib, "tool.exe")],
            read.FileRules.Select(r => (r.Kind, r.FileName)));
        Assert.Equal("C:\\Program Files\\Contoso\\*", read.FileRules[2].FilePath);
        Assert.Equal("Contoso.App_8wekyb3d8bbwe", read.FileRules[3].PackageFamilyName);
    }

    [Fact]
    public void Settings_are_compiled_in_provider_key_and_value_name_order()
    {
        var read = SiPolicyBinaryReader.Read(SiPolicyBinaryWriter.Write(PolicyBuilder.Compilable())).Policy;

        Assert.Equal(["Contoso/Flags/Blob", "Contoso/Flags/Count", "Contoso/Flags/On", "PolicyInfo/Information/Id", "PolicyInfo/Information/Name"], read.Settings.Select(s => $"{s.Provider}/{s.Key}/{s.ValueName}"));
        Assert.Equal(("DEADBEEF01", (object)42u, (object)true), ((string)read.Settings[0].Value!, read.Settings[1].Value!, read.Settings[2].Value!));
        Assert.Equal("Builder policy", read.Name);
    }

    [Fact]
    public void A_Deny_rule_without_versions_is_compiled_with_the_highest_minimum_and_reads_back_without_versions()
    {
        var policy = PolicyBuilder.Minimal();
        policy.FileRules.Add(new SiPolicyFileRule { Kind = SiPolicyFileRuleKind.Deny, Id = "D", Hash = "AA" });

        var bytes = SiPolicyBinaryWriter.Write(policy);
        var rule = SiPolicyBinaryReader.Read(bytes).Policy.FileRules.Single();

        // Header 0x44, rule type 4, empty file name 8: the minimum version follows.
        Assert.Equal(ulong.MaxValue, BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(0x44 + 12)));
        Assert.Equal((null, null, "AA"), (rule.MinimumFileVersion, rule.MaximumFileVersion, rule.Hash));
    }

    [Fact]
    public void AppIDs_macros_read_back_as_generated_macros_with_the_same_values_and_a_literal_stays_literal()
    {
        var read = SiPolicyBinaryReader.Read(SiPolicyBinaryWriter.Write(PolicyBuilder.Compilable())).Policy;

        Assert.Equal("$(ID_MACRO_M_1)$(ID_MACRO_M_2)", read.FileRules.Single(r => r.PackageFamilyName is not null).AppIds);
        Assert.Equal([("ID_MACRO_M_1", "AppA"), ("ID_MACRO_M_2", "AppB")], read.Macros.Select(m => (m.Id, m.Value)));
        Assert.Equal("Contoso.Tool", read.FileRules.Single(r => r.FilePath is not null).AppIds);
    }

    [Fact]
    public void SignTimeAfter_reads_back_as_the_same_UTC_time()
    {
        var read = SiPolicyBinaryReader.Read(SiPolicyBinaryWriter.Write(PolicyBuilder.Compilable())).Policy;

        Assert.Equal("2021-05-06T07:08:09.5Z", read.Signers[1].SignTimeAfter);
    }

    [Fact]
    public void The_single_policy_format_keeps_its_PolicyTypeID_in_the_header_and_zero_IDs()
    {
        var policy = WdacVectors.Load(WdacVectors.DriverBlocklist);

        var bytes = SiPolicyBinaryWriter.Write(policy);
        var read = SiPolicyBinaryReader.Read(bytes).Policy;

        Assert.Equal(new Guid("a244370e-44c9-4c06-b551-f6016e563076"), new Guid(bytes.AsSpan(4, 16)));
        Assert.Equal(("{A244370E-44C9-4C06-B551-F6016E563076}", null, null), (read.PolicyTypeId, read.PolicyId, read.BasePolicyId));
    }

    [Fact]
    public void A_supplemental_policy_sets_flag_0x40000000_and_reads_back_as_supplemental()
    {
        var policy = WdacVectors.Load(WdacVectors.EmptySupplemental);

        var bytes = SiPolicyBinaryWriter.Write(policy);

        Assert.Equal(0x40000000u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(0x24)) & 0x40000000u);
        Assert.Equal(SiPolicyType.Supplemental, SiPolicyBinaryReader.Read(bytes).Policy.PolicyType);
    }

    [Theory]
    [MemberData(nameof(FormatVersions))]
    public void Every_format_version_writes_its_blocks_and_reads_back(int version)
    {
        var policy = PolicyBuilder.Minimal();
        policy.PolicyTypeId = version < 6 ? policy.PolicyId : null;

        var bytes = SiPolicyBinaryWriter.Write(policy, version);
        var compiled = SiPolicyBinaryReader.Read(bytes);

        Assert.Equal(version, compiled.FormatVersion);
        Assert.Equal((uint)version + 1, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4)));
        Assert.Equal(bytes, SiPolicyBinaryWriter.Write(compiled.Policy, version));
    }

    [Fact]
    public void A_field_the_asked_format_has_no_block_for_is_refused()
    {
        var policy = PolicyBuilder.Compilable();

        var ex = Assert.Throws<SiPolicyFormatException>(() => SiPolicyBinaryWriter.Write(policy, 6));

        Assert.Contains("FilePath, which format 7 added", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_compiled_app_settings_block_is_written_in_format_8_and_read_back_byte_for_byte()
    {
        var policy = PolicyBuilder.Minimal();
        policy.CompiledAppSettings = "0100000008000000";

        var bytes = SiPolicyBinaryWriter.Write(policy);
        var compiled = SiPolicyBinaryReader.Read(bytes);

        Assert.Equal(8, compiled.FormatVersion);
        Assert.Equal("0100000008000000", compiled.Policy.CompiledAppSettings);
        Assert.Equal(bytes, SiPolicyBinaryWriter.Write(compiled.Policy));
    }

    [Fact]
    public void An_empty_app_settings_block_reads_as_none()
    {
        var bytes = SiPolicyBinaryWriter.Write(PolicyBuilder.Minimal(), 8);

        Assert.Null(SiPolicyBinaryReader.Read(bytes).Policy.CompiledAppSettings);
    }

    [Fact]
    public void Option_bits_no_option_names_are_kept_and_written_back()
    {
        var bytes = SiPolicyBinaryWriter.Write(PolicyBuilder.Minimal());
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(0x24), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(0x24)) | 0x1001);

        var policy = SiPolicyBinaryReader.Read(bytes).Policy;

        Assert.Equal(0x1001u, policy.UnmappedOptionFlags);
        Assert.Equal(bytes, SiPolicyBinaryWriter.Write(policy));
    }

    [Fact]
    public void An_unresolved_reference_is_refused_with_the_element()
    {
        var policy = PolicyBuilder.Minimal();
        policy.SigningScenarios[1].ProductSigners!.AllowedSigners.Add(PolicyBuilder.Signer("ID_SIGNER_NOBODY"));

        var ex = Assert.Throws<SiPolicyFormatException>(() => SiPolicyBinaryWriter.Write(policy));

        Assert.Equal("SigningScenarios/SigningScenario[@ID='ID_SIGNINGSCENARIO_UMCI']/ProductSigners/AllowedSigners/AllowedSigner[@SignerId='ID_SIGNER_NOBODY']", ex.Path);
    }

    [Fact]
    public void An_unknown_option_is_refused()
    {
        var policy = PolicyBuilder.Minimal();
        policy.Rules.Add("Enabled:Everything");

        var ex = Assert.Throws<SiPolicyFormatException>(() => SiPolicyBinaryWriter.Write(policy));

        Assert.Equal("Rules/Rule[Option='Enabled:Everything']", ex.Path);
    }

    [Fact]
    public void A_version_that_does_not_parse_is_refused()
    {
        var policy = PolicyBuilder.Minimal();
        policy.FileRules.Add(new SiPolicyFileRule { Kind = SiPolicyFileRuleKind.Allow, Id = "A", MinimumFileVersion = "1.2.3" });

        var ex = Assert.Throws<SiPolicyFormatException>(() => SiPolicyBinaryWriter.Write(policy));

        Assert.Equal("FileRules/Allow[@ID='A']/@MinimumFileVersion", ex.Path);
    }

    [Fact]
    public void App_settings_from_XML_are_refused_because_their_types_are_in_the_apps_manifest()
    {
        var ex = Assert.Throws<SiPolicyFormatException>(() => SiPolicyBinaryWriter.Write(PolicyBuilder.Everything()));

        Assert.Equal("AppSettings", ex.Path);
    }

    [Fact]
    public void An_AppID_tagging_policy_is_refused()
    {
        var policy = PolicyBuilder.Minimal();
        policy.PolicyType = SiPolicyType.AppIdTagging;

        var ex = Assert.Throws<SiPolicyFormatException>(() => SiPolicyBinaryWriter.Write(policy));

        Assert.Equal("SiPolicy/@PolicyType", ex.Path);
    }

    [Fact]
    public void Every_truncation_of_a_compiled_policy_is_refused_with_an_offset_inside_it()
    {
        var bytes = SiPolicyBinaryWriter.Write(PolicyBuilder.Compilable());

        for (var length = 0; length < bytes.Length; length++)
        {
            var ex = Assert.Throws<SiPolicyFormatException>(() => SiPolicyBinaryReader.Read(bytes.AsSpan(0, length).ToArray()));
            Assert.InRange(ex.Offset, 0, Math.Max(0, length));
        }
    }

    [Theory]
    [InlineData(0x28)]
    [InlineData(0x2C)]
    [InlineData(0x30)]
    [InlineData(0x34)]
    public void A_header_count_of_0xFFFFFFFF_is_refused_at_once_without_allocating_for_it(int offset)
    {
        var bytes = SiPolicyBinaryWriter.Write(PolicyBuilder.Compilable());
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(offset), 0xFFFFFFFF);
        var clock = Stopwatch.StartNew();
        var before = GC.GetAllocatedBytesForCurrentThread();

        var ex = Assert.Throws<SiPolicyFormatException>(() => SiPolicyBinaryReader.Read(bytes));

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 256 * 1024);
        Assert.True(clock.ElapsedMilliseconds < 1000);
        Assert.Equal(0x28, ex.Offset);
    }

    [Fact]
    public void A_count_of_0xFFFFFFFF_inside_the_body_is_refused_at_its_offset()
    {
        var policy = PolicyBuilder.Minimal();
        policy.Ekus.Add(new SiPolicyEku { Id = "E", Value = "01" });
        policy.Signers.Add(new SiPolicySigner { Id = "S", CertRootType = SiPolicyCertRootType.WellKnown, CertRootValue = "04" });
        policy.Signers[0].CertEkus.Add("E");
        var bytes = SiPolicyBinaryWriter.Write(policy);

        // Header 0x44, EKU blob 8, then the signer: root type 4, root 4, then its EKU count.
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(0x44 + 8 + 8), 0xFFFFFFFF);
        var ex = Assert.Throws<SiPolicyFormatException>(() => SiPolicyBinaryReader.Read(bytes));

        Assert.Equal(0x44 + 8 + 8, ex.Offset);
    }

    [Fact]
    public void An_index_beyond_its_table_is_refused()
    {
        var policy = PolicyBuilder.Minimal();
        policy.Signers.Add(new SiPolicySigner { Id = "S", CertRootType = SiPolicyCertRootType.WellKnown, CertRootValue = "04" });
        policy.UpdatePolicySigners.Add("S");
        var bytes = SiPolicyBinaryWriter.Write(policy);

        // Header, the signer (root 8, EKUs 4, three empty strings 24, references 4), then the update signer count and index.
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(0x44 + 40 + 4), 1);
        var ex = Assert.Throws<SiPolicyFormatException>(() => SiPolicyBinaryReader.Read(bytes));

        Assert.Contains("is 1, but there are 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_after_the_terminator_are_refused()
    {
        var bytes = SiPolicyBinaryWriter.Write(PolicyBuilder.Minimal());

        var ex = Assert.Throws<SiPolicyFormatException>(() => SiPolicyBinaryReader.Read([.. bytes, 0]));

        Assert.Equal(bytes.Length, ex.Offset);
    }

    [Fact]
    public void A_terminator_that_is_not_the_version_plus_one_is_refused()
    {
        var bytes = SiPolicyBinaryWriter.Write(PolicyBuilder.Minimal());
        bytes[^4] = 7;

        var ex = Assert.Throws<SiPolicyFormatException>(() => SiPolicyBinaryReader.Read(bytes));

        Assert.Equal(bytes.Length - 4, ex.Offset);
    }

    [Fact]
    public void A_format_version_above_8_is_refused()
    {
        var bytes = SiPolicyBinaryWriter.Write(PolicyBuilder.Minimal());
        bytes[0] = 9;

        var ex = Assert.Throws<SiPolicyFormatException>(() => SiPolicyBinaryReader.Read(bytes));

        Assert.Contains("versions 1 to 8", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Option_flags_without_0x80000000_are_refused()
    {
        var bytes = SiPolicyBinaryWriter.Write(PolicyBuilder.Minimal());
        bytes[0x27] = 0;

        var ex = Assert.Throws<SiPolicyFormatException>(() => SiPolicyBinaryReader.Read(bytes));

        Assert.Equal(0x24, ex.Offset);
    }

    [Fact]
    public void A_string_of_odd_length_is_refused()
    {
        var policy = PolicyBuilder.Minimal();
        policy.FileRules.Add(new SiPolicyFileRule { Kind = SiPolicyFileRuleKind.Allow, Id = "A", FileName = "ab" });
        var bytes = SiPolicyBinaryWriter.Write(policy);
        bytes[0x44 + 4] = 3;

        var ex = Assert.Throws<SiPolicyFormatException>(() => SiPolicyBinaryReader.Read(bytes));

        Assert.Equal(0x44 + 4, ex.Offset);
    }

    [Fact]
    public void Padding_that_is_not_zero_is_refused()
    {
        var policy = PolicyBuilder.Minimal();
        policy.FileRules.Add(new SiPolicyFileRule { Kind = SiPolicyFileRuleKind.Allow, Id = "A", FileName = "a" });
        var bytes = SiPolicyBinaryWriter.Write(policy);
        bytes[0x44 + 4 + 4 + 2] = 1;

        var ex = Assert.Throws<SiPolicyFormatException>(() => SiPolicyBinaryReader.Read(bytes));

        Assert.Equal(0x44 + 4 + 4 + 2, ex.Offset);
    }

    [Fact]
    public void An_input_over_64_MiB_is_refused_before_it_is_read()
    {
        var ex = Assert.Throws<SiPolicyFormatException>(() => SiPolicyBinaryReader.Read(new byte[SiPolicyBinaryReader.MaxInputBytes + 1]));

        Assert.Equal(0, ex.Offset);
    }

    [Fact]
    public void XML_is_not_a_compiled_policy()
    {
        var ex = Assert.Throws<SiPolicyFormatException>(() => SiPolicyBinaryReader.Read(WdacVectors.Bytes(WdacVectors.EmptyBase)));

        Assert.Equal(0, ex.Offset);
    }

    [Fact]
    public void The_driver_block_list_compiles_to_a_policy_that_reads_in_under_a_megabyte()
    {
        var bytes = SiPolicyBinaryWriter.Write(WdacVectors.Load(WdacVectors.DriverBlocklist));

        Assert.InRange(bytes.Length, 100_000, 1_000_000);
        Assert.Equal(1846, SiPolicyBinaryReader.Read(bytes).Policy.FileRules.Count);
    }

    [Fact]
    public void Writing_does_not_change_the_policy()
    {
        var policy = PolicyBuilder.Compilable();
        var before = SiPolicyXml.ToXml(policy);

        _ = SiPolicyBinaryWriter.Write(policy);

        Assert.Equal(before, SiPolicyXml.ToXml(policy));
    }

    [Fact]
    public void A_file_is_told_XML_or_binary_by_content_not_name()
    {
        var xml = SiPolicyFile.Read(WdacVectors.Bytes(WdacVectors.AllowMicrosoft), "policy.cip", validate: true);
        var binary = SiPolicyFile.Read(WdacVectors.Bytes(WdacVectors.TestBin), "policy.xml", validate: false);

        Assert.Equal((SiPolicyFileFormat.Xml, (int?)null, "DefaultMicrosoftEnforced"), (xml.Format, xml.FormatVersion, xml.Name));
        Assert.NotNull(xml.ValidationIssues);
        Assert.Equal((SiPolicyFileFormat.Binary, (int?)7, 36, SiPolicyMode.Audit), (binary.Format, binary.FormatVersion, binary.SignerCount, binary.Mode));
        Assert.Null(binary.ValidationIssues);
        Assert.Equal(Path.GetFileName("policy.xml"), binary.Path);
    }
}
