using System.Collections.Generic;

namespace AzureLocalSecurity.Tpm;

/// <summary>
/// TPMT_PUBLIC templates. The endorsement key templates are the TCG EK Credential Profile's default low-range
/// templates: L-1 (RSA 2048) and L-2 (ECC NIST P-256): fixedTPM | fixedParent | sensitiveDataOrigin | adminWithPolicy |
/// restricted | decrypt (0x000300B2), the PolicySecret(TPM_RH_ENDORSEMENT) policy, AES-128-CFB, no scheme, and an all-zero
/// unique field. A TPM derives the same EK from the same template every time, so the key created from it is the key
/// an EK certificate in NV certifies.
/// </summary>
public static class TpmTemplates
{
    /// <summary>The EK templates' authPolicy: PolicySecret(TPM_RH_ENDORSEMENT) under SHA-256.</summary>
    private static readonly byte[] EndorsementPolicy =
    [
        0x83, 0x71, 0x97, 0x67, 0x44, 0x84, 0xB3, 0xF8, 0x1A, 0x90, 0xCC, 0x8D, 0x46, 0xA5, 0xD7, 0x24,
        0xFD, 0x52, 0xD7, 0x6E, 0x06, 0x52, 0x0B, 0x64, 0xF2, 0xA1, 0xDA, 0x1B, 0x33, 0x14, 0x69, 0xAA,
    ];

    private const uint EndorsementAttributes = 0x000300B2;

    /// <summary>TCG template L-1: the RSA 2048 endorsement key.</summary>
    public static byte[] EndorsementKeyRsa2048()
    {
        var t = Header(TpmConstants.AlgRsa, EndorsementAttributes, EndorsementPolicy);
        U16(t, TpmConstants.AlgAes);
        U16(t, 128);
        U16(t, TpmConstants.AlgCfb);
        U16(t, TpmConstants.AlgNull);
        U16(t, 2048);
        U32(t, 0);
        U16(t, 256);
        t.AddRange(new byte[256]);
        return t.ToArray();
    }

    /// <summary>TCG template L-2: the ECC NIST P-256 endorsement key.</summary>
    public static byte[] EndorsementKeyEccP256()
    {
        var t = Header(TpmConstants.AlgEcc, EndorsementAttributes, EndorsementPolicy);
        U16(t, TpmConstants.AlgAes);
        U16(t, 128);
        U16(t, TpmConstants.AlgCfb);
        U16(t, TpmConstants.AlgNull);
        U16(t, TpmConstants.EccNistP256);
        U16(t, TpmConstants.AlgNull);
        U16(t, 32);
        t.AddRange(new byte[32]);
        U16(t, 32);
        t.AddRange(new byte[32]);
        return t.ToArray();
    }

    /// <summary>
    /// A restricted ECDSA P-256 / SHA-256 signing key usable with an empty password (fixedTPM | fixedParent |
    /// sensitiveDataOrigin | userWithAuth | restricted | sign = 0x00050072), for quotes.
    /// </summary>
    public static byte[] AttestationKeyEccP256()
    {
        var t = Header(TpmConstants.AlgEcc, 0x00050072, []);
        U16(t, TpmConstants.AlgNull);
        U16(t, TpmConstants.AlgEcdsa);
        U16(t, TpmConstants.AlgSha256);
        U16(t, TpmConstants.EccNistP256);
        U16(t, TpmConstants.AlgNull);
        U16(t, 0);
        U16(t, 0);
        return t.ToArray();
    }

    private static List<byte> Header(ushort type, uint attributes, byte[] policy)
    {
        var t = new List<byte>(360);
        U16(t, type);
        U16(t, TpmConstants.AlgSha256);
        U32(t, attributes);
        U16(t, (ushort)policy.Length);
        t.AddRange(policy);
        return t;
    }

    private static void U16(List<byte> t, ushort v)
    {
        t.Add((byte)(v >> 8));
        t.Add((byte)v);
    }

    private static void U32(List<byte> t, uint v)
    {
        U16(t, (ushort)(v >> 16));
        U16(t, (ushort)v);
    }
}
