using System;
using System.IO;
using System.Text;

namespace AzureLocalSecurity.Reports;

/// <summary>
/// Writes a report file: UTF-8 without a byte order mark, into a temporary file beside the target that is renamed over
/// it only when complete, so a failure never leaves half a report (and never the old file half overwritten).
/// </summary>
public static class ReportFile
{
    /// <summary>Writes the report in a format to a text writer (the writers need no file).</summary>
    public static void Write(SecurityReport report, ReportFormat format, TextWriter writer, CefOptions? cefOptions = null)
    {
        switch (format)
        {
            case ReportFormat.Json:
                JsonReportWriter.Write(report, writer);
                break;
            case ReportFormat.Csv:
                CsvReportWriter.Write(report, writer);
                break;
            case ReportFormat.Html:
                HtmlReportWriter.Write(report, writer);
                break;
            case ReportFormat.Sarif:
                SarifReportWriter.Write(report, writer);
                break;
            case ReportFormat.JUnit:
                JUnitReportWriter.Write(report, writer);
                break;
            case ReportFormat.Cef:
                CefReportWriter.Write(report, writer, cefOptions);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Not a report format.");
        }
    }

    /// <summary>
    /// Writes the report to a file. Throws <see cref="IOException"/> when the file exists and <paramref name="overwrite"/>
    /// is false (checked again at the rename, so a file that appears meanwhile is not replaced either).
    /// </summary>
    /// <returns>The written file.</returns>
    public static FileInfo Write(SecurityReport report, ReportFormat format, string path, bool overwrite, CefOptions? cefOptions = null)
    {
        if (report is null)
        {
            throw new ArgumentNullException(nameof(report));
        }

        var full = Path.GetFullPath(path ?? throw new ArgumentNullException(nameof(path)));
        if (!overwrite && File.Exists(full))
        {
            throw new IOException($"'{full}' already exists.");
        }

        if (Directory.Exists(full))
        {
            throw new IOException($"'{full}' is a folder.");
        }

        var folder = Path.GetDirectoryName(full)!;
        var temp = Path.Combine(folder, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" })
            {
                Write(report, format, writer, cefOptions);
            }

            if (overwrite && File.Exists(full))
            {
                File.Replace(temp, full, destinationBackupFileName: null);
            }
            else
            {
                File.Move(temp, full);
            }
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }

        return new FileInfo(full);
    }
}
