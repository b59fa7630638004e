using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.SecureBoot.VariableStore;

namespace AzureLocalSecurity.Collection.Linux;

/// <summary>
/// The Secure Boot variables (<see cref="EfiVariableNames.SecureBootVariables"/>) from efivarfs, read under the context's
/// root: <c>/sys/firmware/efi/efivars/&lt;Name&gt;-&lt;guid&gt;</c> holds the attributes (UINT32, little-endian) and then the
/// data (kernel <c>Documentation/filesystems/efivarfs.rst</c>). Each variable is filed as <see cref="SecureBootEvidenceIds"/>
/// says: the data without the prefix, and the attributes. A variable the firmware does not have is NotFound; every variable
/// is NotSupported when the kernel did not boot through UEFI (no <c>/sys/firmware/efi</c>) or efivarfs is not mounted.
/// The boot files of the EFI system partition (the Windows boot manager, the fallback loader) are read where it is mounted.
/// </summary>
public sealed class LinuxSecureBootCollector : IEvidenceCollector
{
    /// <summary>Where efivarfs is mounted.</summary>
    internal const string EfivarsPath = "/sys/firmware/efi/efivars";

    /// <summary>The firmware folder, which the kernel makes only when it booted through UEFI.</summary>
    internal const string EfiPath = "/sys/firmware/efi";

    /// <summary>
    /// The most read from one file: the prefix and 1 MiB of data. The largest Secure Boot variable in use, dbx, is about
    /// 25 KB with every published revocation, and OVMF's whole variable store is 56 or 256 KiB, so more is not a variable.
    /// </summary>
    internal const int MaxDataBytes = 1024 * 1024;

    private const int AttributePrefixBytes = 4;

    /// <summary>Where Linux mounts the EFI system partition, most usual first (systemd's /efi, the common /boot/efi, or /boot itself).</summary>
    internal static readonly string[] EspMountPoints = ["/boot/efi", "/efi", "/boot"];

    private readonly Func<string, Stream> _open;

