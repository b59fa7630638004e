using System;
using System.Linq;
using AzureLocalSecurity.AppControl.Live;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.AppControl.Live;

public sealed class CompiledPolicyHeaderReaderTests
{
    private static CompiledPolicyFacts Inspect(byte[] bytes)
    {
        Assert.True(CompiledPolicyHeaderReader.Instance.TryInspect(bytes, out var facts, out var problem), problem);
        return facts!;
    }

    private static string Refuse(byte[] bytes)
    {
        Assert.False(CompiledPolicyHeaderReader.Instance.TryInspect(bytes, out var facts, out var problem));
        Assert.Null(facts);
        return problem!;
    }

    [Fact]
    public void The_WDAC_Toolkit_policy_reads_as_an_unsigned_version_7_audit_policy()
    {
        var facts = Inspect(AppControlVectors.ReadBytes(AppControlVectors.CompiledPolicy));

        Assert.Equal(7u, facts.FormatVersion);
        Assert.Equal(new Guid("784c4414-79f4-4c32-a6a5-f0fb42a51d0d"), facts.PolicyTypeId);
        Assert.Equal(AppControlBundles.WindowsPlatform, facts.PlatformId);
        Assert.Equal(0x82890000u, facts.OptionFlags);
        Assert.True(facts.IsAuditMode);
        Assert.False(facts.IsSigned);
        Assert.Equal(new Version(10, 0, 0, 0), facts.Version);
        Assert.Null(facts.PolicyId);
        Assert.Null(facts.BasePolicyId);
        Assert.Null(facts.Name);
    }

    [Fact]
    public void The_option_bits_are_named_as_the_policy_XML_names_them()
    {
        var facts = Inspect(AppControlVectors.ReadBytes(AppControlVectors.CompiledPolicy));

        Assert.Equal(["Enabled:Audit Mode", "Enabled:Unsigned System Integrity Policy", "Enabled:Advanced Boot Options Menu", "Required:Enforce Store Applications"], facts.Options);
    }

    [Fact]
    public void A_bit_without_a_documented_option_is_named_by_its_number()
    {
        var facts = Inspect(AppControlBundles.Header(AppControlBundles.AzureLocalBase, 0x80000040, new Version(1, 0, 0, 0)));

        Assert.Equal(["Bit 6 (0x00000040)"], facts.Options);
        Assert.False(facts.IsAuditMode);
    }

    [Fact]
    public void A_signed_policy_is_read_from_inside_its_SignedData()
    {
        var facts = Inspect(AppControlBundles.Signed(AppControlVectors.ReadBytes(AppControlVectors.CompiledPolicy)));

        Assert.True(facts.IsSigned);
        Assert.Equal(7u, facts.FormatVersion);
        Assert.Equal(0x82890000u, facts.OptionFlags);
    }

    [Fact]
    public void A_made_header_reads_back_its_id_flags_and_version()
    {
        var facts = Inspect(AppControlBundles.Header(AppControlBundles.AzureLocalBase, AppControlBundles.BaseFlags, new Version(1, 1, 4, 0)));

        Assert.Equal(AppControlBundles.AzureLocalBase, facts.PolicyTypeId);
        Assert.Equal(AppControlBundles.BaseFlags, facts.OptionFlags);
        Assert.Equal(new Version(1, 1, 4, 0), facts.Version);
        Assert.Equal(AppControlBundles.BaseOptions.OrderBy(o => o, StringComparer.Ordinal), facts.Options.OrderBy(o => o, StringComparer.Ordinal));
    }

    [Fact]
    public void Fewer_bytes_than_a_header_are_refused()
    {
        Assert.Equal("67 bytes are too few for a policy header (68)", Refuse(AppControlVectors.ReadBytes(AppControlVectors.CompiledPolicy).Take(67).ToArray()));
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(65u)]
    public void A_format_version_that_is_not_small_is_refused(uint version)
    {
        var bytes = AppControlBundles.Header(AppControlBundles.AzureLocalBase, 0x80000000, new Version(1, 0, 0, 0), version);

        Assert.Equal($"format version {version} is not one of a compiled policy", Refuse(bytes));
    }

    [Fact]
    public void PKCS7_data_that_is_not_SignedData_is_refused()
    {
        // ContentInfo with the id-data OID 1.2.840.113549.1.7.1.
        var bytes = AppControlBundles.Der(0x30, [0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x01], AppControlBundles.Der(0xA0, AppControlBundles.Der(0x04, [1, 2, 3])));

        Assert.Equal("the file is PKCS#7 but not SignedData with an encapsulated policy", Refuse(bytes));
    }

    [Fact]
    public void A_SignedData_cut_short_is_refused_with_where()
    {
        var signed = AppControlBundles.Signed(AppControlVectors.ReadBytes(AppControlVectors.CompiledPolicy));

        Assert.StartsWith("the file starts like PKCS#7 SignedData but is not: ", Refuse(signed.Take(100).ToArray()), StringComparison.Ordinal);
    }
}
