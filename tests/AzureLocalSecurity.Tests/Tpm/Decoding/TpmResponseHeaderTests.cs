using System;
using AzureLocalSecurity.Tpm;
using Xunit;

namespace AzureLocalSecurity.Tests.Tpm.Decoding;

/// <summary>The 10-byte response header (Part 1 §18.3): tag, responseSize, responseCode, as every decoder checks it.</summary>
public class TpmResponseHeaderTests
{
    /// <summary>TPM2_GetRandom answering 4 bytes: the smallest response with parameters.</summary>
    private static TpmResponseBuilder FourRandomBytes() => TpmResponseBuilder.Success().Sized([1, 2, 3, 4]);

    [Fact]
    public void A_well_formed_response_decodes()
    {
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, TpmResponseDecoder.GetRandom(new ArraySegment<byte>(FourRandomBytes().ToArray())));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(9)]
    public void A_response_shorter_than_its_header_is_refused_at_its_first_byte(int length)
    {
        var bytes = FourRandomBytes().ToArray().AsSpan(0, length).ToArray();

        var ex = Assert.Throws<TpmResponseFormatException>(() => TpmResponseDecoder.GetRandom(new ArraySegment<byte>(bytes)));

        Assert.Equal(0, ex.Offset);
    }

    [Fact]
    public void A_response_shorter_than_its_header_inside_a_blob_is_refused_where_it_starts()
    {
        var blob = new byte[20];
        FourRandomBytes().ToArray().AsSpan(0, 9).CopyTo(blob.AsSpan(11));

        var ex = Assert.Throws<TpmResponseFormatException>(() => TpmResponseDecoder.GetRandom(new ArraySegment<byte>(blob, 11, 9)));

        Assert.Equal(11, ex.Offset);
    }

    [Fact]
    public void A_response_size_larger_than_the_response_is_refused_at_the_size_field()
    {
        var bytes = FourRandomBytes().WithResponseSize(17).ToArray();

        var ex = Assert.Throws<TpmResponseFormatException>(() => TpmResponseDecoder.GetRandom(new ArraySegment<byte>(bytes)));

        Assert.Equal(2, ex.Offset);
    }

    [Fact]
    public void A_response_size_smaller_than_the_response_is_refused_at_the_size_field()
    {
        var bytes = FourRandomBytes().WithResponseSize(15).ToArray();

        var ex = Assert.Throws<TpmResponseFormatException>(() => TpmResponseDecoder.GetRandom(new ArraySegment<byte>(bytes)));

        Assert.Equal(2, ex.Offset);
    }

    [Theory]
    [InlineData((ushort)0x8003)]
    [InlineData((ushort)0x0000)]
    [InlineData((ushort)0x8018)]
    public void An_unknown_tag_is_refused_at_the_tag(ushort tag)
    {
        var bytes = TpmResponseBuilder.Success(tag).Sized([1, 2, 3, 4]).ToArray();

        var ex = Assert.Throws<TpmResponseFormatException>(() => TpmResponseDecoder.GetRandom(new ArraySegment<byte>(bytes)));

        Assert.Equal(0, ex.Offset);
    }

    [Fact]
    public void The_tpm_1_2_tag_is_refused_on_a_successful_response()
    {
        // TPM_ST_RSP_COMMAND (0x00C4) is what a TPM 2.0 answers to a command it cannot parse: only with an error code.
        var bytes = TpmResponseBuilder.Success(0x00C4).Sized([1, 2, 3, 4]).ToArray();

        var ex = Assert.Throws<TpmResponseFormatException>(() => TpmResponseDecoder.GetRandom(new ArraySegment<byte>(bytes)));

        Assert.Equal(0, ex.Offset);
    }

    [Fact]
    public void An_error_response_with_a_body_is_malformed_not_a_tpm_error()
    {
        var bytes = TpmResponseBuilder.Error(0x18B).U32(0).ToArray();

        var ex = Assert.Throws<TpmResponseFormatException>(() => TpmResponseDecoder.NvReadPublic(new ArraySegment<byte>(bytes)));

        Assert.Equal(2, ex.Offset);
    }

    [Fact]
    public void A_ten_byte_error_response_is_a_tpm_command_exception_naming_the_command_and_the_code()
    {
        var bytes = TpmResponseBuilder.Error(0x18B).ToArray();

        var ex = Assert.Throws<TpmCommandException>(() => TpmResponseDecoder.NvReadPublic(new ArraySegment<byte>(bytes)));

        Assert.Equal(0x169u, ex.CommandCode);
        Assert.Equal("TPM2_NV_ReadPublic", ex.CommandName);
        Assert.Equal(0x18Bu, ex.ResponseCode!.Value);
        Assert.Equal("TPM_RC_HANDLE", ex.ResponseCode.Name);
        Assert.Equal(1, ex.ResponseCode.HandleNumber);
    }

    [Fact]
    public void An_error_under_the_tpm_1_2_tag_is_a_tpm_command_exception()
    {
        var bytes = TpmResponseBuilder.Error(0x01E, tag: 0x00C4).ToArray();

        var ex = Assert.Throws<TpmCommandException>(() => TpmResponseDecoder.GetCapability(new ArraySegment<byte>(bytes)));

        Assert.Equal("TPM_RC_BAD_TAG", ex.ResponseCode!.Name);
        Assert.Equal("TPM2_GetCapability", ex.CommandName);
    }

    [Fact]
    public void Peeking_at_an_error_response_returns_its_code_without_throwing()
    {
        var bytes = TpmResponseBuilder.Error(0x18B).ToArray();

        var code = TpmResponseDecoder.PeekResponseCode(new ArraySegment<byte>(bytes));

        Assert.Equal("TPM_RC_HANDLE", code.Name);
        Assert.False(code.IsSuccess);
    }

    [Fact]
    public void Parameters_left_over_after_the_last_field_are_refused_where_they_start()
    {
        var bytes = FourRandomBytes().U8(0).ToArray();

        var ex = Assert.Throws<TpmResponseFormatException>(() => TpmResponseDecoder.GetRandom(new ArraySegment<byte>(bytes)));

        // 10 header + 2 size + 4 bytes: the stray byte is at 16.
        Assert.Equal(16, ex.Offset);
    }
}
