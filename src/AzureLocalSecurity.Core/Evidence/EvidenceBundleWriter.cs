using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security.Cryptography;

namespace AzureLocalSecurity.Evidence;

/// <summary>
/// Writes a bundle as a folder or, when the path ends in <c>.zip</c>, as one zip file with the same
/// layout: <c>manifest.json</c> and <c>data/&lt;sha256&gt;.bin</c> for every distinct raw content.
/// A zip is written beside its target and moved into place, so a failed write leaves no half file.
/// </summary>
public static class EvidenceBundleWriter
{
    /// <summary>True when <paramref name="path"/> names a zip bundle rather than a folder.</summary>
    public static bool IsZipPath(string path) => string.Equals(Path.GetExtension(path), ".zip", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when something is already at <paramref name="path"/>: a file, or a folder that is not empty.</summary>
    public static bool TargetExists(string path) =>
        File.Exists(path) || (Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any());

    /// <summary>
    /// Writes <paramref name="bundle"/> to <paramref name="path"/> and returns it with its new location.
    /// An existing target is replaced only when <paramref name="overwrite"/> is set, and then only if it is
    /// itself a bundle (a zip file, or a folder holding a manifest), so no unrelated folder is ever deleted.
    /// </summary>
    public static EvidenceBundle Write(EvidenceBundle bundle, string path, bool overwrite)
    {
        if (bundle is null)
        {
            throw new ArgumentNullException(nameof(bundle));
        }

        var full = Path.GetFullPath(path ?? throw new ArgumentNullException(nameof(path)));
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var manifest = EvidenceManifestSerializer.Write(bundle, item =>
        {
            if (item.RawData is not { } data)
            {
                return null;
            }

            var name = EvidenceSchema.DataFolderName + "/" + Sha256Hex(data) + ".bin";
            files[name] = data;
            return name;
        });

        if (IsZipPath(full))
        {
            WriteZip(full, manifest, files, bundle.CapturedAt, overwrite);
        }
        else
        {
            WriteFolder(full, manifest, files, overwrite);
        }

        return bundle.WithLocation(full);
    }

    internal static string Sha256Hex(byte[] data)
    {
        using var sha = SHA256.Create();
        return string.Concat(sha.ComputeHash(data).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static void WriteZip(string full, byte[] manifest, Dictionary<string, byte[]> files, DateTimeOffset time, bool overwrite)
    {
        if (Directory.Exists(full))
        {
            throw new IOException($"'{full}' is a folder; a .zip bundle path must name a file.");
        }

        if (File.Exists(full) && !overwrite)
        {
            throw new IOException($"'{full}' already exists. Use -Force to replace it.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
            {
                // Zip times have a 1980 floor; the capture time keeps the archive reproducible.
                var stamp = time.Year < 1980 ? new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero) : time;
                AddEntry(zip, EvidenceSchema.ManifestFileName, manifest, stamp);
                foreach (var f in files.OrderBy(f => f.Key, StringComparer.Ordinal))
                {
                    AddEntry(zip, f.Key, f.Value, stamp);
                }
            }

            if (File.Exists(full))
            {
                File.Delete(full);
            }

            File.Move(temp, full);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private static void AddEntry(ZipArchive zip, string name, byte[] content, DateTimeOffset time)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = time;
        using var s = entry.Open();
        s.Write(content, 0, content.Length);
    }

    private static void WriteFolder(string full, byte[] manifest, Dictionary<string, byte[]> files, bool overwrite)
    {
        if (File.Exists(full))
        {
            throw new IOException($"'{full}' is a file; a folder bundle path must name a folder (or end in .zip).");
        }

        if (TargetExists(full))
        {
            if (!overwrite)
            {
                throw new IOException($"'{full}' already exists and is not empty. Use -Force to replace the bundle in it.");
            }

            if (!File.Exists(Path.Combine(full, EvidenceSchema.ManifestFileName)))
            {
                throw new IOException($"'{full}' is not an evidence bundle (it has no {EvidenceSchema.ManifestFileName}); it is left as it is.");
            }

            Directory.Delete(full, recursive: true);
        }

        Directory.CreateDirectory(Path.Combine(full, EvidenceSchema.DataFolderName));
        foreach (var f in files)
        {
            File.WriteAllBytes(Path.Combine(full, EvidenceSchema.DataFolderName, f.Key.Substring(EvidenceSchema.DataFolderName.Length + 1)), f.Value);
        }

        // The manifest goes last: a folder without it is visibly incomplete.
        File.WriteAllBytes(Path.Combine(full, EvidenceSchema.ManifestFileName), manifest);
    }
}
