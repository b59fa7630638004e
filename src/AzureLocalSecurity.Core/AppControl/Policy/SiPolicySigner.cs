using System.Collections.Generic;

namespace AzureLocalSecurity.AppControl.Policy;

/// <summary>A <c>Signers/Signer</c>: a certificate (by its root's TBS hash or a well-known root) narrowed by EKUs, issuer,
/// publisher, OEM ID and file attributes.</summary>
public sealed class SiPolicySigner
{
    /// <summary>The ID scenarios refer to. A compiled policy does not hold it: read from one, it is <c>ID_SIGNER_S_&lt;n&gt;</c>.</summary>
    public string? Id { get; set; }

    /// <summary>The signer's name (XML only; read from a compiled policy it is "Signer &lt;n&gt;").</summary>
    public string? Name { get; set; }

    /// <summary>The <c>SignTimeAfter</c> attribute as xs:dateTime text; null when absent.</summary>
    public string? SignTimeAfter { get; set; }

    /// <summary>The <c>CertRoot</c> type; null when the signer has no CertRoot (the schema requires one).</summary>
    public SiPolicyCertRootType? CertRootType { get; set; }

    /// <summary>The <c>CertRoot</c> value as hex: a TBS hash, or one byte for a well-known root.</summary>
    public string? CertRootValue { get; set; }

    /// <summary>The IDs of the EKUs the signer requires (<c>CertEKU</c>), in order.</summary>
    public IList<string> CertEkus { get; } = new List<string>();

    /// <summary>The <c>CertIssuer</c> value.</summary>
    public string? CertIssuer { get; set; }

    /// <summary>The <c>CertPublisher</c> value (the leaf certificate's common name).</summary>
    public string? CertPublisher { get; set; }

    /// <summary>The <c>CertOemID</c> value.</summary>
    public string? CertOemId { get; set; }

    /// <summary>The IDs of the file rules the signer is narrowed to (<c>FileAttribRef</c>), in order.</summary>
    public IList<string> FileAttribRefs { get; } = new List<string>();

    /// <inheritdoc />
    public override string ToString() => Id ?? Name ?? "Signer";
}
