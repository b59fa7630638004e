using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text.RegularExpressions;

namespace AzureLocalSecurity.Evidence;

/// <summary>
/// Reads a bundle from a folder, a zip file or bytes. Every name the bundle uses must have the exact form
/// <c>data/&lt;64 hex&gt;.bin</c>, so no name can reach outside it; every size is bounded; every data file's
/// SHA-256 must match its name. Any problem is an <see cref="EvidenceFormatException"/> that says what.
/// </summary>
public static class EvidenceBundleReader
{
    private static readonly Regex DataName = new("^data/[0-9a-f]{64}\\.bin$", RegexOptions.CultureInvariant);

    /// <summary>Reads the bundle at <paramref name="path"/> (a bundle folder, its manifest.json, or a zip file).</summary>
    public static EvidenceBundle Read(string path) => Read(path, EvidenceReadLimits.Default);

    /// <summary>Reads the bundle at <paramref name="path"/> within <paramref name="limits"/>.</summary>
    internal static EvidenceBundle Read(string path, EvidenceReadLimits limits)
    {
        var full = Path.GetFullPath(path ?? throw new ArgumentNullException(nameof(path)));
        if (Directory.Exists(full))
        {
            return ReadFolder(full, limits);
        }

        if (File.Exists(full))
        {
            if (string.Equals(Path.GetFileName(full), EvidenceSchema.ManifestFileName, StringComparison.OrdinalIgnoreCase))
            {
                return ReadFolder(Path.GetDirectoryName(full)!, limits);
            }

            try
            {
                using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read);
                return ReadZip(stream, full, limits);
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new EvidenceFormatException(EvidenceFormatError.NotFound, $"Evidence bundle '{full}' cannot be opened: {ex.Message}", ex);
            }
        }

