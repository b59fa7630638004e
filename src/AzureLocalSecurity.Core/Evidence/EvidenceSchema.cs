namespace AzureLocalSecurity.Evidence;

/// <summary>The bundle layout and the limits a reader enforces. Change <see cref="CurrentVersion"/> with any change a reader of the previous version would misread.</summary>
public static class EvidenceSchema
{
    /// <summary>The schema version this module writes and the highest it reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The value of the manifest's <c>format</c> property.</summary>
    public const string FormatName = "AzureLocalSecurity.Evidence";

    /// <summary>The manifest's file name at the bundle root.</summary>
    public const string ManifestFileName = "manifest.json";

    /// <summary>The folder that holds raw bytes, one file per distinct content, named by its SHA-256.</summary>
    public const string DataFolderName = "data";

    /// <summary>The largest manifest a reader accepts.</summary>
    public const long MaxManifestBytes = 64L * 1024 * 1024;

    /// <summary>The largest single data file a reader accepts (a firmware event log is well under 1 MiB).</summary>
    public const long MaxDataFileBytes = 64L * 1024 * 1024;

    /// <summary>The most bytes a reader takes from one bundle in all.</summary>
    public const long MaxTotalBytes = 512L * 1024 * 1024;

    /// <summary>The most entries a bundle zip may hold.</summary>
    public const int MaxEntries = 20_000;

    /// <summary>The deepest JSON nesting a reader accepts.</summary>
    public const int MaxJsonDepth = 32;
}
