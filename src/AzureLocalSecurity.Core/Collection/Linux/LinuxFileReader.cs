using System;
using System.IO;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Collection.Linux;

/// <summary>Reads small files and path facts under the context's root. Reads are bounded: pseudo-files and text facts are small.</summary>
internal static class LinuxFileReader
{
    internal const int MaxTextBytes = 1024 * 1024;

    internal static string Resolve(CollectionContext context, string absolutePath) =>
        Path.Combine(context.LinuxRoot, absolutePath.TrimStart('/'));

    internal static EvidenceItem ReadText(CollectionContext context, string absolutePath)
    {
        var id = EvidenceIds.LinuxFile(absolutePath);
        var full = Resolve(context, absolutePath);
        var source = "file " + absolutePath;
        try
        {
            using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            // procfs reports length 0, so read to the end with a cap rather than trusting Length.
            var buffer = new byte[MaxTextBytes + 1];
            var total = 0;
            int n;
            while (total < buffer.Length && (n = stream.Read(buffer, total, buffer.Length - total)) > 0)
            {
                total += n;
            }

            if (total > MaxTextBytes)
            {
                return EvidenceItem.ForError(id, EvidenceKind.Text, source, context.Clock(), new EvidenceError(EvidenceErrorCategory.Failed, $"{absolutePath} is larger than {MaxTextBytes} bytes."));
            }

            return EvidenceItem.ForText(id, source, context.Clock(), System.Text.Encoding.UTF8.GetString(buffer, 0, total));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return EvidenceItem.ForError(id, EvidenceKind.Text, source, context.Clock(), new EvidenceError(EvidenceErrorCategory.NotFound, $"{absolutePath} does not exist."));
        }
        catch (UnauthorizedAccessException ex)
        {
            return EvidenceItem.ForError(id, EvidenceKind.Text, source, context.Clock(), new EvidenceError(EvidenceErrorCategory.AccessDenied, ex.Message));
        }
        catch (IOException ex)
        {
            return EvidenceItem.ForError(id, EvidenceKind.Text, source, context.Clock(), new EvidenceError(EvidenceErrorCategory.Failed, ex.Message, ex.HResult));
        }
    }

    internal static EvidenceItem PathExists(CollectionContext context, string absolutePath, string id)
    {
        var full = Resolve(context, absolutePath);
        var exists = Directory.Exists(full) || File.Exists(full);
        return EvidenceItem.ForRecords(id, "path " + absolutePath, context.Clock(), [new EvidenceRecord([new("Exists", EvidenceValue.FromBoolean(exists))])]);
    }
}
