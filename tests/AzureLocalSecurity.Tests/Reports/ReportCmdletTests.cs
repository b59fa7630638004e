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
}
