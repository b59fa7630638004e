using System;
using AzureLocalSecurity.Tpm;
using Xunit;

namespace AzureLocalSecurity.Tests.Tpm.Decoding;

/// <summary>TPML_PCR_SELECTION (Part 2 §10.9.7) in TPM2_GetCapability(TPM_CAP_PCRS) and TPM2_PCR_Read, and TPML_DIGEST.</summary>
public class TpmPcrDecodingTests
{
    // GetCapability(TPM_CAP_PCRS): header 0-9, moreData 10, capability 11-14, count 15-18, then per bank
    // hash (2), sizeofSelect (1), pcrSelect.
    private static TpmResponseBuilder Banks(uint count) => TpmResponseBuilder.Success().U8(0).U32(5).U32(count);

    // PCR_Read: header 0-9, pcrUpdateCounter 10-13, selection count 14-17, hash 18-19, sizeofSelect 20, pcrSelect 21-23,
    // TPML_DIGEST count 24-27, digests from 28.
    private static TpmResponseBuilder Sha256Selection(byte firstBitmapByte) =>
        TpmResponseBuilder.Success().U32(7).U32(1).U16(0x000B).U8(3).Bytes(firstBitmapByte, 0, 0);

    private static TpmResponseFormatException Refused(Func<ArraySegment<byte>, object> decode, byte[] response) =>
        Assert.Throws<TpmResponseFormatException>(() => decode(new ArraySegment<byte>(response)));

    [Fact]
    public void A_well_formed_bank_list_decodes()
    {
        var data = TpmResponseDecoder.GetCapability(new ArraySegment<byte>(Banks(1).U16(0x000B).U8(3).Bytes(0xFF, 0xFF, 0xFF).ToArray()));

        Assert.Equal(24, Assert.Single(data.Pcrs).Indexes.Count);
    }

    [Fact]
    public void A_selection_count_larger_than_the_bytes_left_is_refused_at_the_count()
    {
        var response = Banks(3).U16(0x000B).U8(3).Bytes(0xFF, 0xFF, 0xFF).ToArray();

        Assert.Equal(15, Refused(TpmResponseDecoder.GetCapability, response).Offset);
    }

    [Fact]
    public void A_selection_count_of_0xFFFFFFFF_is_refused_at_the_count_without_allocating_for_it()
    {
        var response = Banks(0xFFFFFFFF).U16(0x000B).U8(3).Bytes(0xFF, 0xFF, 0xFF).ToArray();
        _ = Refused(TpmResponseDecoder.GetCapability, response);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var ex = Refused(TpmResponseDecoder.GetCapability, response);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(15, ex.Offset);
        Assert.True(allocated < 64 * 1024, $"{allocated} bytes allocated to refuse a 43-byte response");
    }

    [Fact]
    public void A_size_of_select_over_32_bytes_is_refused_at_that_byte()
    {
        var response = Banks(1).U16(0x000B).U8(33).Bytes(new byte[33]).ToArray();

        Assert.Equal(21, Refused(TpmResponseDecoder.GetCapability, response).Offset);
    }

    [Fact]
    public void A_well_formed_pcr_read_decodes()
    {
        var read = TpmResponseDecoder.PcrRead(new ArraySegment<byte>(Sha256Selection(0x03).U32(2).Sized(32, 0x11).Sized(32, 0x22).ToArray()));

        Assert.Equal([0, 1], read.Selections[0].Indexes);
        Assert.Equal(0x22, read.Digests[1][0]);
    }

    [Fact]
    public void Fewer_digests_than_pcrs_selected_are_refused_at_the_digest_count()
    {
        var response = Sha256Selection(0x03).U32(1).Sized(32).ToArray();

        Assert.Equal(24, Refused(TpmResponseDecoder.PcrRead, response).Offset);
    }

    [Fact]
    public void More_digests_than_pcrs_selected_are_refused_at_the_digest_count()
    {
        var response = Sha256Selection(0x01).U32(2).Sized(32).Sized(32).ToArray();

        Assert.Equal(24, Refused(TpmResponseDecoder.PcrRead, response).Offset);
    }

    [Fact]
    public void A_digest_count_of_0xFFFFFFFF_is_refused_at_the_digest_count()
    {
        var response = Sha256Selection(0x01).U32(0xFFFFFFFF).Sized(32).ToArray();

        Assert.Equal(24, Refused(TpmResponseDecoder.PcrRead, response).Offset);
    }

    [Fact]
    public void A_sha1_sized_digest_in_the_sha256_bank_is_refused_at_that_digest()
    {
        var response = Sha256Selection(0x01).U32(1).Sized(20).ToArray();

        Assert.Equal(28, Refused(TpmResponseDecoder.PcrRead, response).Offset);
    }

    [Fact]
    public void A_wrong_sized_second_digest_is_refused_at_the_second_digest()
    {
        var response = Sha256Selection(0x03).U32(2).Sized(32).Sized(48).ToArray();

        // The first TPM2B_DIGEST takes 28-61; the second's size is at 62.
        Assert.Equal(62, Refused(TpmResponseDecoder.PcrRead, response).Offset);
    }
}
