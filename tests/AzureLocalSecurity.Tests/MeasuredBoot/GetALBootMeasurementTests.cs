using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using AzureLocalSecurity.MeasuredBoot;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.MeasuredBoot;

public sealed class GetALBootMeasurementTests(ModuleSession module) : IClassFixture<ModuleSession>
{
    private static string Quote(string path) => "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string WindowsLogFile(TempDir dir)
    {
        var path = dir.Combine("0000000004-0000000000.log");
        File.WriteAllBytes(path, EventLogVectors.WindowsLog());
        return path;
    }

    [Fact]
    public void Every_record_is_written_with_the_file_it_came_from()
    {
        var path = EventLogVectors.PathOf(EventLogVectors.GceUbuntu);

        var (output, errors) = module.Run($"Get-ALBootMeasurement -Path {Quote(path)}");

        Assert.Empty(errors);
        Assert.Equal(112, output.Count);
        Assert.Equal(Enumerable.Range(0, 112), output.Select(o => ((TcgEvent)o.BaseObject).Index));
        Assert.All(output, o => Assert.Equal(path, o.Properties["Path"].Value));
        Assert.Equal("Exit Boot Services Returned with Success", ((TcgEvent)output[^1].BaseObject).Summary);
    }

    [Fact]
    public void File_objects_piped_in_are_read_by_their_FullName()
    {
        using var dir = new TempDir();
        File.Copy(EventLogVectors.PathOf(EventLogVectors.UefiVar), dir.Combine("a.log"));
        WindowsLogFile(dir);

        var (output, errors) = module.Run($"[System.IO.DirectoryInfo]::new({Quote(dir.Path)}).GetFiles('*.log') | Get-ALBootMeasurement");

        Assert.Empty(errors);
        Assert.Equal(2 + 21, output.Count);
        Assert.Equal([dir.Combine("0000000004-0000000000.log"), dir.Combine("a.log")], output.Select(o => (string)o.Properties["Path"].Value).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Replay_writes_the_windows_machines_real_pcrs()
    {
        using var dir = new TempDir();
        var real = EventLogVectors.WindowsPcrs();

        var (output, errors) = module.Run($"Get-ALBootMeasurement -Path {Quote(WindowsLogFile(dir))} -Replay");

        Assert.Empty(errors);
        var pcrs = output.Select(o => (ReplayedPcr)o.BaseObject).ToList();
        Assert.All(pcrs, p => Assert.Equal("sha1", p.Bank));
        Assert.Equal(EventLogVectors.WindowsReplayedPcrs, pcrs.Select(p => p.Pcr));
        Assert.All(pcrs, p => Assert.Equal(real[p.Pcr], p.Value));
    }

    [Fact]
    public void A_file_that_is_not_a_log_is_an_error_naming_the_byte_and_the_other_files_are_still_read()
    {
        using var dir = new TempDir();
        var bad = dir.Combine("bad.log");
        File.WriteAllBytes(bad, EventLogVectors.Read(EventLogVectors.UefiVar).AsSpan(0, 100).ToArray());
        var good = EventLogVectors.PathOf(EventLogVectors.UefiVar);

        var (output, errors) = module.Run($"Get-ALBootMeasurement -Path {Quote(bad)}, {Quote(good)}");

        var error = Assert.Single(errors);
        Assert.StartsWith("BootMeasurementLogInvalid,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(System.Management.Automation.ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Equal(bad, error.TargetObject);
        Assert.Contains("at byte 91", error.Exception.Message, StringComparison.Ordinal);
        Assert.IsType<TcgEventLogFormatException>(error.Exception);
        Assert.Equal(2, output.Count);
    }

    [Fact]
    public void A_missing_file_is_a_path_not_found_error()
    {
        using var dir = new TempDir();

        var (output, errors) = module.Run($"Get-ALBootMeasurement -Path {Quote(dir.Combine("none.log"))}");

        Assert.Empty(output);
        var error = Assert.Single(errors);
        Assert.StartsWith("PathNotFound,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(System.Management.Automation.ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
    }

    [Fact]
    public void The_table_view_shows_index_pcr_type_a_short_first_digest_and_the_summary()
    {
        using var dir = new TempDir();
        var path = WindowsLogFile(dir);

        var row = ViewRow(typeof(TcgEvent), $"(Get-ALBootMeasurement -Path {Quote(path)})[20]");

        Assert.Equal("20|14|EV_SEPARATOR|sha1:9D7F499388DA...|WBCL", row);
    }

    [Fact]
    public void The_replay_view_shows_bank_pcr_extends_and_value()
    {
        using var dir = new TempDir();
        var path = WindowsLogFile(dir);

        var row = ViewRow(typeof(ReplayedPcr), $"(Get-ALBootMeasurement -Path {Quote(path)} -Replay)[0]");

        Assert.Equal("sha1|0|1|" + EventLogVectors.WindowsPcrs()[0], row);
    }

    /// <summary>The type's table view of module/AzureLocalSecurity.Format.ps1xml applied by hand to one object: each column's property or script block, joined with '|'.</summary>
    private string ViewRow(Type type, string command)
    {
        var view = XDocument.Load(Path.Combine(Repo.Root, "module", "AzureLocalSecurity.Format.ps1xml")).Descendants("View")
            .Single(v => (string?)v.Element("ViewSelectedBy")?.Element("TypeName") == type.FullName && v.Element("TableControl") is not null);
        var cells = new List<string>();
        foreach (var column in view.Descendants("TableColumnItem"))
        {
            var script = column.Element("PropertyName") is { } property ? $"({command}).{property.Value}" : $"{command} | ForEach-Object {{ {column.Element("ScriptBlock")!.Value} }}";
            var (output, errors) = module.Run(script);
            Assert.Empty(errors);
            cells.Add(string.Concat(output.Select(o => o?.ToString())));
        }

        return string.Join("|", cells);
    }
}
