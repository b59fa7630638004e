using AzureLocalSecurity.Tpm;
using Xunit;

namespace AzureLocalSecurity.Tests.Tpm.Names;

// Expected values are TPM 2.0 Library Part 2, clause 6.6 (TPM_RC): RC_VER1 = 0x100, RC_FMT1 = 0x080, RC_WARN = 0x900,
// TPM_RC_P = 0x040, TPM_RC_S = 0x800, TPM_RC_1 = 0x100 ... TPM_RC_F = 0xF00; and winerror.h for the Windows HRESULTs.
public class TpmResponseCodeTests
{
    [Fact]
    public void Zero_is_success()
    {
        var rc = new TpmResponseCode(0);

        Assert.True(rc.IsSuccess);
        Assert.Equal(TpmResponseCodeFormat.Success, rc.Format);
        Assert.Equal("TPM_RC_SUCCESS", rc.Name);
        Assert.False(rc.IsWarning);
    }

    [Theory]
    [InlineData(0x100u, "TPM_RC_INITIALIZE", "TPM not initialized by TPM2_Startup or already initialized")]
    [InlineData(0x101u, "TPM_RC_FAILURE", "commands not being accepted because of a TPM failure")]
    [InlineData(0x148u, "TPM_RC_NV_LOCKED", "NV access locked")]
    [InlineData(0x143u, "TPM_RC_COMMAND_CODE", "command code not supported")]
    public void A_format_zero_error_has_the_spec_name_and_meaning(uint value, string name, string description)
    {
        var rc = new TpmResponseCode(value);

        Assert.Equal(TpmResponseCodeFormat.FormatZeroError, rc.Format);
        Assert.Equal(name, rc.Name);
        Assert.Equal(description, rc.Description);
        Assert.False(rc.IsSuccess);
        Assert.False(rc.IsWarning);
    }

    [Theory]
    [InlineData(0x103u, "TPM_RC_SEQUENCE")]
    [InlineData(0x120u, "TPM_RC_DISABLED")]
    [InlineData(0x12Du, "TPM_RC_UPGRADE")]
    [InlineData(0x131u, "TPM_RC_UNBALANCED")]
    [InlineData(0x142u, "TPM_RC_COMMAND_SIZE")]
    [InlineData(0x149u, "TPM_RC_NV_AUTHORIZATION")]
    [InlineData(0x14Au, "TPM_RC_NV_UNINITIALIZED")]
    [InlineData(0x14Cu, "TPM_RC_NV_DEFINED")]
    [InlineData(0x150u, "TPM_RC_BAD_CONTEXT")]
    [InlineData(0x155u, "TPM_RC_SENSITIVE")]
    [InlineData(0x156u, "TPM_RC_READ_ONLY")]
    [InlineData(0x081u, "TPM_RC_ASYMMETRIC")]
    [InlineData(0x09Au, "TPM_RC_INSUFFICIENT")]
    [InlineData(0x0A2u, "TPM_RC_BAD_AUTH")]
    [InlineData(0x0A7u, "TPM_RC_ECC_POINT")]
    [InlineData(0x0A8u, "TPM_RC_FW_LIMITED")]
    [InlineData(0x0A9u, "TPM_RC_SVN_LIMITED")]
    [InlineData(0x0B0u, "TPM_RC_CHANNEL")]
    [InlineData(0x0B1u, "TPM_RC_CHANNEL_KEY")]
    [InlineData(0x901u, "TPM_RC_CONTEXT_GAP")]
    [InlineData(0x90Au, "TPM_RC_TESTING")]
    [InlineData(0x910u, "TPM_RC_REFERENCE_H0")]
    [InlineData(0x916u, "TPM_RC_REFERENCE_H6")]
    [InlineData(0x918u, "TPM_RC_REFERENCE_S0")]
    [InlineData(0x91Eu, "TPM_RC_REFERENCE_S6")]
    [InlineData(0x920u, "TPM_RC_NV_RATE")]
    [InlineData(0x923u, "TPM_RC_NV_UNAVAILABLE")]
    [InlineData(0x97Fu, "TPM_RC_NOT_USED")]
    public void Codes_across_the_table_carry_their_spec_names(uint value, string name)
    {
        Assert.Equal(name, new TpmResponseCode(value).Name);
    }

