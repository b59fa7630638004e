using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using AzureLocalSecurity.Collection.Windows;
using AzureLocalSecurity.Tpm.Transports;
using Xunit;

namespace AzureLocalSecurity.Tests.Tpm.Windows;

[SuppressMessage("Interoperability", "CA1416:Validate platform compatibility", Justification = "These tests call the Windows-only transport's pure parts, and Open() off Windows on purpose.")]
public class TbsTpmTransportTests
{
    [Fact]
    public void TBS_E_TPM_NOT_FOUND_from_context_creation_means_no_TPM_and_keeps_the_code()
    {
        var ex = TbsTpmTransport.OpenFailure(0x8028400F);

        Assert.True(ex.NotFound);
        Assert.Equal(0x8028400FL, ex.Code);
        Assert.StartsWith("Tbsi_Context_Create failed: TBS_E_TPM_NOT_FOUND (0x8028400F): ", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0x80284008u, "TBS_E_SERVICE_NOT_RUNNING")]
    [InlineData(0x80284010u, "TBS_E_SERVICE_DISABLED")]
    [InlineData(0x8028400Bu, "TBS_E_SERVICE_START_PENDING")]
    [InlineData(0x80284009u, "TBS_E_TOO_MANY_TBS_CONTEXTS")]
    [InlineData(0x80284007u, "TBS_E_INVALID_CONTEXT_PARAM")]
    [InlineData(0x80284001u, "TBS_E_INTERNAL_ERROR")]
    public void Any_other_context_creation_failure_is_a_failure_with_the_TBS_result_and_its_constant_named(uint result, string name)
    {
        var ex = TbsTpmTransport.OpenFailure(result);

        Assert.False(ex.NotFound);
        Assert.Equal((long)result, ex.Code);
        Assert.Contains($"{name} (0x{result:X8})", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_tbs_dll_means_no_TPM_with_no_code_and_the_cause_kept()
    {
        var cause = new DllNotFoundException("Unable to load DLL 'tbs.dll'");

        var ex = TbsTpmTransport.LibraryMissing(cause);

        Assert.True(ex.NotFound);
        Assert.Null(ex.Code);
        Assert.Same(cause, ex.InnerException);
        Assert.Contains("Unable to load DLL 'tbs.dll'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_documented_result_is_described_by_name_value_and_meaning()
    {
        Assert.Equal(
            "TBS_E_SERVICE_DISABLED (0x80284010): the TBS service is disabled",
            TbsTpmTransport.DescribeResult(0x80284010));
    }

    [Fact]
    public void A_result_whose_meaning_is_undocumented_is_described_by_name_and_value_only()
    {
        Assert.Equal("TBS_E_TPM_REBOOT_REQUIRED (0x80284018)", TbsTpmTransport.DescribeResult(0x80284018));
    }

    [Fact]
    public void A_result_outside_the_table_is_shown_as_a_number()
    {
        Assert.Equal("TBS_RESULT 0x80284019", TbsTpmTransport.DescribeResult(0x80284019));
    }

    [Fact]
    public void A_blocked_command_returned_as_the_TBS_result_is_named()
    {
        Assert.StartsWith("TPM_E_COMMAND_BLOCKED (0x80280400)", TbsTpmTransport.DescribeResult(0x80280400), StringComparison.Ordinal);
    }

    [Fact]
    public void An_insufficient_buffer_grows_to_the_size_TBS_reports()
    {
        Assert.Equal(10_000u, TbsTpmTransport.GrownResultBufferSize(0x80284005, 4096, 10_000));
    }

    [Fact]
    public void An_insufficient_buffer_may_grow_to_exactly_TBS_IN_OUT_BUF_SIZE_MAX()
    {
        Assert.Equal(256u * 1024, TbsTpmTransport.GrownResultBufferSize(0x80284005, 4096, 256 * 1024));
    }

    [Fact]
    public void An_insufficient_buffer_asking_for_more_than_TBS_IN_OUT_BUF_SIZE_MAX_is_not_retried()
    {
        Assert.Null(TbsTpmTransport.GrownResultBufferSize(0x80284005, 4096, (256 * 1024) + 1));
    }

    [Theory]
    [InlineData(4096u)]
    [InlineData(100u)]
    [InlineData(0u)]
    public void An_insufficient_buffer_reporting_no_larger_size_is_not_retried(uint reported)
    {
        Assert.Null(TbsTpmTransport.GrownResultBufferSize(0x80284005, 4096, reported));
    }

    [Theory]
    [InlineData(0x80284006u)]
    [InlineData(0x8028400Eu)]
    [InlineData(0x80284004u)]
    public void Only_an_insufficient_buffer_makes_the_buffer_grow(uint result)
    {
        Assert.Null(TbsTpmTransport.GrownResultBufferSize(result, 4096, 10_000));
    }

    [Fact]
    public void The_first_result_buffer_is_4096_bytes()
    {
        Assert.Equal(4096u, TbsTpmTransport.InitialResultBufferSize);
    }

    [Fact]
    public void A_refused_growth_reports_both_sizes_and_the_cap_with_the_TBS_result()
    {
        var ex = TbsTpmTransport.SubmitFailure(0x80284005, 4096, 300_000);

        Assert.False(ex.NotFound);
        Assert.Equal(0x80284005L, ex.Code);
        Assert.Equal(
            "Tbsip_Submit_Command failed: TBS_E_INSUFFICIENT_BUFFER (0x80284005): the output buffer is too small (a 4096-byte buffer was given; TBS asked for 300000 bytes; at most 262144 are allowed).",
            ex.Message);
    }

    [Fact]
    public void A_submit_failure_other_than_buffer_size_names_the_TBS_result_only()
    {
        var ex = TbsTpmTransport.SubmitFailure(0x80284006, 4096, 4096);

        Assert.False(ex.NotFound);
        Assert.Equal(0x80284006L, ex.Code);
        Assert.Equal("Tbsip_Submit_Command failed: TBS_E_IOERROR (0x80284006): an error occurred while communicating with the TPM.", ex.Message);
    }

    [Fact]
    public void The_response_is_exactly_the_bytes_TBS_wrote()
    {
        var buffer = new byte[4096];
        byte[] header = [0x80, 0x01, 0x00, 0x00, 0x00, 0x0A, 0x00, 0x00, 0x01, 0x01];
        header.CopyTo(buffer, 0);
        buffer[10] = 0xFF;

        Assert.Equal(header, TbsTpmTransport.TakeWritten(buffer, 10));
    }

    [Fact]
    public void A_written_count_past_the_buffer_is_a_transport_failure()
    {
        var ex = Assert.Throws<TpmTransportException>(() => TbsTpmTransport.TakeWritten(new byte[16], 17));

        Assert.False(ex.NotFound);
        Assert.Contains("17 bytes written into a 16-byte buffer", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TBS_CONTEXT_PARAMS2_is_eight_bytes_with_the_flags_word_at_offset_four()
    {
        Assert.Equal(8, Marshal.SizeOf<Tbs.TbsContextParams2>());
        Assert.Equal(4, Marshal.OffsetOf<Tbs.TbsContextParams2>(nameof(Tbs.TbsContextParams2.Flags)).ToInt32());
    }

    [Fact]
    public void Open_off_Windows_is_no_TPM_because_tbs_dll_does_not_load()
    {
        if (OperatingSystem.IsWindows())
        {
            // On Windows the library loads: Open either succeeds or fails with a TBS result, never with another exception type.
            try
            {
                using var transport = TbsTpmTransport.Open();
                Assert.Equal("TBS", transport.Description);
            }
            catch (TpmTransportException ex)
            {
                Assert.NotNull(ex.Code);
            }

            return;
        }

        var thrown = Assert.Throws<TpmTransportException>(() => TbsTpmTransport.Open());

        Assert.True(thrown.NotFound);
        Assert.Null(thrown.Code);
        Assert.IsType<DllNotFoundException>(thrown.InnerException);
    }

    [Fact]
    public void Dispose_twice_is_harmless_and_submit_after_dispose_is_refused()
    {
        var transport = new TbsTpmTransport(new SafeTbsContextHandle());

        transport.Dispose();
        transport.Dispose();

        Assert.Throws<ObjectDisposedException>(() => transport.Submit([0x80, 0x01, 0x00, 0x00, 0x00, 0x0C, 0x00, 0x00, 0x01, 0x44, 0x00, 0x00]));
    }

    [Fact]
    public void A_null_command_is_an_argument_error()
    {
        using var transport = new TbsTpmTransport(new SafeTbsContextHandle());

        Assert.Throws<ArgumentNullException>(() => transport.Submit(null!));
    }
}
