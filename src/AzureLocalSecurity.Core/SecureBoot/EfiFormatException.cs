using System;
using System.Globalization;

namespace AzureLocalSecurity.SecureBoot;

/// <summary>
/// UEFI Secure Boot data (an EFI_SIGNATURE_LIST database or an EFI_VARIABLE_AUTHENTICATION_2 signed update) is not well
/// formed: cut short, a size field that lies or overruns, a signature size the type does not allow, a partial entry, a
/// WIN_CERTIFICATE header that is not the one UEFI 2.10 §8.2.2 requires, or more lists, entries or bytes than the parse
/// allows. <see cref="Offset"/> is the byte offset in the input where the problem was found. Nothing is read outside the
/// input and nothing is allocated from an unchecked size.
/// </summary>
public sealed class EfiFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EfiFormatException()
        : this("The EFI data is not well formed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public EfiFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public EfiFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a problem at an offset.</summary>
    public EfiFormatException(string problem, long offset)
        : base(string.Format(CultureInfo.InvariantCulture, "The EFI data is not well formed at byte {0}: {1}", offset, problem))
    {
        Offset = offset;
        Problem = problem;
    }

    /// <summary>The byte offset in the input where the problem was found (-1 when not known).</summary>
    public long Offset { get; } = -1;

    /// <summary>What is wrong, without the offset.</summary>
    public string? Problem { get; }
}
