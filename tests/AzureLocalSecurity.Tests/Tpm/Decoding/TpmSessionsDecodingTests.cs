using System;
using AzureLocalSecurity.Tpm;
using Xunit;

namespace AzureLocalSecurity.Tests.Tpm.Decoding;

/// <summary>A response with sessions (TPM_ST_SESSIONS, Part 1 §18.8): parameterSize, the parameters, then the authorization area.</summary>
public class TpmSessionsDecodingTests
{
    /// <summary>
    /// TPM2_NV_Read with a password session: parameterSize 10-13, TPM2B_MAX_NV_BUFFER 14-19 (4 bytes), then TPMS_AUTH_RESPONSE:
    /// nonce (empty), sessionAttributes (continueSession), hmac (empty).
    /// </summary>
    private static byte[] NvRead(uint parameterSize) =>
        TpmResponseBuilder.Success(0x8002).U32(parameterSize).Sized([1, 2, 3, 4]).Sized([]).U8(1).Sized([]).ToArray();

    private static long OffsetOf(byte[] response) =>
        Assert.Throws<TpmResponseFormatException>(() => TpmResponseDecoder.NvRead(new ArraySegment<byte>(response))).Offset;

    [Fact]
    public void A_well_formed_response_with_a_session_decodes()
    {
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, TpmResponseDecoder.NvRead(new ArraySegment<byte>(NvRead(6))));
    }

    [Theory]
    [InlineData(12u)]
    [InlineData(0xFFFFFFFFu)]
    public void A_parameter_size_larger_than_the_rest_of_the_response_is_refused_at_parameter_size(uint parameterSize)
    {
        Assert.Equal(10, OffsetOf(NvRead(parameterSize)));
    }

    [Fact]
    public void Parameters_are_not_read_past_parameter_size()
    {
        // parameterSize 5 holds a TPM2B claiming 4 bytes (from 16) but only 3 of them; the session after it is well formed.
        var response = TpmResponseBuilder.Success(0x8002).U32(5).U16(4).Bytes(1, 2, 3).Sized([]).U8(1).Sized([]).ToArray();

        Assert.Equal(16, OffsetOf(response));
    }

    [Fact]
    public void Parameters_left_over_inside_parameter_size_are_refused_where_they_start()
    {
        // parameterSize 7: the 6-byte TPM2B (14-19) and a stray byte at 20, then a well-formed session.
        var response = TpmResponseBuilder.Success(0x8002).U32(7).Sized([1, 2, 3, 4]).U8(0xFF).Sized([]).U8(1).Sized([]).ToArray();

        Assert.Equal(20, OffsetOf(response));
    }

    [Fact]
    public void An_authorization_area_cut_short_is_refused_where_it_runs_out()
    {
        var response = TpmResponseBuilder.Success(0x8002).U32(6).Sized([1, 2, 3, 4]).Sized([]).U8(1).U8(0).ToArray();

        // nonce 20-21, attributes 22, hmac's size needs 23-24 but the response ends after 23.
        Assert.Equal(23, OffsetOf(response));
    }
}
