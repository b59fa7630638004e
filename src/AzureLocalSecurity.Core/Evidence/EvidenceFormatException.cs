using System;

namespace AzureLocalSecurity.Evidence;

/// <summary>
/// A bundle could not be read: damaged, truncated, from a newer schema, or naming files outside itself.
/// The message says what and where; nothing was read outside the bundle.
/// </summary>
public sealed class EvidenceFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EvidenceFormatException(EvidenceFormatError error, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
    }

    /// <summary>Creates the exception with a generic reason.</summary>
    public EvidenceFormatException()
        : this(EvidenceFormatError.Damaged, "The evidence bundle is damaged.")
    {
    }

    /// <summary>Creates the exception with a generic reason.</summary>
    public EvidenceFormatException(string message)
        : this(EvidenceFormatError.Damaged, message)
    {
    }

    /// <summary>Creates the exception with a generic reason.</summary>
    public EvidenceFormatException(string message, Exception innerException)
        : this(EvidenceFormatError.Damaged, message, innerException)
    {
    }

    /// <summary>What kind of problem it is.</summary>
    public EvidenceFormatError Error { get; }
}
