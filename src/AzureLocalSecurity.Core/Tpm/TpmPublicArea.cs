using System;
using AzureLocalSecurity.Tpm.Marshalling;

namespace AzureLocalSecurity.Tpm;

/// <summary>
/// TPMT_PUBLIC (Part 2 §12.2.4): an object's type, name algorithm, attributes, policy, parameters and public key.
/// Only the fields of the object's type are set; the others are 0 or empty.
/// </summary>
public sealed class TpmPublicArea
{
    private readonly byte[] _raw;

    private TpmPublicArea(byte[] raw)
    {
        _raw = raw;
    }

    /// <summary>The object type (TPM_ALG_RSA, TPM_ALG_ECC, TPM_ALG_KEYEDHASH or TPM_ALG_SYMCIPHER).</summary>
    public ushort Type { get; private set; }

    /// <summary>The name algorithm.</summary>
    public ushort NameAlgorithm { get; private set; }

    /// <summary>TPMA_OBJECT bits (fixedTPM 0x2, fixedParent 0x10, sensitiveDataOrigin 0x20, userWithAuth 0x40, adminWithPolicy 0x80, restricted 0x10000, decrypt 0x20000, sign 0x40000).</summary>
    public uint ObjectAttributes { get; private set; }

    /// <summary>The authorization policy digest (empty when none).</summary>
    public byte[] AuthPolicy { get; private set; } = [];

    /// <summary>The symmetric algorithm for a storage key (TPM_ALG_NULL when none).</summary>
    public ushort SymmetricAlgorithm { get; private set; }

    /// <summary>The symmetric key size in bits (0 when none).</summary>
    public ushort SymmetricKeyBits { get; private set; }

    /// <summary>The symmetric mode (TPM_ALG_CFB for a storage key; 0 when none).</summary>
    public ushort SymmetricMode { get; private set; }

    /// <summary>The signing or encryption scheme (TPM_ALG_NULL when none).</summary>
    public ushort Scheme { get; private set; }

    /// <summary>The scheme's hash algorithm (0 when the scheme has none).</summary>
    public ushort SchemeHashAlgorithm { get; private set; }

    /// <summary>RSA: the key size in bits.</summary>
    public ushort KeyBits { get; private set; }

    /// <summary>RSA: the public exponent as stored; 0 means the default 65537.</summary>
    public uint Exponent { get; private set; }

    /// <summary>ECC: the curve (TPM_ECC_CURVE).</summary>
    public ushort Curve { get; private set; }

    /// <summary>ECC: the key derivation scheme (TPM_ALG_NULL when none).</summary>
    public ushort KdfScheme { get; private set; }

    /// <summary>RSA: the modulus, big-endian.</summary>
    public byte[] Modulus { get; private set; } = [];

    /// <summary>ECC: the public point's X coordinate.</summary>
    public byte[] X { get; private set; } = [];

    /// <summary>ECC: the public point's Y coordinate.</summary>
    public byte[] Y { get; private set; } = [];

    /// <summary>Keyed hash or symmetric object: the unique digest.</summary>
    public byte[] Unique { get; private set; } = [];

    /// <summary>The exponent as used: 65537 when the area stores 0.</summary>
    public uint EffectiveExponent => Exponent == 0 ? 65537u : Exponent;

    /// <summary>The TPMT_PUBLIC bytes as the TPM returned them.</summary>
    public byte[] GetBytes() => (byte[])_raw.Clone();

    /// <summary>
    /// The object's name (Part 1 §16): the name algorithm (UINT16, big-endian) followed by the digest of the TPMT_PUBLIC
    /// bytes under that algorithm. Null when the name algorithm is not one .NET computes (SHA-1/256/384/512).
    /// </summary>
    public byte[]? ComputeName()
    {
        using var hash = TpmHash.Create(NameAlgorithm);
        if (hash is null)
        {
            return null;
        }

        var digest = hash.ComputeHash(_raw);
        var name = new byte[2 + digest.Length];
        name[0] = (byte)(NameAlgorithm >> 8);
        name[1] = (byte)NameAlgorithm;
        Buffer.BlockCopy(digest, 0, name, 2, digest.Length);
        return name;
    }

