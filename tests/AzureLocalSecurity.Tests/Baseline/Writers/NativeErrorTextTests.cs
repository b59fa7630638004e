using System;
using AzureLocalSecurity.Collection.Windows;
using Xunit;

namespace AzureLocalSecurity.Tests.Baseline.Writers;

/// <summary>Failure messages name the API and the code; NERR codes get their lmerr.h text, not "unknown error".</summary>
public class NativeErrorTextTests
{
    [Theory]
    [InlineData(2221u, "NERR_UserNotFound")]
    [InlineData(2452u, "NERR_LastAdmin")]
    [InlineData(2224u, "NERR_UserExists")]
    public void NERR_codes_carry_their_lmerr_name(uint status, string name)
    {
        var text = NativeErrorText.NetApi("NetUserSetInfo(level 0)", status, 0);

        Assert.StartsWith("NetUserSetInfo(level 0) failed with NET_API_STATUS " + status, text, StringComparison.Ordinal);
        Assert.Contains(name, text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_parameter_names_the_parm_err_index()
    {
        var text = NativeErrorText.NetApi("NetUserModalsSet(level 3)", 87, 13);

        Assert.Contains("NET_API_STATUS 87", text, StringComparison.Ordinal);
        Assert.Contains("parm_err 13", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_parm_err_index_is_left_out_for_other_errors()
    {
        Assert.DoesNotContain("parm_err", NativeErrorText.NetApi("NetUserModalsSet(level 3)", 5, 13), StringComparison.Ordinal);
    }

    [Fact]
    public void A_Win32_error_is_given_in_decimal_and_hex()
    {
        var text = NativeErrorText.Win32("AuditSetSystemPolicy", 1314);

        Assert.StartsWith("AuditSetSystemPolicy failed with Win32 error 1314 (0x00000522): ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_NTSTATUS_is_given_in_hex_with_its_Win32_translation()
    {
        var text = NativeErrorText.NtStatus("LsaAddAccountRights", unchecked((int)0xC0000022), 5);

        Assert.StartsWith("LsaAddAccountRights failed with NTSTATUS 0xC0000022 (Win32 error 5: ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Codes_outside_the_NERR_table_have_no_NERR_text()
    {
        Assert.Null(NativeErrorText.NerrMessage(5));
    }
}