    /// <summary>Creates the collector.</summary>
    public LinuxSecureBootCollector()
        : this(path => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.None))
    {
    }

    /// <summary>Creates the collector with the way files are opened (tests stand in for a kernel that refuses a read).</summary>
    internal LinuxSecureBootCollector(Func<string, Stream> open)
    {
        _open = open ?? throw new ArgumentNullException(nameof(open));
    }

    /// <inheritdoc />
    public string Name => "LinuxSecureBoot";

    /// <inheritdoc />
    public IEnumerable<EvidenceItem> Collect(CollectionContext context)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        return CollectIterator(context);
    }

    private IEnumerable<EvidenceItem> CollectIterator(CollectionContext context)
    {
        var folder = LinuxFileReader.Resolve(context, EfivarsPath);
        var unsupported = Unsupported(context, folder);
        foreach (var id in EfiVariableNames.SecureBootVariables)
        {
            var path = EfivarsPath + "/" + id;
            var source = "efivarfs " + path;
            var items = unsupported is not null
                ? FirmwareVariableEvidence.ForError(id, source, context.Clock(), unsupported)
                : Read(id, Path.Combine(folder, id.ToString()), path, source, context);
            foreach (var item in items)
            {
                yield return item;
            }
        }

        foreach (var item in ReadBootFiles(context))
        {
            yield return item;
        }
    }

    /// <summary>
    /// The boot files of the EFI system partition (<see cref="SecureBootEvidenceIds.BootFiles"/>), from the first of
    /// <see cref="EspMountPoints"/> that holds an EFI folder. NotSupported for each when none does.
    /// </summary>
    private static IEnumerable<EvidenceItem> ReadBootFiles(CollectionContext context)
    {
        string? mount = null;
        string? root = null;
        foreach (var candidate in EspMountPoints)
        {
            var resolved = LinuxFileReader.Resolve(context, candidate);
            if (!EspFileReader.HasFolder(resolved, "EFI"))
            {
                continue;
            }

            mount = candidate;
            root = resolved;
            break;
        }

        foreach (var file in SecureBootEvidenceIds.BootFiles)
        {
            if (root is null)
            {
                yield return EspFileReader.Error(
                    SecureBootEvidenceIds.EspFile(file),
                    "EFI system partition (" + string.Join(", ", EspMountPoints) + ")",
                    context.Clock(),
                    new EvidenceError(EvidenceErrorCategory.NotSupported, $"No EFI system partition is mounted at {string.Join(", ", EspMountPoints)} (none holds an EFI folder)."));
                continue;
            }

            var source = "file " + mount + "/" + file;
            var found = EspFileReader.FindIgnoringCase(root, file);
            yield return found is null
                ? EspFileReader.NotFound(file, source, context.Clock())
                : EspFileReader.Read(file, found, "file " + mount + found.Substring(root.Length).Replace('\\', '/'), context.Clock());
        }
    }

    /// <summary>Why no variable can be read here, or null when efivarfs is there to read.</summary>
    private static EvidenceError? Unsupported(CollectionContext context, string folder)
    {
        if (!Directory.Exists(LinuxFileReader.Resolve(context, EfiPath)))
        {
            return new EvidenceError(EvidenceErrorCategory.NotSupported, $"{EfiPath} does not exist: the kernel did not boot through UEFI, so there are no UEFI variables.");
        }

        try
        {
            // A mounted efivarfs always lists variables (at least the boot entries); an empty folder is the mount point alone.
            if (!Directory.Exists(folder) || !HasEntries(folder))
            {
                return new EvidenceError(EvidenceErrorCategory.NotSupported, $"efivarfs is not mounted at {EfivarsPath} (mount -t efivarfs efivarfs {EfivarsPath}).");
            }
        }
        catch (UnauthorizedAccessException ex)
        {
            return new EvidenceError(EvidenceErrorCategory.AccessDenied, ex.Message);
        }
        catch (IOException ex)
        {
            return new EvidenceError(EvidenceErrorCategory.Failed, ex.Message, ex.HResult);
        }

        return null;
    }

    private static bool HasEntries(string folder)
    {
        using var entries = Directory.EnumerateFileSystemEntries(folder).GetEnumerator();
        return entries.MoveNext();
    }

    private IEnumerable<EvidenceItem> Read(EfiVariableId id, string fullPath, string path, string source, CollectionContext context)
    {
        byte[] content;
        try
        {
            using var stream = _open(fullPath);
            content = ReadCapped(stream, AttributePrefixBytes + MaxDataBytes + 1);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return FirmwareVariableEvidence.ForError(id, source, context.Clock(), new EvidenceError(EvidenceErrorCategory.NotFound, $"{path} does not exist: the firmware has no variable {id.Name}."));
        }
        catch (UnauthorizedAccessException ex)
        {
            return FirmwareVariableEvidence.ForError(id, source, context.Clock(), new EvidenceError(EvidenceErrorCategory.AccessDenied, ex.Message));
        }
        catch (IOException ex)
        {
            return FirmwareVariableEvidence.ForError(id, source, context.Clock(), new EvidenceError(EvidenceErrorCategory.Failed, ex.Message, ex.HResult));
        }

        var length = content.Length;
        if (length < AttributePrefixBytes)
        {
            return FirmwareVariableEvidence.ForError(id, source, context.Clock(), new EvidenceError(EvidenceErrorCategory.Failed, string.Format(CultureInfo.InvariantCulture, "{0} has {1} bytes, fewer than its {2}-byte attribute prefix.", path, length, AttributePrefixBytes)));
        }

        if (length > AttributePrefixBytes + MaxDataBytes)
        {
            return FirmwareVariableEvidence.ForError(id, source, context.Clock(), new EvidenceError(EvidenceErrorCategory.Failed, string.Format(CultureInfo.InvariantCulture, "{0} holds more than {1} bytes of data; no Secure Boot variable is that large.", path, MaxDataBytes)));
        }

        var attributes = content[0] | ((uint)content[1] << 8) | ((uint)content[2] << 16) | ((uint)content[3] << 24);
        var data = new byte[length - AttributePrefixBytes];
        Buffer.BlockCopy(content, AttributePrefixBytes, data, 0, data.Length);
        return FirmwareVariableEvidence.ForVariable(id, source, context.Clock(), attributes, data);
    }

    /// <summary>Reads to the end or to <paramref name="cap"/> bytes, whichever is first, growing with what is there rather than with the cap.</summary>
    private static byte[] ReadCapped(Stream stream, int cap)
    {
        using var content = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int n;
        while (content.Length < cap && (n = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, cap - content.Length))) > 0)
        {
            content.Write(chunk, 0, n);
        }

        return content.ToArray();
    }
}