    /// <summary>Reads a TPMT_PUBLIC from its bytes (as <see cref="GetBytes"/> gives them); a malformed area is a TpmResponseFormatException.</summary>
    public static TpmPublicArea Parse(byte[] tpmtPublic)
    {
        if (tpmtPublic is null)
        {
            throw new ArgumentNullException(nameof(tpmtPublic));
        }

        var raw = (byte[])tpmtPublic.Clone();
        var reader = new TpmResponseReader(raw, 0, raw.Length);
        var area = Read(reader, raw);
        reader.ExpectEnd("TPMT_PUBLIC");
        return area;
    }

    /// <summary>Reads a TPM2B_PUBLIC (a UINT16 size, then a TPMT_PUBLIC that must fill it exactly).</summary>
    internal static TpmPublicArea ReadSized(TpmResponseReader reader)
    {
        var at = reader.Offset;
        var size = reader.ReadUInt16();
        if (size == 0)
        {
            throw TpmResponseReader.ErrorAt("TPM2B_PUBLIC is empty", at);
        }

        var start = reader.Offset;
        var raw = reader.ReadBytes(size, "TPM2B_PUBLIC");
        var inner = new TpmResponseReader(raw, 0, raw.Length, start);
        var area = Read(inner, raw);
        inner.ExpectEnd("TPMT_PUBLIC");
        return area;
    }

    private static TpmPublicArea Read(TpmResponseReader reader, byte[] raw)
    {
        var area = new TpmPublicArea(raw);
        var typeAt = reader.Offset;
        area.Type = reader.ReadUInt16();
        area.NameAlgorithm = reader.ReadUInt16();
        area.ObjectAttributes = reader.ReadUInt32();
        area.AuthPolicy = reader.ReadSized("TPMT_PUBLIC.authPolicy", 64);
        switch (area.Type)
        {
            case TpmConstants.AlgRsa:
                area.ReadSymmetric(reader);
                area.ReadScheme(reader, allowNoDetails: true);
                area.KeyBits = reader.ReadUInt16();
                area.Exponent = reader.ReadUInt32();
                area.Modulus = reader.ReadSized("TPM2B_PUBLIC_KEY_RSA", 512);
                break;
            case TpmConstants.AlgEcc:
                area.ReadSymmetric(reader);
                area.ReadScheme(reader, allowNoDetails: false);
                area.Curve = reader.ReadUInt16();
                area.KdfScheme = reader.ReadUInt16();
                if (area.KdfScheme != TpmConstants.AlgNull)
                {
                    reader.ReadUInt16();
                }

                area.X = reader.ReadSized("TPMS_ECC_POINT.x", 128);
                area.Y = reader.ReadSized("TPMS_ECC_POINT.y", 128);
                break;
            case TpmConstants.AlgKeyedHash:
                var schemeAt = reader.Offset;
                area.Scheme = reader.ReadUInt16();
                if (area.Scheme == 0x0005)
                {
                    area.SchemeHashAlgorithm = reader.ReadUInt16();
                }
                else if (area.Scheme == 0x000A)
                {
                    area.SchemeHashAlgorithm = reader.ReadUInt16();
                    reader.ReadUInt16();
                }
                else if (area.Scheme != TpmConstants.AlgNull)
                {
                    throw TpmResponseReader.ErrorAt("TPMT_KEYEDHASH_SCHEME has an unknown scheme", schemeAt);
                }

                area.Unique = reader.ReadSized("TPM2B_DIGEST", 64);
                break;
            case TpmConstants.AlgSymCipher:
                area.ReadSymmetric(reader);
                area.Unique = reader.ReadSized("TPM2B_DIGEST", 64);
                break;
            default:
                throw TpmResponseReader.ErrorAt("TPMT_PUBLIC.type is not RSA, ECC, KEYEDHASH or SYMCIPHER", typeAt);
        }

        return area;
    }

    private void ReadSymmetric(TpmResponseReader reader)
    {
        SymmetricAlgorithm = reader.ReadUInt16();
        if (SymmetricAlgorithm != TpmConstants.AlgNull)
        {
            SymmetricKeyBits = reader.ReadUInt16();
            SymmetricMode = reader.ReadUInt16();
        }
    }

    private void ReadScheme(TpmResponseReader reader, bool allowNoDetails)
    {
        Scheme = reader.ReadUInt16();
        if (Scheme == TpmConstants.AlgNull || (allowNoDetails && Scheme == 0x0015))
        {
            return;
        }

        SchemeHashAlgorithm = reader.ReadUInt16();
        if (Scheme == 0x001A)
        {
            reader.ReadUInt16();
        }
    }
}
