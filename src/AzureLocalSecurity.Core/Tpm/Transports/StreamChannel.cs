using System;
using System.IO;

namespace AzureLocalSecurity.Tpm.Transports;

/// <summary>
/// One command at a time over a byte stream (a socket or a device file): write the command, read one framed response.
/// Shared by the TCP and Linux device transports; the stream and whatever owns it are disposed with the channel.
/// </summary>
internal sealed class StreamChannel : IDisposable
{
    private readonly object _gate = new();
    private readonly Stream _stream;
    private readonly IDisposable? _owner;
    private readonly string _description;
    private readonly string _failure;
    private bool _disposed;

    /// <param name="stream">Where commands are written and responses read.</param>
    /// <param name="description">The endpoint, for messages.</param>
    /// <param name="failure">How an I/O failure is introduced, such as "The connection to the TPM at".</param>
    /// <param name="owner">Disposed after the stream (the socket client that opened it).</param>
    internal StreamChannel(Stream stream, string description, string failure, IDisposable? owner = null)
    {
        _stream = stream;
        _description = description;
        _failure = failure;
        _owner = owner;
    }

    internal byte[] Submit(byte[] command)
    {
        if (command is null)
        {
            throw new ArgumentNullException(nameof(command));
        }

        lock (_gate)
        {
            DisposedGuard.ThrowIf(_disposed, this);
            try
            {
                _stream.Write(command, 0, command.Length);
                _stream.Flush();
                return TransportFraming.ReadResponse(_stream, _description);
            }
            catch (IOException ex)
            {
                throw new TpmTransportException($"{_failure} {_description} failed: {ex.Message}", ex);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _disposed = true;
                _stream.Dispose();
                _owner?.Dispose();
            }
        }
    }
}
