using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace AzureLocalSecurity.Reports;

/// <summary>
/// Writes a report as comma-separated values (RFC 4180): a header row, then one row per result, CRLF line ends, a
/// field quoted when it holds a comma, a quote, CR or LF (quotes doubled), references joined with "; ". A cell that
/// begins with = + - @, a tab or a CR gets a leading apostrophe, so a spreadsheet shows it as text and never runs it
/// as a formula (CSV formula injection); the apostrophe is part of the cell's value.
/// </summary>
public static class CsvReportWriter
{
    /// <summary>The column names, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["NodeName", "Id", "Title", "Area", "Status", "Severity", "Expected", "Actual", "Source", "Reason", "Remediation", "References"];

    /// <summary>Writes the report to a text writer. The caller owns the writer and its encoding.</summary>
    public static void Write(SecurityReport report, TextWriter writer)
    {
        if (report is null)
        {
            throw new ArgumentNullException(nameof(report));
        }

        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        var cells = new string?[Columns.Count];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = Columns[i];
        }

        WriteRow(writer, cells);
        foreach (var result in report.Results)
        {
            cells[0] = result.NodeName;
            cells[1] = result.Id;
            cells[2] = result.Title;
            cells[3] = result.Area;
            cells[4] = result.Status.ToString();
            cells[5] = result.Severity.ToString();
            cells[6] = result.Expected;
            cells[7] = result.Actual;
            cells[8] = result.Source;
            cells[9] = result.Reason;
            cells[10] = result.Remediation;
            cells[11] = string.Join("; ", result.References);
            WriteRow(writer, cells);
        }
    }

    /// <summary>The cell as written: guarded against formula injection, then quoted when RFC 4180 requires it.</summary>
    internal static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var text = value!;
        if (text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        if (text.IndexOfAny(['"', ',', '\r', '\n']) < 0)
        {
            return text;
        }

        var quoted = new StringBuilder(text.Length + 8).Append('"');
        foreach (var c in text)
        {
            quoted.Append(c);
            if (c == '"')
            {
                quoted.Append('"');
            }
        }

        return quoted.Append('"').ToString();
    }

    private static void WriteRow(TextWriter writer, string?[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            writer.Write(Cell(cells[i]));
        }

        writer.Write("\r\n");
    }
}
