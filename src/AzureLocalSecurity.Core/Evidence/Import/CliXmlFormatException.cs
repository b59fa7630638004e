using System;
using System.Globalization;

namespace AzureLocalSecurity.Evidence.Import;

/// <summary>
/// The bytes are not a CLIXML document <see cref="CliXmlDocument.Parse(byte[])"/> reads: not well-formed XML, a DTD, an
/// element or value the serialization format (MS-PSRP 2.2.5) does not have where it stands, a number that does not fit its
/// type, a <c>&lt;Ref&gt;</c> or <c>&lt;TNRef&gt;</c> to an id not defined before it, or more bytes, nesting or objects than
/// the reader allows. <see cref="Line"/> and <see cref="Column"/> say where (1-based, as the XML reader counts them; 0 when
/// the problem is not at one place, such as an input too large to read).
/// </summary>
public sealed class CliXmlFormatException : FormatException
{
    /// <summary>Creates the exception for a problem at a line and column, with its cause where there is one.</summary>
    public CliXmlFormatException(string problem, int line, int column, Exception? innerException = null)
        : base(string.Format(CultureInfo.InvariantCulture, "The CLIXML is not readable at line {0}, column {1}: {2}", line, column, problem), innerException)
    {
        Problem = problem;
        Line = line;
        Column = column;
    }

    /// <summary>Creates the exception with a generic reason.</summary>
    public CliXmlFormatException()
        : this("The CLIXML could not be read.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public CliXmlFormatException(string message)
        : base(message)
    {
        Problem = message;
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public CliXmlFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problem = message;
    }

    /// <summary>The 1-based line of the problem (0 when it is not at one place).</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the problem in that line (0 when it is not at one place).</summary>
    public int Column { get; }

    /// <summary>What is wrong, without the place.</summary>
    public string? Problem { get; }
}
