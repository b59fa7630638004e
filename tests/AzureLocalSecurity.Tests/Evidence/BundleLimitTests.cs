using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Evidence;

/// <summary>
/// The bundle reader's limits on the entry count, the manifest's size and the bytes taken in all (EvidenceSchema), each
/// reached on its own: at the limit the bundle reads, one past it is TooLarge. The entry count and the manifest size are
/// reached with the shipped limits; the total (512 MiB) with a lowered one passed through the same internal read the public
/// one calls with <see cref="EvidenceReadLimits.Default"/>.
/// </summary>
public sealed class BundleLimitTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_public_read_uses_the_schema_limits()
    {
        Assert.Equal(EvidenceSchema.MaxManifestBytes, EvidenceReadLimits.Default.MaxManifestBytes);
        Assert.Equal(EvidenceSchema.MaxTotalBytes, EvidenceReadLimits.Default.MaxTotalBytes);
        Assert.Equal(EvidenceSchema.MaxEntries, EvidenceReadLimits.Default.MaxEntries);
        Assert.Equal((64L << 20, 512L << 20, 20_000), (EvidenceSchema.MaxManifestBytes, EvidenceSchema.MaxTotalBytes, EvidenceSchema.MaxEntries));
    }

    [Fact]
    public void A_zip_of_exactly_the_most_entries_reads_and_one_more_is_refused_before_any_entry_is_read()
    {
        var bundle = ZipBytes();
        int entries;
        using (var zip = new ZipArchive(new MemoryStream(bundle), ZipArchiveMode.Read))
        {
            entries = zip.Entries.Count;
        }

        var full = WithExtraEntries(bundle, EvidenceSchema.MaxEntries - entries);
        Assert.Equal(Bundles.EveryKind().Items.Count, EvidenceBundleReader.ReadZip(full, "full.zip").Items.Count);

        // One entry more, and no manifest at all: the count is refused first, so nothing else is looked at.
        var over = WithExtraEntries(Array.Empty<byte>(), EvidenceSchema.MaxEntries + 1);
        var ex = Assert.Throws<EvidenceFormatException>(() => EvidenceBundleReader.ReadZip(over, "over.zip"));
        Assert.Equal(EvidenceFormatError.TooLarge, ex.Error);
        Assert.Contains($"more than {EvidenceSchema.MaxEntries} entries", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_file_over_64_MiB_is_refused_before_it_is_read()
    {
        var folder = _dir.Combine("bundle");
        Directory.CreateDirectory(folder);
        using (var manifest = File.Create(Path.Combine(folder, EvidenceSchema.ManifestFileName)))
        {
            // Sparse: its length is over the limit, but there is nothing to read. A read would fail as invalid JSON.
            manifest.SetLength(EvidenceSchema.MaxManifestBytes + 1);
        }

        var ex = Assert.Throws<EvidenceFormatException>(() => EvidenceBundleReader.Read(folder));

        Assert.Equal(EvidenceFormatError.TooLarge, ex.Error);
        Assert.Contains($"manifest.json is {EvidenceSchema.MaxManifestBytes + 1} bytes, more than the {EvidenceSchema.MaxManifestBytes}", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_manifest_of_exactly_the_limit_reads_and_one_byte_over_is_TooLarge(bool zip)
    {
        var path = Write(zip);
        var manifest = ManifestLength(path, zip);

        Assert.NotEmpty(Read(path, zip, new EvidenceReadLimits(manifest, EvidenceSchema.MaxTotalBytes, EvidenceSchema.MaxEntries)).Items);

        var ex = Assert.Throws<EvidenceFormatException>(() => Read(path, zip, new EvidenceReadLimits(manifest - 1, EvidenceSchema.MaxTotalBytes, EvidenceSchema.MaxEntries)));
        Assert.Equal(EvidenceFormatError.TooLarge, ex.Error);
        Assert.Contains("manifest.json", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_bundle_of_exactly_the_total_reads_and_one_byte_over_is_TooLarge(bool zip)
    {
        var path = Write(zip);

        // The manifest and every data file it names, each taken once per reference.
        var read = EvidenceBundleReader.Read(path);
        var total = ManifestLength(path, zip) + DataBytesTaken(path, zip);
        Assert.True(total > ManifestLength(path, zip), "the bundle has data files");

        Assert.Equal(read.Items.Count, Read(path, zip, new EvidenceReadLimits(EvidenceSchema.MaxManifestBytes, total, EvidenceSchema.MaxEntries)).Items.Count);

        var ex = Assert.Throws<EvidenceFormatException>(() => Read(path, zip, new EvidenceReadLimits(EvidenceSchema.MaxManifestBytes, total - 1, EvidenceSchema.MaxEntries)));
        Assert.Equal(EvidenceFormatError.TooLarge, ex.Error);
        Assert.Contains($"holds more than {total - 1} bytes", ex.Message, StringComparison.Ordinal);
    }

    private static EvidenceBundle Read(string path, bool zip, EvidenceReadLimits limits) =>
        zip ? EvidenceBundleReader.ReadZip(File.ReadAllBytes(path), path, limits) : EvidenceBundleReader.Read(path, limits);

    private string Write(bool zip)
    {
        var path = _dir.Combine(zip ? "bundle.zip" : "bundle");
        EvidenceBundleWriter.Write(Bundles.EveryKind(), path, overwrite: false);
        return path;
    }

    private byte[] ZipBytes() => File.ReadAllBytes(Write(zip: true));

    private static long ManifestLength(string path, bool zip)
    {
        if (!zip)
        {
            return new FileInfo(Path.Combine(path, EvidenceSchema.ManifestFileName)).Length;
        }

        using var archive = ZipFile.OpenRead(path);
        return archive.GetEntry(EvidenceSchema.ManifestFileName)!.Length;
    }

    /// <summary>The bytes of the data files the manifest names, counted once per reference (as the reader reads them).</summary>
    private static long DataBytesTaken(string path, bool zip)
    {
        string manifest;
        if (zip)
        {
            using var archive = ZipFile.OpenRead(path);
            using var reader = new StreamReader(archive.GetEntry(EvidenceSchema.ManifestFileName)!.Open());
            manifest = reader.ReadToEnd();
        }
        else
        {
            manifest = File.ReadAllText(Path.Combine(path, EvidenceSchema.ManifestFileName));
        }

        var lengths = System.Text.RegularExpressions.Regex.Matches(manifest, "\"length\":\\s*(\\d+)");
        Assert.NotEmpty(lengths);
        return lengths.Sum(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary><paramref name="zip"/> (or a new zip) with <paramref name="count"/> more empty entries, names no bundle uses.</summary>
    private static byte[] WithExtraEntries(byte[] zip, int count)
    {
        var stream = new MemoryStream();
        stream.Write(zip, 0, zip.Length);
        using (var archive = new ZipArchive(stream, zip.Length == 0 ? ZipArchiveMode.Create : ZipArchiveMode.Update, leaveOpen: true))
        {
            for (var i = 0; i < count; i++)
            {
                archive.CreateEntry($"extra/{i:D5}.txt", CompressionLevel.NoCompression);
            }
        }

        return stream.ToArray();
    }
}
