using System;
using System.IO;

namespace AzureLocalSecurity.Tpm.Transports;

/// <summary>
/// The Linux kernel's TPM character device: <c>/dev/tpmrm0</c> (the in-kernel resource manager, kernel 4.12+), or
/// <c>/dev/tpm0</c> where there is no resource manager. A command is one write; the response is read back from the same
/// file. A missing device is "no TPM"; a device the caller may not open (it needs root or the <c>tss</c> group) is a failure.
/// </summary>
public sealed class LinuxDeviceTpmTransport : ITpmTransport
{
    private readonly StreamChannel _channel;

    private LinuxDeviceTpmTransport(FileStream device, string path)
    {
        _channel = new StreamChannel(device, path, "The TPM device");
        Description = path;
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <summary>
    /// Opens the first device that exists of <c>dev/tpmrm0</c> and <c>dev/tpm0</c> under <paramref name="root"/> (the
    /// node's <c>/</c>, or a test tree).
    /// </summary>
    public static LinuxDeviceTpmTransport OpenDefault(string root)
    {
        foreach (var name in new[] { "tpmrm0", "tpm0" })
        {
            var path = Path.Combine(root ?? "/", "dev", name);
            if (File.Exists(path))
            {
                return Open(path);
            }
        }

        throw new TpmTransportException("There is no TPM device (/dev/tpmrm0 or /dev/tpm0): the kernel sees no TPM.", null, notFound: true);
    }

    /// <summary>Opens one TPM device file.</summary>
    public static LinuxDeviceTpmTransport Open(string path)
    {
        try
        {
            // No buffering: each command must reach the driver as one write.
            var device = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, 1, FileOptions.None);
            return new LinuxDeviceTpmTransport(device, path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new TpmTransportException($"There is no TPM device at {path}.", null, notFound: true, ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new TpmTransportException($"{path} exists but may not be opened by this user: reading the TPM needs root or membership of the group that owns the device (usually tss).", null, notFound: false, ex);
        }
        catch (IOException ex)
        {
            throw new TpmTransportException($"{path} could not be opened: {ex.Message}", ex.HResult, notFound: false, ex);
        }
    }

    /// <inheritdoc />
    public byte[] Submit(byte[] command) => _channel.Submit(command);

    /// <inheritdoc />
    public void Dispose() => _channel.Dispose();
}
