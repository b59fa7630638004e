using System;

namespace AzureLocalSecurity.Evidence.Import;

/// <summary>
/// A capture document, an <c>auditpol /backup</c> CSV or a security template INF could not be read. <see cref="Location"/>
/// says where (a JSON path such as <c>captures[3].data.values[0].kind</c>, or a line number) and the message what was expected.
/// </summary>
public sealed class CaptureFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public CaptureFormatException(string message, string? location, int? lineNumber = null, Exception? innerException = null)
        : base(Compose(message, location, lineNumber), innerException)
    {
        Location = location;
        LineNumber = lineNumber;
    }

    /// <summary>Creates the exception with a generic reason.</summary>
    public CaptureFormatException()
        : this("The input could not be read.", location: null)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public CaptureFormatException(string message)
        : this(message, location: null)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public CaptureFormatException(string message, Exception innerException)
        : this(message, null, null, innerException)
    {
    }

    /// <summary>The JSON path of the value that failed, or null for a text input.</summary>
    public string? Location { get; }

    /// <summary>The 1-based line that failed, where the input is text (or where the JSON reader knew it).</summary>
    public int? LineNumber { get; }

    private static string Compose(string message, string? location, int? lineNumber)
    {
        var where = (location, lineNumber) switch
        {
            (not null, not null) => $" (at {location}, line {lineNumber})",
            (not null, null) => $" (at {location})",
            (null, not null) => $" (line {lineNumber})",
            _ => string.Empty,
        };
        return message + where;
    }
}
