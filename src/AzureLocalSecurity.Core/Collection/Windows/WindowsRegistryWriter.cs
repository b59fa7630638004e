using System;
using System.IO;
using System.Runtime.Versioning;
using System.Security;
using AzureLocalSecurity.Baseline.Facts;
using Microsoft.Win32;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// Sets and deletes HKLM values through Microsoft.Win32.Registry, always in the 64-bit view so a 32-bit Windows
/// PowerShell does not write to WOW6432Node (WINAPI.md §7; RegistryView documentation).
/// </summary>
[SupportedOSPlatform("windows")]
internal static class WindowsRegistryWriter
{
    /// <summary>Creates the key if needed (RegistryKey.CreateSubKey) and sets the value with its kind (RegistryKey.SetValue).</summary>
    internal static void Apply(RegistryValueChange change)
    {
        var where = $"HKLM\\{change.SubKey}";
        var api = "RegistryKey.CreateSubKey";
        try
        {
            using var hklm = RegistryKey.OpenBaseKey(RegistryHive.LocalMachine, RegistryView.Registry64);
            using var key = hklm.CreateSubKey(change.SubKey, writable: true)
                ?? throw new BaselineWriteException($"{api} returned no key for {where}.");
            api = $"RegistryKey.SetValue({BaselineWriteValidation.RegistryTypeName(change.Kind)})";
            key.SetValue(change.ValueName, change.Data, ToValueKind(change.Kind));
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or SecurityException or IOException or ArgumentException or ObjectDisposedException)
        {
            throw Failure(api, where, change.ValueName, ex);
        }
    }

    /// <summary>Deletes the value (RegistryKey.DeleteValue); an absent key or value is already the desired state.</summary>
    internal static void Apply(RegistryValueDeletion deletion)
    {
        var where = $"HKLM\\{deletion.SubKey}";
        var api = "RegistryKey.OpenSubKey";
        try
        {
            using var hklm = RegistryKey.OpenBaseKey(RegistryHive.LocalMachine, RegistryView.Registry64);
            using var key = hklm.OpenSubKey(deletion.SubKey, writable: true);
            if (key is null)
            {
                return;
            }

            api = "RegistryKey.DeleteValue";
            key.DeleteValue(deletion.ValueName, throwOnMissingValue: false);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or SecurityException or IOException or ArgumentException or ObjectDisposedException)
        {
            throw Failure(api, where, deletion.ValueName, ex);
        }
    }

    /// <summary>The RegistryValueKind for each type: REG_DWORD is DWord (4), REG_QWORD QWord (11), and so on (WINAPI.md §7).</summary>
    internal static RegistryValueKind ToValueKind(RegistryWriteKind kind) => kind switch
    {
        RegistryWriteKind.DWord => RegistryValueKind.DWord,
        RegistryWriteKind.QWord => RegistryValueKind.QWord,
        RegistryWriteKind.String => RegistryValueKind.String,
        RegistryWriteKind.ExpandString => RegistryValueKind.ExpandString,
        RegistryWriteKind.MultiString => RegistryValueKind.MultiString,
        RegistryWriteKind.Binary => RegistryValueKind.Binary,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a registry type this writer sets."),
    };

    private static BaselineWriteException Failure(string api, string where, string valueName, Exception ex) =>
        new($"{api} on {where} value '{valueName}' failed with HRESULT 0x{ex.HResult:X8} ({ex.GetType().Name}): {ex.Message}", ex);
}
