using System;

namespace AzureLocalSecurity.Baseline.Repair;

/// <summary>An undo file that cannot be read or written: damaged, too large, of an unknown version.</summary>
public sealed class BaselineUndoFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BaselineUndoFileException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public BaselineUndoFileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public BaselineUndoFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
