using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.SecureBoot.VariableStore;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// Reads the Secure Boot variables through GetFirmwareEnvironmentVariableExW with SeSystemEnvironmentPrivilege enabled
/// for the read only (WINAPI.md §1.1, §1.3), into the same ids the Linux efivarfs collector and the NVRAM reader fill
/// (<see cref="SecureBootEvidenceIds"/>), plus the Secure Boot registry state and servicing keys. No interpretation here.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsSecureBootCollector : IEvidenceCollector
{
    /// <summary>The registry keys Windows keeps Secure Boot state and the 2023 certificate servicing in (KB5068202, KB5025885).</summary>
    public static readonly IReadOnlyList<string> RegistryKeys =
    [
        @"HKLM\SYSTEM\CurrentControlSet\Control\SecureBoot",
        @"HKLM\SYSTEM\CurrentControlSet\Control\SecureBoot\State",
        @"HKLM\SYSTEM\CurrentControlSet\Control\SecureBoot\Servicing",
    ];

    /// <summary>The largest variable read: dbx with every published revocation is about 25 KB.</summary>
    private const int MaxDataBytes = 1024 * 1024;

    private const string Privilege = "SeSystemEnvironmentPrivilege";

    /// <summary>The key whose SystemPartition value names the partition Windows booted from.</summary>
    internal const string SetupKey = @"HKLM\SYSTEM\Setup";

    /// <summary>The value naming the system (EFI) partition's NT device.</summary>
    internal const string SystemPartitionValue = "SystemPartition";

    /// <inheritdoc />
    public string Name => "WindowsSecureBoot";

    /// <inheritdoc />
    public IEnumerable<EvidenceItem> Collect(CollectionContext context)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        var items = new List<EvidenceItem>();
        foreach (var key in RegistryKeys)
        {
            items.Add(WindowsRegistryReader.ReadKey(key, context.Clock()));
        }

        using (var privilege = PrivilegeScope.Enable(Privilege))
        {
            foreach (var variable in EfiVariableNames.SecureBootVariables)
            {
                items.AddRange(ReadVariable(variable, privilege, context.Clock()));
            }
        }

        var setup = WindowsRegistryReader.ReadKey(SetupKey, context.Clock());
        items.Add(setup);
        items.AddRange(ReadBootFiles(setup, context.Clock()));
        return items;
    }

    /// <summary>
    /// The boot files of the partition Windows booted from. Windows records that partition's NT device name (such as
    /// <c>\Device\HarddiskVolume1</c>) in <c>HKLM\SYSTEM\Setup</c> <c>SystemPartition</c>; the files are read through the
    /// <c>\\?\GLOBALROOT</c> prefix, which reaches an NT device path without mounting the partition (no drive letter is
    /// assigned, nothing changes). The EFI system partition is FAT: it has no ACL, but opening it needs an elevated process.
    /// </summary>
    private static IEnumerable<EvidenceItem> ReadBootFiles(EvidenceItem setup, DateTimeOffset now)
    {
        var device = setup.Registry?.GetValue(SystemPartitionValue)?.Value as string;
        foreach (var file in SecureBootEvidenceIds.BootFiles)
        {
            if (string.IsNullOrEmpty(device) || !device!.StartsWith(@"\Device\", StringComparison.OrdinalIgnoreCase))
            {
                var reason = setup.Succeeded
                    ? $"{SetupKey} has no {SystemPartitionValue} device name, so the EFI system partition could not be located."
                    : $"{SetupKey} could not be read ({setup.Error!.Message}), so the EFI system partition could not be located.";
                yield return EspFileReader.Error(SecureBootEvidenceIds.EspFile(file), $"{SetupKey} {SystemPartitionValue}", now, new EvidenceError(EvidenceErrorCategory.NotSupported, reason));
                continue;
            }

            var path = @"\\?\GLOBALROOT" + device.TrimEnd('\\') + "\\" + file.Replace('/', '\\');
            yield return EspFileReader.Read(file, path, "file " + path + $" (the system partition {SetupKey} {SystemPartitionValue} names)", now);
        }
    }

    private static IEnumerable<EvidenceItem> ReadVariable(EfiVariableId variable, PrivilegeScope privilege, DateTimeOffset now)
    {
        var dataId = SecureBootEvidenceIds.Variable(variable.Name, variable.Vendor);
        var attributesId = SecureBootEvidenceIds.VariableAttributes(variable.Name, variable.Vendor);
        var guid = variable.Vendor.ToString("B").ToUpperInvariant();
        var source = $"kernel32!GetFirmwareEnvironmentVariableExW({variable.Name}, {guid})";
        var buffer = new byte[4096];
        while (true)
        {
            var written = Kernel32.GetFirmwareEnvironmentVariableExW(variable.Name, guid, buffer, (uint)buffer.Length, out var attributes);
            var error = written == 0 ? Marshal.GetLastWin32Error() : 0;
            if (written > 0 || error == 0)
            {
                var data = new byte[Math.Min(written, (uint)buffer.Length)];
                Buffer.BlockCopy(buffer, 0, data, 0, data.Length);
                return
                [
                    EvidenceItem.ForBlob(dataId, source, now, data),
                    EvidenceItem.ForRecords(attributesId, source, now, [new EvidenceRecord([new(SecureBootEvidenceIds.AttributesProperty, EvidenceValue.FromUInt64(attributes))])]),
                ];
            }

            if (error == Kernel32.ErrorInsufficientBuffer && buffer.Length < MaxDataBytes)
            {
                buffer = new byte[Math.Min(buffer.Length * 4, MaxDataBytes)];
                continue;
            }

            var failure = Failure(error, privilege);
            return
            [
                EvidenceItem.ForError(dataId, EvidenceKind.Blob, source, now, failure),
                EvidenceItem.ForError(attributesId, EvidenceKind.Properties, source, now, failure),
            ];
        }
    }

    /// <summary>What a failed read means (WINAPI.md §1.1): 203 no such variable, 1 BIOS boot, 1314 no privilege.</summary>
    internal static EvidenceError Failure(int error, PrivilegeScope? privilege) => error switch
    {
        Kernel32.ErrorEnvvarNotFound => new EvidenceError(EvidenceErrorCategory.NotFound, "The firmware has no such variable (ERROR_ENVVAR_NOT_FOUND).", error),
        Kernel32.ErrorInvalidFunction => new EvidenceError(EvidenceErrorCategory.NotSupported, "The node booted through legacy BIOS: there are no UEFI variables (ERROR_INVALID_FUNCTION).", error),
        Kernel32.ErrorPrivilegeNotHeld => new EvidenceError(EvidenceErrorCategory.AccessDenied,
            "Reading UEFI variables needs SeSystemEnvironmentPrivilege, which this process could not enable" +
            (privilege is { Enabled: false, Error: not 0 } ? string.Format(CultureInfo.InvariantCulture, " (error {0}): run elevated.", privilege.Error) : ": run elevated."), error),
        Kernel32.ErrorInsufficientBuffer => new EvidenceError(EvidenceErrorCategory.Failed, string.Format(CultureInfo.InvariantCulture, "The variable is larger than {0} bytes, more than any Secure Boot variable holds.", MaxDataBytes), error),
        _ => new EvidenceError(EvidenceErrorCategory.Failed, NativeErrorText.Win32("GetFirmwareEnvironmentVariableExW", error), error),
    };
}
