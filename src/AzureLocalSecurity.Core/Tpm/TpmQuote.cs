using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;

namespace AzureLocalSecurity.Tpm;

/// <summary>
/// A TPM2_Quote: the signed TPMS_ATTEST bytes, what they say (the PCRs quoted and their digest, the nonce, the clock),
/// and the signature. <see cref="VerifySignature"/> and <see cref="ComputePcrDigest"/> are the checks a verifier makes.
/// </summary>
public sealed class TpmQuote
{
    private readonly byte[] _attest;

    internal TpmQuote(byte[] attest, byte[] qualifiedSigner, byte[] extraData, ulong clock, uint resetCount, uint restartCount, bool safe, ulong firmwareVersion, IReadOnlyList<TpmPcrSelection> pcrSelections, byte[] pcrDigest, TpmSignature signature)
    {
        _attest = attest;
        QualifiedSigner = qualifiedSigner;
        ExtraData = extraData;
        Clock = clock;
        ResetCount = resetCount;
        RestartCount = restartCount;
        Safe = safe;
        FirmwareVersion = firmwareVersion;
        PcrSelections = pcrSelections;
        PcrDigest = pcrDigest;
        Signature = signature;
    }

    /// <summary>The qualified name of the signing key.</summary>
    public byte[] QualifiedSigner { get; }

    /// <summary>The caller's qualifying data (the verifier's nonce), as the TPM put it in the quote.</summary>
    public byte[] ExtraData { get; }

    /// <summary>TPMS_CLOCK_INFO.clock: milliseconds the TPM has been powered.</summary>
    public ulong Clock { get; }

    /// <summary>TPMS_CLOCK_INFO.resetCount: TPM resets (boots) since the last clear.</summary>
    public uint ResetCount { get; }

    /// <summary>TPMS_CLOCK_INFO.restartCount: restarts and resumes since the last reset.</summary>
    public uint RestartCount { get; }

    /// <summary>TPMS_CLOCK_INFO.safe.</summary>
    public bool Safe { get; }

    /// <summary>The TPM's firmware version as it signed it.</summary>
    public ulong FirmwareVersion { get; }

    /// <summary>The PCRs quoted.</summary>
    public IReadOnlyList<TpmPcrSelection> PcrSelections { get; }

    /// <summary>The digest of the quoted PCR values, under the signing scheme's hash.</summary>
    public byte[] PcrDigest { get; }

    /// <summary>The signature over the TPMS_ATTEST bytes.</summary>
    public TpmSignature Signature { get; }

    /// <summary>The TPMS_ATTEST bytes that were signed.</summary>
    public byte[] GetAttestBytes() => (byte[])_attest.Clone();

    /// <summary>
    /// The digest a quote of these PCR values must carry: the hash of the values concatenated in selection order
    /// (Part 3 §18.4). Null when the algorithm is not SHA-1/256/384/512.
    /// </summary>
    public static byte[]? ComputePcrDigest(ushort hashAlgorithm, IEnumerable<byte[]> pcrValuesInSelectionOrder)
    {
        using var hash = TpmHash.Create(hashAlgorithm);
        return hash?.ComputeHash((pcrValuesInSelectionOrder ?? throw new ArgumentNullException(nameof(pcrValuesInSelectionOrder))).SelectMany(v => v).ToArray());
    }

    /// <summary>
    /// True when <see cref="Signature"/> is a valid ECDSA (NIST P-256/P-384) or RSASSA-PKCS1-v1_5 signature of the
    /// TPMS_ATTEST bytes by <paramref name="signer"/>; false when it is not. Other schemes throw NotSupportedException.
    /// </summary>
    public bool VerifySignature(TpmPublicArea signer)
    {
        if (signer is null)
        {
            throw new ArgumentNullException(nameof(signer));
        }

        using var hash = TpmHash.Create(Signature.HashAlgorithm) ?? throw new NotSupportedException("The quote's hash algorithm is not SHA-1/256/384/512.");
        var digest = hash.ComputeHash(_attest);
        if (Signature.Algorithm == TpmConstants.AlgEcdsa && signer.Type == TpmConstants.AlgEcc)
        {
            var (curve, size) = signer.Curve switch
            {
                TpmConstants.EccNistP256 => (ECCurve.NamedCurves.nistP256, 32),
                TpmConstants.EccNistP384 => (ECCurve.NamedCurves.nistP384, 48),
                _ => throw new NotSupportedException("Only NIST P-256 and P-384 signers are verified."),
            };
            if (signer.X.Length > size || signer.Y.Length > size || Signature.R.Length > size || Signature.S.Length > size)
            {
                return false;
            }

            using var ecdsa = ECDsa.Create(new ECParameters { Curve = curve, Q = new ECPoint { X = Pad(signer.X, size), Y = Pad(signer.Y, size) } });
            return ecdsa.VerifyHash(digest, Pad(Signature.R, size).Concat(Pad(Signature.S, size)).ToArray());
        }

        if (Signature.Algorithm == TpmConstants.AlgRsassa && signer.Type == TpmConstants.AlgRsa)
        {
            using var rsa = RSA.Create();
            var exponent = signer.EffectiveExponent;
            rsa.ImportParameters(new RSAParameters { Modulus = signer.Modulus, Exponent = [(byte)(exponent >> 16), (byte)(exponent >> 8), (byte)exponent] });
            return rsa.VerifyHash(digest, Signature.Signature, ToName(Signature.HashAlgorithm), RSASignaturePadding.Pkcs1);
        }

        throw new NotSupportedException("Only ECDSA and RSASSA quotes are verified.");
    }

    private static HashAlgorithmName ToName(ushort alg) => alg switch
    {
        TpmConstants.AlgSha1 => HashAlgorithmName.SHA1,
        TpmConstants.AlgSha384 => HashAlgorithmName.SHA384,
        TpmConstants.AlgSha512 => HashAlgorithmName.SHA512,
        _ => HashAlgorithmName.SHA256,
    };

    private static byte[] Pad(byte[] value, int size)
    {
        var result = new byte[size];
        Buffer.BlockCopy(value, 0, result, size - value.Length, value.Length);
        return result;
    }
}
