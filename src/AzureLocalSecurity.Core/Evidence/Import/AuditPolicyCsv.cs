using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace AzureLocalSecurity.Evidence.Import;

/// <summary>
/// The CSV <c>auditpol /backup /file:</c> writes, which is also the layout of a Group Policy <c>audit.csv</c>: a header and one
/// row per subcategory, option or global SACL, seven columns (Machine Name, Policy Target, Subcategory, Subcategory GUID,
/// Inclusion Setting, Exclusion Setting, Setting Value). The header's names are not compared (they may be localized); its
/// seven columns are. Rows are read by GUID and number, never by name, so the locale of the node does not matter.
/// </summary>
public sealed class AuditPolicyCsv
{
    /// <summary>The largest input read: a backup of every subcategory is under 10 KB.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The most rows read.</summary>
    public const int MaxRows = 10_000;

    private const int Columns = 7;

    private readonly AuditPolicyCsvEntry[] _entries;

    private AuditPolicyCsv(AuditPolicyCsvEntry[] entries) => _entries = entries;

    /// <summary>The rows in file order.</summary>
    public IReadOnlyList<AuditPolicyCsvEntry> Entries => _entries;

    /// <summary>The subcategory rows (those with a GUID).</summary>
    public IEnumerable<AuditPolicyCsvEntry> Subcategories => _entries.Where(e => e.SubcategoryGuid is not null);

    /// <summary>Reads the file's bytes (UTF-8 or UTF-16, with or without a byte order mark).</summary>
    /// <exception cref="CaptureFormatException">The bytes are not such a CSV; the message names the line.</exception>
    public static AuditPolicyCsv Parse(byte[] bytes) => Parse(ImportText.Decode(bytes, MaxBytes, "audit policy CSV"));

    /// <summary>Reads the CSV text.</summary>
    /// <exception cref="CaptureFormatException">The text is not such a CSV; the message names the line.</exception>
    public static AuditPolicyCsv Parse(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        if (text.Length > MaxBytes)
        {
            throw new CaptureFormatException($"The audit policy CSV is {text.Length} characters; at most {MaxBytes} are read.", location: null);
        }

        var lines = ImportText.Lines(text);
        var header = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Trim().Length > 0)
            {
                header = i;
                break;
            }
        }

        if (header < 0)
        {
            throw new CaptureFormatException("The audit policy CSV is empty: it has no header line.", null, 1);
        }

        var headerFields = Split(lines[header], header + 1);
        if (headerFields.Count != Columns)
        {
            throw new CaptureFormatException($"The header has {headerFields.Count} columns; an auditpol backup has {Columns} (Machine Name, Policy Target, Subcategory, Subcategory GUID, Inclusion Setting, Exclusion Setting, Setting Value).", null, header + 1);
        }

        var entries = new List<AuditPolicyCsvEntry>();
        var seen = new Dictionary<Guid, int>();
        for (var i = header + 1; i < lines.Count; i++)
        {
            var line = i + 1;
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }

            if (entries.Count >= MaxRows)
            {
                throw new CaptureFormatException($"The audit policy CSV has more than {MaxRows} rows.", null, line);
            }

            var f = Split(lines[i], line);
            if (f.Count != Columns)
            {
                throw new CaptureFormatException($"The row has {f.Count} columns; {Columns} were expected.", null, line);
            }

            Guid? guid = null;
            var guidText = f[3].Trim();
            if (guidText.Length > 0)
            {
                if (!Guid.TryParse(guidText, out var g))
                {
                    throw new CaptureFormatException($"'{guidText}' is not a subcategory GUID.", null, line);
                }

                if (seen.TryGetValue(g, out var first))
                {
                    throw new CaptureFormatException($"Subcategory {g:D} appears twice (first on line {first}).", null, line);
                }

                seen.Add(g, line);
                guid = g;
                var value = f[6].Trim();
                if (value.Length != 1 || value[0] < '0' || value[0] > '3')
                {
                    throw new CaptureFormatException($"Subcategory {g:D} has Setting Value '{value}'; 0 (no auditing), 1 (success), 2 (failure) or 3 (both) was expected.", null, line);
                }
            }

            entries.Add(new AuditPolicyCsvEntry(line, f[0], f[1], f[2], guid, f[4], f[5], f[6].Trim()));
        }

        return new AuditPolicyCsv(entries.ToArray());
    }

    /// <summary>The row of a subcategory, or null when the CSV has none for it.</summary>
    public AuditPolicyCsvEntry? Find(Guid subcategory) => _entries.FirstOrDefault(e => e.SubcategoryGuid == subcategory);

    /// <summary>One CSV line's fields: commas separate, double quotes enclose a field that holds commas or quotes ("" is one quote).</summary>
    private static List<string> Split(string line, int lineNumber)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var atStart = true;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < line.Length && line[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && atStart)
            {
                quoted = true;
                atStart = false;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                atStart = true;
            }
            else
            {
                field.Append(c);
                atStart = false;
            }

            if (fields.Count > 64)
            {
                throw new CaptureFormatException("The row has more than 64 columns.", null, lineNumber);
            }
        }

        if (quoted)
        {
            throw new CaptureFormatException(string.Format(CultureInfo.InvariantCulture, "A quoted field is not closed before the end of the line ({0} characters).", line.Length), null, lineNumber);
        }

        fields.Add(field.ToString());
        return fields;
    }
}
