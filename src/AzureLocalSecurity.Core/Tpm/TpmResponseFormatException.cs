using System;
using System.Globalization;

namespace AzureLocalSecurity.Tpm;

/// <summary>
/// A TPM response (from a TPM or from a bundle) is not well formed: cut short, longer than its header says, a size or
/// count that cannot fit, a tag or selector that is not allowed there. <see cref="Offset"/> is the byte offset in the
/// input where the problem was found. Nothing is read outside the input and nothing is allocated from an unchecked size.
/// </summary>
public sealed class TpmResponseFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TpmResponseFormatException()
        : this("The TPM response is not well formed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public TpmResponseFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public TpmResponseFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a problem at an offset.</summary>
    public TpmResponseFormatException(string problem, long offset)
        : base(string.Format(CultureInfo.InvariantCulture, "The TPM response is not well formed at byte {0}: {1}", offset, problem))
    {
        Offset = offset;
        Problem = problem;
    }

    /// <summary>The byte offset in the input where the problem was found (-1 when not known).</summary>
    public long Offset { get; } = -1;

    /// <summary>What is wrong, without the offset.</summary>
    public string? Problem { get; }
}
