using System;

namespace AzureLocalSecurity.Tpm.Analysis;

/// <summary>An EK certificate NV index: whether it holds a certificate, and what the certificate says.</summary>
public sealed class TpmEndorsementCertificate
{
    internal TpmEndorsementCertificate(uint nvIndex, string template)
    {
        NvIndex = "0x" + nvIndex.ToString("X8", System.Globalization.CultureInfo.InvariantCulture);
        Template = template;
    }

    /// <summary>The NV index, such as 0x01C00002.</summary>
    public string NvIndex { get; }

    /// <summary>The EK template the TCG EK Credential Profile assigns to the index, such as "RSA 2048 (L-1)".</summary>
    public string Template { get; }

    /// <summary>True when the index holds data that was read.</summary>
    public bool Provisioned { get; internal set; }

    /// <summary>The certificate's subject (often empty for EK certificates: the TPM is named in the subject alternative name).</summary>
    public string? Subject { get; internal set; }

    /// <summary>The issuer: the TPM manufacturer's CA.</summary>
    public string? Issuer { get; internal set; }

    /// <summary>The serial number as hex.</summary>
    public string? SerialNumber { get; internal set; }

    /// <summary>Valid from (UTC).</summary>
    public DateTime? NotBefore { get; internal set; }

    /// <summary>Valid until (UTC).</summary>
    public DateTime? NotAfter { get; internal set; }

    /// <summary>The SHA-1 thumbprint, as Windows shows certificates.</summary>
    public string? Thumbprint { get; internal set; }

    /// <summary>The certified key's algorithm OID friendly name (RSA, ECC).</summary>
    public string? KeyAlgorithm { get; internal set; }

    /// <summary>Why the index or the certificate could not be read, or null.</summary>
    public string? Error { get; internal set; }

    internal byte[]? RawData { get; set; }

    internal byte[] PublicKey { get; set; } = [];

    /// <summary>The certificate's DER bytes (the NV data without any padding after the certificate), or null.</summary>
    public byte[]? GetRawData() => (byte[]?)RawData?.Clone();

    /// <inheritdoc />
    public override string ToString() => Provisioned ? $"{NvIndex} {Template}: {Issuer}" : $"{NvIndex} {Template}: {Error ?? "not provisioned"}";
}
