using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using AzureLocalSecurity.Collection.Windows;
using AzureLocalSecurity.Evidence;
using Xunit;

namespace AzureLocalSecurity.Tests.Tpm.Windows;

[SuppressMessage("Interoperability", "CA1416:Validate platform compatibility", Justification = "These tests call the Windows-only reader's pure parts, which touch no CIM API.")]
public class WindowsTpmCimReaderTests
{
    [Fact]
    public void A_string_is_a_String()
    {
        var value = WindowsTpmCimReader.ToEvidenceValue("2.0, 0, 1.59");

        Assert.Equal(EvidenceValueKind.String, value.Kind);
        Assert.Equal("2.0, 0, 1.59", value.AsString());
    }

    [Fact]
    public void A_boolean_is_a_Boolean()
    {
        var value = WindowsTpmCimReader.ToEvidenceValue(true);

        Assert.Equal(EvidenceValueKind.Boolean, value.Kind);
        Assert.True(value.AsBoolean());
    }

    [Theory]
    [InlineData((uint)1414548736, 1414548736UL)]
    [InlineData((ushort)65535, 65535UL)]
    [InlineData((byte)200, 200UL)]
    [InlineData(ulong.MaxValue, ulong.MaxValue)]
    public void An_unsigned_integer_is_a_UInt64_of_the_same_value(object cim, ulong expected)
    {
        var value = WindowsTpmCimReader.ToEvidenceValue(cim);

        Assert.Equal(EvidenceValueKind.UInt64, value.Kind);
        Assert.Equal(expected, value.Value);
    }

    [Theory]
    [InlineData(-5, -5L)]
    [InlineData(long.MinValue, long.MinValue)]
    [InlineData((short)-300, -300L)]
    public void A_signed_integer_is_an_Int64_of_the_same_value(object cim, long expected)
    {
        var value = WindowsTpmCimReader.ToEvidenceValue(cim);

        Assert.Equal(EvidenceValueKind.Int64, value.Kind);
        Assert.Equal(expected, value.AsInt64());
    }

    [Fact]
    public void A_string_array_is_a_MultiString_in_order()
    {
        string[] cim = ["b", "a"];

        var value = WindowsTpmCimReader.ToEvidenceValue(cim);

        Assert.Equal(EvidenceValueKind.MultiString, value.Kind);
        Assert.Equal(["b", "a"], value.AsStrings());
    }

    [Fact]
    public void Null_is_Null()
    {
        Assert.Same(EvidenceValue.Null, WindowsTpmCimReader.ToEvidenceValue(null));
    }

    [Fact]
    public void Anything_else_is_its_invariant_culture_text_whatever_the_current_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            var value = WindowsTpmCimReader.ToEvidenceValue(1.5);

            Assert.Equal(EvidenceValueKind.String, value.Kind);
            Assert.Equal("1.5", value.AsString());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Access_denied_is_AccessDenied()
    {
        Assert.Equal(EvidenceErrorCategory.AccessDenied, WindowsTpmCimReader.CategoryOf(2));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void An_invalid_namespace_or_class_is_NotSupported(int miResult)
    {
        Assert.Equal(EvidenceErrorCategory.NotSupported, WindowsTpmCimReader.CategoryOf(miResult));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    [InlineData(28)]
    public void Any_other_CIM_failure_is_Failed(int miResult)
    {
        Assert.Equal(EvidenceErrorCategory.Failed, WindowsTpmCimReader.CategoryOf(miResult));
    }

    [Fact]
    public void A_successful_boolean_method_records_its_answer_under_the_method_name()
    {
        var answer = WindowsTpmCimReader.MethodAnswer("IsReady", 0u, true);

        Assert.Equal("IsReady", answer.Key);
        Assert.Equal(EvidenceValue.FromBoolean(true), answer.Value);
    }

    [Fact]
    public void IsReadyInformation_records_its_Information_bit_mask_as_UInt64()
    {
        var answer = WindowsTpmCimReader.MethodAnswer("IsReadyInformation", 0u, 0x80004u);

        Assert.Equal("IsReadyInformation", answer.Key);
        Assert.Equal(EvidenceValue.FromUInt64(0x80004), answer.Value);
    }

    [Fact]
    public void A_non_zero_return_value_records_MethodError_with_the_code_in_hex_and_no_answer()
    {
        var answer = WindowsTpmCimReader.MethodAnswer("IsOwned", 0x80290300u, false);

        Assert.Equal("IsOwnedError", answer.Key);
        Assert.Equal(EvidenceValue.FromString("0x80290300"), answer.Value);
    }

    [Fact]
    public void A_return_value_boxed_as_int_is_not_taken_for_a_uint32()
    {
        var answer = WindowsTpmCimReader.MethodAnswer("IsEnabled", 0, true);

        Assert.Equal("IsEnabledError", answer.Key);
        Assert.Equal("the return value was Int32, not a uint32", answer.Value.AsString());
    }

    [Fact]
    public void A_missing_out_value_after_success_is_recorded_as_the_methods_error()
    {
        var answer = WindowsTpmCimReader.MethodAnswer("IsActivated", 0u, null);

        Assert.Equal("IsActivatedError", answer.Key);
        Assert.Equal("the IsActivated out parameter was null, not a boolean", answer.Value.AsString());
    }

    [Fact]
    public void An_Information_value_of_another_type_is_recorded_as_the_methods_error()
    {
        var answer = WindowsTpmCimReader.MethodAnswer("IsReadyInformation", 0u, true);

        Assert.Equal("IsReadyInformationError", answer.Key);
        Assert.Equal("the Information out parameter was Boolean, not a uint32", answer.Value.AsString());
    }
}
