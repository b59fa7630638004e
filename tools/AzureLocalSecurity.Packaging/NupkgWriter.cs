using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Xml;
using AzureLocalSecurity.PrivilegedAccess;

namespace AzureLocalSecurity.Packaging;

/// <summary>
/// The PowerShell Gallery package: a NuGet package whose root holds the module folder's files (the layout
/// <c>Publish-Module</c> makes and <c>Install-Module</c> / <c>Install-PSResource</c> unpack), with a nuspec made from the
/// manifest: id, version, authors, description, copyright, project, license and release-notes links, and the tags the
/// Gallery searches by (the manifest's tags, <c>PSModule</c>, <c>PSIncludes_Cmdlet</c>, and <c>PSCmdlet_</c> /
/// <c>PSCommand_</c> per exported cmdlet). Deterministic: entries in a fixed order, all with one time.
/// </summary>
internal static class NupkgWriter
{
    private static readonly DateTimeOffset DefaultTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    internal static string Write(string moduleFolder, string outFolder, DateTimeOffset? timestamp)
    {
        var root = Path.GetFullPath(moduleFolder);
        var manifestPath = Directory.EnumerateFiles(root, "*.psd1").Single();
        var id = Path.GetFileNameWithoutExtension(manifestPath);
        var manifest = PowerShellDataFile.Parse(File.ReadAllText(manifestPath));
        var version = Text(manifest, "ModuleVersion") ?? throw new InvalidOperationException("The manifest has no ModuleVersion.");
        var nuspec = Nuspec(id, version, manifest);

        Directory.CreateDirectory(outFolder);
        var path = Path.Combine(outFolder, $"{id}.{version}.nupkg");
        var time = timestamp is { } t && t.Year >= 1980 ? t : DefaultTime;
        using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write))
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
        {
            Add(zip, id + ".nuspec", nuspec, time);
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
            {
                var relative = file.Substring(root.Length).TrimStart(Path.DirectorySeparatorChar).Replace(Path.DirectorySeparatorChar, '/');
                Add(zip, relative, File.ReadAllBytes(file), time);
            }

            Add(zip, "_rels/.rels", Utf8(Relationships(id)), time);
            Add(zip, "[Content_Types].xml", Utf8(ContentTypes(root)), time);
        }

        return path;
    }

    internal static byte[] Nuspec(string id, string version, IReadOnlyDictionary<string, object?> manifest)
    {
        var psData = manifest.TryGetValue("PrivateData", out var pd) && pd is IReadOnlyDictionary<string, object?> privateData
            && privateData.TryGetValue("PSData", out var ps) && ps is IReadOnlyDictionary<string, object?> data ? data : new Dictionary<string, object?>();
        var cmdlets = manifest.TryGetValue("CmdletsToExport", out var c) ? PowerShellDataFile.Strings(c) : [];
        var tags = new List<string>();
        tags.AddRange(psData.TryGetValue("Tags", out var t) ? PowerShellDataFile.Strings(t) : []);
        tags.Add("PSModule");
        if (cmdlets.Count > 0)
        {
            tags.Add("PSIncludes_Cmdlet");
        }

        foreach (var cmdlet in cmdlets)
        {
            tags.Add("PSCmdlet_" + cmdlet);
            tags.Add("PSCommand_" + cmdlet);
        }

        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            const string ns = "http://schemas.microsoft.com/packaging/2011/08/nuspec.xsd";
            writer.WriteStartDocument();
            writer.WriteStartElement("package", ns);
            writer.WriteStartElement("metadata", ns);
            writer.WriteElementString("id", ns, id);
            writer.WriteElementString("version", ns, version);
            writer.WriteElementString("authors", ns, Text(manifest, "Author") ?? id);
            writer.WriteElementString("owners", ns, Text(manifest, "CompanyName") ?? Text(manifest, "Author") ?? id);
            writer.WriteElementString("requireLicenseAcceptance", ns, "false");
            if (Text(psData, "LicenseUri") is { } license)
            {
                writer.WriteElementString("licenseUrl", ns, license);
            }

            if (Text(psData, "ProjectUri") is { } project)
            {
                writer.WriteElementString("projectUrl", ns, project);
            }

            writer.WriteElementString("description", ns, Text(manifest, "Description") ?? id);
            if (Text(psData, "ReleaseNotes") is { } notes)
            {
                writer.WriteElementString("releaseNotes", ns, notes);
            }

            if (Text(manifest, "Copyright") is { } copyright)
            {
                writer.WriteElementString("copyright", ns, copyright);
            }

            writer.WriteElementString("tags", ns, string.Join(" ", tags.Where(tag => tag.Length > 0 && tag.IndexOf(' ', StringComparison.Ordinal) < 0).Distinct(StringComparer.OrdinalIgnoreCase)));
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    private static string? Text(IReadOnlyDictionary<string, object?> table, string key) =>
        table.TryGetValue(key, out var value) && value is string s && s.Length > 0 ? s : null;

    private static string Relationships(string id) =>
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" +
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\n" +
        $"  <Relationship Type=\"http://schemas.microsoft.com/packaging/2010/07/manifest\" Target=\"/{id}.nuspec\" Id=\"R0\" />\n" +
        "</Relationships>\n";

    private static string ContentTypes(string root)
    {
        var extensions = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetExtension(f).TrimStart('.')).Where(e => e.Length > 0)
            .Concat(["rels", "nuspec"]).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(e => e, StringComparer.OrdinalIgnoreCase);
        var text = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\n");
        foreach (var extension in extensions)
        {
            var type = extension == "rels" ? "application/vnd.openxmlformats-package.relationships+xml" : "application/octet";
            text.Append("  <Default Extension=\"").Append(extension).Append("\" ContentType=\"").Append(type).Append("\" />\n");
        }

        return text.Append("</Types>\n").ToString();
    }

    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    private static void Add(ZipArchive zip, string name, byte[] content, DateTimeOffset time)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = time;
        using var stream = entry.Open();
        stream.Write(content, 0, content.Length);
    }
}
