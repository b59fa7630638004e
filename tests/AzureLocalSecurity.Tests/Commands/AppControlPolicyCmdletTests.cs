using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Xml.Linq;
using AzureLocalSecurity.AppControl.Policy;
using AzureLocalSecurity.Tests.AppControl.Policy;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Commands;

public class AppControlPolicyCmdletTests : IClassFixture<ModuleSession>
{
    private readonly ModuleSession _session;

    public AppControlPolicyCmdletTests(ModuleSession session) => _session = session;

    [Fact]
    public void Get_ALApplicationControlPolicy_reads_XML_with_its_identity_mode_and_counts()
    {
        var (output, errors) = _session.Run($"Get-ALApplicationControlPolicy -Path '{WdacVectors.PathOf(WdacVectors.AllowMicrosoft)}'");

        Assert.Empty(errors);
        var file = (SiPolicyFile)output.Single().BaseObject;
        Assert.Equal(
            (SiPolicyFileFormat.Xml, "DefaultMicrosoftEnforced", "{959A0F15-8985-4551-A208-5FFE9EDB3A70}", "10.0.5.0", SiPolicyType.Base, SiPolicyMode.Audit, 1, 18),
            (file.Format, file.Name, file.PolicyId, file.Version, file.Type, file.Mode, file.FileRuleCount, file.SignerCount));
        Assert.Null(file.ValidationIssues);
    }

    [Fact]
    public void Get_ALApplicationControlPolicy_tells_a_compiled_policy_by_its_content_whatever_its_name()
    {
        using var dir = new TempDir();
        File.Copy(WdacVectors.PathOf(WdacVectors.TestBin), dir.Combine("looks-like.xml"));

        var file = (SiPolicyFile)_session.Run($"Get-ALApplicationControlPolicy '{dir.Combine("looks-like.xml")}'").Output.Single().BaseObject;

        Assert.Equal((SiPolicyFileFormat.Binary, (int?)7, false, 36), (file.Format, file.FormatVersion, file.IsSigned, file.FileRuleCount));
    }

    [Fact]
    public void Get_ALApplicationControlPolicy_takes_FullName_and_PSPath_from_the_pipeline_and_validates()
    {
        using var dir = new TempDir();
        File.Copy(WdacVectors.PathOf(WdacVectors.EmptyBase), dir.Combine("a.xml"));
        File.Copy(WdacVectors.PathOf(WdacVectors.DriverBlocklist), dir.Combine("b.xml"));

        var (output, errors) = _session.Run(
            $"[pscustomobject]@{{ FullName = '{dir.Combine("a.xml")}' }}, [pscustomobject]@{{ PSPath = 'Microsoft.PowerShell.Core\\FileSystem::{dir.Combine("b.xml")}' }} | Get-ALApplicationControlPolicy -Validate");

        Assert.Empty(errors);
        var files = output.Select(o => (SiPolicyFile)o.BaseObject).ToList();
        Assert.Equal([dir.Combine("a.xml"), dir.Combine("b.xml")], files.Select(f => f.Path));
        Assert.Empty(files[0].ValidationIssues!);
        Assert.Equal(SiPolicyValidator.SinglePolicyFormat, files[1].ValidationIssues!.Single().Code);
    }

