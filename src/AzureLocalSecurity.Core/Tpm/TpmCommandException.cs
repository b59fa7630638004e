using System;

namespace AzureLocalSecurity.Tpm;

/// <summary>
/// A TPM answered a command with a response code other than TPM_RC_SUCCESS: the TPM was reached and refused or failed
/// the command. (A TPM that could not be reached is a <see cref="Transports.TpmTransportException"/>.)
/// </summary>
public sealed class TpmCommandException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TpmCommandException()
        : this("The TPM did not complete the command.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public TpmCommandException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public TpmCommandException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Creates the exception for a command and the response code the TPM gave it; the message names both, such as
    /// <c>TPM2_NV_Read failed: TPM_RC_HANDLE (0x0000018B): the handle is not correct for the use, in handle 1</c>.
    /// </summary>
    /// <param name="commandCode">The command's TPM_CC.</param>
    /// <param name="responseCode">What the TPM answered.</param>
    public TpmCommandException(uint commandCode, TpmResponseCode responseCode)
        : base(TpmNames.Command(commandCode) + " failed: " + (responseCode ?? throw new ArgumentNullException(nameof(responseCode))))
    {
        CommandCode = commandCode;
        ResponseCode = responseCode;
    }

    /// <summary>The command's TPM_CC; 0 when the exception was created without one.</summary>
    public uint CommandCode { get; }

    /// <summary>The command's name (<c>TPM2_NV_Read</c>); empty when the exception was created without a command code.</summary>
    public string CommandName => ResponseCode is null ? string.Empty : TpmNames.Command(CommandCode);

    /// <summary>What the TPM answered; null when the exception was created without a response code.</summary>
    public TpmResponseCode? ResponseCode { get; }
}
