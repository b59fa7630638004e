using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace AzureLocalSecurity.Evidence;

/// <summary>
/// Finds the bundles a path names: a zip file or a bundle folder (one with a manifest.json) is one bundle; any other folder
/// is a folder of bundles, and its bundles are its .zip files and its bundle folders (not deeper), by name. Lists names only:
/// nothing is read, so a caller can read and drop one bundle at a time.
/// </summary>
public static class EvidenceBundleLocator
{
    /// <summary>Whether <paramref name="folder"/> is itself a bundle (it holds a manifest.json).</summary>
    public static bool IsBundleFolder(string folder) =>
        Directory.Exists(folder) && File.Exists(Path.Combine(folder, EvidenceSchema.ManifestFileName));

    /// <summary>Whether <paramref name="path"/> is a folder that is not a bundle, so names a folder of bundles.</summary>
    public static bool IsFolderOfBundles(string path) => Directory.Exists(path) && !IsBundleFolder(path);

    /// <summary>
    /// The bundles <paramref name="path"/> names: itself, unless it is a folder of bundles; then its .zip files and bundle
    /// folders in ordinal name order (possibly none). A path that does not exist is returned as is, for the reader to report.
    /// </summary>
    public static IReadOnlyList<string> Expand(string path)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        if (!IsFolderOfBundles(path))
        {
            return [path];
        }

        var zips = Directory.EnumerateFiles(path, "*", SearchOption.TopDirectoryOnly)
            .Where(f => f.EndsWith(".zip", StringComparison.OrdinalIgnoreCase));
        var folders = Directory.EnumerateDirectories(path, "*", SearchOption.TopDirectoryOnly).Where(IsBundleFolder);
        return zips.Concat(folders).OrderBy(p => Path.GetFileName(p), StringComparer.Ordinal).ToList();
    }
}
