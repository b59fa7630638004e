using System;
using System.Collections.Generic;

namespace AzureLocalSecurity.Tpm;

/// <summary>
/// DER encodings of a TPM public key (RFC 5280 SubjectPublicKeyInfo, RFC 8017 RSAPublicKey, RFC 5480 EC point), written
/// here because net472 has no SubjectPublicKeyInfo export. Only RSA and the NIST curves P-256, P-384, P-521 are encoded.
/// </summary>
public static class TpmPublicKeyEncoding
{
    private static readonly byte[] RsaEncryption = [0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01];
    private static readonly byte[] EcPublicKey = [0x06, 0x07, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01];
    private static readonly byte[] P256 = [0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07];
    private static readonly byte[] P384 = [0x06, 0x05, 0x2B, 0x81, 0x04, 0x00, 0x22];
    private static readonly byte[] P521 = [0x06, 0x05, 0x2B, 0x81, 0x04, 0x00, 0x23];

    /// <summary>
    /// The key as an X.509 certificate carries it inside its BIT STRING (what X509Certificate2.GetPublicKey returns):
    /// RSAPublicKey for RSA, the uncompressed point 04 || X || Y for ECC. Null for other key types or curves.
    /// </summary>
    public static byte[]? EncodePublicKey(TpmPublicArea area)
    {
        if (area is null)
        {
            throw new ArgumentNullException(nameof(area));
        }

        if (area.Type == TpmConstants.AlgRsa && area.Modulus.Length > 0)
        {
            var e = area.EffectiveExponent;
            var exponent = new List<byte> { (byte)(e >> 24), (byte)(e >> 16), (byte)(e >> 8), (byte)e };
            return Tlv(0x30, [.. Integer(area.Modulus), .. Integer(exponent.ToArray())]);
        }

        var size = CoordinateSize(area.Curve);
        if (area.Type == TpmConstants.AlgEcc && size > 0 && area.X.Length <= size && area.Y.Length <= size)
        {
            var point = new byte[1 + (2 * size)];
            point[0] = 0x04;
            Buffer.BlockCopy(area.X, 0, point, 1 + size - area.X.Length, area.X.Length);
            Buffer.BlockCopy(area.Y, 0, point, 1 + (2 * size) - area.Y.Length, area.Y.Length);
            return point;
        }

        return null;
    }

    /// <summary>The key as a DER SubjectPublicKeyInfo, or null where <see cref="EncodePublicKey"/> is null.</summary>
    public static byte[]? EncodeSubjectPublicKeyInfo(TpmPublicArea area)
    {
        var key = EncodePublicKey(area);
        if (key is null)
        {
            return null;
        }

        byte[] algorithm = area.Type == TpmConstants.AlgRsa
            ? Tlv(0x30, [.. RsaEncryption, 0x05, 0x00])
            : Tlv(0x30, [.. EcPublicKey, .. CurveOid(area.Curve)]);
        return Tlv(0x30, [.. algorithm, .. Tlv(0x03, [0x00, .. key])]);
    }

    private static int CoordinateSize(ushort curve) => curve switch
    {
        TpmConstants.EccNistP256 => 32,
        TpmConstants.EccNistP384 => 48,
        0x0005 => 66,
        _ => 0,
    };

    private static byte[] CurveOid(ushort curve) => curve switch
    {
        TpmConstants.EccNistP256 => P256,
        TpmConstants.EccNistP384 => P384,
        _ => P521,
    };

    private static byte[] Integer(byte[] unsignedBigEndian)
    {
        var start = 0;
        while (start < unsignedBigEndian.Length - 1 && unsignedBigEndian[start] == 0)
        {
            start++;
        }

        var body = new List<byte>();
        if (unsignedBigEndian.Length == 0 || (unsignedBigEndian[start] & 0x80) != 0)
        {
            body.Add(0);
        }

        for (var i = start; i < unsignedBigEndian.Length; i++)
        {
            body.Add(unsignedBigEndian[i]);
        }

        return Tlv(0x02, body.ToArray());
    }

    private static byte[] Tlv(byte tag, byte[] value)
    {
        var result = new List<byte>(value.Length + 6) { tag };
        if (value.Length < 0x80)
        {
            result.Add((byte)value.Length);
        }
        else if (value.Length <= 0xFF)
        {
            result.Add(0x81);
            result.Add((byte)value.Length);
        }
        else
        {
            result.Add(0x82);
            result.Add((byte)(value.Length >> 8));
            result.Add((byte)value.Length);
        }

        result.AddRange(value);
        return result.ToArray();
    }
}