    [Theory]
    [InlineData(0x922u, "TPM_RC_RETRY", "the TPM was not able to start the command")]
    [InlineData(0x921u, "TPM_RC_LOCKOUT", "authorizations for objects subject to DA protection are not allowed at this time because the TPM is in DA lockout mode")]
    [InlineData(0x908u, "TPM_RC_YIELDED", "the TPM has suspended operation on the command; forward progress was made and the command may be retried")]
    public void A_warning_is_a_warning_with_the_spec_name(uint value, string name, string description)
    {
        var rc = new TpmResponseCode(value);

        Assert.Equal(TpmResponseCodeFormat.FormatZeroWarning, rc.Format);
        Assert.True(rc.IsWarning);
        Assert.Equal(name, rc.Name);
        Assert.Equal(description, rc.Description);
    }

    [Theory]
    [InlineData(0x98Eu, "TPM_RC_AUTH_FAIL", null, null, 1, "the authorization HMAC check failed and the DA counter was incremented, or use of lockoutAuth is disabled, in session 1")]
    [InlineData(0x18Bu, "TPM_RC_HANDLE", null, 1, null, "the handle is not correct for the use, in handle 1")]
    [InlineData(0x2C4u, "TPM_RC_VALUE", 2, null, null, "value is out of range or is not correct for the context, in parameter 2")]
    [InlineData(0x1C4u, "TPM_RC_VALUE", 1, null, null, "value is out of range or is not correct for the context, in parameter 1")]
    [InlineData(0x3A2u, "TPM_RC_BAD_AUTH", null, 3, null, "authorization failure without DA implications, in handle 3")]
    public void A_format_one_code_names_its_base_error_and_says_where(uint value, string name, int? parameter, int? handle, int? session, string description)
    {
        var rc = new TpmResponseCode(value);

        Assert.Equal(TpmResponseCodeFormat.FormatOne, rc.Format);
        Assert.Equal(name, rc.Name);
        Assert.Equal(parameter, rc.ParameterNumber);
        Assert.Equal(handle, rc.HandleNumber);
        Assert.Equal(session, rc.SessionNumber);
        Assert.Equal(description, rc.Description);
    }

    [Fact]
    public void A_parameter_number_uses_all_four_bits_of_N()
    {
        // P set: N is the parameter number 1..15, so bit 11 does not mean "session" here.
        var rc = new TpmResponseCode(0xFC4);

        Assert.Equal("TPM_RC_VALUE", rc.Name);
        Assert.Equal(15, rc.ParameterNumber);
        Assert.Null(rc.SessionNumber);
        Assert.Null(rc.HandleNumber);
    }

    [Fact]
    public void A_format_one_code_without_a_position_says_none()
    {
        var rc = new TpmResponseCode(0x08B);

        Assert.Equal("TPM_RC_HANDLE", rc.Name);
        Assert.Null(rc.ParameterNumber);
        Assert.Null(rc.HandleNumber);
        Assert.Null(rc.SessionNumber);
        Assert.Equal("the handle is not correct for the use", rc.Description);
    }

    [Fact]
    public void ToString_gives_name_value_and_meaning()
    {
        Assert.Equal(
            "TPM_RC_VALUE (0x000002C4): value is out of range or is not correct for the context, in parameter 2",
            new TpmResponseCode(0x2C4).ToString());
    }

    [Theory]
    [InlineData(0x523u, "TPM_RC_0x523 (vendor)", "vendor-defined error 0x23", false)]
    [InlineData(0xD23u, "TPM_RC_0xD23 (vendor)", "vendor-defined warning 0x23", true)]
    public void A_vendor_code_is_vendor_defined(uint value, string name, string description, bool warning)
    {
        var rc = new TpmResponseCode(value);

        Assert.Equal(TpmResponseCodeFormat.Vendor, rc.Format);
        Assert.Equal(name, rc.Name);
        Assert.Equal(description, rc.Description);
        Assert.Equal(warning, rc.IsWarning);
    }

