using System.IO;
using System.Linq;
using AzureLocalSecurity.Tests.Support;
using AzureLocalSecurity.Tpm;
using AzureLocalSecurity.Tpm.Transports;
using Xunit;

namespace AzureLocalSecurity.Tests.Tpm;

/// <summary>
/// The Linux device transport. This machine has no TPM device, so a regular file stands in for one: the command is
/// written at offset 0 and the response is read right after it, which is the order a TPM device file is used in.
/// That exercises the choice of device, the single write and the framing; it does not stand for the kernel driver.
/// </summary>
public sealed class LinuxDeviceTransportTests
{
    [Fact]
    public void OpenDefault_prefers_tpmrm0_to_tpm0_under_the_given_root_and_reads_one_framed_response()
    {
        using var root = new TempDir();
        Directory.CreateDirectory(root.Combine("dev"));
        var command = TpmCommands.GetRandom(4);
        byte[] response = [0x80, 0x01, 0, 0, 0, 16, 0, 0, 0, 0, 0, 4, 1, 2, 3, 4];
        File.WriteAllBytes(root.Combine("dev", "tpmrm0"), [.. new byte[command.Length], .. response, 0xEE]);
        File.WriteAllBytes(root.Combine("dev", "tpm0"), []);
        using var transport = LinuxDeviceTpmTransport.OpenDefault(root.Path);
        Assert.Equal(root.Combine("dev", "tpmrm0"), transport.Description);
        var read = transport.Submit(command);
        Assert.Equal(response, read);
        Assert.Equal([1, 2, 3, 4], TpmResponseDecoder.GetRandom(new System.ArraySegment<byte>(read)));
        Assert.Equal(command, File.ReadAllBytes(root.Combine("dev", "tpmrm0")).Take(command.Length));
    }

    [Fact]
    public void A_root_without_a_tpm_device_is_no_tpm()
    {
        using var root = new TempDir();
        var ex = Assert.Throws<TpmTransportException>(() => LinuxDeviceTpmTransport.OpenDefault(root.Path));
        Assert.True(ex.NotFound);
    }

    [Fact]
    public void A_device_that_ends_inside_a_response_is_a_transport_error_not_a_short_response()
    {
        using var root = new TempDir();
        Directory.CreateDirectory(root.Combine("dev"));
        var command = TpmCommands.GetRandom(4);
        File.WriteAllBytes(root.Combine("dev", "tpm0"), [.. new byte[command.Length], 0x80, 0x01, 0, 0, 0, 16, 0, 0, 0, 0, 0, 4]);
        using var transport = LinuxDeviceTpmTransport.OpenDefault(root.Path);
        var ex = Assert.Throws<TpmTransportException>(() => transport.Submit(command));
        Assert.Contains("4 bytes of the response still to come", ex.Message, System.StringComparison.Ordinal);
        Assert.False(ex.NotFound);
    }

    [Fact]
    public void A_response_header_announcing_more_than_the_cap_is_refused_before_anything_is_allocated()
    {
        using var root = new TempDir();
        Directory.CreateDirectory(root.Combine("dev"));
        var command = TpmCommands.GetRandom(4);
        File.WriteAllBytes(root.Combine("dev", "tpm0"), [.. new byte[command.Length], 0x80, 0x01, 0x7F, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0]);
        using var transport = LinuxDeviceTpmTransport.OpenDefault(root.Path);
        var ex = Assert.Throws<TpmTransportException>(() => transport.Submit(command));
        Assert.Contains("announced a 2147483647-byte response", ex.Message, System.StringComparison.Ordinal);
    }
}
