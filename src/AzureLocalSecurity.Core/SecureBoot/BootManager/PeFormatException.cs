using System;
using System.Globalization;

namespace AzureLocalSecurity.SecureBoot.BootManager;

/// <summary>
/// A PE/COFF image (an EFI application such as bootmgfw.efi) is not well formed where <see cref="PeAuthenticode"/> reads
/// it: no MZ or PE signature, e_lfanew or a header beyond the file, an optional header magic that is neither PE32 nor
/// PE32+, a security directory that overruns the file, or a WIN_CERTIFICATE whose dwLength lies or whose wRevision is not
/// 0x0200. <see cref="Offset"/> is the byte offset in the image of the field found wrong. Nothing is read outside the image
/// and nothing is allocated from an unchecked size. A PKCS#7 SignedData that cannot be walked is not this exception: the
/// PE structure around it is sound, so that signature's signer is Unknown with the reason.
/// </summary>
public sealed class PeFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PeFormatException()
        : this("The PE image is not well formed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public PeFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public PeFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a problem at an offset.</summary>
    public PeFormatException(string problem, long offset)
        : base(string.Format(CultureInfo.InvariantCulture, "The PE image is not well formed at byte {0}: {1}", offset, problem))
    {
        Offset = offset;
        Problem = problem;
    }

    /// <summary>The byte offset in the image where the problem was found (-1 when not known).</summary>
    public long Offset { get; } = -1;

    /// <summary>What is wrong, without the offset.</summary>
    public string? Problem { get; }
}