    [Fact]
    public void A_tpm12_code_is_only_called_one()
    {
        // TPM 1.2's TPM_BAD_ORDINAL (TPM_BASE + 10): V (bit 8) is clear.
        var rc = new TpmResponseCode(0x00A);

        Assert.Equal(TpmResponseCodeFormat.Tpm12, rc.Format);
        Assert.Equal("TPM_RC_0x00A (TPM 1.2)", rc.Name);
        Assert.Equal("a TPM 1.2 response code 0x00A", rc.Description);
    }

    [Fact]
    public void The_tpm12_bad_tag_keeps_its_tpm2_name()
    {
        var rc = new TpmResponseCode(0x01E);

        Assert.Equal(TpmResponseCodeFormat.Tpm12, rc.Format);
        Assert.Equal("TPM_RC_BAD_TAG", rc.Name);
        Assert.Equal("defined for compatibility with TPM 1.2", rc.Description);
    }

    [Fact]
    public void Command_blocked_by_windows_is_named_from_winerror()
    {
        var rc = new TpmResponseCode(0x80280400);

        Assert.Equal(TpmResponseCodeFormat.WindowsTpm, rc.Format);
        Assert.Equal("TPM_E_COMMAND_BLOCKED", rc.Name);
        Assert.Equal("The command was blocked.", rc.Description);
        Assert.Equal("TPM_E_COMMAND_BLOCKED (0x80280400): The command was blocked.", rc.ToString());
    }

    [Theory]
    [InlineData(0x8028400Fu, "TBS_E_TPM_NOT_FOUND", "A compatible Trusted Platform Module (TPM) Security Device cannot be found on this computer.")]
    [InlineData(0x80284001u, "TBS_E_INTERNAL_ERROR", "An internal software error has been detected.")]
    [InlineData(0x80284008u, "TBS_E_SERVICE_NOT_RUNNING", "The TBS service is not running and could not be started.")]
    [InlineData(0x80284012u, "TBS_E_ACCESS_DENIED", "The caller does not have the appropriate rights to perform the requested operation.")]
    [InlineData(0x80284016u, "TBS_E_PROVISIONING_INCOMPLETE", "The TPM provisioning did not complete. For more information on completing the provisioning, call the Win32_Tpm WMI method for provisioning the TPM ('Provision') and check the returned Information.")]
    public void A_tbs_error_has_its_winerror_name_and_text(uint value, string name, string description)
    {
        var rc = new TpmResponseCode(value);

        Assert.Equal(TpmResponseCodeFormat.WindowsTbs, rc.Format);
        Assert.Equal(name, rc.Name);
        Assert.Equal(description, rc.Description);
        Assert.Null(rc.InnerCode);
    }

    [Fact]
    public void A_tbs_error_winerror_does_not_name_still_is_a_tbs_error()
    {
        var rc = new TpmResponseCode(0x80284017);

        Assert.Equal(TpmResponseCodeFormat.WindowsTbs, rc.Format);
        Assert.Equal("TBS_E_0x80284017 (unknown)", rc.Name);
    }

    [Fact]
    public void A_wrapped_tpm2_code_is_decoded_as_the_tpm_code_inside()
    {
        var rc = new TpmResponseCode(0x8028098E);

        Assert.Equal(TpmResponseCodeFormat.WindowsTpm, rc.Format);
        Assert.Equal("TPM_RC_AUTH_FAIL", rc.Name);
        Assert.Equal(1, rc.SessionNumber);
        Assert.NotNull(rc.InnerCode);
        Assert.Equal(0x98Eu, rc.InnerCode!.Value);
        Assert.Equal(TpmResponseCodeFormat.FormatOne, rc.InnerCode.Format);
        Assert.Equal(
            "TPM_RC_AUTH_FAIL (0x8028098E): the authorization HMAC check failed and the DA counter was incremented, or use of lockoutAuth is disabled, in session 1 (TPM response code 0x98E in a Windows HRESULT)",
            rc.ToString());
    }

