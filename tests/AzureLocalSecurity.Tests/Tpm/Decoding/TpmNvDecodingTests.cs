using System;
using AzureLocalSecurity.Tpm;
using Xunit;

namespace AzureLocalSecurity.Tests.Tpm.Decoding;

/// <summary>TPM2B_NV_PUBLIC (Part 2 §13.6) in TPM2_NV_ReadPublic.</summary>
public class TpmNvDecodingTests
{
    /// <summary>
    /// TPM2B_NV_PUBLIC: size 10-11, nvIndex 12-15, nameAlg 16-17, attributes 18-21, authPolicy 22-23 (empty), dataSize
    /// 24-25: 14 bytes of TPMS_NV_PUBLIC. Then the 34-byte TPM2B_NAME.
    /// </summary>
    private static byte[] NvReadPublic(ushort declaredSize) =>
        TpmResponseBuilder.Success().U16(declaredSize).U32(0x01C00002).U16(0x000B).U32(0x220F1008).Sized([]).U16(1250).Sized(34).ToArray();

    [Fact]
    public void A_well_formed_nv_public_area_decodes()
    {
        var nv = TpmResponseDecoder.NvReadPublic(new ArraySegment<byte>(NvReadPublic(14)));

        Assert.Equal(0x01C00002u, nv.Index);
        Assert.Equal(1250, nv.DataSize);
        Assert.True(nv.Written);
    }

    [Theory]
    [InlineData((ushort)12)]
    [InlineData((ushort)16)]
    [InlineData((ushort)0xFFFF)]
    public void A_size_that_does_not_match_the_nv_public_area_is_refused_at_the_size(ushort declaredSize)
    {
        var ex = Assert.Throws<TpmResponseFormatException>(() => TpmResponseDecoder.NvReadPublic(new ArraySegment<byte>(NvReadPublic(declaredSize))));

        Assert.Equal(10, ex.Offset);
    }
}
