using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using AzureLocalSecurity.Collection.Remote;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Evidence.Import;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Capture;

/// <summary>
/// Get-ALEvidenceCollectionScript: the script it prints is the fleet's capture script with its arguments written in; run in
/// the recorded Windows stand-in it saves one JSON file, and New-ALSecurityEvidence -FromPath reads that file to the same
/// bundle the fleet would have imported from the same JSON.
/// </summary>
[Collection(AzureLocalSecurity.Tests.Support.ProcessEnvironmentTests.Name)]
public sealed class CollectionScriptTests : IClassFixture<ModuleSession>, IDisposable
{
    private static readonly string RecordedBundlePath = Path.Combine(Repo.Root, "tests", "AzureLocalSecurity.Tests", "Vectors", "securedcore", "compliant-azure-local-node.zip");

    private readonly ModuleSession _session;
    private readonly TempDir _dir = new();

    public CollectionScriptTests(ModuleSession session)
    {
        _session = session;
        Directory.CreateDirectory(Path.Combine(_dir.Path, "windows", "System32", "CodeIntegrity"));
        Directory.CreateDirectory(Path.Combine(_dir.Path, "out"));
    }

    public void Dispose() => _dir.Dispose();

    private string Script(string arguments = "")
    {
        var (output, errors) = _session.Run("Get-ALEvidenceCollectionScript " + arguments);
        Assert.Empty(errors);
        return (string)Assert.Single(output).BaseObject;
    }

    [Fact]
    public void The_script_parses_without_errors_and_uses_no_syntax_newer_than_Windows_PowerShell_5_1()
    {
        var ast = Parser.ParseInput(Script(), out _, out var errors);

        Assert.Empty(errors);
        Assert.Empty(ast.FindAll(a => a is TernaryExpressionAst or PipelineChainAst || (a is BinaryExpressionAst b && b.Operator == TokenKind.QuestionQuestion), searchNestedScriptBlocks: true));
        Assert.Equal(["OutputFolder"], ast.ParamBlock.Parameters.Select(p => p.Name.VariablePath.UserPath));
        var commands = ast.FindAll(a => a is CommandAst, true).Select(a => ((CommandAst)a).GetCommandName()).Where(n => n is not null).ToList();
        Assert.NotEmpty(commands);
        Assert.DoesNotContain(commands, n => n!.Equals("Import-Module", StringComparison.OrdinalIgnoreCase) || n.Equals("Add-Type", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_arguments_written_in_are_the_ones_the_fleet_passes_and_Since_is_honoured()
    {
        var ast = Parser.ParseInput(Script("-Since ([datetime]::SpecifyKind([datetime]'2026-05-06T07:08:09', 'Utc')) -MaxEvents 77"), out _, out _);

        var hashtable = (HashtableAst)ast.Find(a => a is AssignmentStatementAst s && s.Left.Extent.Text == "$alsArguments", true)!.Find(a => a is HashtableAst, true)!;
        var written = hashtable.KeyValuePairs.ToDictionary(p => p.Item1.Extent.Text, p => (object?)p.Item2.SafeGetValue());
        var expected = CaptureScript.Parameters(CaptureScript.ShippedBaselineFacts(), new DateTimeOffset(2026, 5, 6, 7, 8, 9, TimeSpan.Zero), 77);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), written.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((string[])expected["RegistryKeys"], ((object[])written["RegistryKeys"]!).Cast<string>());
        Assert.Equal((string[])expected["UserRights"], ((object[])written["UserRights"]!).Cast<string>());
        Assert.Equal("2026-05-06T07:08:09.000Z", written["Since"]);
        Assert.Equal(77, written["MaxEvents"]);
        Assert.Equal(expected["ServicingEventQuery"], written["ServicingEventQuery"]);
    }

    [Fact]
    public void Run_on_a_node_it_saves_one_file_that_New_ALSecurityEvidence_reads_to_the_bundle_the_fleet_would_import()
    {
        var recorded = EvidenceBundleReader.Read(RecordedBundlePath);
        var output = Path.Combine(_dir.Path, "out");
        string json;
        using (var windows = new RecordedWindows(recorded, Path.Combine(_dir.Path, "windows")))
        {
            var printed = windows.RunScript(Script(), new Dictionary<string, object> { ["OutputFolder"] = output });
            var file = (string)Assert.Single(printed).BaseObject;
            Assert.Equal(Path.Combine(output, recorded.NodeName + ".alsec-capture.json"), file);
            json = File.ReadAllText(file);
        }

        var (bundles, errors) = _session.Run($"New-ALSecurityEvidence -FromPath '{output}'");

        Assert.Empty(errors);
        var fromFiles = (EvidenceBundle)Assert.Single(bundles).BaseObject;
        var fleet = CaptureImporter.ToBundle(json);
        Assert.Equal(recorded.NodeName, fromFiles.NodeName);
        Assert.Equal(fleet.Items.Select(i => i.Id).Append(EvidenceFileImporter.FilesId).Order(StringComparer.Ordinal), fromFiles.Items.Select(i => i.Id).Order(StringComparer.Ordinal));
        foreach (var item in fleet.Items)
        {
            var other = fromFiles.Find(item.Id)!;
            Assert.Equal(item.Succeeded, other.Succeeded);
            Assert.Equal(item.Registry?.Values.Select(v => (v.Name, v.Value)), other.Registry?.Values.Select(v => (v.Name, v.Value)));
            Assert.Equal(item.Records?.Select(r => string.Join("|", r.Properties.Select(p => p.Key + "=" + p.Value))), other.Records?.Select(r => string.Join("|", r.Properties.Select(p => p.Key + "=" + p.Value))));
        }

        // The same baseline results either way.
        var live = _session.Run("Test-ALSecurityBaseline -Evidence $b", new Dictionary<string, object?> { ["b"] = fleet }).Output;
        var offline = _session.Run("Test-ALSecurityBaseline -Evidence $b", new Dictionary<string, object?> { ["b"] = fromFiles }).Output;
        Assert.Equal(live.Select(o => o.Properties["Status"].Value.ToString()), offline.Select(o => o.Properties["Status"].Value.ToString()));
    }
}
