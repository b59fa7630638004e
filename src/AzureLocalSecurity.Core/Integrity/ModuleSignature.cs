using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace AzureLocalSecurity.Integrity;

/// <summary>
/// The SBOM's detached signature: a CMS (PKCS#7) SignedData over the SBOM's bytes, SHA-256, signed with the code-signing
/// certificate that Authenticode-signs the module (docs/supply-chain.md). It is what makes the SBOM's hashes worth
/// trusting: whoever changes a module file and its hash in the SBOM cannot make a new signature.
/// </summary>
public static class ModuleSignature
{
    /// <summary>The largest signature file read, in bytes (a signature with a chain of a few certificates is a few KB).</summary>
    public const int MaxBytes = 1024 * 1024;

    private const string CodeSigningOid = "1.3.6.1.5.5.7.3.3";

    /// <summary>Signs <paramref name="content"/>: a detached CMS SignedData, SHA-256, the signer's certificate included, with a signing time.</summary>
    public static byte[] Sign(byte[] content, X509Certificate2 certificate, DateTimeOffset signingTime)
    {
        if (content is null)
        {
            throw new ArgumentNullException(nameof(content));
        }

        if (certificate is null || !certificate.HasPrivateKey)
        {
            throw new ArgumentException("The certificate has no private key.", nameof(certificate));
        }

        var cms = new SignedCms(new ContentInfo(content), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.SignedAttributes.Add(new Pkcs9SigningTime(signingTime.UtcDateTime));
        cms.ComputeSignature(signer, silent: true);
        return cms.Encode();
    }

    /// <summary>
    /// Checks <paramref name="signature"/> over <paramref name="content"/>: the signature itself (one signer, the content's
    /// digest, the signer's key), then whom to trust: a signer whose SHA-1 or SHA-256 thumbprint is in
    /// <paramref name="pinnedThumbprints"/> is <see cref="ModuleSignerTrust.Pinned"/>; otherwise, when
    /// <paramref name="checkChain"/>, the signer's chain is built for code signing against this machine's trust store
    /// (revocation not checked: nodes are often offline) and is <see cref="ModuleSignerTrust.Trusted"/> when it builds.
    /// Never throws for a bad signature: that is <see cref="ModuleSignatureStatus.Invalid"/> with the reason.
    /// </summary>
    public static ModuleSignatureInfo Verify(byte[] content, byte[]? signature, IReadOnlyCollection<string> pinnedThumbprints, bool checkChain)
    {
        if (content is null)
        {
            throw new ArgumentNullException(nameof(content));
        }

        pinnedThumbprints ??= Array.Empty<string>();
        if (signature is null)
        {
            return new ModuleSignatureInfo(ModuleSignatureStatus.NotSigned, ModuleSignerTrust.NotChecked, null, null, null, null, $"The SBOM has no signature ({ModuleSbom.SignatureFileName}): the package was built without a certificate.");
        }

        if (signature.Length > MaxBytes)
        {
            return new ModuleSignatureInfo(ModuleSignatureStatus.Invalid, ModuleSignerTrust.NotChecked, null, null, null, null, $"The signature file is {signature.Length:N0} bytes; the most read is {MaxBytes:N0}.");
        }

        var cms = new SignedCms(new ContentInfo(content), detached: true);
        try
        {
            cms.Decode(signature);
        }
        catch (CryptographicException e)
        {
            return new ModuleSignatureInfo(ModuleSignatureStatus.Invalid, ModuleSignerTrust.NotChecked, null, null, null, null, "The signature is not a CMS SignedData: " + e.Message);
        }

        // A signature that decodes can still hold a certificate or attribute that does not (afl++ found one): whatever
        // cannot be read in it makes the signature Invalid, never an exception.
        try
        {
            return Judge(cms, pinnedThumbprints, checkChain);
        }
        catch (CryptographicException e)
        {
            return new ModuleSignatureInfo(ModuleSignatureStatus.Invalid, ModuleSignerTrust.NotChecked, null, null, null, null, "A certificate or attribute in the signature cannot be read: " + e.Message);
        }
    }

    private static ModuleSignatureInfo Judge(SignedCms cms, IReadOnlyCollection<string> pinnedThumbprints, bool checkChain)
    {
        if (cms.SignerInfos.Count != 1)
        {
            return new ModuleSignatureInfo(ModuleSignatureStatus.Invalid, ModuleSignerTrust.NotChecked, null, null, null, null, $"The signature has {cms.SignerInfos.Count} signers; one is expected.");
        }

        var info = cms.SignerInfos[0];
        var certificate = info.Certificate;
        if (certificate is null)
        {
            return new ModuleSignatureInfo(ModuleSignatureStatus.Invalid, ModuleSignerTrust.NotChecked, null, null, null, null, "The signature does not carry its signer's certificate.");
        }

        var subject = certificate.Subject;
        var sha1 = certificate.Thumbprint.ToUpperInvariant();
        string sha256;
        using (var hash = SHA256.Create())
        {
            sha256 = ModuleSbom.Hex(hash.ComputeHash(certificate.RawData)).ToUpperInvariant();
        }

        DateTimeOffset? signedAt = null;
        foreach (var attribute in info.SignedAttributes)
        {
            if (attribute.Oid?.Value == "1.2.840.113549.1.9.5" && attribute.Values.Count == 1)
            {
                var time = new Pkcs9SigningTime(attribute.Values[0].RawData);
                signedAt = new DateTimeOffset(DateTime.SpecifyKind(time.SigningTime, DateTimeKind.Utc));
            }
        }

        if (info.DigestAlgorithm.Value is "1.3.14.3.2.26" or "1.2.840.113549.2.5")
        {
            return new ModuleSignatureInfo(ModuleSignatureStatus.Invalid, ModuleSignerTrust.NotChecked, subject, sha1, sha256, signedAt, $"The signature uses {info.DigestAlgorithm.FriendlyName ?? info.DigestAlgorithm.Value}, which is not accepted; SHA-256 or stronger is.");
        }

        try
        {
            info.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException e)
        {
            return new ModuleSignatureInfo(ModuleSignatureStatus.Invalid, ModuleSignerTrust.NotChecked, subject, sha1, sha256, signedAt, "The signature does not match the SBOM (it was changed after signing, or signed by another key): " + e.Message);
        }

        var pins = new HashSet<string>(pinnedThumbprints.Select(p => p.Replace(" ", string.Empty).ToUpperInvariant()), StringComparer.Ordinal);
        if (pins.Contains(sha1) || pins.Contains(sha256))
        {
            return new ModuleSignatureInfo(ModuleSignatureStatus.Valid, ModuleSignerTrust.Pinned, subject, sha1, sha256, signedAt, "The signer is the certificate named by -SignerThumbprint.");
        }

        if (pins.Count > 0)
        {
            return new ModuleSignatureInfo(ModuleSignatureStatus.Valid, ModuleSignerTrust.Untrusted, subject, sha1, sha256, signedAt, $"The signer {sha1} is not a certificate named by -SignerThumbprint.");
        }

        if (!checkChain)
        {
            return new ModuleSignatureInfo(ModuleSignatureStatus.Valid, ModuleSignerTrust.NotChecked, subject, sha1, sha256, signedAt, "The signer's chain was not checked.");
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid(CodeSigningOid));
        if (signedAt is { } at)
        {
            chain.ChainPolicy.VerificationTime = at.UtcDateTime;
        }

        foreach (X509Certificate2 extra in cms.Certificates)
        {
            chain.ChainPolicy.ExtraStore.Add(extra);
        }

        if (chain.Build(certificate))
        {
            return new ModuleSignatureInfo(ModuleSignatureStatus.Valid, ModuleSignerTrust.Trusted, subject, sha1, sha256, signedAt, "The signer's chain builds to a root this machine trusts, for code signing (revocation not checked).");
        }

        var why = string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct());
        return new ModuleSignatureInfo(ModuleSignatureStatus.Valid, ModuleSignerTrust.Untrusted, subject, sha1, sha256, signedAt, "The signature is intact but its signer is not trusted here: " + (why.Length > 0 ? why : "the chain does not build") + ". Name the publisher's certificate with -SignerThumbprint to trust it.");
    }
}

