using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using AzureLocalSecurity.Evidence.Import;

namespace AzureLocalSecurity.Fuzz;

/// <summary>
/// The harnesses of the in-box capture's parsers: the auditpol backup CSV, the security template INF and the capture
/// document with its import, each of which may end only in <see cref="CaptureFormatException"/>; and the CLIXML reader,
/// which may end only in <see cref="CliXmlFormatException"/>. What reads must hold together.
/// </summary>
internal static class CaptureHarnesses
{
    /// <summary>
    /// <c>AuditPolicyCsv.Parse</c> over the bytes: rows in line order, each line inside the input's lines, a subcategory's
    /// AuditingInformation 0 to 3 and its GUID found by <c>Find</c>, a non-subcategory row without AuditingInformation.
    /// </summary>
    internal static bool AuditPolicyCsvBytes(byte[] input)
    {
        AuditPolicyCsv csv;
        try
        {
            csv = AuditPolicyCsv.Parse(input);
        }
        catch (CaptureFormatException ex)
        {
            CheckLine(ex, input.Length);
            return false;
        }

        var previous = 0;
        foreach (var row in csv.Entries)
        {
            if (row.LineNumber <= previous || row.LineNumber > input.Length + 1)
            {
                throw new InvalidOperationException($"Row at line {row.LineNumber} after line {previous} in {input.Length} bytes.");
            }

            previous = row.LineNumber;
            _ = string.Concat(row.MachineName, row.PolicyTarget, row.Subcategory, row.InclusionSetting, row.ExclusionSetting, row.SettingValue);
            if (row.SubcategoryGuid is { } guid)
            {
                if (row.AuditingInformation is not (>= 0 and <= 3))
                {
                    throw new InvalidOperationException($"Subcategory {guid} read with AuditingInformation {row.AuditingInformation}.");
                }

                if (!ReferenceEquals(csv.Find(guid), row))
                {
                    throw new InvalidOperationException($"Find does not return the row of subcategory {guid}.");
                }
            }
            else if (row.AuditingInformation is not null)
            {
                throw new InvalidOperationException("A row without a GUID has AuditingInformation.");
            }
        }

        return true;
    }

    /// <summary>
    /// <c>SecurityTemplateInf.Parse</c> over the bytes: sections found by name, every entry found by <c>Find</c>, lines
    /// ascending within a section; every value read as a number and as a privilege list, where a number that is not one
    /// may fail only with its own line.
    /// </summary>
    internal static bool SecurityTemplateBytes(byte[] input)
    {
        SecurityTemplateInf inf;
        try
        {
            inf = SecurityTemplateInf.Parse(input);
        }
        catch (CaptureFormatException ex)
        {
            CheckLine(ex, input.Length);
            return false;
        }

        foreach (var name in inf.SectionNames)
        {
            if (!inf.HasSection(name))
            {
                throw new InvalidOperationException($"Section [{name}] is listed but not found.");
            }

            var previous = 0;
            foreach (var entry in inf.Section(name))
            {
                if (entry.LineNumber <= previous || !ReferenceEquals(inf.Find(name, entry.Key), entry))
                {
                    throw new InvalidOperationException($"Entry {entry.Key} of [{name}] at line {entry.LineNumber} is out of order or not found.");
                }

                previous = entry.LineNumber;
                try
                {
                    _ = inf.GetInteger(name, entry.Key);
                }
                catch (CaptureFormatException ex) when (ex.LineNumber == entry.LineNumber)
                {
                }

                if (string.Equals(name, SecurityTemplateInf.PrivilegeRightsSection, StringComparison.OrdinalIgnoreCase)
                    && inf.GetPrivilegeAccounts(entry.Key) is not { } accounts)
                {
                    throw new InvalidOperationException($"Right {entry.Key} is in the section but has no account list.");
                }
            }
        }

        return true;
    }

