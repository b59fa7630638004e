using System;

namespace AzureLocalSecurity.SecureBoot;

/// <summary>A certificate carried in the PKCS#7 SignedData of a signed update, and whether it is the signer's.</summary>
public sealed class EfiCertificate
{
    private readonly byte[] _rawData;

    internal EfiCertificate(byte[] rawData, string? error)
    {
        _rawData = rawData;
        Error = error;
    }

    /// <summary>The subject distinguished name, or null when <see cref="Error"/> is set.</summary>
    public string? Subject { get; internal set; }

    /// <summary>The issuer distinguished name.</summary>
    public string? Issuer { get; internal set; }

    /// <summary>The serial number, big-endian hex.</summary>
    public string? SerialNumber { get; internal set; }

    /// <summary>The SHA-1 thumbprint of the DER, upper-case hex.</summary>
    public string? Thumbprint { get; internal set; }

    /// <summary>The SHA-256 of the DER, upper-case hex.</summary>
    public string? Sha256 { get; internal set; }

    /// <summary>Valid from (UTC).</summary>
    public DateTime? NotBefore { get; internal set; }

    /// <summary>Valid until (UTC).</summary>
    public DateTime? NotAfter { get; internal set; }

    /// <summary>One of Microsoft's Secure Boot certificates, found by thumbprint, or null.</summary>
    public MicrosoftSecureBootCertificate? KnownCertificate { get; internal set; }

    /// <summary>The known certificate's name, or null.</summary>
    public string? KnownName => KnownCertificate?.Name;

    /// <summary>True when a SignerInfo names this certificate (by issuer and serial number, or by subject key identifier).</summary>
    public bool IsSigner { get; internal set; }

    /// <summary>Why the certificate could not be read, or null.</summary>
    public string? Error { get; }

    /// <summary>The certificate's DER, byte for byte as the SignedData carries it.</summary>
    public byte[] GetRawData() => (byte[])_rawData.Clone();

    /// <inheritdoc />
    public override string ToString() => (IsSigner ? "signer: " : string.Empty) + (KnownName ?? Subject ?? Error ?? "certificate");
}
