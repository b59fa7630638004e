using System;
using System.Globalization;
using System.Runtime.Versioning;
using AzureLocalSecurity.Collection.Windows;

namespace AzureLocalSecurity.Tpm.Transports;

/// <summary>
/// Reaches the TPM 2.0 through Windows TPM Base Services (tbs.dll): one TBS context, commands submitted at locality 0
/// with normal priority. A TBS_RESULT other than TBS_SUCCESS is this transport's failure; a TPM-level error is not: it
/// arrives in the response's header, which the caller decodes.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class TbsTpmTransport : ITpmTransport
{
    /// <summary>The result buffer tried first; a larger response makes TBS ask for more (see <see cref="GrownResultBufferSize"/>).</summary>
    internal const uint InitialResultBufferSize = 4096;

    private readonly object _gate = new();
    private readonly SafeTbsContextHandle _context;
    private bool _disposed;

    internal TbsTpmTransport(SafeTbsContextHandle context) => _context = context;

    /// <inheritdoc />
    public string Description => "TBS";

    /// <summary>Opens a TBS context for TPM 2.0 (TBS_CONTEXT_PARAMS2, version 2, includeTpm20 only).</summary>
    /// <exception cref="TpmTransportException">
    /// TBS has no TPM 2.0 for this context (TBS_E_TPM_NOT_FOUND) or tbs.dll cannot be loaded: <see cref="TpmTransportException.NotFound"/>
    /// is true. TBS refused the context for another reason (service stopped, disabled, too many contexts): NotFound is false
    /// and <see cref="TpmTransportException.Code"/> is the TBS_RESULT.
    /// </exception>
    public static TbsTpmTransport Open()
    {
        var parameters = new Tbs.TbsContextParams2 { Version = Tbs.TbsContextVersionTwo, Flags = Tbs.TbsContextIncludeTpm20 };
        SafeTbsContextHandle context;
        uint result;
        try
        {
            result = Tbs.Tbsi_Context_Create(ref parameters, out context);
        }
        catch (DllNotFoundException ex)
        {
            throw LibraryMissing(ex);
        }
        catch (EntryPointNotFoundException ex)
        {
            throw LibraryMissing(ex);
        }

        if (result != Tbs.TbsSuccess)
        {
            // No context on failure: whatever the out slot holds is not closed.
            context.SetHandleAsInvalid();
            context.Dispose();
            throw OpenFailure(result);
        }

        return new TbsTpmTransport(context);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="command"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The transport was disposed.</exception>
    /// <exception cref="TpmTransportException">Tbsip_Submit_Command returned a TBS error; <see cref="TpmTransportException.Code"/> is the TBS_RESULT.</exception>
    public byte[] Submit(byte[] command)
    {
        if (command is null)
        {
            throw new ArgumentNullException(nameof(command));
        }

        // One command at a time: callers on several threads must not interleave on one context, and Dispose waits here.
        lock (_gate)
        {
            DisposedGuard.ThrowIf(_disposed, this);

            var size = InitialResultBufferSize;
            while (true)
            {
                var buffer = new byte[size];
                var written = size;
                var result = Tbs.Tbsip_Submit_Command(_context, Tbs.TbsCommandLocalityZero, Tbs.TbsCommandPriorityNormal, command, (uint)command.Length, buffer, ref written);
                if (result == Tbs.TbsSuccess)
                {
                    return TakeWritten(buffer, written);
                }

                var grown = GrownResultBufferSize(result, size, written);
                if (grown is null)
                {
                    throw SubmitFailure(result, size, written);
                }

                size = grown.Value;
            }
        }
    }

    /// <summary>Closes the TBS context. Calling it again does nothing.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _context.Dispose();
        }
    }

    /// <summary>
    /// The size to retry a submit with, or null when the failure stands. Only TBS_E_INSUFFICIENT_BUFFER is retried, with
    /// the size TBS wrote back, and only when that size is larger than the buffer just tried (anything else would repeat
    /// the same call) and no larger than TBS_IN_OUT_BUF_SIZE_MAX (TBS takes no larger buffer, so the retry would fail too).
    /// </summary>
    internal static uint? GrownResultBufferSize(uint result, uint triedSize, uint reportedSize) =>
        result == Tbs.TbsEInsufficientBuffer && reportedSize > triedSize && reportedSize <= Tbs.TbsInOutBufSizeMax
            ? reportedSize
            : null;

    /// <summary>The bytes TBS wrote, exactly; a count past the buffer's end is a broken answer, not a response.</summary>
    internal static byte[] TakeWritten(byte[] buffer, uint written)
    {
        if (written > buffer.Length)
        {
            throw new TpmTransportException(
                string.Format(CultureInfo.InvariantCulture, "Tbsip_Submit_Command reported {0} bytes written into a {1}-byte buffer.", written, buffer.Length),
                null,
                notFound: false);
        }

        var response = new byte[written];
        Buffer.BlockCopy(buffer, 0, response, 0, (int)written);
        return response;
    }

    /// <summary>The exception for a context TBS would not create: NotFound only for TBS_E_TPM_NOT_FOUND.</summary>
    internal static TpmTransportException OpenFailure(uint result) =>
        new("Tbsi_Context_Create failed: " + DescribeResult(result) + ".", result, notFound: result == Tbs.TbsETpmNotFound);

    /// <summary>The exception for tbs.dll, or its entry point, missing: this system has no TPM Base Services, so no TPM to reach through them.</summary>
    internal static TpmTransportException LibraryMissing(Exception cause) =>
        new("TPM Base Services are not available (tbs.dll or Tbsi_Context_Create could not be loaded): " + cause.Message, null, notFound: true, cause);

    /// <summary>The exception for a submit TBS did not carry out.</summary>
    internal static TpmTransportException SubmitFailure(uint result, uint triedSize, uint reportedSize)
    {
        var message = "Tbsip_Submit_Command failed: " + DescribeResult(result);
        if (result == Tbs.TbsEInsufficientBuffer)
        {
            message += string.Format(CultureInfo.InvariantCulture, " (a {0}-byte buffer was given; TBS asked for {1} bytes; at most {2} are allowed)", triedSize, reportedSize, Tbs.TbsInOutBufSizeMax);
        }

        return new TpmTransportException(message + ".", result, notFound: false);
    }

    /// <summary>
    /// A TBS_RESULT as its winerror.h name and value (WINAPI.md Appendix A), with what it means where Microsoft documents
    /// it (learn.microsoft.com/windows/win32/tbs/tbs-return-codes). A value outside that table is shown as a bare number.
    /// </summary>
    internal static string DescribeResult(uint result)
    {
        (string Name, string? Meaning)? known = result switch
        {
            Tbs.TbsSuccess => ("TBS_SUCCESS", "the call succeeded"),
            Tbs.TbsEInternalError => ("TBS_E_INTERNAL_ERROR", "an internal software error occurred in TBS"),
            Tbs.TbsEBadParameter => ("TBS_E_BAD_PARAMETER", "a parameter was not valid"),
            Tbs.TbsEInvalidOutputPointer => ("TBS_E_INVALID_OUTPUT_POINTER", "an output pointer was not valid"),
            Tbs.TbsEInvalidContext => ("TBS_E_INVALID_CONTEXT", "the context handle does not refer to a valid context"),
            Tbs.TbsEInsufficientBuffer => ("TBS_E_INSUFFICIENT_BUFFER", "the output buffer is too small"),
            Tbs.TbsEIoError => ("TBS_E_IOERROR", "an error occurred while communicating with the TPM"),
            Tbs.TbsEInvalidContextParam => ("TBS_E_INVALID_CONTEXT_PARAM", "the context parameters were not valid"),
            Tbs.TbsEServiceNotRunning => ("TBS_E_SERVICE_NOT_RUNNING", "the TBS service is not running and could not be started"),
            Tbs.TbsETooManyTbsContexts => ("TBS_E_TOO_MANY_TBS_CONTEXTS", "too many TBS contexts are open"),
            Tbs.TbsETooManyResources => ("TBS_E_TOO_MANY_RESOURCES", "too many virtual resources are open"),
            Tbs.TbsEServiceStartPending => ("TBS_E_SERVICE_START_PENDING", "the TBS service has been started but is not yet running"),
            Tbs.TbsEPpiNotSupported => ("TBS_E_PPI_NOT_SUPPORTED", "the physical presence interface is not supported"),
            Tbs.TbsECommandCanceled => ("TBS_E_COMMAND_CANCELED", "the command was canceled"),
            Tbs.TbsEBufferTooLarge => ("TBS_E_BUFFER_TOO_LARGE", "the input or output buffer is too large"),
            Tbs.TbsETpmNotFound => ("TBS_E_TPM_NOT_FOUND", "TBS found no TPM 2.0 on this computer (a TPM 1.2 is not asked for and is reported the same way)"),
            Tbs.TbsEServiceDisabled => ("TBS_E_SERVICE_DISABLED", "the TBS service is disabled"),
            Tbs.TbsENoEventLog => ("TBS_E_NO_EVENT_LOG", "the TBS event log is not available"),
            Tbs.TbsEAccessDenied => ("TBS_E_ACCESS_DENIED", "the caller lacks the rights for the operation"),
            Tbs.TbsEProvisioningNotAllowed => ("TBS_E_PROVISIONING_NOT_ALLOWED", null),
            Tbs.TbsEPpiFunctionUnsupported => ("TBS_E_PPI_FUNCTION_UNSUPPORTED", null),
            Tbs.TbsEOwnerAuthNotFound => ("TBS_E_OWNERAUTH_NOT_FOUND", null),
            Tbs.TbsEProvisioningIncomplete => ("TBS_E_PROVISIONING_INCOMPLETE", null),
            Tbs.TbsETpmInExclusiveMode => ("TBS_E_TPM_IN_EXCLUSIVE_MODE", null),
            Tbs.TbsETpmRebootRequired => ("TBS_E_TPM_REBOOT_REQUIRED", null),
            Tbs.TpmECommandBlocked => ("TPM_E_COMMAND_BLOCKED", "Windows blocks this TPM command"),
            _ => null,
        };

        var hex = "0x" + result.ToString("X8", CultureInfo.InvariantCulture);
        return known switch
        {
            null => "TBS_RESULT " + hex,
            { Meaning: null } k => k.Name + " (" + hex + ")",
            { } k => k.Name + " (" + hex + "): " + k.Meaning,
        };
    }
}
