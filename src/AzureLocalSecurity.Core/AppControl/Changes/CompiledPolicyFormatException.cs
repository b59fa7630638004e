using System;

namespace AzureLocalSecurity.AppControl.Changes;

/// <summary>
/// Bytes are not an unsigned compiled App Control policy that <see cref="CompiledPolicyModeSwitch"/> can rewrite: a signed
/// (PKCS#7 SignedData) file, too few bytes for the header, a format version outside 1 to 8, OptionFlags without the format's
/// bit 0x80000000, or a header length field that is not 0x40. <see cref="Offset"/> is the byte the check failed at.
/// </summary>
public sealed class CompiledPolicyFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CompiledPolicyFormatException()
        : this("The bytes are not an unsigned compiled App Control policy.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public CompiledPolicyFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public CompiledPolicyFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a problem found at <paramref name="offset"/>.</summary>
    public CompiledPolicyFormatException(string problem, int offset, bool isSigned = false)
        : base($"Not an unsigned compiled App Control policy (at byte 0x{offset:X}): {problem}")
    {
        Problem = problem;
        Offset = offset;
        IsSigned = isSigned;
    }

    /// <summary>The byte offset the check failed at.</summary>
    public int Offset { get; }

    /// <summary>What is wrong, without the place.</summary>
    public string? Problem { get; }

    /// <summary>Whether the bytes are a signed policy (PKCS#7 SignedData), which cannot be rewritten without breaking its signature.</summary>
    public bool IsSigned { get; }
}