    [Theory]
    [InlineData(0x8028008Bu, "TPM_RC_HANDLE", false)]   // TPM_20_E_HANDLE
    [InlineData(0x80280101u, "TPM_RC_FAILURE", false)]  // TPM_20_E_FAILURE
    [InlineData(0x80280921u, "TPM_RC_LOCKOUT", true)]   // TPM_20_E_LOCKOUT
    public void The_tpm20_hresults_of_winerror_decode_to_their_tpm_codes(uint value, string name, bool warning)
    {
        var rc = new TpmResponseCode(value);

        Assert.Equal(TpmResponseCodeFormat.WindowsTpm, rc.Format);
        Assert.Equal(name, rc.Name);
        Assert.Equal(warning, rc.IsWarning);
        Assert.Equal(value & 0xFFF, rc.InnerCode!.Value);
    }

    [Theory]
    [InlineData(0x102u, TpmResponseCodeFormat.FormatZeroError, "TPM_RC_0x102 (unassigned)")]
    [InlineData(0x90Bu, TpmResponseCodeFormat.FormatZeroWarning, "TPM_RC_0x90B (unassigned)")]
    [InlineData(0x1C6u, TpmResponseCodeFormat.FormatOne, "TPM_RC_0x086 (unassigned)")]
    public void An_unassigned_code_is_named_by_its_number(uint value, TpmResponseCodeFormat format, string name)
    {
        var rc = new TpmResponseCode(value);

        Assert.Equal(format, rc.Format);
        Assert.Equal(name, rc.Name);
    }

    [Fact]
    public void An_unassigned_format_one_code_still_says_where()
    {
        var rc = new TpmResponseCode(0x1C6);

        Assert.Equal(1, rc.ParameterNumber);
        Assert.Equal("an unassigned format-one error (E = 0x06), in parameter 1", rc.Description);
    }

    [Fact]
    public void A_format_zero_code_with_its_reserved_bit_set_is_unknown()
    {
        var rc = new TpmResponseCode(0x300);

        Assert.Equal(TpmResponseCodeFormat.Unknown, rc.Format);
        Assert.Equal("TPM_RC_0x300 (unassigned)", rc.Name);
    }

    [Fact]
    public void A_value_with_high_bits_outside_the_windows_ranges_is_unknown()
    {
        var rc = new TpmResponseCode(0x000A0001);

        Assert.Equal(TpmResponseCodeFormat.Unknown, rc.Format);
        Assert.Equal("TPM_RC_0x000A0001 (unknown)", rc.Name);
        Assert.False(rc.IsSuccess);
    }

    [Fact]
    public void Every_twelve_bit_code_decodes_to_a_name_and_a_meaning()
    {
        for (uint value = 0; value <= 0xFFF; value++)
        {
            var rc = new TpmResponseCode(value);
            Assert.False(string.IsNullOrEmpty(rc.Name), value.ToString("X3", System.Globalization.CultureInfo.InvariantCulture));
            Assert.False(string.IsNullOrEmpty(rc.Description), value.ToString("X3", System.Globalization.CultureInfo.InvariantCulture));
            Assert.NotEqual(TpmResponseCodeFormat.WindowsTbs, rc.Format);
            Assert.NotEqual(TpmResponseCodeFormat.WindowsTpm, rc.Format);
        }
    }

    [Fact]
    public void Codes_with_the_same_value_are_equal()
    {
        var a = new TpmResponseCode(0x18B);
        var b = new TpmResponseCode(0x18B);

        Assert.True(a.Equals(b));
        Assert.True(a.Equals((object)b));
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Codes_with_different_values_are_not_equal_even_with_the_same_name()
    {
        var handle1 = new TpmResponseCode(0x18B);
        var handle2 = new TpmResponseCode(0x28B);

        Assert.Equal(handle1.Name, handle2.Name);
        Assert.False(handle1.Equals(handle2));
        Assert.True(handle1 != handle2);
        Assert.False(handle1.Equals(null));
        Assert.False(handle1.Equals((object)0x18Bu));
    }
}
