using System;
using System.Collections.Generic;

namespace AzureLocalSecurity.SecureBoot;

/// <summary>One of Microsoft's Secure Boot certificates: what it is for, when it expires, what replaces it.</summary>
public sealed class MicrosoftSecureBootCertificate
{
    internal MicrosoftSecureBootCertificate(
        string name,
        string thumbprint,
        SecureBootCertificateRole role,
        int generation,
        DateTime notAfter,
        string purpose,
        IReadOnlyList<string> replacedBy)
    {
        Name = name;
        Thumbprint = thumbprint;
        Role = role;
        Generation = generation;
        NotAfter = notAfter;
        Purpose = purpose;
        ReplacedBy = replacedBy;
    }

    /// <summary>The subject common name, such as "Microsoft Windows Production PCA 2011".</summary>
    public string Name { get; }

    /// <summary>The SHA-1 thumbprint of the DER certificate, upper-case hex.</summary>
    public string Thumbprint { get; }

    /// <summary>The variable it is enrolled in.</summary>
    public SecureBootCertificateRole Role { get; }

    /// <summary>2011 for the certificates that expire in 2026, 2023 for their replacements.</summary>
    public int Generation { get; }

    /// <summary>The certificate's NotAfter (UTC), to the second.</summary>
    public DateTime NotAfter { get; }

    /// <summary>What the certificate signs, in a few words.</summary>
    public string Purpose { get; }

    /// <summary>The names of the 2023 certificates that take over from a 2011 one (KB5062710); empty for the 2023 ones.</summary>
    public IReadOnlyList<string> ReplacedBy { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
