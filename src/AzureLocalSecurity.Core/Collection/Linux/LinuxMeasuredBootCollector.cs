using System;
using System.Collections.Generic;
using System.IO;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Collection.Linux;

/// <summary>
/// The firmware's TCG event log of the current boot as the Linux kernel exports it in securityfs
/// (<c>/sys/kernel/security/tpm0/binary_bios_measurements</c>, readable by root), filed as
/// <see cref="MeasuredBootEvidenceIds.SrtmLog"/>. The pseudo-file reports no length, so it is read to its end with a cap.
/// No tpm0 folder is NotFound (no TPM, or securityfs not mounted); Linux has no DRTM log to read here (NotSupported).
/// </summary>
public sealed class LinuxMeasuredBootCollector : IEvidenceCollector
{
    /// <summary>Where the kernel exports the log.</summary>
    internal const string LogPath = "/sys/kernel/security/tpm0/binary_bios_measurements";

    /// <summary>The largest log read, as on Windows.</summary>
    internal const int MaxLogBytes = 64 * 1024 * 1024;

    /// <inheritdoc />
    public string Name => "LinuxMeasuredBoot";

    /// <inheritdoc />
    public IEnumerable<EvidenceItem> Collect(CollectionContext context)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        const string Source = "securityfs " + LogPath;
        return
        [
            Read(context, Source),
            EvidenceItem.ForError(MeasuredBootEvidenceIds.DrtmLog, EvidenceKind.Blob, "securityfs", context.Clock(),
                new EvidenceError(EvidenceErrorCategory.NotSupported, "Linux exports no DRTM (dynamic launch) log in securityfs.")),
        ];
    }

    private static EvidenceItem Read(CollectionContext context, string source)
    {
        var id = MeasuredBootEvidenceIds.SrtmLog;
        var full = LinuxFileReader.Resolve(context, LogPath);
        try
        {
            using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var copy = new MemoryStream();
            var buffer = new byte[81920];
            int n;
            while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (copy.Length + n > MaxLogBytes)
                {
                    return EvidenceItem.ForError(id, EvidenceKind.Blob, source, context.Clock(), new EvidenceError(EvidenceErrorCategory.Failed, $"{LogPath} is larger than {MaxLogBytes} bytes."));
                }

                copy.Write(buffer, 0, n);
            }

            return copy.Length == 0
                ? EvidenceItem.ForError(id, EvidenceKind.Blob, source, context.Clock(), new EvidenceError(EvidenceErrorCategory.NotFound, LogPath + " is empty."))
                : EvidenceItem.ForBlob(id, source, context.Clock(), copy.ToArray());
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return EvidenceItem.ForError(id, EvidenceKind.Blob, source, context.Clock(), new EvidenceError(EvidenceErrorCategory.NotFound, $"{LogPath} does not exist: no TPM, or securityfs is not mounted."));
        }
        catch (UnauthorizedAccessException)
        {
            return EvidenceItem.ForError(id, EvidenceKind.Blob, source, context.Clock(), new EvidenceError(EvidenceErrorCategory.AccessDenied, $"{LogPath} is readable only by root."));
        }
        catch (IOException ex)
        {
            return EvidenceItem.ForError(id, EvidenceKind.Blob, source, context.Clock(), new EvidenceError(EvidenceErrorCategory.Failed, $"{LogPath} could not be read: {ex.Message}"));
        }
    }
}
