using System;
using System.Collections.Generic;

namespace AzureLocalSecurity.Evidence;

/// <summary>
/// The ids UEFI variables are filed under. Each variable is two items, filed together: its data (a Blob) and its
/// attributes (a record), so that every source fills the same ids the same way. On Linux the efivarfs file
/// <c>/sys/firmware/efi/efivars/&lt;Name&gt;-&lt;guid&gt;</c> holds the attributes (UINT32, little-endian) and then the data;
/// on Windows GetFirmwareEnvironmentVariableEx returns the data and writes the attributes to a separate argument; in a
/// firmware variable store image (an OVMF <c>OVMF_VARS.fd</c>) the record header holds the attributes and the data
/// follows the name. Either both items of a variable hold data, or both carry the same error:
/// <list type="bullet">
/// <item>NotFound: the firmware has no such variable (no efivarfs file; ERROR_ENVVAR_NOT_FOUND from Windows; no current
/// record in a store image). Absence is a fact here: no PK means setup mode.</item>
/// <item>NotSupported: the node has no UEFI variables to read (booted through BIOS, efivarfs not mounted).</item>
/// <item>AccessDenied: the reader may not read them (not root; no SE_SYSTEM_ENVIRONMENT_NAME privilege on Windows).</item>
/// <item>Failed: anything else, with the message and the OS code where there is one.</item>
/// </list>
/// </summary>
public static class SecureBootEvidenceIds
{
    /// <summary>
    /// <c>firmware/variable/&lt;Name&gt;-&lt;guid&gt;</c> (the GUID in lower case, as efivarfs names the file): a Blob of the
    /// variable's data exactly as the firmware's GetVariable returns it, WITHOUT efivarfs' 4-byte attribute prefix. For PK,
    /// KEK, db, dbx and the defaults that is a sequence of EFI_SIGNATURE_LISTs; for SecureBoot, SetupMode, AuditMode and
    /// DeployedMode one byte. An empty variable is an empty Blob.
    /// </summary>
    public static string Variable(string name, Guid vendor) => "firmware/variable/" + Key(name, vendor);

    /// <summary>
    /// <c>firmware/variable-attributes/&lt;Name&gt;-&lt;guid&gt;</c>: one record with <c>Attributes</c> (UInt64), the variable's
    /// EFI_VARIABLE_* attribute bits as the firmware reports them (0x27 = NV | BS | RT | time-based authenticated write for
    /// PK, KEK, db and dbx).
    /// </summary>
    public static string VariableAttributes(string name, Guid vendor) => "firmware/variable-attributes/" + Key(name, vendor);

    /// <summary>
    /// <c>firmware/variable-store</c>: present only in a bundle made from a firmware variable store image (an NVRAM file):
    /// one record with <c>Path</c> (String), <c>Size</c> (UInt64) and <c>Authenticated</c> (Boolean). Its presence tells an
    /// analysis that the variables come from a file, not from a running firmware (which adds SecureBoot and SetupMode at boot).
    /// </summary>
    public const string VariableStore = "firmware/variable-store";

    /// <summary>
    /// <c>windows/eventlog/System/Microsoft-Windows-TPM-WMI</c>: Text, the Secure Boot servicing events (KB5016061) that
    /// provider wrote to the System log, each as Windows renders its XML (<c>EventRecord.ToXml()</c>), one after another,
    /// newest first. Empty text when the log holds none. An error when the log could not be read (NotFound: no such log;
    /// AccessDenied; Failed, with the message).
    /// </summary>
    public const string ServicingEvents = "windows/eventlog/System/Microsoft-Windows-TPM-WMI";

    /// <summary>The record property of <see cref="VariableAttributes"/> that holds the attribute bits.</summary>
    public const string AttributesProperty = "Attributes";

    /// <summary>The Windows boot manager on the EFI system partition, the file the firmware's Windows Boot Manager entry loads.</summary>
    public const string WindowsBootManagerPath = "EFI/Microsoft/Boot/bootmgfw.efi";

    /// <summary>The removable-media fallback boot loader on the EFI system partition (x64), which Windows keeps a copy of its boot manager in.</summary>
    public const string FallbackBootLoaderPath = "EFI/Boot/bootx64.efi";

    /// <summary>The EFI system partition files the Secure Boot collectors read: the Windows boot manager and the fallback loader.</summary>
    public static readonly IReadOnlyList<string> BootFiles = [WindowsBootManagerPath, FallbackBootLoaderPath];

    /// <summary>
    /// <c>firmware/esp/&lt;path&gt;</c> (the path on the EFI system partition with forward slashes, in the case given here): a
    /// Blob of the file exactly as read, so that its Authenticode signer (and anything else) can be read by an analysis.
    /// NotFound when the partition has no such file (a node that does not boot Windows); NotSupported when no EFI system
    /// partition could be located; AccessDenied when the reader may not open it (Windows needs an elevated process).
    /// </summary>
    public static string EspFile(string path) =>
        "firmware/esp/" + (string.IsNullOrEmpty(path) ? throw new ArgumentException("A file on the EFI system partition needs a path.", nameof(path)) : path.Replace('\\', '/').TrimStart('/'));

    private static string Key(string name, Guid vendor) =>
        (string.IsNullOrEmpty(name) ? throw new ArgumentException("A variable needs a name.", nameof(name)) : name) + "-" + vendor.ToString("D");
}
