namespace AzureLocalSecurity.Evidence;

/// <summary>The kinds of unreadable bundle, each a stable error id in the cmdlets.</summary>
public enum EvidenceFormatError
{
    /// <summary>There is no bundle at the path.</summary>
    NotFound,

    /// <summary>A file is missing, the JSON is invalid, a hash does not match, the zip is truncated.</summary>
    Damaged,

    /// <summary>The bundle was written with a newer schema than this module reads.</summary>
    UnsupportedSchema,

    /// <summary>A name in the bundle points outside it (path traversal, absolute path, link).</summary>
    UnsafePath,

    /// <summary>The bundle exceeds a size limit (entries, file size, total size).</summary>
    TooLarge,
}