    [Fact]
    public void Wildcards_in_Path_expand_to_every_policy()
    {
        var output = _session.Run($"Get-ALApplicationControlPolicy -Path '{WdacVectors.PathOf("Empty*.xml")}'").Output;

        Assert.Equal(["EmptyWDAC.xml", "Empty_Supplemental.xml"], output.Select(o => Path.GetFileName(((SiPolicyFile)o.BaseObject).Path)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_file_that_is_not_a_policy_is_a_non_terminating_AppControlPolicyInvalid_error_with_the_parsers_place()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Combine("broken.xml"), "<SiPolicy xmlns=\"urn:schemas-microsoft-com:sipolicy\">\n  <Nonsense />\n</SiPolicy>");

        var (output, errors) = _session.Run($"Get-ALApplicationControlPolicy '{dir.Combine("broken.xml")}', '{WdacVectors.PathOf(WdacVectors.EmptyBase)}'");

        Assert.Single(output);
        var error = Assert.Single(errors);
        Assert.StartsWith("AppControlPolicyInvalid,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Contains("line 2, position 4", error.ToString(), StringComparison.Ordinal);
        Assert.IsType<SiPolicyFormatException>(error.Exception);
    }

    [Fact]
    public void A_missing_file_is_a_PathNotFound_error()
    {
        var (_, errors) = _session.Run("Get-ALApplicationControlPolicy -Path '/nonexistent/alsec/policy.xml'");

        Assert.StartsWith("PathNotFound,", Assert.Single(errors).FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    [Fact]
    public void The_table_row_shows_name_version_type_mode_ids_counts_and_issue_counts()
    {
        var columns = XDocument.Load(Path.Combine(Repo.Root, "module", "AzureLocalSecurity.Format.ps1xml")).Descendants("View")
            .First(v => (string?)v.Element("ViewSelectedBy")?.Element("TypeName") == typeof(SiPolicyFile).FullName && v.Element("TableControl") is not null)
            .Descendants("TableColumnItem")
            .ToList();
        var select = $"Get-ALApplicationControlPolicy '{WdacVectors.PathOf(WdacVectors.DefaultWindowsAudit)}' -Validate";

        // Each column as the table shows it: the property, or the view's script block run on the object the cmdlet wrote.
        var row = columns.Select(c => string.Concat(_session.Run(
            c.Element("PropertyName") is { } property ? $"({select}).{property.Value}" : $"{select} | ForEach-Object {{ {c.Element("ScriptBlock")!.Value} }}").Output.Select(o => o.ToString())));

        Assert.Equal("DefaultWindowsAudit|10.3.0.0|Base|Audit|{E0ABDA1F-CCF0-468E-8855-3E0F08B02D6A}|{E0ABDA1F-CCF0-468E-8855-3E0F08B02D6A}|1|32|0/0", string.Join("|", row));
    }

    [Fact]
    public void The_table_row_of_the_single_policy_format_shows_its_PolicyTypeID_in_parentheses()
    {
        var script = XDocument.Load(Path.Combine(Repo.Root, "module", "AzureLocalSecurity.Format.ps1xml")).Descendants("View")
            .First(v => (string?)v.Element("ViewSelectedBy")?.Element("TypeName") == typeof(SiPolicyFile).FullName)
            .Descendants("ScriptBlock").First().Value;

        var shown = _session.Run($"Get-ALApplicationControlPolicy '{WdacVectors.PathOf(WdacVectors.DriverBlocklist)}' | ForEach-Object {{ {script} }}").Output.Single();

        Assert.Equal("({A244370E-44C9-4C06-B551-F6016E563076})", shown.ToString());
    }

    [Fact]
    public void ConvertTo_ALApplicationControlBinary_writes_PolicyId_cip_into_a_folder_and_outputs_its_FileInfo()
    {
        using var dir = new TempDir();

        var (output, errors) = _session.Run($"ConvertTo-ALApplicationControlBinary -Path '{WdacVectors.PathOf(WdacVectors.AllowMicrosoft)}' -Destination '{dir.Path}'");

        Assert.Empty(errors);
        var file = (FileInfo)output.Single().BaseObject;
        Assert.Equal(dir.Combine("{959A0F15-8985-4551-A208-5FFE9EDB3A70}.cip"), file.FullName);
        Assert.Equal(SiPolicyBinaryWriter.Write(WdacVectors.Load(WdacVectors.AllowMicrosoft)), File.ReadAllBytes(file.FullName));
    }

    [Fact]
    public void ConvertTo_ALApplicationControlBinary_writes_a_file_destination_and_reads_back_with_Get()
    {
        using var dir = new TempDir();
        var target = dir.Combine("supplemental.cip");

        _ = _session.Run($"ConvertTo-ALApplicationControlBinary '{WdacVectors.PathOf(WdacVectors.EmptySupplemental)}' '{target}'");
        var file = (SiPolicyFile)_session.Run($"Get-ALApplicationControlPolicy '{target}'").Output.Single().BaseObject;

        Assert.Equal((SiPolicyFileFormat.Binary, SiPolicyType.Supplemental, "SupplementalTemplate"), (file.Format, file.Type, file.Name));
    }

    [Fact]
    public void WhatIf_writes_nothing()
    {
        using var dir = new TempDir();

        var (output, errors) = _session.Run($"ConvertTo-ALApplicationControlBinary '{WdacVectors.PathOf(WdacVectors.EmptyBase)}' '{dir.Path}' -WhatIf");

        Assert.Empty(output);
        Assert.Empty(errors);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void A_policy_with_validation_errors_is_refused_and_not_written()
    {
        using var dir = new TempDir();
        var policy = WdacVectors.Load(WdacVectors.EmptySupplemental);
        policy.Rules.Add("Enabled:Audit Mode");
        SiPolicyXml.Save(policy, dir.Combine("bad.xml"));

        var (output, errors) = _session.Run($"ConvertTo-ALApplicationControlBinary '{dir.Combine("bad.xml")}' '{dir.Combine("bad.cip")}'");

        Assert.Empty(output);
        var error = Assert.Single(errors);
        Assert.StartsWith("AppControlPolicyValidationFailed,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("OptionNotValidInSupplemental", error.Exception.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.Combine("bad.cip")));
    }

    [Fact]
    public void An_existing_file_is_kept_without_Force_and_replaced_with_it()
    {
        using var dir = new TempDir();
        var target = dir.Combine("policy.cip");
        File.WriteAllText(target, "old");
        var command = $"ConvertTo-ALApplicationControlBinary '{WdacVectors.PathOf(WdacVectors.EmptyBase)}' '{target}'";

        var refused = _session.Run(command).Errors;
        Assert.StartsWith("AppControlBinaryExists,", Assert.Single(refused).FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal("old", File.ReadAllText(target));

        var (output, errors) = _session.Run(command + " -Force");
        Assert.Empty(errors);
        Assert.Single(output);
        Assert.Equal(7, File.ReadAllBytes(target)[0]);
    }

    [Fact]
    public void App_settings_warn_on_validation_and_are_refused_as_not_compilable()
    {
        using var dir = new TempDir();
        var policy = PolicyBuilder.Minimal();
        var app = new SiPolicyApp { Manifest = "https://contoso.example/manifest.xml" };
        policy.AppSettings.Add(app);
        SiPolicyXml.Save(policy, dir.Combine("app.xml"));

        using var ps = _session.RunWithStreams($"ConvertTo-ALApplicationControlBinary '{dir.Combine("app.xml")}' '{dir.Path}'", out var output);

        Assert.Empty(output);
        Assert.Contains(ps.Streams.Warning, w => w.Message.Contains("NotCompilable", StringComparison.Ordinal));
        Assert.StartsWith("AppControlPolicyNotCompilable,", ps.Streams.Error.Single().FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    [Fact]
    public void A_compiled_policy_given_as_input_is_refused_as_not_XML()
    {
        using var dir = new TempDir();

        var (_, errors) = _session.Run($"ConvertTo-ALApplicationControlBinary '{WdacVectors.PathOf(WdacVectors.TestBin)}' '{dir.Path}'");

        var error = Assert.Single(errors);
        Assert.StartsWith("AppControlPolicyInvalid,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("already a compiled policy", error.Exception.Message, StringComparison.Ordinal);
    }
}
