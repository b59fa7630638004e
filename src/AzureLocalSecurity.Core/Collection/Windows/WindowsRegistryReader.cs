using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.Versioning;
using System.Security;
using AzureLocalSecurity.Evidence;
using Microsoft.Win32;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// Reads a registry key into evidence, keeping each value's registry kind. Always the 64-bit view, so a
/// 32-bit Windows PowerShell never reads WOW6432Node by accident (WINAPI.md §7); REG_EXPAND_SZ unexpanded.
/// </summary>
[SupportedOSPlatform("windows")]
internal static class WindowsRegistryReader
{
    internal static EvidenceItem ReadKey(string keyPath, DateTimeOffset now)
    {
        var id = EvidenceIds.Registry(keyPath);
        var source = "Registry (64-bit view) " + keyPath;
        var (hive, subPath) = SplitHive(keyPath);
        try
        {
            using var baseKey = RegistryKey.OpenBaseKey(hive, RegistryView.Registry64);
            using var key = baseKey.OpenSubKey(subPath, writable: false);
            if (key is null)
            {
                return EvidenceItem.ForError(id, EvidenceKind.Registry, source, now, new EvidenceError(EvidenceErrorCategory.NotFound, $"The key {keyPath} does not exist."));
            }

            var values = new List<RegistryValueEvidence>();
            foreach (var name in key.GetValueNames())
            {
                var value = ReadValue(key, name);
                if (value is not null)
                {
                    values.Add(new RegistryValueEvidence(name, value));
                }
            }

            return EvidenceItem.ForRegistry(id, source, now, new RegistryKeyEvidence(keyPath, values, key.GetSubKeyNames()));
        }
        catch (Exception ex) when (ex is SecurityException or UnauthorizedAccessException)
        {
            return EvidenceItem.ForError(id, EvidenceKind.Registry, source, now, new EvidenceError(EvidenceErrorCategory.AccessDenied, ex.Message));
        }
        catch (IOException ex)
        {
            return EvidenceItem.ForError(id, EvidenceKind.Registry, source, now, new EvidenceError(EvidenceErrorCategory.Failed, ex.Message, ex.HResult));
        }
    }

    private static EvidenceValue? ReadValue(RegistryKey key, string name)
    {
        RegistryValueKind kind;
        try
        {
            kind = key.GetValueKind(name);
        }
        catch (IOException)
        {
            return null; // Deleted between enumeration and read.
        }

        var data = key.GetValue(name, null, RegistryValueOptions.DoNotExpandEnvironmentNames);
        return (kind, data) switch
        {
            (RegistryValueKind.String, string s) => EvidenceValue.FromString(s),
            (RegistryValueKind.ExpandString, string s) => EvidenceValue.FromExpandString(s),
            (RegistryValueKind.MultiString, string[] a) => EvidenceValue.FromMultiString(a),
            // REG_DWORD comes back as a signed int; keep the stored 32 bits (0xFFFFFFFF stays 4294967295).
            (RegistryValueKind.DWord, int i) => EvidenceValue.FromDWord(unchecked((uint)i)),
            (RegistryValueKind.DWord, long l) => EvidenceValue.FromQWord(unchecked((ulong)l)),
            (RegistryValueKind.QWord, long l) => EvidenceValue.FromQWord(unchecked((ulong)l)),
            (_, byte[] b) => EvidenceValue.FromBinary(b),
            // REG_LINK and other kinds .NET does not read come back as null: nothing raw to keep.
            _ => null,
        };
    }

    private static (RegistryHive Hive, string Path) SplitHive(string keyPath)
    {
        var slash = keyPath.IndexOf('\\');
        var hive = slash < 0 ? keyPath : keyPath.Substring(0, slash);
        var rest = slash < 0 ? string.Empty : keyPath.Substring(slash + 1);
        return hive.ToUpperInvariant() switch
        {
            "HKLM" or "HKEY_LOCAL_MACHINE" => (RegistryHive.LocalMachine, rest),
            "HKU" or "HKEY_USERS" => (RegistryHive.Users, rest),
            "HKCR" or "HKEY_CLASSES_ROOT" => (RegistryHive.ClassesRoot, rest),
            _ => throw new ArgumentException($"Unsupported registry hive in '{keyPath}'.", nameof(keyPath)),
        };
    }
}
