using System.IO;
using System.Linq;
using AzureLocalSecurity.Reports;
using AzureLocalSecurity.Results;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Reports;

public class ReportCmdletTests : IClassFixture<ModuleSession>
{
    private readonly ModuleSession _session;

    public ReportCmdletTests(ModuleSession session) => _session = session;

    [Fact]
    public void Results_piped_in_are_written_as_one_JSON_report_and_imported_back()
    {
        using var dir = new TempDir();
        var path = dir.Combine("r.json");

        var (output, errors) = _session.Run(
            $"$results | Export-ALSecurityReport -Format Json -Path '{path}' -Title 'Nightly' -PassThru; Import-ALSecurityReport -Path '{path}'",
            new System.Collections.Generic.Dictionary<string, object?> { ["results"] = ReportSamples.Results().ToArray() });

        Assert.Empty(errors);
        Assert.Equal(path, Assert.IsType<FileInfo>(output[0].BaseObject).FullName);
        var imported = output.Skip(1).Select(o => Assert.IsType<SecurityCheckResult>(o.BaseObject)).ToList();
        Assert.Equal(ReportSamples.Results().Select(r => (r.Id, r.Status, r.NodeName, r.Actual)), imported.Select(r => (r.Id, r.Status, r.NodeName, r.Actual)));
        Assert.Equal("Nightly", JsonReportReader.Read(new StringReader(File.ReadAllText(path))).Title);
    }

    [Fact]
    public void Anything_else_in_the_pipeline_is_a_non_terminating_error_naming_its_type()
    {
        using var dir = new TempDir();
        var path = dir.Combine("r.csv");

        var (_, errors) = _session.Run(
            $"@($results[0], 'text', $results[1]) | Export-ALSecurityReport -Format Csv -Path '{path}'",
            new System.Collections.Generic.Dictionary<string, object?> { ["results"] = ReportSamples.Results().ToArray() });

        var error = Assert.Single(errors);
        Assert.Equal("ReportInputUnsupported,AzureLocalSecurity.Commands.ExportALSecurityReportCommand", error.FullyQualifiedErrorId);
        Assert.Contains("System.String", error.Exception.Message, System.StringComparison.Ordinal);
        Assert.Equal(3, File.ReadAllLines(path).Length);
    }

    [Fact]
    public void An_existing_file_is_refused_without_Force_and_replaced_with_it()
    {
        using var dir = new TempDir();
        var path = dir.Combine("r.sarif");
        File.WriteAllText(path, "old");
        var variables = new System.Collections.Generic.Dictionary<string, object?> { ["results"] = ReportSamples.Results().ToArray() };

        var (_, errors) = _session.Run($"$results | Export-ALSecurityReport -Format Sarif -Path '{path}'", variables);
        Assert.Equal("ReportFileExists,AzureLocalSecurity.Commands.ExportALSecurityReportCommand", Assert.Single(errors).FullyQualifiedErrorId);
        Assert.Equal("old", File.ReadAllText(path));

        _session.Run($"$results | Export-ALSecurityReport -Format Sarif -Path '{path}' -Force", variables);
        Assert.Contains("\"version\": \"2.1.0\"", File.ReadAllText(path), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Importing_a_report_of_a_newer_schema_is_an_error_with_its_own_id()
    {
        using var dir = new TempDir();
        var path = dir.Combine("new.json");
        File.WriteAllText(path, "{\"schema\":\"x\",\"schemaVersion\":2}");

        var (output, errors) = _session.Run($"Import-ALSecurityReport -Path '{path}'");

        Assert.Empty(output);
        var error = Assert.Single(errors);
        Assert.Equal("ReportSchemaUnsupported,AzureLocalSecurity.Commands.ImportALSecurityReportCommand", error.FullyQualifiedErrorId);
        Assert.Equal(path, error.TargetObject);
    }

    [Fact]
    public void Importing_a_report_over_the_size_limit_is_a_ReportFileTooLarge_error_and_the_next_file_is_still_read()
    {
        using var dir = new TempDir();
        var huge = dir.Combine("a-huge.json");
        using (var file = File.Create(huge))
        {
            file.SetLength(JsonReportReader.MaxFileBytes + 1);
        }

        var good = dir.Combine("b-good.json");
        File.WriteAllText(good, ReportSamples.Write(ReportSamples.Report(), ReportFormat.Json));

        var (output, errors) = _session.Run($"Import-ALSecurityReport -LiteralPath '{huge}', '{good}'");

        var error = Assert.Single(errors);
        Assert.Equal("ReportFileTooLarge,AzureLocalSecurity.Commands.ImportALSecurityReportCommand", error.FullyQualifiedErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.LimitsExceeded, error.CategoryInfo.Category);
        Assert.Contains(huge, error.Exception.Message, System.StringComparison.Ordinal);
        Assert.Equal(ReportSamples.Report().Results.Count, output.Count);
    }

    [Fact]
    public void Type_members_in_a_report_are_ignored_and_only_results_are_created()
    {
        using var dir = new TempDir();
        var path = dir.Combine("typed.json");
        var document = Newtonsoft.Json.Linq.JObject.Parse(ReportSamples.Write(ReportSamples.Report(), ReportFormat.Json));

        // Json.NET honours $type only when TypeNameHandling is set: then these would make a FileInfo of the report and a
        // Hashtable of each result, or fail as types that are not results.
        var first = (Newtonsoft.Json.Linq.JProperty)document.First!;
        first.AddBeforeSelf(new Newtonsoft.Json.Linq.JProperty("$type", "System.IO.FileInfo, System.Private.CoreLib"));
        foreach (var result in document["results"]!.Cast<Newtonsoft.Json.Linq.JObject>())
        {
            result.AddFirst(new Newtonsoft.Json.Linq.JProperty("$type", "System.Collections.Hashtable, System.Private.CoreLib"));
        }

        File.WriteAllText(path, document.ToString());
        Assert.Contains("\"$type\": \"System.Collections.Hashtable", File.ReadAllText(path), System.StringComparison.Ordinal);

        var (output, errors) = _session.Run($"Import-ALSecurityReport -LiteralPath '{path}'");

        Assert.Empty(errors);
        var imported = output.Select(o => Assert.IsType<SecurityCheckResult>(o.BaseObject)).ToList();
        Assert.Equal(ReportSamples.Report().Results.Select(r => (r.Id, r.Status, r.NodeName, r.Actual)), imported.Select(r => (r.Id, r.Status, r.NodeName, r.Actual)));
    }
}
