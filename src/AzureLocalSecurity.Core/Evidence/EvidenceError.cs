namespace AzureLocalSecurity.Evidence;

/// <summary>Why an evidence item holds no data: the category, the message and, where the OS gave one, its code.</summary>
public sealed class EvidenceError
{
    /// <summary>Creates an error record.</summary>
    public EvidenceError(EvidenceErrorCategory category, string message, long? code = null)
    {
        Category = category;
        Message = message ?? throw new System.ArgumentNullException(nameof(message));
        Code = code;
    }

    /// <summary>The kind of failure.</summary>
    public EvidenceErrorCategory Category { get; }

    /// <summary>What happened, in words.</summary>
    public string Message { get; }

    /// <summary>The OS error code (Win32 error, NTSTATUS, HRESULT, errno) where one was given.</summary>
    public long? Code { get; }

    /// <inheritdoc />
    public override string ToString() => Code is null ? $"{Category}: {Message}" : $"{Category} (0x{Code.Value:X}): {Message}";
}
