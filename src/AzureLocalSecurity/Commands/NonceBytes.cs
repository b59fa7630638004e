using System;
using System.Globalization;
using System.Management.Automation;
using AzureLocalSecurity.MeasuredBoot.Attestation;

namespace AzureLocalSecurity.Commands;

/// <summary>A nonce given as bytes or as hexadecimal text (with or without 0x, spaces or dashes), checked for its size.</summary>
internal static class NonceBytes
{
    internal static byte[] Parse(PSCmdlet cmdlet, object value)
    {
        var raw = value is PSObject wrapped ? wrapped.BaseObject : value;
        byte[]? bytes = raw switch
        {
            byte[] b => b,
            object[] items when Array.TrueForAll(items, i => (i is PSObject p ? p.BaseObject : i) is byte) => Array.ConvertAll(items, i => (byte)(i is PSObject p ? p.BaseObject : i)),
            string text => FromHex(text),
            _ => null,
        };
        if (bytes is null || bytes.Length == 0 || bytes.Length > TpmAttestation.MaxNonceBytes)
        {
            cmdlet.ThrowTerminatingError(new ErrorRecord(
                new ArgumentException($"The nonce must be 1 to {TpmAttestation.MaxNonceBytes} bytes, given as bytes or hexadecimal text.", nameof(value)),
                ErrorIds.TpmNonceInvalid, ErrorCategory.InvalidArgument, value));
        }

        return bytes!;
    }

    private static byte[]? FromHex(string text)
    {
        var digits = text.Trim();
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            digits = digits.Substring(2);
        }

        digits = digits.Replace(" ", string.Empty).Replace("-", string.Empty).Replace(":", string.Empty);
        if (digits.Length % 2 != 0)
        {
            return null;
        }

        var bytes = new byte[digits.Length / 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            if (!byte.TryParse(digits.Substring(2 * i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out bytes[i]))
            {
                return null;
            }
        }

        return bytes;
    }
}