    /// <summary>
    /// <c>CaptureDocument.Parse</c> over the input as UTF-8, then <c>CaptureImporter.ToBundle</c>: a bundle's ids are unique
    /// (its constructor says so), every item's Source names the capture script, and an item without data has an error.
    /// </summary>
    internal static bool CaptureDocumentText(byte[] input)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(input);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        try
        {
            var document = CaptureDocument.Parse(text);
            var bundle = CaptureImporter.ToBundle(document);
            foreach (var item in bundle.Items)
            {
                if (!item.Source.StartsWith("capture script ", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"Item {item.Id} has the source '{item.Source}'.");
                }

                if (item.Succeeded == (item.Error is not null))
                {
                    throw new InvalidOperationException($"Item {item.Id} has both or neither of data and an error.");
                }

                _ = item.Records?.Sum(r => r.Properties.Count);
            }

            return true;
        }
        catch (CaptureFormatException)
        {
            return false;
        }
    }

    /// <summary>
    /// <c>CliXmlDocument.Parse</c> over the bytes: a refusal is placed inside the input (line 0 only for an input too large);
    /// a document that reads is walked to its last value (each object once, however often it is referenced): every value's
    /// CLR type is the one its capture type names, typed arrays are of their element type, <c>Property</c> finds each name,
    /// and a CIM namespace is never without its class.
    /// </summary>
    internal static bool CliXmlBytes(byte[] input)
    {
        CliXmlDocument document;
        try
        {
            document = CliXmlDocument.Parse(input);
        }
        catch (CliXmlFormatException ex)
        {
            if (ex.Line < 0 || ex.Column < 0 || ex.Line > input.Length + 1 || (ex.Line == 0 && input.Length <= CliXmlDocument.MaxBytes && ex.InnerException is null))
            {
                throw new InvalidOperationException($"A CliXmlFormatException at line {ex.Line}, column {ex.Column} of an input of {input.Length} bytes: {ex.Message}", ex);
            }

            return false;
        }

        var seen = new HashSet<CliXmlObject>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<CliXmlObject>(document.Objects);
        while (pending.Count > 0)
        {
            var obj = pending.Pop();
            if (!seen.Add(obj))
            {
                continue;
            }

            _ = string.Concat(obj.TypeNames) + obj.ToStringText + obj.ToString();
            if (obj.CimNamespace is not null && obj.CimClassName is null)
            {
                throw new InvalidOperationException($"A CIM namespace {obj.CimNamespace} without a class.");
            }

            foreach (var property in obj.Properties)
            {
                CheckValue(property, pending);
                var found = obj.Property(property.Name) ?? throw new InvalidOperationException($"Property '{property.Name}' is not found by its name.");
                if (!string.Equals(found.Name, property.Name, StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidOperationException($"Property '{property.Name}' finds '{found.Name}'.");
                }
            }

            foreach (var item in obj.Items)
            {
                CheckValue(item, pending);
            }
        }

        return true;
    }

    private static void CheckValue(CliXmlProperty property, Stack<CliXmlObject> pending)
    {
        var expected = property.CaptureType switch
        {
            "Null" => null,
            "String" or "XmlDocument" or "ScriptBlock" or "SecureString" => typeof(string),
            "Boolean" => typeof(bool),
            "Byte" => typeof(byte),
            "SByte" => typeof(sbyte),
            "Int16" => typeof(short),
            "UInt16" => typeof(ushort),
            "Int32" => typeof(int),
            "UInt32" => typeof(uint),
            "Int64" => typeof(long),
            "UInt64" => typeof(ulong),
            "DateTime" => typeof(DateTime),
            "Byte[]" => typeof(byte[]),
            "UInt16[]" => typeof(ushort[]),
            "UInt32[]" => typeof(uint[]),
            "UInt64[]" => typeof(ulong[]),
            "Int32[]" => typeof(int[]),
            "Int64[]" => typeof(long[]),
            "String[]" => typeof(string[]),
            "Double" => typeof(double),
            "Single" => typeof(float),
            "Decimal" => typeof(decimal),
            "Char" => typeof(char),
            "TimeSpan" => typeof(TimeSpan),
            "Guid" => typeof(Guid),
            "Uri" => typeof(Uri),
            "Version" => typeof(Version),
            "Object" => typeof(CliXmlObject),
            _ => throw new InvalidOperationException($"Unknown capture type '{property.CaptureType}'."),
        };
        if (property.Value?.GetType() != expected)
        {
            throw new InvalidOperationException($"Property '{property.Name}' of capture type {property.CaptureType} holds {property.Value?.GetType().Name ?? "null"}.");
        }

        if (property.Value is CliXmlObject nested)
        {
            pending.Push(nested);
        }
        else if (property.Value is DateTime time && time.Kind == DateTimeKind.Local)
        {
            throw new InvalidOperationException($"Property '{property.Name}' is a local time; times are UTC or unspecified.");
        }
    }

    private static void CheckLine(CaptureFormatException ex, int length)
    {
        if (ex.LineNumber is { } line && (line < 1 || line > length + 1))
        {
            throw new InvalidOperationException($"A CaptureFormatException at line {line} of an input of {length} bytes: {ex.Message}", ex);
        }
    }
}
