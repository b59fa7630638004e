using System;
using System.Globalization;
using System.Net.Sockets;

namespace AzureLocalSecurity.Tpm.Transports;

/// <summary>
/// A TPM reached over TCP that speaks raw TPM 2.0 command and response bytes, as swtpm's data port does
/// (<c>swtpm socket --server type=tcp,port=P</c>). One connection, one command at a time. An endpoint that refuses
/// the connection is a failure (it was named, so it was expected), not "no TPM".
/// </summary>
public sealed class TcpTpmTransport : ITpmTransport
{
    private readonly StreamChannel _channel;

    private TcpTpmTransport(TcpClient client, string description)
    {
        _channel = new StreamChannel(client.GetStream(), description, "The connection to the TPM at", client);
        Description = description;
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <summary>Connects to <paramref name="host"/>:<paramref name="port"/>; <paramref name="timeout"/> bounds the connect and each send and receive.</summary>
    public static TcpTpmTransport Connect(string host, int port, TimeSpan timeout)
    {
        if (string.IsNullOrEmpty(host))
        {
            throw new ArgumentException("A host is required.", nameof(host));
        }

        if (port is < 1 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(port), "A TCP port runs from 1 to 65535.");
        }

        var description = string.Format(CultureInfo.InvariantCulture, "tcp {0}:{1}", host, port);
        var client = new TcpClient { NoDelay = true, ReceiveTimeout = (int)timeout.TotalMilliseconds, SendTimeout = (int)timeout.TotalMilliseconds };
        try
        {
            var connect = client.ConnectAsync(host, port);
            if (!connect.Wait(timeout))
            {
                throw new TpmTransportException($"No TPM answered at {description} within {timeout.TotalSeconds:0.#} s.");
            }

            return new TcpTpmTransport(client, description);
        }
        catch (AggregateException ex) when (ex.InnerException is SocketException socket)
        {
            client.Dispose();
            throw new TpmTransportException($"Could not connect to the TPM at {description}: {socket.Message}", socket.ErrorCode, notFound: false, socket);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads an endpoint written as <c>host:port</c>, <c>[v6-address]:port</c> or <c>v4-address:port</c>. False (with
    /// the reason) when it is not one.
    /// </summary>
    public static bool TryParseEndpoint(string? endpoint, out string host, out int port, out string? problem)
    {
        host = string.Empty;
        port = 0;
        problem = null;
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            problem = "The endpoint is empty; write it as host:port, such as 127.0.0.1:2321.";
            return false;
        }

        var text = endpoint!.Trim();
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1)
        {
            problem = $"'{text}' has no port; write it as host:port, such as 127.0.0.1:2321.";
            return false;
        }

        host = text.Substring(0, colon);
        if (host.Length >= 2 && host[0] == '[' && host[host.Length - 1] == ']')
        {
            host = host.Substring(1, host.Length - 2);
        }
        else if (host.IndexOf(':') >= 0)
        {
            problem = $"'{text}' looks like an IPv6 address without brackets; write it as [address]:port.";
            return false;
        }

        if (!int.TryParse(text.Substring(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port) || port < 1 || port > 65535)
        {
            problem = $"'{text}' does not end in a port from 1 to 65535.";
            return false;
        }

        if (host.Length == 0)
        {
            problem = $"'{text}' has no host.";
            return false;
        }

        return true;
    }

    /// <inheritdoc />
    public byte[] Submit(byte[] command) => _channel.Submit(command);

    /// <inheritdoc />
    public void Dispose() => _channel.Dispose();
}
