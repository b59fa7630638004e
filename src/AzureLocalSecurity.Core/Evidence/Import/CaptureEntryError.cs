using System;

namespace AzureLocalSecurity.Evidence.Import;

/// <summary>Why one capture of a document has no data: the exception the script caught, or a condition the script recognized.</summary>
public sealed class CaptureEntryError
{
    /// <summary>Creates an error.</summary>
    public CaptureEntryError(string message, string type, string? code, string? category)
    {
        Message = message ?? throw new ArgumentNullException(nameof(message));
        Type = type ?? throw new ArgumentNullException(nameof(type));
        Code = code;
        Category = category;
    }

    /// <summary>The exception's message.</summary>
    public string Message { get; }

    /// <summary>The exception's full type name (<c>Microsoft.Management.Infrastructure.CimException</c>), or <c>capture</c> for a condition the script recognized itself.</summary>
    public string Type { get; }

    /// <summary>A code where the exception had one: a CimException's NativeErrorCode name, an HRESULT in hex, a tool's exit code.</summary>
    public string? Code { get; }

    /// <summary>The category the script decided on (<c>NotFound</c>, <c>NotSupported</c>, ...), or null to let the importer decide from the type and code.</summary>
    public string? Category { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Type}: {Message}";
}
