using System;
using System.Management.Automation;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Commands;
using AzureLocalSecurity.Tpm.Transports;

namespace AzureLocalSecurity;

/// <summary>The TPM a live capture reads: the platform TPM, or a TPM at a TCP endpoint (<c>-TpmEndpoint 127.0.0.1:2321</c>, a software TPM such as swtpm).</summary>
internal static class TpmEndpoint
{
    /// <summary>How long a TCP TPM has to accept the connection and to answer each command.</summary>
    internal static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>A terminating error for an endpoint that is not host:port; nothing otherwise.</summary>
    internal static void Validate(PSCmdlet cmdlet, string? endpoint)
    {
        if (endpoint is not null && !TcpTpmTransport.TryParseEndpoint(endpoint, out _, out _, out var problem))
        {
            cmdlet.ThrowTerminatingError(new ErrorRecord(new ArgumentException(problem, nameof(endpoint)), ErrorIds.TpmEndpointInvalid, ErrorCategory.InvalidArgument, endpoint));
        }
    }

    /// <summary>A client of the platform TPM, or of the TPM at <paramref name="endpoint"/>; a TpmTransportException when it cannot be opened.</summary>
    internal static AzureLocalSecurity.Tpm.TpmClient OpenClient(string? endpoint)
    {
        if (endpoint is null)
        {
#pragma warning disable CA2000 // The returned TpmClient owns the transport (ownsTransport defaults to true); the caller disposes the client.
            return new AzureLocalSecurity.Tpm.TpmClient(TpmCollector.OpenPlatform(new CollectionContext()));
#pragma warning restore CA2000
        }

        if (!TcpTpmTransport.TryParseEndpoint(endpoint, out var host, out var port, out var problem))
        {
            throw new ArgumentException(problem, nameof(endpoint));
        }

        return new AzureLocalSecurity.Tpm.TpmClient(TcpTpmTransport.Connect(host, port, Timeout));
    }

    /// <summary>The collector for <paramref name="scope"/>, reading the platform TPM or the endpoint.</summary>
    internal static TpmCollector Collector(string? endpoint, TpmCollectionScope scope)
    {
        if (endpoint is null)
        {
            return new TpmCollector(scope);
        }

        if (!TcpTpmTransport.TryParseEndpoint(endpoint, out var host, out var port, out var problem))
        {
            throw new ArgumentException(problem, nameof(endpoint));
        }

        return new TpmCollector(scope, _ => TcpTpmTransport.Connect(host, port, Timeout));
    }
}
