using System;

namespace AzureLocalSecurity.Reports;

/// <summary>A JSON report could not be read: not JSON, not a report, a field missing or of the wrong kind, or a schema version this module does not know.</summary>
public sealed class ReportFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, naming the JSON path.</param>
    /// <param name="unsupportedVersion">True when the document is a report of a schema version this module cannot read.</param>
    /// <param name="innerException">The parser's exception, if any.</param>
    public ReportFormatException(string message, bool unsupportedVersion, Exception? innerException = null)
        : base(message, innerException)
    {
        UnsupportedVersion = unsupportedVersion;
    }

    /// <summary>Creates the exception with a generic reason.</summary>
    public ReportFormatException()
        : this("The report is not a valid AzureLocalSecurity JSON report.", false)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ReportFormatException(string message)
        : this(message, false)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ReportFormatException(string message, Exception innerException)
        : this(message, false, innerException)
    {
    }

    /// <summary>Creates the exception for a report over <see cref="JsonReportReader.MaxFileBytes"/>, refused before it is read.</summary>
    internal ReportFormatException(string message, bool unsupportedVersion, bool tooLarge)
        : this(message, unsupportedVersion)
    {
        TooLarge = tooLarge;
    }

    /// <summary>True when the document is a report of a schema version this module cannot read (a newer module wrote it).</summary>
    public bool UnsupportedVersion { get; }

    /// <summary>True when the report is larger than <see cref="JsonReportReader.MaxFileBytes"/> and was not read.</summary>
    public bool TooLarge { get; }
}
