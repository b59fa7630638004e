using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Reflection;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Commands;

public class ModuleSurfaceTests : IClassFixture<ModuleSession>
{
    private static readonly string[] CommonParameters =
        [.. Cmdlet.CommonParameters, .. Cmdlet.OptionalCommonParameters];

    private readonly ModuleSession _session;

    public ModuleSurfaceTests(ModuleSession session) => _session = session;

    [Fact]
    public void The_manifest_passes_Test_ModuleManifest_with_the_one_version()
    {
        var (output, errors) = _session.Run($"Test-ModuleManifest -Path '{Repo.Manifest}'");

        Assert.Empty(errors);
        var module = (PSModuleInfo)output.Single().BaseObject;
        Assert.Equal(new Version(Repo.VersionPrefix), module.Version);
        Assert.Contains("Core", module.CompatiblePSEditions);
        Assert.Contains("Desktop", module.CompatiblePSEditions);
        Assert.Equal(new Version(5, 1), module.PowerShellVersion);
    }

    [Fact]
    public void The_assembly_version_matches_the_manifest()
    {
        var assembly = ModuleAssembly();
        Assert.Equal(Repo.VersionPrefix, assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion);
        Assert.Equal(Repo.VersionPrefix, AzureLocalSecurity.ModuleInfo.Version);
    }

    [Fact]
    public void The_manifest_exports_exactly_the_implemented_cmdlets_without_wildcards()
    {
        var text = File.ReadAllText(Repo.Manifest);
        var data = ParseManifest(text);
        var exported = ((object[])data["CmdletsToExport"]!).Cast<string>().OrderBy(s => s, StringComparer.Ordinal).ToArray();
        var implemented = ModuleAssembly().GetTypes()
            .Select(t => t.GetCustomAttribute<CmdletAttribute>())
            .Where(a => a is not null)
            .Select(a => a!.VerbName + "-" + a.NounName)
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToArray();

        Assert.DoesNotContain(exported, e => e.Contains('*', StringComparison.Ordinal));
        Assert.Equal(implemented, exported);
        var loaded = _session.Run("(Get-Command -Module AzureLocalSecurity).Name").Output.Select(o => o.ToString()).OrderBy(s => s, StringComparer.Ordinal);
        Assert.Equal(implemented, loaded);
    }

    [Fact]
    public void Every_cmdlet_is_sealed_approved_and_declares_its_output_type()
    {
        var approved = new[] { typeof(VerbsCommon), typeof(VerbsCommunications), typeof(VerbsData), typeof(VerbsDiagnostic), typeof(VerbsLifecycle), typeof(VerbsOther), typeof(VerbsSecurity) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Select(f => (string)f.GetValue(null)!)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var type in ModuleAssembly().GetTypes().Where(t => t.GetCustomAttribute<CmdletAttribute>() is not null))
        {
            var attr = type.GetCustomAttribute<CmdletAttribute>()!;
            Assert.True(type.IsSealed, $"{type.Name} is not sealed");
            Assert.Contains(attr.VerbName, approved);
            Assert.StartsWith("AL", attr.NounName, StringComparison.Ordinal);
            Assert.Equal(attr.VerbName + attr.NounName + "Command", type.Name);
            Assert.NotEmpty(type.GetCustomAttributes<OutputTypeAttribute>());
        }
    }