        throw new EvidenceFormatException(EvidenceFormatError.NotFound, $"There is no evidence bundle at '{full}'.");
    }

    /// <summary>Reads a zip bundle held in memory (as a fuzzer or a remote transfer hands it over).</summary>
    public static EvidenceBundle ReadZip(byte[] zipBytes, string location) => ReadZip(zipBytes, location, EvidenceReadLimits.Default);

    /// <summary>Reads a zip bundle held in memory within <paramref name="limits"/>.</summary>
    internal static EvidenceBundle ReadZip(byte[] zipBytes, string location, EvidenceReadLimits limits)
    {
        using var stream = new MemoryStream(zipBytes ?? throw new ArgumentNullException(nameof(zipBytes)), writable: false);
        return ReadZip(stream, location, limits);
    }

    private static EvidenceBundle ReadFolder(string folder, EvidenceReadLimits limits)
    {
        var budget = new Budget(folder, limits.MaxTotalBytes);
        var manifestPath = Path.Combine(folder, EvidenceSchema.ManifestFileName);
        var manifest = ReadBoundedFile(manifestPath, limits.MaxManifestBytes, EvidenceFormatError.TooLarge, folder, EvidenceSchema.ManifestFileName, budget);
        return EvidenceManifestSerializer.Read(
            manifest,
            (name, length, jsonPath) =>
            {
                CheckDataName(name, folder, jsonPath);
                var file = Path.Combine(folder, EvidenceSchema.DataFolderName, name.Substring(EvidenceSchema.DataFolderName.Length + 1));
                return CheckData(ReadBoundedFile(file, length, null, folder, name, budget), name, length, folder);
            },
            folder);
    }

    /// <summary>
    /// Reads <paramref name="file"/> when it is a plain file of at most <paramref name="limit"/> bytes. Over the limit, the
    /// error is <paramref name="overLimit"/>; null for a data file, whose limit is its declared length: damage, unless it is
    /// also over <see cref="EvidenceSchema.MaxDataFileBytes"/>.
    /// </summary>
    private static byte[] ReadBoundedFile(string file, long limit, EvidenceFormatError? overLimit, string bundle, string name, Budget budget)
    {
        var info = new FileInfo(file);
        if (!info.Exists)
        {
            throw new EvidenceFormatException(EvidenceFormatError.Damaged, $"Evidence bundle '{bundle}' is missing {name}.");
        }

        // A link could point anywhere on the machine; a bundle is plain files only.
        if ((info.Attributes & FileAttributes.ReparsePoint) != 0 || (info.Directory is { } dir && (dir.Attributes & FileAttributes.ReparsePoint) != 0))
        {
            throw new EvidenceFormatException(EvidenceFormatError.UnsafePath, $"Evidence bundle '{bundle}': {name} is a link; a bundle holds plain files only.");
        }

        if (info.Length > limit)
        {
            throw new EvidenceFormatException(overLimit ?? (info.Length > EvidenceSchema.MaxDataFileBytes ? EvidenceFormatError.TooLarge : EvidenceFormatError.Damaged), $"Evidence bundle '{bundle}': {name} is {info.Length} bytes, more than the {limit} expected.");
        }

        budget.Take(info.Length);
        try
        {
            return File.ReadAllBytes(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EvidenceFormatException(EvidenceFormatError.Damaged, $"Evidence bundle '{bundle}': {name} cannot be read: {ex.Message}", ex);
        }
    }

    private static EvidenceBundle ReadZip(Stream stream, string location, EvidenceReadLimits limits)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException ex)
        {
            throw new EvidenceFormatException(EvidenceFormatError.Damaged, $"Evidence bundle '{location}' is not a readable zip file (truncated or damaged): {ex.Message}", ex);
        }

        using (zip)
        {
            try
            {
                return ReadZipEntries(zip, location, limits);
            }
            catch (InvalidDataException ex)
            {
                throw new EvidenceFormatException(EvidenceFormatError.Damaged, $"Evidence bundle '{location}' is damaged: {ex.Message}", ex);
            }
        }
    }

    private static EvidenceBundle ReadZipEntries(ZipArchive zip, string location, EvidenceReadLimits limits)
    {
        var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
        var count = 0;
        foreach (var entry in zip.Entries)
        {
            if (++count > limits.MaxEntries)
            {
                throw new EvidenceFormatException(EvidenceFormatError.TooLarge, $"Evidence bundle '{location}' has more than {limits.MaxEntries} entries.");
            }

            var name = entry.FullName;
            if (IsUnsafeName(name))
            {
                throw new EvidenceFormatException(EvidenceFormatError.UnsafePath, $"Evidence bundle '{location}' holds an entry named '{name}', which points outside the bundle; nothing was read.");
            }

            if (!entries.ContainsKey(name))
            {
                entries.Add(name, entry);
            }
            else if (name.Length > 0 && name[name.Length - 1] != '/')
            {
                throw new EvidenceFormatException(EvidenceFormatError.Damaged, $"Evidence bundle '{location}' holds two entries named '{name}'.");
            }
        }

        var budget = new Budget(location, limits.MaxTotalBytes);
        if (!entries.TryGetValue(EvidenceSchema.ManifestFileName, out var manifestEntry))
        {
            throw new EvidenceFormatException(EvidenceFormatError.Damaged, $"Evidence bundle '{location}' is missing {EvidenceSchema.ManifestFileName}.");
        }

        var manifest = ReadEntry(manifestEntry, limits.MaxManifestBytes, location, budget);
        return EvidenceManifestSerializer.Read(
            manifest,
            (name, length, jsonPath) =>
            {
                CheckDataName(name, location, jsonPath);
                if (!entries.TryGetValue(name, out var entry))
                {
                    throw new EvidenceFormatException(EvidenceFormatError.Damaged, $"Evidence bundle '{location}' is missing {name}.");
                }

                return CheckData(ReadEntry(entry, length, location, budget), name, length, location);
            },
            location);
    }

    private static byte[] ReadEntry(ZipArchiveEntry entry, long limit, string location, Budget budget)
    {
        // The declared size can lie; read at most limit + 1 bytes, whatever the header says.
        if (entry.Length > limit)
        {
            throw new EvidenceFormatException(EvidenceFormatError.TooLarge, $"Evidence bundle '{location}': {entry.FullName} declares {entry.Length} bytes, more than the {limit} allowed.");
        }

        using var s = entry.Open();
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = s.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + n > limit)
            {
                throw new EvidenceFormatException(EvidenceFormatError.TooLarge, $"Evidence bundle '{location}': {entry.FullName} expands past the {limit} bytes allowed.");
            }

            budget.Take(n);
            buffer.Write(chunk, 0, n);
        }

        return buffer.ToArray();
    }

    private static void CheckDataName(string name, string location, string jsonPath)
    {
        if (!DataName.IsMatch(name))
        {
            var error = IsUnsafeName(name) ? EvidenceFormatError.UnsafePath : EvidenceFormatError.Damaged;
            throw new EvidenceFormatException(error, $"Evidence bundle '{location}': $.{jsonPath}.file names '{name}'; data files are named data/<sha256>.bin inside the bundle.");
        }
    }

    private static byte[] CheckData(byte[] data, string name, long length, string location)
    {
        if (data.Length != length)
        {
            throw new EvidenceFormatException(EvidenceFormatError.Damaged, $"Evidence bundle '{location}': {name} is {data.Length} bytes; the manifest says {length}.");
        }

        var expected = name.Substring(EvidenceSchema.DataFolderName.Length + 1, 64);
        if (!string.Equals(EvidenceBundleWriter.Sha256Hex(data), expected, StringComparison.Ordinal))
        {
            throw new EvidenceFormatException(EvidenceFormatError.Damaged, $"Evidence bundle '{location}': the content of {name} does not match its SHA-256 name (the file was changed or damaged).");
        }

        return data;
    }

    /// <summary>True for names that are absolute, climb out with "..", use backslashes or drive letters, or hold control characters.</summary>
    internal static bool IsUnsafeName(string name)
    {
        if (name.Length == 0 || name[0] == '/' || name.IndexOf('\\') >= 0 || name.IndexOf(':') >= 0)
        {
            return true;
        }

        foreach (var c in name)
        {
            if (c < 0x20)
            {
                return true;
            }
        }

        foreach (var part in name.Split('/'))
        {
            if (part == "..")
            {
                return true;
            }
        }

        return false;
    }

    private sealed class Budget
    {
        private readonly string _location;
        private readonly long _max;
        private long _used;

        public Budget(string location, long max)
        {
            _location = location;
            _max = max;
        }

        public void Take(long bytes)
        {
            _used += bytes;
            if (_used > _max)
            {
                throw new EvidenceFormatException(EvidenceFormatError.TooLarge, $"Evidence bundle '{_location}' holds more than {_max} bytes.");
            }
        }
    }
}
