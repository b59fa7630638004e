using System;

namespace AzureLocalSecurity.AppControl.Live;

/// <summary>
/// One signature of a file, as a 3089 event reports it (Microsoft's event tag page names the values). An unsigned file has
/// one such event with <see cref="TotalSignatureCount"/> 0 and no publisher.
/// </summary>
public sealed class CodeIntegritySignature
{
    /// <summary><c>TotalSignatureCount</c>: how many signatures the file has (0 for an unsigned file).</summary>
    public int? TotalSignatureCount { get; internal set; }

    /// <summary><c>Signature</c>: which of them this is, from 0.</summary>
    public int? Index { get; internal set; }

    /// <summary><c>SignatureType</c>: how the signature was found (embedded, catalog, ...).</summary>
    public int? SignatureType { get; internal set; }

    /// <summary><see cref="SignatureType"/> in words.</summary>
    public string? SignatureTypeName { get; internal set; }

    /// <summary><c>ValidatedSigningLevel</c>: the signing level the signature validated at.</summary>
    public int? ValidatedSigningLevel { get; internal set; }

    /// <summary><see cref="ValidatedSigningLevel"/> in words.</summary>
    public string? ValidatedSigningLevelName { get; internal set; }

    /// <summary><c>VerificationError</c>: why verification failed, or 0 when it succeeded.</summary>
    public int? VerificationError { get; internal set; }

    /// <summary><see cref="VerificationError"/> in words.</summary>
    public string? VerificationErrorName { get; internal set; }

    /// <summary><c>PublisherName</c>: the leaf certificate's subject common name (the signer).</summary>
    public string? PublisherName { get; internal set; }

    /// <summary><c>IssuerName</c>: the issuing CA's common name.</summary>
    public string? IssuerName { get; internal set; }

    /// <summary><c>PublisherTBSHash</c>.</summary>
    public string? PublisherTbsHash { get; internal set; }

    /// <summary><c>IssuerTBSHash</c>: what a policy's signer rule (CertRoot TBS) matches.</summary>
    public string? IssuerTbsHash { get; internal set; }

    /// <summary><c>NotValidBefore</c> of the signing certificate.</summary>
    public DateTimeOffset? NotValidBefore { get; internal set; }

    /// <summary><c>NotValidAfter</c> of the signing certificate.</summary>
    public DateTimeOffset? NotValidAfter { get; internal set; }

    /// <summary><c>Hash</c>: the file hash the signature covers.</summary>
    public string? Hash { get; internal set; }

    /// <summary>Whether the file has no signature (<see cref="TotalSignatureCount"/> 0).</summary>
    public bool IsUnsigned => TotalSignatureCount == 0;

    /// <inheritdoc />
    public override string ToString() => IsUnsigned ? "(unsigned)" : $"{PublisherName} (issued by {IssuerName})";
}
