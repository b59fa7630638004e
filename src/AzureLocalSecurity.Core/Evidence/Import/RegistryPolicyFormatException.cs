using System;
using System.Globalization;

namespace AzureLocalSecurity.Evidence.Import;

/// <summary>
/// A Registry.pol file is not well formed: not a <c>PReg</c> version 1 header, a record whose <c>[</c>, <c>;</c> or <c>]</c>
/// is not where it must be, a string without its terminating NUL, a size beyond the end of the file, data that cannot be
/// what its type says (a DWORD that is not 4 bytes, UTF-16 text of an odd length), or a file over the size read.
/// <see cref="Offset"/> is the byte offset in the file where the problem was found.
/// </summary>
public sealed class RegistryPolicyFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public RegistryPolicyFormatException()
        : this("The Registry.pol file is not well formed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public RegistryPolicyFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public RegistryPolicyFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a problem at a byte offset.</summary>
    public RegistryPolicyFormatException(string problem, long offset)
        : base(string.Format(CultureInfo.InvariantCulture, "The Registry.pol file is not well formed at byte {0}: {1}", offset, problem))
    {
        Offset = offset;
        Problem = problem;
    }

    /// <summary>The byte offset in the file where the problem was found (-1 when not known).</summary>
    public long Offset { get; } = -1;

    /// <summary>What is wrong, without the offset.</summary>
    public string? Problem { get; }
}
