using System;

namespace AzureLocalSecurity.Tpm.Transports;

/// <summary>
/// A TPM could not be reached or did not answer: no device, the service refused the context, the connection dropped,
/// or a response arrived cut short. <see cref="NotFound"/> is true when there is simply no TPM to talk to, which a
/// collector reports as a fact (no TPM), not as a failure.
/// </summary>
public sealed class TpmTransportException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TpmTransportException()
        : this("The TPM could not be reached.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public TpmTransportException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public TpmTransportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with the OS or TBS code and whether the cause is that no TPM exists.</summary>
    public TpmTransportException(string message, long? code, bool notFound, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        NotFound = notFound;
    }

    /// <summary>The TBS result, errno or socket error where one was given.</summary>
    public long? Code { get; }

    /// <summary>True when there is no TPM (no device file, TBS_E_TPM_NOT_FOUND, nothing listening at the endpoint).</summary>
    public bool NotFound { get; }
}
