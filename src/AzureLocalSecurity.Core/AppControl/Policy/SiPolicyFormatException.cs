using System;
using System.Globalization;

namespace AzureLocalSecurity.AppControl.Policy;

/// <summary>
/// An App Control policy could not be read or compiled. Reading XML: not well-formed, a DTD or entity, an element or
/// attribute the schema does not have, a value of the wrong type, or more than the size limit; <see cref="LineNumber"/> and
/// <see cref="LinePosition"/> say where. Reading a compiled policy: cut short, a count or length that lies, an index out of
/// range, a tag or terminator that is not the format's, a signed wrapper that is not CMS SignedData, or more than the size
/// limit; <see cref="Offset"/> is the byte of the input. Compiling: something the binary format cannot hold (an unresolved
/// reference, an unparseable version or hash, a field newer than the format version asked for); <see cref="Path"/> names
/// the element. Nothing is read outside the input and nothing is allocated from an unchecked count.
/// </summary>
public sealed class SiPolicyFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SiPolicyFormatException()
        : this("The App Control policy is not well formed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SiPolicyFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public SiPolicyFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    private SiPolicyFormatException(string message, string problem, Exception? innerException)
        : base(message, innerException)
    {
        Problem = problem;
    }

    /// <summary>The byte of a compiled policy where the problem was found; -1 when not a binary problem.</summary>
    public long Offset { get; private set; } = -1;

    /// <summary>The XML line of the problem (1-based; 0 when not known or not an XML problem).</summary>
    public int LineNumber { get; private set; }

    /// <summary>The position in that line (1-based; 0 when not known).</summary>
    public int LinePosition { get; private set; }

    /// <summary>The element a compile problem is about (such as <c>FileRules/Allow[@ID='ID_ALLOW_A_1']</c>); null otherwise.</summary>
    public string? Path { get; private set; }

    /// <summary>What is wrong, without the place.</summary>
    public string? Problem { get; }

    /// <summary>A problem in a compiled policy at a byte offset.</summary>
    public static SiPolicyFormatException AtOffset(string problem, long offset, Exception? innerException = null) =>
        new(string.Format(CultureInfo.InvariantCulture, "The compiled App Control policy is not well formed at byte {0}: {1}", offset, problem), problem, innerException)
        {
            Offset = offset,
        };

    /// <summary>A problem in policy XML at a line and position.</summary>
    public static SiPolicyFormatException AtLine(string problem, int lineNumber, int linePosition, Exception? innerException = null) =>
        new(string.Format(CultureInfo.InvariantCulture, "The App Control policy XML is not valid at line {0}, position {1}: {2}", lineNumber, linePosition, problem), problem, innerException)
        {
            LineNumber = lineNumber,
            LinePosition = linePosition,
        };

    /// <summary>A policy that cannot be compiled, because of the element at <paramref name="path"/>.</summary>
    public static SiPolicyFormatException AtPath(string problem, string path) =>
        new(string.Format(CultureInfo.InvariantCulture, "The App Control policy cannot be compiled ({0}): {1}", path, problem), problem, null)
        {
            Path = path,
        };
}
