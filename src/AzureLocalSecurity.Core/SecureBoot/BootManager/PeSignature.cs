using System.Collections.Generic;
using System.Linq;

namespace AzureLocalSecurity.SecureBoot.BootManager;

/// <summary>
/// Who signed a PE/COFF image (an EFI boot application such as the Windows boot manager, bootmgfw.efi), as its Authenticode
/// signatures say: each WIN_CERTIFICATE of the security directory, its signer and the Microsoft Secure Boot CA it chains
/// to. Nothing is verified: not the image hash, not the signatures, not the certificates' validity; this reports who
/// signed, not whether the firmware would accept it.
/// </summary>
public sealed class PeSignature
{
    internal PeSignature(ushort machine, bool isPe32Plus, int securityDirectoryOffset, int securityDirectorySize, IReadOnlyList<PeAuthenticodeSignature> signatures)
    {
        Machine = machine;
        IsPe32Plus = isPe32Plus;
        SecurityDirectoryOffset = securityDirectoryOffset;
        SecurityDirectorySize = securityDirectorySize;
        Signatures = signatures;
        Signers = signatures.Where(s => s.Signer is not null).Select(s => s.Signer!).ToList();
        ChainsTo = signatures.Where(s => s.ChainsTo is not null).Select(s => s.ChainsTo!).Distinct().ToList();
        var unknown = signatures.Where(s => s.UnknownReason is not null).Select(s => "signature " + s.Index.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + s.UnknownReason).ToList();
        UnknownReason = unknown.Count == 0 ? null : string.Join(" ", unknown);
    }

    /// <summary>The COFF header's Machine (0x8664 x64, 0xAA64 ARM64, 0x014C x86).</summary>
    public ushort Machine { get; }

    /// <summary>True for a PE32+ optional header (magic 0x20B), false for PE32 (0x10B).</summary>
    public bool IsPe32Plus { get; }

    /// <summary>The security directory's file offset (IMAGE_DIRECTORY_ENTRY_SECURITY holds a file offset, not an RVA); 0 when unsigned.</summary>
    public int SecurityDirectoryOffset { get; }

    /// <summary>The security directory's size in bytes; 0 when unsigned.</summary>
    public int SecurityDirectorySize { get; }

    /// <summary>True when the image has an attribute certificate table with at least one WIN_CERTIFICATE.</summary>
    public bool IsSigned => Signatures.Count > 0;

    /// <summary>Each WIN_CERTIFICATE, in the table's order (a shim signed by both Microsoft UEFI CAs has two).</summary>
    public IReadOnlyList<PeAuthenticodeSignature> Signatures { get; }

    /// <summary>The signer's certificate of each signature whose signer could be told, in the table's order.</summary>
    public IReadOnlyList<EfiCertificate> Signers { get; }

    /// <summary>The Microsoft Secure Boot CAs the signatures chain to, each once, in the table's order; empty when none does.</summary>
    public IReadOnlyList<MicrosoftSecureBootCertificate> ChainsTo { get; }

    /// <summary>Why the signer of some signature could not be told (each such signature by its index), or null.</summary>
    public string? UnknownReason { get; }

    /// <summary>True when some signature chains to the Microsoft Secure Boot CA of this name (such as <see cref="MicrosoftSecureBootCertificates.WindowsUefiCa2023"/>).</summary>
    public bool IsSignedBy(string certificateName) => ChainsTo.Any(c => string.Equals(c.Name, certificateName, System.StringComparison.Ordinal));

    /// <inheritdoc />
    public override string ToString() =>
        !IsSigned ? "not signed" : string.Join("; ", Signatures.Select(s => s.ToString()));
}
