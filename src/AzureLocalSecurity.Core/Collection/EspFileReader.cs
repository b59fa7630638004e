using System;
using System.Globalization;
using System.IO;
using System.Linq;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Collection;

/// <summary>
/// Reads a file of the EFI system partition into evidence (<see cref="SecureBootEvidenceIds.EspFile"/>), bounded, with a
/// missing file, a refused read and an I/O failure each told apart. The platform collectors find the partition; this
/// only reads from it.
/// </summary>
internal static class EspFileReader
{
    /// <summary>The most read from one file: the Windows boot manager is about 2.5 MB; a boot file of 32 MiB is not one.</summary>
    internal const int MaxFileBytes = 32 * 1024 * 1024;

    /// <summary>Reads <paramref name="fullPath"/> as the partition's <paramref name="espPath"/>.</summary>
    internal static EvidenceItem Read(string espPath, string fullPath, string source, DateTimeOffset now)
    {
        var id = SecureBootEvidenceIds.EspFile(espPath);
        try
        {
            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            using var content = new MemoryStream();
            var chunk = new byte[64 * 1024];
            int n;
            while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (content.Length + n > MaxFileBytes)
                {
                    return Error(id, source, now, new EvidenceError(EvidenceErrorCategory.Failed, string.Format(CultureInfo.InvariantCulture, "{0} is larger than {1} bytes; no boot file is.", espPath, MaxFileBytes)));
                }

                content.Write(chunk, 0, n);
            }

            return EvidenceItem.ForBlob(id, source, now, content.ToArray());
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return NotFound(espPath, source, now);
        }
        catch (UnauthorizedAccessException ex)
        {
            return Error(id, source, now, new EvidenceError(EvidenceErrorCategory.AccessDenied, ex.Message));
        }
        catch (IOException ex)
        {
            return Error(id, source, now, new EvidenceError(EvidenceErrorCategory.Failed, ex.Message, ex.HResult));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return Error(id, source, now, new EvidenceError(EvidenceErrorCategory.Failed, $"The path {fullPath} could not be opened: {ex.Message}"));
        }
    }

    /// <summary>The partition has no such file.</summary>
    internal static EvidenceItem NotFound(string espPath, string source, DateTimeOffset now) =>
        Error(SecureBootEvidenceIds.EspFile(espPath), source, now, new EvidenceError(EvidenceErrorCategory.NotFound, $"The EFI system partition has no {espPath}."));

    /// <summary>A failed read of the file.</summary>
    internal static EvidenceItem Error(string id, string source, DateTimeOffset now, EvidenceError error) =>
        EvidenceItem.ForError(id, EvidenceKind.Blob, source, now, error);

    /// <summary>Whether <paramref name="root"/> holds a folder named <paramref name="name"/> in any case; false when it cannot be listed.</summary>
    internal static bool HasFolder(string root, string name)
    {
        try
        {
            return Directory.Exists(root) && Directory.EnumerateDirectories(root).Any(d => string.Equals(Path.GetFileName(d), name, StringComparison.OrdinalIgnoreCase));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// The file under <paramref name="root"/> whose path matches <paramref name="espPath"/> segment by segment without
    /// regard to case (FAT names are case-insensitive; a mount may show them in any case), or null when there is none.
    /// </summary>
    internal static string? FindIgnoringCase(string root, string espPath)
    {
        var current = root;
        var segments = espPath.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            var exact = Path.Combine(current, segments[i]);
            if (last ? File.Exists(exact) : Directory.Exists(exact))
            {
                current = exact;
                continue;
            }

            if (!Directory.Exists(current))
            {
                return null;
            }

            string? match;
            try
            {
                var entries = last ? Directory.EnumerateFiles(current) : Directory.EnumerateDirectories(current);
                match = entries.FirstOrDefault(e => string.Equals(Path.GetFileName(e), segments[i], StringComparison.OrdinalIgnoreCase));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Unlistable: try the exact name, so that the read reports the refusal.
                return Path.Combine(current, string.Join(Path.DirectorySeparatorChar.ToString(), segments.Skip(i)));
            }

            if (match is null)
            {
                return null;
            }

            current = match;
        }

        return current;
    }
}
