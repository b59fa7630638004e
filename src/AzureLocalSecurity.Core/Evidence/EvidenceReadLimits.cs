namespace AzureLocalSecurity.Evidence;

/// <summary>
/// The bounds of one bundle read: the manifest's size, the bytes taken from the bundle in all, and the zip's entry count.
/// <see cref="Default"/> holds <see cref="EvidenceSchema"/>'s limits, which every public read uses; tests lower them to reach
/// each limit with small bundles.
/// </summary>
internal sealed class EvidenceReadLimits
{
    internal static readonly EvidenceReadLimits Default = new(EvidenceSchema.MaxManifestBytes, EvidenceSchema.MaxTotalBytes, EvidenceSchema.MaxEntries);

    internal EvidenceReadLimits(long maxManifestBytes, long maxTotalBytes, int maxEntries)
    {
        MaxManifestBytes = maxManifestBytes;
        MaxTotalBytes = maxTotalBytes;
        MaxEntries = maxEntries;
    }

    /// <summary>The largest manifest read.</summary>
    internal long MaxManifestBytes { get; }

    /// <summary>The most bytes taken from one bundle: the manifest and every data file read.</summary>
    internal long MaxTotalBytes { get; }

    /// <summary>The most entries a bundle zip may hold.</summary>
    internal int MaxEntries { get; }
}
