using System;
using System.Linq;
using System.Text;
using AzureLocalSecurity.Integrity;
using Newtonsoft.Json.Linq;
using Xunit;

namespace AzureLocalSecurity.Tests.Integrity;

public class ModuleSbomTests
{
    internal static ModuleSbomInput Sample(string version = "1.2.3", byte[]? manifest = null) => new(
        "AzureLocalSecurity",
        version,
        "A module.",
        new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero),
        [
            ModuleSbomFileInput.FromBytes("AzureLocalSecurity.psd1", manifest ?? Encoding.UTF8.GetBytes("@{ ModuleVersion = '" + version + "' }")),
            ModuleSbomFileInput.FromBytes("bin/Core/AzureLocalSecurity.dll", [1, 2, 3]),
            ModuleSbomFileInput.FromBytes("bin/Core/Newtonsoft.Json.dll", [4, 5, 6]),
        ],
        [
            new ModuleSbomPackageInput("Newtonsoft.Json", "13.0.3", new string('a', 128), "MIT", ["bin/Core/Newtonsoft.Json.dll"]),
            new ModuleSbomPackageInput("PowerShellStandard.Library", "5.1.1", null, null, []),
        ]);

    [Fact]
    public void An_SBOM_reads_back_with_every_file_its_hash_and_the_package_it_came_from()
    {
        var document = ModuleSbom.Parse(ModuleSbom.Write(Sample()));

        Assert.Equal("AzureLocalSecurity", document.Name);
        Assert.Equal("1.2.3", document.Version);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero), document.Timestamp);
        Assert.Equal(["AzureLocalSecurity.psd1", "bin/Core/AzureLocalSecurity.dll", "bin/Core/Newtonsoft.Json.dll"], document.Files.Select(f => f.Path).ToArray());
        // SHA-256 of the bytes 01 02 03.
        Assert.Equal("039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81", document.Files[1].Sha256);
        Assert.Null(document.Files[1].Package);
        Assert.Equal("pkg:nuget/Newtonsoft.Json@13.0.3", document.Files[2].Package);
        Assert.Equal(128, document.Files[2].Sha512!.Length);
        Assert.Equal([("Newtonsoft.Json", "required"), ("PowerShellStandard.Library", "excluded")], document.Packages.Select(p => (p.Name, p.Scope)).ToArray());
    }

    [Fact]
    public void The_document_is_CycloneDX_1_5_with_the_module_as_its_component_and_its_shipped_package_as_a_dependency()
    {
        using var reader = new Newtonsoft.Json.JsonTextReader(new System.IO.StringReader(Encoding.UTF8.GetString(ModuleSbom.Write(Sample())))) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        var json = JObject.Load(reader);

        Assert.Equal("CycloneDX", (string?)json["bomFormat"]);
        Assert.Equal("1.5", (string?)json["specVersion"]);
        Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", (string?)json["serialNumber"]);
        Assert.Equal("pkg:nuget/AzureLocalSecurity@1.2.3", (string?)json["metadata"]!["component"]!["purl"]);
        Assert.Equal("2026-11-01T12:00:00Z", (string?)json["metadata"]!["timestamp"]);
        var newtonsoft = json["components"]!.Single(c => (string?)c["name"] == "Newtonsoft.Json");
        Assert.Equal("MIT", (string?)newtonsoft["licenses"]![0]!["expression"]);
        Assert.Equal(["pkg:nuget/Newtonsoft.Json@13.0.3"], json["dependencies"]![0]!["dependsOn"]!.Select(d => (string)d!).ToArray());
    }

    [Fact]
    public void The_same_module_gives_the_same_bytes_and_a_changed_file_another_serial_number()
    {
        var first = ModuleSbom.Write(Sample());
        var again = ModuleSbom.Write(Sample());
        var changed = ModuleSbom.Write(Sample(manifest: Encoding.UTF8.GetBytes("changed")));

        Assert.Equal(first, again);
        Assert.NotEqual(Serial(first), Serial(changed));
    }

    [Fact]
    public void A_package_file_that_is_not_a_module_file_is_refused_when_writing()
    {
        var input = new ModuleSbomInput("M", "1.0", null, null, [ModuleSbomFileInput.FromBytes("a.dll", [1])], [new ModuleSbomPackageInput("P", "1.0", null, null, ["b.dll"])]);

        Assert.Throws<ArgumentException>(() => ModuleSbom.Write(input));
    }

    [Theory]
    [InlineData("../AzureLocalSecurity.psd1")]
    [InlineData("/etc/passwd")]
    [InlineData("bin\\Core\\x.dll")]
    [InlineData("C:x.dll")]
    [InlineData("bin//x.dll")]
    [InlineData("bin/./x.dll")]
    [InlineData("")]
    public void A_file_path_that_could_leave_the_module_folder_is_refused(string path)
    {
        var e = Assert.Throws<ModuleSbomFormatException>(() => ModuleSbom.Parse(WithFile(path, new string('0', 64))));

        Assert.Equal("$.components[0].name", e.JsonPath);
    }

    [Fact]
    public void A_file_listed_twice_in_another_case_is_refused()
    {
        var json = Document(FileItem("a.dll", new string('0', 64)), FileItem("A.DLL", new string('1', 64)));

        var e = Assert.Throws<ModuleSbomFormatException>(() => ModuleSbom.Parse(json));

        Assert.Contains("twice", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SHA-256", "abc")]
    [InlineData("SHA-256", "zz3058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81")]
    [InlineData("SHA-512", "00")]
    public void A_hash_that_is_not_hex_of_its_size_is_refused(string alg, string content)
    {
        var item = new JObject { ["type"] = "file", ["name"] = "a.dll", ["hashes"] = new JArray(new JObject { ["alg"] = alg, ["content"] = content }) };

        var e = Assert.Throws<ModuleSbomFormatException>(() => ModuleSbom.Parse(Document(item)));

        Assert.Equal("$.components[0].hashes[0].content", e.JsonPath);
    }

    [Fact]
    public void A_file_without_a_SHA_256_is_refused()
    {
        var item = new JObject { ["type"] = "file", ["name"] = "a.dll", ["hashes"] = new JArray(new JObject { ["alg"] = "SHA-1", ["content"] = new string('0', 40) }) };

        Assert.Throws<ModuleSbomFormatException>(() => ModuleSbom.Parse(Document(item)));
    }

    [Theory]
    [InlineData("{\"bomFormat\":\"SPDX\",\"specVersion\":\"1.5\"}", "$.bomFormat")]
    [InlineData("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"2.0\"}", "$.specVersion")]
    [InlineData("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\"}", "$.metadata")]
    [InlineData("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"metadata\":{}}", "$.metadata.component")]
    [InlineData("{\"bomFormat\":\"CycloneDX\",\"bomFormat\":\"CycloneDX\"}", "$")]
    [InlineData("{\"bomFormat\":\"CycloneDX\"} {}", "$")]
    [InlineData("[1]", "$")]
    [InlineData("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"metadata\":{\"component\":{\"name\":\"M\"}},\"components\":{}}", "$.components")]
    public void A_document_that_is_not_a_CycloneDX_SBOM_of_this_shape_is_refused_where_it_goes_wrong(string json, string where)
    {
        var e = Assert.Throws<ModuleSbomFormatException>(() => ModuleSbom.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(where, e.JsonPath);
    }

    [Fact]
    public void Bytes_that_are_not_UTF_8_are_refused()
    {
        Assert.Throws<ModuleSbomFormatException>(() => ModuleSbom.Parse([0x7B, 0xFF, 0xFE, 0x7D]));
    }

    [Fact]
    public void Nesting_deeper_than_the_bound_is_refused()
    {
        var deep = new StringBuilder("{\"bomFormat\":\"CycloneDX\",\"x\":");
        for (var i = 0; i < ModuleSbom.MaxDepth + 5; i++)
        {
            deep.Append('[');
        }

        Assert.Throws<ModuleSbomFormatException>(() => ModuleSbom.Parse(Encoding.UTF8.GetBytes(deep.ToString())));
    }

    [Fact]
    public void An_SBOM_over_the_size_bound_is_refused_before_it_is_decoded()
    {
        var e = Assert.Throws<ModuleSbomFormatException>(() => ModuleSbom.Parse(new byte[ModuleSbom.MaxBytes + 1]));

        Assert.Contains("the most read", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_components_than_the_bound_are_refused()
    {
        var items = Enumerable.Range(0, ModuleSbom.MaxComponents + 1).Select(i => (JToken)new JObject { ["type"] = "library", ["name"] = "p" + i }).ToArray();

        var e = Assert.Throws<ModuleSbomFormatException>(() => ModuleSbom.Parse(Document(items)));

        Assert.Equal($"$.components[{ModuleSbom.MaxComponents}]", e.JsonPath);
    }

    [Theory]
    [InlineData("a.dll", true)]
    [InlineData("bin/Core/en-US/AzureLocalSecurity.dll-Help.xml", true)]
    [InlineData("..", false)]
    [InlineData("a/../b", false)]
    [InlineData("a/b/", false)]
    [InlineData("a|b", false)]
    public void Safe_relative_paths_are_those_that_stay_inside_the_folder(string path, bool safe)
    {
        Assert.Equal(safe, ModuleSbom.IsSafeRelativePath(path));
    }

    private static string Serial(byte[] sbom) => (string)JObject.Parse(Encoding.UTF8.GetString(sbom))["serialNumber"]!;

    private static JObject FileItem(string path, string sha256) =>
        new() { ["type"] = "file", ["name"] = path, ["hashes"] = new JArray(new JObject { ["alg"] = "SHA-256", ["content"] = sha256 }) };

    private static byte[] WithFile(string path, string sha256) => Document(FileItem(path, sha256));

    private static byte[] Document(params JToken[] components)
    {
        var root = new JObject
        {
            ["bomFormat"] = "CycloneDX",
            ["specVersion"] = "1.5",
            ["metadata"] = new JObject { ["component"] = new JObject { ["type"] = "library", ["name"] = "AzureLocalSecurity", ["version"] = "1.0" } },
            ["components"] = new JArray(components),
        };
        return Encoding.UTF8.GetBytes(root.ToString());
    }
}
