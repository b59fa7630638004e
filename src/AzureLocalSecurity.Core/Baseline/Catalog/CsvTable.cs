using System;
using System.Collections.Generic;
using System.Text;

namespace AzureLocalSecurity.Baseline.Catalog;

/// <summary>
/// A CSV file read strictly (RFC 4180: comma separated, double-quote quoting with "" for a quote, CRLF or LF line
/// ends, UTF-8 with or without a byte order mark). Bounded: the file, the fields per row, the field length and
/// the rows are limited, so what a hostile file costs is linear in its size (measured: about 1.5 KiB per row of tiny fields). Every problem is a
/// <see cref="BaselineCatalogException"/> with the line it is on; nothing partial is returned.
/// </summary>
public sealed class CsvTable
{
    /// <summary>The largest file read (16 MiB; Microsoft's largest catalog is under 0.5 MiB).</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    /// <summary>The most fields one row may have.</summary>
    public const int MaxFields = 256;

    /// <summary>The longest field.</summary>
    public const int MaxFieldLength = 256 * 1024;

    /// <summary>The most rows.</summary>
    public const int MaxRows = 100_000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private CsvTable(string sourceName, string[] header, List<CsvRow> rows)
    {
        SourceName = sourceName;
        Header = header;
        Rows = rows;
    }

    /// <summary>Where the table came from.</summary>
    public string SourceName { get; }

    /// <summary>The first row: the column names, trimmed.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The data rows, each with as many fields as the header.</summary>
    public IReadOnlyList<CsvRow> Rows { get; }

    /// <summary>Reads a CSV file's bytes. Blank lines are skipped; every other row must have as many fields as the header.</summary>
    public static CsvTable Parse(byte[] data, string sourceName)
    {
        if (data is null)
        {
            throw new ArgumentNullException(nameof(data));
        }

        sourceName ??= "CSV";
        if (data.Length > MaxBytes)
        {
            throw new BaselineCatalogException(sourceName, 0, $"the file is {data.Length} bytes; a catalog may be at most {MaxBytes} bytes.");
        }

        string text;
        try
        {
            var offset = data.Length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF ? 3 : 0;
            text = StrictUtf8.GetString(data, offset, data.Length - offset);
        }
        catch (DecoderFallbackException ex)
        {
            throw new BaselineCatalogException(sourceName, LineOfByte(data, ex.Index), "the file is not valid UTF-8.");
        }

        var rows = new List<CsvRow>();
        string[]? header = null;
        var pos = 0;
        var line = 1;

        // One field list and one field buffer for the whole file: a row keeps only the copy it needs, so a file of
        // blank lines or empty fields costs nothing per line.
        var fields = new List<string>();
        var field = new StringBuilder();
        while (pos < text.Length)
        {
            var rowLine = line;
            ReadRow(text, ref pos, ref line, sourceName, fields, field);
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            if (header is null)
            {
                header = new string[fields.Count];
                for (var i = 0; i < fields.Count; i++)
                {
                    header[i] = fields[i].Trim();
                }

                continue;
            }

            if (fields.Count != header.Length)
            {
                throw new BaselineCatalogException(sourceName, rowLine, $"the row has {fields.Count} fields; the header has {header.Length}.");
            }

            if (rows.Count == MaxRows)
            {
                throw new BaselineCatalogException(sourceName, rowLine, $"the file has more than {MaxRows} rows.");
            }

            rows.Add(new CsvRow(rowLine, fields.ToArray()));
        }

        if (header is null)
        {
            throw new BaselineCatalogException(sourceName, 1, "the file is empty; a catalog starts with a header row.");
        }

        return new CsvTable(sourceName, header, rows);
    }

    /// <summary>The index of the column with this name (ignoring case and surrounding spaces), or -1.</summary>
    public int IndexOf(string column)
    {
        var h = (string[])Header;
        for (var i = 0; i < h.Length; i++)
        {
            if (string.Equals(h[i], column, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static void ReadRow(string text, ref int pos, ref int line, string sourceName, List<string> fields, StringBuilder field)
    {
        fields.Clear();
        while (true)
        {
            if (fields.Count == MaxFields)
            {
                throw new BaselineCatalogException(sourceName, line, $"the row has more than {MaxFields} fields.");
            }

            field.Clear();
            if (pos < text.Length && text[pos] == '"')
            {
                var startLine = line;
                pos++;
                while (true)
                {
                    if (pos >= text.Length)
                    {
                        throw new BaselineCatalogException(sourceName, startLine, "a quoted field is not closed.");
                    }

                    var c = text[pos++];
                    if (c == '"')
                    {
                        if (pos < text.Length && text[pos] == '"')
                        {
                            Append(field, '"', line, sourceName);
                            pos++;
                            continue;
                        }

                        break;
                    }

                    if (c == '\n')
                    {
                        line++;
                    }

                    Append(field, c, line, sourceName);
                }

                if (pos < text.Length && text[pos] != ',' && text[pos] != '\r' && text[pos] != '\n')
                {
                    throw new BaselineCatalogException(sourceName, line, $"a quoted field is followed by '{text[pos]}' instead of a comma or the end of the line.");
                }
            }
            else
            {
                while (pos < text.Length && text[pos] != ',' && text[pos] != '\r' && text[pos] != '\n')
                {
                    if (text[pos] == '"')
                    {
                        throw new BaselineCatalogException(sourceName, line, "a double quote appears inside a field that is not quoted.");
                    }

                    Append(field, text[pos++], line, sourceName);
                }
            }

            fields.Add(field.ToString());
            if (pos >= text.Length)
            {
                return;
            }

            var end = text[pos++];
            if (end == ',')
            {
                continue;
            }

            if (end == '\r')
            {
                if (pos < text.Length && text[pos] == '\n')
                {
                    pos++;
                }
                else
                {
                    throw new BaselineCatalogException(sourceName, line, "a carriage return is not followed by a line feed.");
                }
            }

            line++;
            return;
        }
    }

    private static void Append(StringBuilder field, char c, int line, string sourceName)
    {
        if (field.Length == MaxFieldLength)
        {
            throw new BaselineCatalogException(sourceName, line, $"a field is longer than {MaxFieldLength} characters.");
        }

        field.Append(c);
    }

    private static int LineOfByte(byte[] data, int index)
    {
        var line = 1;
        for (var i = 0; i < index && i < data.Length; i++)
        {
            if (data[i] == (byte)'\n')
            {
                line++;
            }
        }

        return line;
    }
}