    [Fact]
    public void Every_exported_cmdlet_has_help_with_synopsis_description_example_and_every_parameter()
    {
        var names = _session.Run("(Get-Command -Module AzureLocalSecurity).Name").Output.Select(o => o.ToString()).ToArray();
        Assert.NotEmpty(names);
        foreach (var name in names)
        {
            var help = _session.Run($"Get-Help -Name {name} -Full").Output.Single();
            var synopsis = help.Properties["Synopsis"].Value?.ToString()?.Trim() ?? string.Empty;
            Assert.False(string.IsNullOrEmpty(synopsis) || synopsis.StartsWith(name, StringComparison.Ordinal), $"{name} has no synopsis");
            Assert.NotEmpty(_session.Run($"(Get-Help -Name {name}).description.Text").Output);
            Assert.NotEmpty(_session.Run($"(Get-Help -Name {name}).examples.example").Output);

            var documented = _session.Run($"(Get-Help -Name {name}).parameters.parameter.name").Output.Select(o => o.ToString()).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var declared = _session.Run($"(Get-Command -Name {name}).Parameters.Keys").Output.Select(o => o.ToString()).Where(p => !CommonParameters.Contains(p, StringComparer.OrdinalIgnoreCase));
            foreach (var p in declared)
            {
                Assert.True(documented.Contains(p), $"{name} -{p} has no help");
            }

            foreach (var p in documented)
            {
                Assert.True(_session.Run($"(Get-Command -Name {name}).Parameters.ContainsKey('{p}')").Output.Single().BaseObject is true, $"{name} help documents -{p}, which does not exist");
            }
        }
    }

    [Fact]
    public void Every_Pester_file_parses_without_error()
    {
        var files = Directory.GetFiles(Path.Combine(Repo.Root, "tests", "Pester"), "*.ps1", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        foreach (var file in files.Append(Path.Combine(Repo.Root, "build.ps1")).Append(Path.Combine(Repo.Root, "AzureLocalSecurity.psm1")))
        {
            Parser.ParseFile(file, out _, out var errors);
            Assert.True(errors.Length == 0, $"{file}: {string.Join("; ", errors.Select(e => $"{e.Extent.StartLineNumber}: {e.Message}"))}");
        }
    }

    [Fact]
    public void The_module_ships_no_PowerShell_or_CIM_assemblies()
    {
        foreach (var edition in new[] { "Core", "Desktop" })
        {
            var folder = Path.Combine(Repo.Root, "bin", edition);
            Assert.True(File.Exists(Path.Combine(folder, "AzureLocalSecurity.dll")), $"{edition} build missing");
            Assert.False(File.Exists(Path.Combine(folder, "System.Management.Automation.dll")));
            Assert.False(File.Exists(Path.Combine(folder, "Microsoft.Management.Infrastructure.dll")));
            Assert.True(File.Exists(Path.Combine(folder, "en-US", "AzureLocalSecurity.dll-Help.xml")));
        }
    }

    [Fact]
    public void Package_assembles_the_fixed_file_list_into_a_versioned_folder_with_a_valid_manifest()
    {
        using var dir = new TempDir();

        var (output, errors) = _session.Run($"& '{Path.Combine(Repo.Root, "build.ps1")}' -Task Package -NoBuild -OutputPath '{dir.Path}'");

        Assert.Empty(errors);
        var target = Path.Combine(dir.Path, "AzureLocalSecurity", Repo.VersionPrefix);
        Assert.Equal(target, output.Single().Properties["Path"].Value);
        var files = Directory.GetFiles(target, "*", SearchOption.AllDirectories);
        // The fixed list of 14 and the SBOM over them.
        Assert.Equal(15, files.Length);
        Assert.Contains(Path.Combine(target, "AzureLocalSecurity.cdx.json"), files);
        Assert.Contains(Path.Combine(target, "module", "schemas", "alsec-report-1.schema.json"), files);
        Assert.Contains(Path.Combine(target, "bin", "Desktop", "AzureLocalSecurity.dll"), files);
        Assert.DoesNotContain(files, f => f.EndsWith(".pdb", StringComparison.Ordinal));
        var module = (PSModuleInfo)_session.Run($"Test-ModuleManifest -Path '{Path.Combine(target, "AzureLocalSecurity.psd1")}'").Output.Single().BaseObject;
        Assert.Equal(new Version(Repo.VersionPrefix), module.Version);
    }

    private Assembly ModuleAssembly() =>
        ((PSModuleInfo)_session.Run("Get-Module AzureLocalSecurity").Output.Single().BaseObject).NestedModules.Single(m => m.Name == "AzureLocalSecurity").ImplementingAssembly;

    private static Hashtable ParseManifest(string text)
    {
        var ast = Parser.ParseInput(text, out _, out _);
        var hash = (HashtableAst)ast.Find(a => a is HashtableAst, false)!;
        return (Hashtable)hash.SafeGetValue();
    }
}
