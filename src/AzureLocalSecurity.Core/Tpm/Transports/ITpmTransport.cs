using System;

namespace AzureLocalSecurity.Tpm.Transports;

/// <summary>
/// Carries one TPM 2.0 command to a TPM and brings its response back, bytes as they are: the command is already
/// marshalled (big-endian, with its header) and the response is returned whole, header included. A transport
/// never interprets a response beyond its header's size field, and never retries.
/// </summary>
public interface ITpmTransport : IDisposable
{
    /// <summary>Where the commands go, for the evidence's source line, such as <c>tcp 127.0.0.1:2321</c>, <c>/dev/tpmrm0</c> or <c>TBS</c>.</summary>
    string Description { get; }

    /// <summary>Sends one command and returns the complete response.</summary>
    /// <exception cref="TpmTransportException">The TPM could not be reached, or the response did not arrive whole.</exception>
    byte[] Submit(byte[] command);
}
