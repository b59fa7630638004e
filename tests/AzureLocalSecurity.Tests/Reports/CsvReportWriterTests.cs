using System.Collections.Generic;
using System.Linq;
using System.Text;
using AzureLocalSecurity.Reports;
using Xunit;

namespace AzureLocalSecurity.Tests.Reports;

public class CsvReportWriterTests
{
    [Fact]
    public void A_header_row_then_one_row_per_result_with_every_field()
    {
        var rows = Parse(ReportSamples.Write(ReportSamples.Report(), ReportFormat.Csv));

        Assert.Equal(["NodeName", "Id", "Title", "Area", "Status", "Severity", "Expected", "Actual", "Source", "Reason", "Remediation", "References"], rows[0]);
        Assert.Equal(9, rows.Count);
        Assert.Equal(["NODE02", "ALSEC-BL-001", "LSA protection", "Baseline", "NonCompliant", "Medium", "1", "(absent)", "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa RunAsPPL", "", "Set RunAsPPL to 1.", "CIS 18.4.1; STIG V-254"], rows[3]);
    }

    [Fact]
    public void Commas_quotes_and_newlines_survive_RFC_4180_quoting()
    {
        var rows = Parse(ReportSamples.Write(ReportSamples.Report(), ReportFormat.Csv));

        Assert.Equal(ReportSamples.Hostile, rows[8][2]);
        Assert.Equal(ReportSamples.Hostile, rows[8][7]);
    }

    [Fact]
    public void Cells_that_a_spreadsheet_would_run_as_formulas_get_a_leading_apostrophe()
    {
        var rows = Parse(ReportSamples.Write(ReportSamples.Report(), ReportFormat.Csv));

        Assert.Equal("'=1+2", rows[8][6]);
        Assert.Equal("'@SUM(A1)", rows[8][10]);
        Assert.StartsWith("'-cmd; ", rows[8][11], System.StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_end_in_CRLF_and_a_plain_field_is_not_quoted()
    {
        var text = ReportSamples.Write(ReportSamples.Report(), ReportFormat.Csv);

        Assert.StartsWith("NodeName,Id,Title,Area,Status,Severity,Expected,Actual,Source,Reason,Remediation,References\r\nNODE01,ALSEC-PLAT-001,UEFI firmware,", text, System.StringComparison.Ordinal);
        Assert.EndsWith("\r\n", text, System.StringComparison.Ordinal);
    }

    /// <summary>An RFC 4180 reader: fields split on commas, quoted fields may hold commas, CRLF and doubled quotes.</summary>
    private static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                Assert.True(c != '"' && c != '\n' && c != '\r', $"unquoted special character at {i}");
                field.Append(c);
            }
        }

        Assert.Empty(row);
        Assert.Equal(0, field.Length);
        Assert.True(rows.All(r => r.Count == 12));
        return rows;
    }
}
