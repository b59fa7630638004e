using System;
using System.Globalization;

namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>
/// A TCG event log, or the Windows SIPA events inside one, is not well formed: a record cut short, a size field that lies
/// or overruns, a digest of an algorithm the Spec ID event does not declare, a Spec ID event whose algorithm table cannot
/// be right, more events or bytes than the parse allows, or SIPA events nested deeper than allowed. <see cref="Offset"/>
/// is the byte offset in the input where the problem was found. Nothing is read outside the input and nothing is
/// allocated from an unchecked size.
/// </summary>
public sealed class TcgEventLogFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TcgEventLogFormatException()
        : this("The TCG event log is not well formed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public TcgEventLogFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public TcgEventLogFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a problem at an offset.</summary>
    public TcgEventLogFormatException(string problem, long offset)
        : base(string.Format(CultureInfo.InvariantCulture, "The TCG event log is not well formed at byte {0}: {1}", offset, problem))
    {
        Offset = offset;
        Problem = problem;
    }

    /// <summary>The byte offset in the input where the problem was found (-1 when not known).</summary>
    public long Offset { get; } = -1;

    /// <summary>What is wrong, without the offset.</summary>
    public string? Problem { get; }
}
