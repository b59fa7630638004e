using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Evidence.Import;

namespace AzureLocalSecurity.Fuzz;

/// <summary>
/// The harnesses of the Group Policy backup formats: Registry.pol (<see cref="RegistryPolicyFile"/>) and <c>reg export</c>
/// text (<see cref="RegistryExportFile"/>). Each may end only in its parser's format exception; what reads must hold together.
/// </summary>
internal static class GpoFormatHarnesses
{
    private static readonly string[] Hives = ["HKLM", "HKCU", "HKU", "HKCR", "HKCC"];

    /// <summary>
    /// <c>RegistryPolicyFile.Parse</c> over the bytes: a refusal's offset lies in the input; the records, written back,
    /// are the input byte for byte (so every record starts where its Offset says and nothing is skipped); each record's
    /// action agrees with its value name, its target and list, and a value is decoded exactly for the settings of a decoded type.
    /// </summary>
    internal static bool RegistryPolBytes(byte[] input)
    {
        RegistryPolicyFile file;
        try
        {
            file = RegistryPolicyFile.Parse(input);
        }
        catch (RegistryPolicyFormatException ex)
        {
            if (ex.Offset < 0 || (ex.Offset > input.Length && input.Length <= RegistryPolicyFile.MaxBytes))
            {
                throw new InvalidOperationException($"A RegistryPolicyFormatException at byte {ex.Offset} of {input.Length}: {ex.Message}", ex);
            }

            return false;
        }

        var written = new List<byte>(input.Length);
        written.AddRange(input.Take(8));
        foreach (var record in file.Records)
        {
            if (record.Offset != written.Count)
            {
                throw new InvalidOperationException($"A record at offset {record.Offset} where the previous one ended at {written.Count}.");
            }

            Check(record);
            Char(written, '[');
            Text(written, record.Key);
            Char(written, ';');
            Text(written, record.ValueName);
            Char(written, ';');
            written.AddRange(BitConverter.GetBytes(record.Type));
            Char(written, ';');
            written.AddRange(BitConverter.GetBytes((uint)record.Size));
            Char(written, ';');
            written.AddRange(record.Data);
            Char(written, ']');
        }

        if (!written.SequenceEqual(input))
        {
            throw new InvalidOperationException($"The {file.Records.Count} records written back are not the input.");
        }

        return true;
    }

    /// <summary>
    /// <c>RegistryExportFile.Parse</c> over the bytes: a refusal's line is 0 or more; keys in line order with their values
    /// after them in line order; a deleted value has no data and a kept one has; the evidence path is the path with its hive
    /// abbreviated; subkey names are single names, and a deleted key has none.
    /// </summary>
    internal static bool RegFileBytes(byte[] input)
    {
        RegistryExportFile file;
        try
        {
            file = RegistryExportFile.Parse(input);
        }
        catch (RegistryExportFormatException ex)
        {
            if (ex.Line < 0 || ex.Line > input.Length + 1)
            {
                throw new InvalidOperationException($"A RegistryExportFormatException at line {ex.Line} of an input of {input.Length} bytes: {ex.Message}", ex);
            }

            return false;
        }

        if (file.Header is not (RegistryExportFile.Version5Header or RegistryExportFile.Version4Header))
        {
            throw new InvalidOperationException($"The header '{file.Header}' was accepted.");
        }

        var previous = 1;
        foreach (var key in file.Keys)
        {
            if (key.Line <= previous)
            {
                throw new InvalidOperationException($"Key {key.Path} at line {key.Line} after line {previous}.");
            }

            previous = key.Line;
            var slash = key.EvidencePath.IndexOf('\\');
            var hive = slash < 0 ? key.EvidencePath : key.EvidencePath.Substring(0, slash);
            var pathSlash = key.Path.IndexOf('\\');
            if (!Hives.Contains(hive) || (slash < 0) != (pathSlash < 0) || (slash >= 0 && key.EvidencePath.Substring(slash) != key.Path.Substring(pathSlash)))
            {
                throw new InvalidOperationException($"Key {key.Path} has the evidence path {key.EvidencePath}.");
            }

            _ = EvidenceIds.Registry(key.EvidencePath);
            if ((key.Delete && key.SubKeyNames.Count > 0) || key.SubKeyNames.Any(n => n.Length == 0 || n.IndexOf('\\') >= 0))
            {
                throw new InvalidOperationException($"Key {key.Path} lists the subkeys [{string.Join(", ", key.SubKeyNames)}].");
            }

            foreach (var value in key.Values)
            {
                if (value.Line <= previous)
                {
                    throw new InvalidOperationException($"Value {value.Name} at line {value.Line} after line {previous}.");
                }

                previous = value.Line;
                if (value.Delete != (value.Value is null) || key.Delete)
                {
                    throw new InvalidOperationException($"Value {value.Name} of {key.Path}: Delete {value.Delete}, data {value.Value}.");
                }

                _ = value.ToString();
            }
        }

        return true;
    }

    private static void Check(RegistryPolicyRecord record)
    {
        var action = record.Action;
        var name = record.ValueName;
        var ok = action switch
        {
            RegistryPolicyAction.SetValue => record.TargetValueName == name && !name.StartsWith("**", StringComparison.Ordinal) && name.Length > 0,
            RegistryPolicyAction.CreateKey => name.Length == 0 && record.TargetValueName is null,
            RegistryPolicyAction.DeleteValue or RegistryPolicyAction.SoftValue =>
                record.TargetValueName is { } target && name.EndsWith(target, StringComparison.Ordinal) && name.Length - target.Length is 6 or 7,
            _ => record.TargetValueName is null && name.StartsWith("**", StringComparison.Ordinal),
        };
        var listed = action is RegistryPolicyAction.DeleteValues or RegistryPolicyAction.DeleteKeys;
        var decoded = action is RegistryPolicyAction.SetValue or RegistryPolicyAction.SoftValue && record.Type is 0 or 1 or 2 or 3 or 4 or 5 or 7 or 11;
        if (!ok || (!listed && record.Targets.Count > 0) || record.Targets.Any(t => t.Length == 0 || t.IndexOf(';') >= 0)
            || decoded != (record.Value is not null) || (action == RegistryPolicyAction.SecureKey) != (record.SecureKeySetting is not null))
        {
            throw new InvalidOperationException($"Record at {record.Offset} ({record}) does not hold together.");
        }

        _ = record.Value?.ToString();
    }

    /// <summary>A string and its NUL, code unit by code unit (an encoder would replace an unpaired surrogate the file may hold).</summary>
    private static void Text(List<byte> bytes, string text)
    {
        foreach (var c in text)
        {
            Char(bytes, c);
        }

        Char(bytes, '\0');
    }

    private static void Char(List<byte> bytes, char c)
    {
        bytes.Add((byte)c);
        bytes.Add((byte)(c >> 8));
    }
}
