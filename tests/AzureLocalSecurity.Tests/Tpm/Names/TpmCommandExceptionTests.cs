using System;
using AzureLocalSecurity.Tpm;
using Xunit;

namespace AzureLocalSecurity.Tests.Tpm.Names;

public class TpmCommandExceptionTests
{
    [Fact]
    public void The_message_names_the_command_and_what_the_tpm_answered()
    {
        var ex = new TpmCommandException(0x14E, new TpmResponseCode(0x18B));

        Assert.Equal("TPM2_NV_Read failed: TPM_RC_HANDLE (0x0000018B): the handle is not correct for the use, in handle 1", ex.Message);
    }

    [Fact]
    public void The_command_and_response_code_are_kept()
    {
        var ex = new TpmCommandException(0x17E, new TpmResponseCode(0x922));

        Assert.Equal(0x17Eu, ex.CommandCode);
        Assert.Equal("TPM2_PCR_Read", ex.CommandName);
        Assert.Equal(new TpmResponseCode(0x922), ex.ResponseCode);
        Assert.True(ex.ResponseCode!.IsWarning);
    }

    [Fact]
    public void An_unknown_command_is_named_by_its_number()
    {
        var ex = new TpmCommandException(0x1FF, new TpmResponseCode(0x143));

        Assert.StartsWith("TPM_CC_0x000001FF (unknown) failed: TPM_RC_COMMAND_CODE", ex.Message);
    }

    [Fact]
    public void Without_a_response_code_there_is_no_command_either()
    {
        var ex = new TpmCommandException("no answer", new InvalidOperationException("inner"));

        Assert.Equal("no answer", ex.Message);
        Assert.Null(ex.ResponseCode);
        Assert.Equal(0u, ex.CommandCode);
        Assert.Equal(string.Empty, ex.CommandName);
        Assert.IsType<InvalidOperationException>(ex.InnerException);
    }

    [Fact]
    public void A_null_response_code_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => new TpmCommandException(0x14E, null!));
    }
}
