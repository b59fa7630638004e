using System;
using System.Collections.Generic;
using System.Text;
using AzureLocalSecurity.PrivilegedAccess;

namespace AzureLocalSecurity.Fuzz;

/// <summary>The JEA file readers: the PowerShell data-file hashtable (.psrc, .pssc) and a WinRM plugin's ConfigXml.</summary>
internal static class PrivilegedAccessHarnesses
{
    /// <summary>Only PowerShellDataFileException may end a parse, with an offset inside the text; every value read is walked.</summary>
    internal static bool DataFileText(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        IReadOnlyDictionary<string, object?> table;
        try
        {
            table = PowerShellDataFile.Parse(text);
        }
        catch (PowerShellDataFileException ex)
        {
            if (ex.Offset < 0 || ex.Offset > Math.Max(text.Length, PowerShellDataFile.MaxLength))
            {
                throw new InvalidOperationException($"Offset {ex.Offset} is outside the text ({text.Length}).");
            }

            return false;
        }

        Walk(table, 0);
        return true;
    }

    /// <summary>TryParse never throws; a null result carries its error.</summary>
    internal static bool PluginConfigText(byte[] input)
    {
        var config = WsmanPluginConfig.TryParse(Encoding.UTF8.GetString(input), out var error);
        if ((config is null) == (error is null))
        {
            throw new InvalidOperationException("A result and an error, or neither.");
        }

        return config is not null;
    }

    private static void Walk(object? value, int depth)
    {
        if (depth > PowerShellDataFile.MaxDepth + 1)
        {
            throw new InvalidOperationException($"A value nests deeper ({depth}) than the reader allows.");
        }

        switch (value)
        {
            case IReadOnlyDictionary<string, object?> table:
                foreach (var pair in table)
                {
                    Walk(pair.Value, depth + 1);
                }

                break;
            case IReadOnlyList<object?> list:
                _ = PowerShellDataFile.Strings(list);
                foreach (var item in list)
                {
                    Walk(item, depth + 1);
                }

                break;
            case null or string or long or bool:
                break;
            default:
                throw new InvalidOperationException($"Unexpected value type {value.GetType()}.");
        }
    }
}
