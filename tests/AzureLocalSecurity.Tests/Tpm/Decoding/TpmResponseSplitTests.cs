using System;
using System.Linq;
using AzureLocalSecurity.Tpm;
using Xunit;

namespace AzureLocalSecurity.Tests.Tpm.Decoding;

/// <summary>Splitting a bundle's blob of back-to-back responses, each as long as its header says.</summary>
public class TpmResponseSplitTests
{
    /// <summary>TPM2_FlushContext's answer (10 bytes) and TPM2_GetRandom's of 4 bytes (16 bytes): 26 bytes.</summary>
    private static byte[] TwoResponses() =>
        [.. TpmResponseBuilder.Success().ToArray(), .. TpmResponseBuilder.Success().Sized([1, 2, 3, 4]).ToArray()];

    [Fact]
    public void Back_to_back_responses_split_where_their_sizes_say()
    {
        var segments = TpmResponseDecoder.Split(TwoResponses());

        Assert.Equal([(0, 10), (10, 16)], segments.Select(s => (s.Offset, s.Count)));
    }

    [Fact]
    public void A_last_response_shorter_than_a_header_is_refused_where_it_starts()
    {
        byte[] blob = [.. TwoResponses(), 0x80, 0x01, 0x00, 0x00, 0x00, 0x0A, 0x00];

        var ex = Assert.Throws<TpmResponseFormatException>(() => TpmResponseDecoder.Split(blob));

        Assert.Equal(26, ex.Offset);
    }

    [Fact]
    public void A_last_response_whose_size_runs_past_the_blob_is_refused_at_its_size_field()
    {
        var last = TpmResponseBuilder.Success().Sized([1, 2, 3, 4]).ToArray();
        byte[] blob = [.. TwoResponses(), .. last.AsSpan(0, last.Length - 1).ToArray()];

        var ex = Assert.Throws<TpmResponseFormatException>(() => TpmResponseDecoder.Split(blob));

        Assert.Equal(28, ex.Offset);
    }

    [Fact]
    public void A_size_field_under_ten_is_refused_rather_than_looping()
    {
        byte[] blob = [.. TwoResponses(), .. TpmResponseBuilder.Success().WithResponseSize(0).ToArray()];

        var ex = Assert.Throws<TpmResponseFormatException>(() => TpmResponseDecoder.Split(blob));

        Assert.Equal(28, ex.Offset);
    }

    [Fact]
    public void An_error_in_the_second_response_names_its_byte_in_the_blob()
    {
        // The second response (from 10) has a TPM2B_DIGEST claiming 5 bytes and holding 4: the missing bytes start at 22.
        byte[] blob = [.. TpmResponseBuilder.Success().ToArray(), .. TpmResponseBuilder.Success().U16(5).Bytes(1, 2, 3, 4).ToArray()];
        var second = TpmResponseDecoder.Split(blob)[1];

        var ex = Assert.Throws<TpmResponseFormatException>(() => TpmResponseDecoder.GetRandom(second));

        Assert.Equal(22, ex.Offset);
    }
}
