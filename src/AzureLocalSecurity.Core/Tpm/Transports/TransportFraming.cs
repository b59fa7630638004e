using System;
using System.Globalization;
using System.IO;

namespace AzureLocalSecurity.Tpm.Transports;

/// <summary>Reads one response from a byte stream: the 10-byte header first, then exactly the rest its size field announces, never more than the cap.</summary>
internal static class TransportFraming
{
    internal static byte[] ReadResponse(Stream stream, string endpoint)
    {
        var header = new byte[10];
        ReadExactly(stream, header, 0, header.Length, endpoint);
        var size = ((uint)header[2] << 24) | ((uint)header[3] << 16) | ((uint)header[4] << 8) | header[5];
        if (size < 10 || size > TpmResponseDecoder.MaxResponseSize)
        {
            throw new TpmTransportException(string.Format(CultureInfo.InvariantCulture, "The TPM at {0} announced a {1}-byte response; a response has 10 to {2} bytes. The connection is out of step and was not read further.", endpoint, size, TpmResponseDecoder.MaxResponseSize));
        }

        var response = new byte[size];
        Buffer.BlockCopy(header, 0, response, 0, header.Length);
        ReadExactly(stream, response, header.Length, (int)size - header.Length, endpoint);
        return response;
    }

    private static void ReadExactly(Stream stream, byte[] buffer, int offset, int count, string endpoint)
    {
        while (count > 0)
        {
            var read = stream.Read(buffer, offset, count);
            if (read <= 0)
            {
                throw new TpmTransportException(string.Format(CultureInfo.InvariantCulture, "The TPM at {0} closed the connection with {1} bytes of the response still to come.", endpoint, count));
            }

            offset += read;
            count -= read;
        }
    }
}
