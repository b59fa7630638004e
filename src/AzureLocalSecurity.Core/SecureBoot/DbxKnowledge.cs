using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;

namespace AzureLocalSecurity.SecureBoot;

/// <summary>
/// What Microsoft's published dbx revokes and why: dbx_info_msft_latest.json from microsoft/secureboot_objects, shipped in
/// the module byte for byte (SecureBoot/Knowledge/PROVENANCE.md) and read the first time anything here is asked for. It
/// names each revoked image by Authenticode hash (file, publisher, reason, signer, date) for x64, ia32, aarch64 and arm,
/// the revoked certificates (Windows Production PCA 2011) and the current Windows boot application SVNs.
/// </summary>
public static class DbxKnowledge
{
    internal const string ResourceName = "AzureLocalSecurity.SecureBoot.Knowledge.dbx_info_msft_latest.json";

    private static readonly Lazy<DbxKnowledgeData> Data = new(() => DbxKnowledgeData.Parse(ReadResource()), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The architectures the file lists, in its order (x64, ia32, aarch64, arm).</summary>
    public static IReadOnlyList<string> Architectures => Data.Value.Architectures;

    /// <summary>Every revoked image of every architecture, in the file's order.</summary>
    public static IReadOnlyList<DbxImage> Images => Data.Value.Images;

    /// <summary>The revoked certificates.</summary>
    public static IReadOnlyList<DbxRevokedCertificate> Certificates => Data.Value.Certificates;

    /// <summary>The Windows boot application SVNs Microsoft's latest dbx sets.</summary>
    public static IReadOnlyList<DbxSvn> Svns => Data.Value.Svns;

    /// <summary>The images revoked by this Authenticode SHA-256 (a hash can be listed for more than one architecture); empty when none.</summary>
    public static IReadOnlyList<DbxImage> FindImages(byte[] sha256)
    {
        if (sha256 is null)
        {
            throw new ArgumentNullException(nameof(sha256));
        }

        return sha256.Length == 32 ? Data.Value.FindImages(SecureBootBytes.Hex(sha256)) : [];
    }

    /// <summary>
    /// What a 32-byte dbx SHA-256 entry revokes, in one line (each architecture's record, separated by " | "), or what
    /// an SVN record is when the bytes are one of the file's <c>svns</c>; null when Microsoft's list does not know it.
    /// </summary>
    public static string? Describe(byte[] sha256)
    {
        if (sha256 is null)
        {
            throw new ArgumentNullException(nameof(sha256));
        }

        if (sha256.Length != 32)
        {
            return null;
        }

        var hex = SecureBootBytes.Hex(sha256);
        var images = Data.Value.FindImages(hex);
        if (images.Count > 0)
        {
            return string.Join(" | ", images.Select(i => i.Describe()));
        }

        return Data.Value.FindSvn(hex)?.ToString();
    }

    /// <summary>The revoked certificate with this SHA-1 thumbprint (hex, either case), or null.</summary>
    public static DbxRevokedCertificate? FindCertificate(string thumbprint)
    {
        if (thumbprint is null)
        {
            throw new ArgumentNullException(nameof(thumbprint));
        }

        return Data.Value.Certificates.FirstOrDefault(c => string.Equals(c.Thumbprint, thumbprint, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The SVN Microsoft's latest dbx sets for a boot application (see <see cref="WindowsSvnData"/>), or null.</summary>
    public static DbxSvn? LatestSvn(Guid application) => Data.Value.Svns.FirstOrDefault(s => s.Svn.Application == application);

    /// <summary>The embedded file, byte for byte.</summary>
    internal static byte[] ReadResource()
    {
        using var stream = typeof(DbxKnowledge).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The module is missing its dbx knowledge resource " + ResourceName + ".");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
