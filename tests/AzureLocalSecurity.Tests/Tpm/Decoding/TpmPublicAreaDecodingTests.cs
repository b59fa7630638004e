using System;
using System.Linq;
using AzureLocalSecurity.Tpm;
using Xunit;

namespace AzureLocalSecurity.Tests.Tpm.Decoding;

/// <summary>TPM2B_PUBLIC and TPMT_PUBLIC (Part 2 §12.2) in TPM2_ReadPublic and TPM2_CreatePrimary.</summary>
public class TpmPublicAreaDecodingTests
{
    /// <summary>
    /// A KEYEDHASH TPMT_PUBLIC of 46 bytes: type 0-1, nameAlg 2-3, objectAttributes 4-7, authPolicy 8-9 (empty),
    /// scheme 10-11 (TPM_ALG_NULL), unique 12-45 (a 32-byte TPM2B_DIGEST). In a ReadPublic response it starts at 12.
    /// </summary>
    private static byte[] KeyedHashArea(ushort type = 0x0008, ushort scheme = 0x0010) =>
        TpmResponseBuilder.Structure().U16(type).U16(0x000B).U32(0x00040072).Sized([]).U16(scheme).Sized(32, 0x5A).Body();

    private static byte[] ReadPublicResponse(TpmResponseBuilder withPublic) => withPublic.Sized(34).Sized(34).ToArray();

    private static long OffsetOf(byte[] response) =>
        Assert.Throws<TpmResponseFormatException>(() => TpmResponseDecoder.ReadPublic(new ArraySegment<byte>(response))).Offset;

    [Fact]
    public void A_well_formed_public_area_decodes()
    {
        var read = TpmResponseDecoder.ReadPublic(new ArraySegment<byte>(ReadPublicResponse(TpmResponseBuilder.Success().Sized(KeyedHashArea()))));

        Assert.Equal(0x0008, read.PublicArea.Type);
        Assert.Equal(Enumerable.Repeat((byte)0x5A, 32), read.PublicArea.Unique);
        Assert.Equal(KeyedHashArea(), read.PublicArea.GetBytes());
    }

    [Fact]
    public void A_public_size_larger_than_what_follows_is_refused_where_its_bytes_start()
    {
        var response = ReadPublicResponse(TpmResponseBuilder.Success().U16(0x0200).Bytes(KeyedHashArea()));

        Assert.Equal(12, OffsetOf(response));
    }

    [Fact]
    public void An_empty_public_area_is_refused_at_its_size()
    {
        var response = ReadPublicResponse(TpmResponseBuilder.Success().Sized([]));

        Assert.Equal(10, OffsetOf(response));
    }

    [Fact]
    public void A_public_area_that_does_not_fill_its_tpm2b_is_refused_where_it_ends()
    {
        var response = ReadPublicResponse(TpmResponseBuilder.Success().Sized([.. KeyedHashArea(), 0, 0]));

        Assert.Equal(12 + 46, OffsetOf(response));
    }

    [Fact]
    public void A_public_area_longer_than_its_tpm2b_is_not_read_past_it()
    {
        // The TPM2B holds 40 of the 46 bytes: the 32-byte unique (from 12 + 14 = 26) has only 26 bytes inside it,
        // even though the names that follow would supply the rest.
        var response = ReadPublicResponse(TpmResponseBuilder.Success().Sized(KeyedHashArea().Take(40).ToArray()));

        Assert.Equal(26, OffsetOf(response));
    }

    [Fact]
    public void An_unknown_object_type_is_refused_at_the_type()
    {
        var response = ReadPublicResponse(TpmResponseBuilder.Success().Sized(KeyedHashArea(type: 0x0099)));

        Assert.Equal(12, OffsetOf(response));
    }

    [Fact]
    public void An_unknown_keyed_hash_scheme_is_refused_at_the_scheme()
    {
        var response = ReadPublicResponse(TpmResponseBuilder.Success().Sized(KeyedHashArea(scheme: 0x0099)));

        Assert.Equal(22, OffsetOf(response));
    }

    [Fact]
    public void A_create_primary_public_area_is_checked_the_same_way_after_the_handle()
    {
        // CreatePrimary: objectHandle 10-13, TPM2B_PUBLIC size 14-15, TPMT_PUBLIC from 16.
        var response = TpmResponseBuilder.Success().U32(0x80000000).Sized(KeyedHashArea(type: 0x0099))
            .Sized([]).Sized([]).U16(0x8021).U32(0x40000001).Sized([]).Sized(34).ToArray();

        var ex = Assert.Throws<TpmResponseFormatException>(() => TpmResponseDecoder.CreatePrimary(new ArraySegment<byte>(response)));

        Assert.Equal(16, ex.Offset);
    }
}
