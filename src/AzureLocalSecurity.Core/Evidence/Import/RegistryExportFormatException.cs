using System;
using System.Globalization;

namespace AzureLocalSecurity.Evidence.Import;

/// <summary>
/// A <c>reg export</c> / regedit <c>.reg</c> file could not be read: no header, a value before any key, a line without
/// <c>=</c>, bad hex, a string not closed, data that cannot be what its type says, an unknown hive, or a file over the size
/// read or in no text encoding the parser knows. <see cref="Line"/> is the 1-based line where the problem was found, or 0
/// when it is the file as a whole (its size or its encoding).
/// </summary>
public sealed class RegistryExportFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public RegistryExportFormatException()
        : this("The .reg file could not be read.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public RegistryExportFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public RegistryExportFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a problem on a line (0 for the file as a whole).</summary>
    public RegistryExportFormatException(string problem, int line, Exception? innerException = null)
        : base(line > 0
            ? string.Format(CultureInfo.InvariantCulture, "The .reg file could not be read at line {0}: {1}", line, problem)
            : "The .reg file could not be read: " + problem, innerException)
    {
        Line = line;
        Problem = problem;
    }

    /// <summary>The 1-based line where the problem was found; 0 for the file as a whole or when not known.</summary>
    public int Line { get; }

    /// <summary>What is wrong, without the line.</summary>
    public string? Problem { get; }
}
