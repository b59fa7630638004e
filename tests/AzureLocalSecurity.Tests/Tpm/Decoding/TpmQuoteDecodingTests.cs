using System;
using AzureLocalSecurity.Tpm;
using Xunit;

namespace AzureLocalSecurity.Tests.Tpm.Decoding;

/// <summary>TPM2B_ATTEST holding a TPMS_ATTEST of type TPM_ST_ATTEST_QUOTE (Part 2 §10.12), and TPMT_SIGNATURE.</summary>
public class TpmQuoteDecodingTests
{
    /// <summary>
    /// TPMS_ATTEST: magic 0-3, type 4-5, qualifiedSigner 6-7 (empty), extraData 8-13 (4 bytes), clockInfo 14-30, firmwareVersion
    /// 31-38, pcrSelect 39-48 (sha256 PCR 0), pcrDigest 49-82. In the response it starts at 12, after TPM2B_ATTEST's size.
    /// </summary>
    private static byte[] Attest(uint magic = 0xFF544347, ushort type = 0x8018) =>
        TpmResponseBuilder.Structure().U32(magic).U16(type).Sized([]).Sized([9, 8, 7, 6])
            .U64(123456).U32(3).U32(1).U8(1)
            .U64(0x0002000100000000)
            .U32(1).U16(0x000B).U8(3).Bytes(1, 0, 0)
            .Sized(32, 0x77).Body();

    /// <summary>The response: TPM2B_ATTEST, then an ECDSA/SHA-256 TPMT_SIGNATURE with 32-byte R and S.</summary>
    private static byte[] Quote(byte[] attest) =>
        TpmResponseBuilder.Success().Sized(attest).U16(0x0018).U16(0x000B).Sized(32, 0x01).Sized(32, 0x02).ToArray();

    private static long OffsetOf(byte[] response) =>
        Assert.Throws<TpmResponseFormatException>(() => TpmResponseDecoder.Quote(new ArraySegment<byte>(response))).Offset;

    [Fact]
    public void A_well_formed_quote_decodes()
    {
        var quote = TpmResponseDecoder.Quote(new ArraySegment<byte>(Quote(Attest())));

        Assert.Equal(new byte[] { 9, 8, 7, 6 }, quote.ExtraData);
        Assert.Equal(123456ul, quote.Clock);
        Assert.Equal([0], quote.PcrSelections[0].Indexes);
        Assert.Equal(0x0018, quote.Signature.Algorithm);
        Assert.Equal(Attest(), quote.GetAttestBytes());
    }

    [Fact]
    public void A_wrong_magic_is_refused_at_the_magic()
    {
        Assert.Equal(12, OffsetOf(Quote(Attest(magic: 0xFF544348))));
    }

    [Fact]
    public void An_attestation_of_another_type_is_refused_at_the_type()
    {
        // TPM_ST_ATTEST_CERTIFY (0x8017) is well formed, but it is not a quote.
        Assert.Equal(16, OffsetOf(Quote(Attest(type: 0x8017))));
    }

    [Fact]
    public void An_empty_attestation_is_refused_at_its_size()
    {
        Assert.Equal(10, OffsetOf(Quote([])));
    }

    [Fact]
    public void Bytes_after_the_quote_info_inside_the_attestation_are_refused_where_they_start()
    {
        Assert.Equal(12 + 83, OffsetOf(Quote([.. Attest(), 0])));
    }

    [Fact]
    public void An_unknown_signature_scheme_is_refused_at_the_scheme()
    {
        var response = TpmResponseBuilder.Success().Sized(Attest()).U16(0x0099).ToArray();

        // TPM2B_ATTEST takes 10-94 (2 + 83 bytes): sigAlg is at 95.
        Assert.Equal(95, OffsetOf(response));
    }
}
