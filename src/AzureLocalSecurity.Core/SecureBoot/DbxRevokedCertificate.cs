using System;

namespace AzureLocalSecurity.SecureBoot;

/// <summary>A certificate Microsoft's dbx revokes, as dbx_info_msft_latest.json describes it.</summary>
public sealed class DbxRevokedCertificate
{
    internal DbxRevokedCertificate(string fileName, string subject, string issuer, string thumbprint, string description, DateTime? dateOfAddition)
    {
        FileName = fileName;
        Subject = subject;
        Issuer = issuer;
        Thumbprint = thumbprint;
        Description = description;
        DateOfAddition = dateOfAddition;
    }

    /// <summary>The certificate file Microsoft names (<c>value</c>), such as MicWinProPCA2011_2011-10-19.der.</summary>
    public string FileName { get; }

    /// <summary>The subject ("CN = " taken off).</summary>
    public string Subject { get; }

    /// <summary>The issuer ("CN = " taken off).</summary>
    public string Issuer { get; }

    /// <summary>The SHA-1 thumbprint, upper-case hex.</summary>
    public string Thumbprint { get; }

    /// <summary>Why it is revoked.</summary>
    public string Description { get; }

    /// <summary>When it was added to Microsoft's dbx, or null.</summary>
    public DateTime? DateOfAddition { get; }

    /// <inheritdoc />
    public override string ToString() => Subject + ": " + Description;
}
