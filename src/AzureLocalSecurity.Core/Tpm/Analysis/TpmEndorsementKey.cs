using System;
using System.Security.Cryptography.X509Certificates;

namespace AzureLocalSecurity.Tpm.Analysis;

/// <summary>An endorsement key: its public key, where it came from, and the EK certificate that certifies it (if any).</summary>
public sealed class TpmEndorsementKey
{
    internal TpmEndorsementKey(TpmPublicArea publicArea) => PublicArea = publicArea;

    /// <summary>The node.</summary>
    public string ComputerName { get; internal set; } = string.Empty;

    /// <summary>The key type and size, such as "RSA 2048" or "ECC NIST_P384".</summary>
    public string Algorithm { get; internal set; } = string.Empty;

    /// <summary>The persistent handle (such as 0x81010001), or null for a key created from a template.</summary>
    public string? Handle { get; internal set; }

    /// <summary>How the key was obtained: "persistent" or the TCG template it was created from.</summary>
    public string Origin { get; internal set; } = string.Empty;

    /// <summary>The public area the TPM returned.</summary>
    public TpmPublicArea PublicArea { get; }

    /// <summary>The public key as DER SubjectPublicKeyInfo (null for a key type not encoded).</summary>
    public byte[]? GetSubjectPublicKeyInfo() => TpmPublicKeyEncoding.EncodeSubjectPublicKeyInfo(PublicArea);

    /// <summary>The SHA-256 of the SubjectPublicKeyInfo, as hex: a stable fingerprint of the EK.</summary>
    public string? PublicKeySha256 { get; internal set; }

    /// <summary>The public key as PEM ("PUBLIC KEY").</summary>
    public string? PublicKeyPem { get; internal set; }

    /// <summary>The EK certificate whose key is this key, or null when none in NV is.</summary>
    public X509Certificate2? Certificate { get; internal set; }

    /// <summary>The NV index of that certificate.</summary>
    public string? CertificateNvIndex { get; internal set; }

    /// <summary>The certificate's issuer.</summary>
    public string? CertificateIssuer => Certificate?.Issuer;

    /// <summary>The certificate's serial number.</summary>
    public string? CertificateSerialNumber => Certificate?.SerialNumber;

    /// <summary>The certificate's validity end (UTC).</summary>
    public DateTime? CertificateNotAfter => Certificate?.NotAfter.ToUniversalTime();

    /// <summary>Where the key was read: the command and the transport.</summary>
    public string Source { get; internal set; } = string.Empty;

    /// <inheritdoc />
    public override string ToString() => $"{Algorithm} {Handle ?? Origin} {PublicKeySha256}";
}
