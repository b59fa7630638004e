using System.IO;
using System.Linq;
using AzureLocalSecurity.Reports;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Reports;

public class ReportFileTests
{
    [Fact]
    public void The_file_is_UTF8_without_a_byte_order_mark()
    {
        using var dir = new TempDir();

        var file = ReportFile.Write(ReportSamples.Report("Zürich"), ReportFormat.Json, dir.Combine("r.json"), overwrite: false);

        var bytes = File.ReadAllBytes(file.FullName);
        Assert.Equal((byte)'{', bytes[0]);
        Assert.Contains("\"title\": \"Zürich\"", System.Text.Encoding.UTF8.GetString(bytes), System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_existing_file_is_kept_unless_overwrite_is_asked()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Combine("r.csv"), "old");

        Assert.Throws<IOException>(() => ReportFile.Write(ReportSamples.Report(), ReportFormat.Csv, dir.Combine("r.csv"), overwrite: false));
        Assert.Equal("old", File.ReadAllText(dir.Combine("r.csv")));

        ReportFile.Write(ReportSamples.Report(), ReportFormat.Csv, dir.Combine("r.csv"), overwrite: true);
        Assert.StartsWith("NodeName,", File.ReadAllText(dir.Combine("r.csv")), System.StringComparison.Ordinal);
        Assert.Equal(["r.csv"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failed_write_leaves_neither_a_file_nor_a_temporary_one()
    {
        using var dir = new TempDir();

        Assert.ThrowsAny<System.ArgumentException>(() => ReportFile.Write(ReportSamples.Report(), (ReportFormat)42, dir.Combine("r.x"), overwrite: false));

        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }
}
