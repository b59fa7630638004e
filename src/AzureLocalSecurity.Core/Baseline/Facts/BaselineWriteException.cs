using System;

namespace AzureLocalSecurity.Baseline.Facts;

/// <summary>A setting could not be changed (access denied, not supported, an API failure).</summary>
public sealed class BaselineWriteException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BaselineWriteException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public BaselineWriteException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the cause.</summary>
    public BaselineWriteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
