using System;

namespace AzureLocalSecurity.SecurityLogging;

/// <summary>The text is not the JSON the syslog read writes (<see cref="SyslogForwarderOutputParser"/>), or it is larger than its limits.</summary>
public sealed class SyslogForwarderOutputException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public SyslogForwarderOutputException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SyslogForwarderOutputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public SyslogForwarderOutputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a message and the character offset where the text stopped being readable.</summary>
    public SyslogForwarderOutputException(string message, long offset)
        : base(message)
    {
        Offset = offset;
    }

    /// <summary>The character offset (0 or more) where the problem was found.</summary>
    public long Offset { get; }
}
