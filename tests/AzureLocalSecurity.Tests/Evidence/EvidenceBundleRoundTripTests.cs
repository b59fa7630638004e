using System.IO;
using System.Linq;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Evidence;

public class EvidenceBundleRoundTripTests
{
    [Theory]
    [InlineData("bundle")]
    [InlineData("bundle.zip")]
    public void Every_item_and_value_kind_survives_write_and_read(string name)
    {
        using var dir = new TempDir();
        var original = Bundles.EveryKind();
        EvidenceBundleWriter.Write(original, dir.Combine(name), overwrite: false);

        var read = EvidenceBundleReader.Read(dir.Combine(name));

        AssertSame(original, read);
        Assert.Equal(dir.Combine(name), read.Location);
    }

    [Fact]
    public void Registry_values_keep_their_kind_and_raw_data()
    {
        using var dir = new TempDir();
        EvidenceBundleWriter.Write(Bundles.EveryKind(), dir.Path, overwrite: false);
        var key = EvidenceBundleReader.Read(dir.Path).Find("windows/registry/HKLM/SOFTWARE/Test")!.Registry!;

        Assert.Equal(EvidenceValueKind.DWord, key.GetValue("AllOnes")!.Kind);
        Assert.Equal(4294967295u, key.GetValue("AllOnes")!.Value);
        Assert.Equal(EvidenceValueKind.ExpandString, key.GetValue("expand")!.Kind);
        Assert.Equal("%SystemRoot%\\System32", key.GetValue("Expand")!.AsString());
        Assert.Null(key.GetValue("NoSuchValue"));
    }

    [Fact]
    public void Identical_raw_contents_are_stored_once()
    {
        using var dir = new TempDir();
        EvidenceBundleWriter.Write(Bundles.EveryKind(), dir.Path, overwrite: false);

        // Two blobs share bytes; with the empty blob and the text that makes three distinct files.
        Assert.Equal(3, Directory.GetFiles(Path.Combine(dir.Path, "data")).Length);
    }

    [Fact]
    public void Writing_to_an_existing_bundle_needs_overwrite()
    {
        using var dir = new TempDir();
        EvidenceBundleWriter.Write(Bundles.EveryKind(), dir.Combine("b.zip"), overwrite: false);

        Assert.Throws<IOException>(() => EvidenceBundleWriter.Write(Bundles.Windows(), dir.Combine("b.zip"), overwrite: false));
        EvidenceBundleWriter.Write(Bundles.Windows(), dir.Combine("b.zip"), overwrite: true);
        Assert.Equal("NODE01", EvidenceBundleReader.Read(dir.Combine("b.zip")).NodeName);
    }

    [Fact]
    public void Overwrite_never_deletes_a_folder_that_is_not_a_bundle()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Combine("precious.txt"), "keep me");

        var ex = Assert.Throws<IOException>(() => EvidenceBundleWriter.Write(Bundles.Windows(), dir.Path, overwrite: true));

        Assert.Contains("not an evidence bundle", ex.Message);
        Assert.True(File.Exists(dir.Combine("precious.txt")));
    }

    internal static void AssertSame(EvidenceBundle expected, EvidenceBundle actual)
    {
        Assert.Equal(expected.SchemaVersion, actual.SchemaVersion);
        Assert.Equal(expected.NodeName, actual.NodeName);
        Assert.Equal(expected.Node.Platform, actual.Node.Platform);
        Assert.Equal(expected.Node.OperatingSystem, actual.Node.OperatingSystem);
        Assert.Equal(expected.CapturedAt, actual.CapturedAt);
        Assert.Equal(expected.ModuleVersion, actual.ModuleVersion);
        Assert.Equal(expected.Items.Select(i => i.Id), actual.Items.Select(i => i.Id));
        foreach (var (e, a) in expected.Items.Zip(actual.Items))
        {
            Assert.Equal(e.Kind, a.Kind);
            Assert.Equal(e.Source, a.Source);
            Assert.Equal(e.CapturedAt, a.CapturedAt);
            Assert.Equal(e.Error?.ToString(), a.Error?.ToString());
            Assert.Equal(e.GetData(), a.GetData());
            Assert.Equal(e.Registry?.Path, a.Registry?.Path);
            Assert.Equal(e.Registry?.SubKeys, a.Registry?.SubKeys);
            Assert.Equal(e.Registry?.Values.Select(v => (v.Name, v.Value)), a.Registry?.Values.Select(v => (v.Name, v.Value)));
            Assert.Equal(e.Records?.Count, a.Records?.Count);
            foreach (var (er, ar) in (e.Records ?? []).Zip(a.Records ?? []))
            {
                Assert.Equal(er.Properties, ar.Properties);
            }
        }
    }
}