/// <summary>Whether the SBOM's signature holds.</summary>
public enum ModuleSignatureStatus
{
    /// <summary>The signature could not be checked.</summary>
    Unknown = 0,

    /// <summary>The signature matches the SBOM.</summary>
    Valid,

    /// <summary>The signature is damaged, of another content, or made with a weak digest.</summary>
    Invalid,

    /// <summary>There is no signature file.</summary>
    NotSigned,
}

/// <summary>Whether the signer is trusted.</summary>
public enum ModuleSignerTrust
{
    /// <summary>Not checked (no valid signature, or the chain was not asked for).</summary>
    NotChecked = 0,

    /// <summary>The signer is a certificate the administrator named.</summary>
    Pinned,

    /// <summary>The signer's chain builds to a trusted root, for code signing.</summary>
    Trusted,

    /// <summary>The signer is neither named nor trusted.</summary>
    Untrusted,
}

/// <summary>The SBOM signature's verdict, with the signer as it is named in the signature.</summary>
public sealed class ModuleSignatureInfo
{
    internal ModuleSignatureInfo(ModuleSignatureStatus status, ModuleSignerTrust trust, string? signer, string? thumbprint, string? sha256Thumbprint, DateTimeOffset? signedAt, string reason)
    {
        Status = status;
        Trust = trust;
        Signer = signer;
        Thumbprint = thumbprint;
        Sha256Thumbprint = sha256Thumbprint;
        SignedAt = signedAt;
        Reason = reason;
    }

    /// <summary>Whether the signature matches the SBOM.</summary>
    public ModuleSignatureStatus Status { get; }

    /// <summary>Whether its signer is trusted.</summary>
    public ModuleSignerTrust Trust { get; }

    /// <summary>The signer certificate's subject, or null.</summary>
    public string? Signer { get; }

    /// <summary>The signer certificate's SHA-1 thumbprint (as Windows shows it), or null.</summary>
    public string? Thumbprint { get; }

    /// <summary>The signer certificate's SHA-256 thumbprint, or null.</summary>
    public string? Sha256Thumbprint { get; }

    /// <summary>The signing time the signer claimed, or null.</summary>
    public DateTimeOffset? SignedAt { get; }

    /// <summary>Why this verdict, in words.</summary>
    public string Reason { get; }

    /// <inheritdoc />
    public override string ToString() => Status == ModuleSignatureStatus.Valid ? $"{Status} ({Trust})" : Status.ToString();
}
