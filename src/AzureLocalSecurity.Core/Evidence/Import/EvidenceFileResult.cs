namespace AzureLocalSecurity.Evidence.Import;

/// <summary>One file of a folder given to <see cref="EvidenceFileImporter"/>: what it was taken for, and whether it was read.</summary>
public sealed class EvidenceFileResult
{
    internal EvidenceFileResult(string path, string format, bool imported, string? reason)
    {
        Path = path;
        Format = format;
        Imported = imported;
        Reason = reason;
    }

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <summary>The format it was recognized as (<c>auditpol /backup CSV</c>, <c>reg export</c>, ...), or <c>unknown</c>.</summary>
    public string Format { get; }

    /// <summary>Whether its facts are in the bundle.</summary>
    public bool Imported { get; }

    /// <summary>Why it was not read (or what of it was left out), or null.</summary>
    public string? Reason { get; }

    /// <inheritdoc />
    public override string ToString() => Imported ? $"{Path}: {Format}" : $"{Path}: skipped ({Reason})";
}
