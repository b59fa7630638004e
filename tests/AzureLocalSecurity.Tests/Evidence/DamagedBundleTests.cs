using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Evidence;

public class DamagedBundleTests
{
    [Fact]
    public void A_bundle_from_a_newer_schema_is_refused_with_the_versions_named()
    {
        using var dir = WriteFolder();
        EditManifest(dir.Path, m => m.Replace("\"schemaVersion\": 1", "\"schemaVersion\": 2"));

        var ex = Read(dir.Path, EvidenceFormatError.UnsupportedSchema);

        Assert.Contains("schema version 2", ex.Message);
        Assert.Contains("up to 1", ex.Message);
    }

    [Fact]
    public void A_missing_data_file_is_named()
    {
        using var dir = WriteFolder();
        var file = Directory.GetFiles(dir.Combine("data")).First();
        File.Delete(file);

        var ex = Read(dir.Path, EvidenceFormatError.Damaged);

        Assert.Contains(Path.GetFileName(file), ex.Message);
    }

    [Fact]
    public void A_missing_manifest_is_named()
    {
        using var dir = WriteFolder();
        File.Delete(dir.Combine("manifest.json"));

        Assert.Contains("manifest.json", Read(dir.Path, EvidenceFormatError.Damaged).Message);
    }

    [Fact]
    public void Invalid_json_is_reported_as_damage()
    {
        using var dir = WriteFolder();
        EditManifest(dir.Path, m => m.Substring(0, m.Length / 2));

        Assert.Contains("not valid JSON", Read(dir.Path, EvidenceFormatError.Damaged).Message);
    }

    [Fact]
    public void An_unknown_value_kind_is_reported_with_its_json_path()
    {
        using var dir = WriteFolder();
        EditManifest(dir.Path, m => m.Replace("\"kind\": \"QWord\"", "\"kind\": \"Quadword\""));

        var ex = Read(dir.Path, EvidenceFormatError.Damaged);

        Assert.Contains("items[0].registry.values[2].kind", ex.Message);
        Assert.Contains("Quadword", ex.Message);
    }

    [Fact]
    public void A_changed_data_file_fails_its_hash()
    {
        using var dir = WriteFolder();
        var file = Directory.GetFiles(dir.Combine("data")).First(f => new FileInfo(f).Length > 0);
        var bytes = File.ReadAllBytes(file);
        bytes[0] ^= 0xFF;
        File.WriteAllBytes(file, bytes);

        Assert.Contains("SHA-256", Read(dir.Path, EvidenceFormatError.Damaged).Message);
    }

    [Fact]
    public void A_manifest_naming_a_file_outside_the_bundle_reads_nothing()
    {
        using var dir = WriteFolder();
        File.WriteAllText(dir.Combine("..", "outside.bin"), "secret");
        EditManifest(dir.Path, m => System.Text.RegularExpressions.Regex.Replace(m, "\"data/[0-9a-f]{64}\\.bin\"", "\"data/../../outside.bin\""));

        var ex = Read(dir.Path, EvidenceFormatError.UnsafePath);

        Assert.Contains("data/../../outside.bin", ex.Message);
        File.Delete(dir.Combine("..", "outside.bin"));
    }

    [Fact]
    public void A_data_file_that_is_a_link_is_refused()
    {
        using var dir = WriteFolder();
        var file = Directory.GetFiles(dir.Combine("data")).First(f => new FileInfo(f).Length > 0);
        var copy = dir.Combine("..", Guid.NewGuid().ToString("N"));
        File.Move(file, copy);
        File.CreateSymbolicLink(file, copy);
        try
        {
            Assert.Contains("link", Read(dir.Path, EvidenceFormatError.UnsafePath).Message);
        }
        finally
        {
            File.Delete(copy);
        }
    }

    [Fact]
    public void A_truncated_zip_is_reported_as_damage()
    {
        using var dir = new TempDir();
        EvidenceBundleWriter.Write(Bundles.EveryKind(), dir.Combine("b.zip"), overwrite: false);
        var bytes = File.ReadAllBytes(dir.Combine("b.zip"));
        File.WriteAllBytes(dir.Combine("t.zip"), bytes.Take(bytes.Length - 30).ToArray());

        Assert.Contains("zip", Read(dir.Combine("t.zip"), EvidenceFormatError.Damaged).Message);
    }

    [Theory]
    [InlineData("../evil.txt")]
    [InlineData("/etc/evil")]
    [InlineData("data/../../evil")]
    [InlineData("C:/Windows/evil")]
    [InlineData("data\\..\\evil")]
    public void A_zip_entry_with_a_traversal_name_is_refused_before_anything_is_read(string entryName)
    {
        using var dir = new TempDir();
        EvidenceBundleWriter.Write(Bundles.EveryKind(), dir.Combine("b.zip"), overwrite: false);
        using (var zip = ZipFile.Open(dir.Combine("b.zip"), ZipArchiveMode.Update))
        {
            using var s = zip.CreateEntry(entryName).Open();
            s.Write(Encoding.UTF8.GetBytes("payload"));
        }

        var ex = Read(dir.Combine("b.zip"), EvidenceFormatError.UnsafePath);

        Assert.Contains(entryName, ex.Message);
    }

    [Fact]
    public void A_zip_entry_that_expands_past_its_limit_is_stopped()
    {
        using var dir = new TempDir();
        using (var zip = ZipFile.Open(dir.Combine("big.zip"), ZipArchiveMode.Create))
        {
            // 65 MiB of zeros compresses to a few kB: more than the manifest limit allows.
            using var s = zip.CreateEntry("manifest.json").Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 65; i++)
            {
                s.Write(zeros);
            }
        }

        Read(dir.Combine("big.zip"), EvidenceFormatError.TooLarge);
    }

    [Fact]
    public void A_path_with_no_bundle_is_not_found()
    {
        Read("/nonexistent/" + Guid.NewGuid(), EvidenceFormatError.NotFound);
    }

    [Fact]
    public void Bytes_that_are_not_a_zip_are_damage()
    {
        var ex = Assert.Throws<EvidenceFormatException>(() => EvidenceBundleReader.ReadZip(Encoding.ASCII.GetBytes("not a zip at all"), "memory"));
        Assert.Equal(EvidenceFormatError.Damaged, ex.Error);
    }

    private static TempDir WriteFolder()
    {
        var dir = new TempDir();
        EvidenceBundleWriter.Write(Bundles.EveryKind(), dir.Path, overwrite: true);
        return dir;
    }

    private static void EditManifest(string folder, Func<string, string> edit)
    {
        var path = Path.Combine(folder, "manifest.json");
        File.WriteAllText(path, edit(File.ReadAllText(path)));
    }

    private static EvidenceFormatException Read(string path, EvidenceFormatError expected)
    {
        var ex = Assert.Throws<EvidenceFormatException>(() => EvidenceBundleReader.Read(path));
        Assert.Equal(expected, ex.Error);
        return ex;
    }
}
