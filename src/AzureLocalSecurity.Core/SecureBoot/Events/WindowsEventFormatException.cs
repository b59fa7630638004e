using System;
using System.Globalization;

namespace AzureLocalSecurity.SecureBoot.Events;

/// <summary>
/// Windows event XML is not what <see cref="WindowsEventXml.Parse(string)"/> reads: not well-formed XML, a DTD or an entity
/// declaration, text or elements outside the events, an element of another namespace where an event belongs, an event
/// without an EventID, elements nested deeper than an event has, or more characters or events than the parse allows.
/// <see cref="LineNumber"/> and <see cref="LinePosition"/> say where (1-based, as <see cref="System.Xml.XmlException"/>
/// counts them; 0 when not known).
/// </summary>
public sealed class WindowsEventFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WindowsEventFormatException()
        : this("The Windows event XML is not well formed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public WindowsEventFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public WindowsEventFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a problem at a line and position, with its cause where there is one.</summary>
    public WindowsEventFormatException(string problem, int lineNumber, int linePosition, Exception? innerException = null)
        : base(string.Format(CultureInfo.InvariantCulture, "The Windows event XML is not well formed at line {0}, position {1}: {2}", lineNumber, linePosition, problem), innerException)
    {
        Problem = problem;
        LineNumber = lineNumber;
        LinePosition = linePosition;
    }

    /// <summary>The line the problem was found on (1-based; 0 when not known).</summary>
    public int LineNumber { get; }

    /// <summary>The position in that line (1-based; 0 when not known).</summary>
    public int LinePosition { get; }

    /// <summary>What is wrong, without the place.</summary>
    public string? Problem { get; }
}
