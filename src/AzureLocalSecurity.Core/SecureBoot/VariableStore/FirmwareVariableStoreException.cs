using System;
using System.Globalization;

namespace AzureLocalSecurity.SecureBoot.VariableStore;

/// <summary>
/// A firmware variable store image (an OVMF <c>OVMF_VARS.fd</c>, a saved NVRAM file) is not well formed: not a firmware
/// volume holding NV data, a header whose checksum or sizes do not hold, a variable whose name or data runs past the
/// store, a name that is not NUL-terminated UTF-16. <see cref="Offset"/> is the byte offset in the image of the field
/// found wrong (the end of the image when it is cut short). Nothing is read outside the image and nothing is allocated
/// from a size before that size was checked against the bytes that are there.
/// </summary>
public sealed class FirmwareVariableStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FirmwareVariableStoreException()
        : this("The firmware variable store is not well formed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public FirmwareVariableStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public FirmwareVariableStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a problem at an offset.</summary>
    public FirmwareVariableStoreException(string problem, long offset)
        : base(string.Format(CultureInfo.InvariantCulture, "The firmware variable store is not well formed at byte {0} (0x{0:X}): {1}", offset, problem))
    {
        Offset = offset;
        Problem = problem;
    }

    /// <summary>The byte offset in the image where the problem was found (-1 when not known).</summary>
    public long Offset { get; } = -1;

    /// <summary>What is wrong, without the offset.</summary>
    public string? Problem { get; }
}
