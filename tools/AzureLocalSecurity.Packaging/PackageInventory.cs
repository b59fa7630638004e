using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using AzureLocalSecurity.Integrity;
using AzureLocalSecurity.PrivilegedAccess;
using Newtonsoft.Json.Linq;

namespace AzureLocalSecurity.Packaging;

/// <summary>
/// What goes into the SBOM: every file of the assembled module folder with its hashes, the manifest's name, version and
/// description, and every NuGet package the shipped projects were restored with (their <c>obj/project.assets.json</c>).
/// A package's shipped files are found by content: a module file belongs to a package when its bytes are those of one of
/// the package's runtime assemblies in the NuGet packages folder, so the SBOM never claims a file came from a package
/// it did not.
/// </summary>
internal static class PackageInventory
{
    internal static ModuleSbomInput Describe(string moduleFolder, IReadOnlyList<string> assetsFiles, DateTimeOffset? timestamp)
    {
        var root = Path.GetFullPath(moduleFolder);
        var files = new List<ModuleSbomFileInput>();
        var byHash = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
        {
            var relative = path.Substring(root.Length).TrimStart(Path.DirectorySeparatorChar).Replace(Path.DirectorySeparatorChar, '/');
            if (relative is ModuleSbom.FileName or ModuleSbom.SignatureFileName)
            {
                continue;
            }

            var file = ModuleSbomFileInput.FromBytes(relative, File.ReadAllBytes(path));
            files.Add(file);
            byHash.TryAdd(file.Sha256, relative);
        }

        var manifestPath = Directory.EnumerateFiles(root, "*.psd1").Single();
        var manifest = PowerShellDataFile.Parse(File.ReadAllText(manifestPath));
        var name = Path.GetFileNameWithoutExtension(manifestPath);
        var version = manifest.TryGetValue("ModuleVersion", out var v) && v is string s ? s : throw new InvalidOperationException("The manifest has no ModuleVersion.");
        var description = manifest.TryGetValue("Description", out var d) ? d as string : null;

        var packages = new Dictionary<string, (string Name, string Version, string? Sha512, string? License, SortedSet<string> Files)>(StringComparer.OrdinalIgnoreCase);
        foreach (var assetsFile in assetsFiles)
        {
            var assets = JObject.Parse(File.ReadAllText(assetsFile));
            var folders = (assets["packageFolders"] as JObject)?.Properties().Select(p => p.Name).ToList() ?? [];
            var libraries = assets["libraries"] as JObject ?? throw new InvalidOperationException($"{assetsFile} has no libraries.");
            foreach (var library in libraries.Properties())
            {
                if ((string?)library.Value["type"] != "package")
                {
                    continue;
                }

                var slash = library.Name.IndexOf('/', StringComparison.Ordinal);
                var id = library.Name.Substring(0, slash);
                var packageVersion = library.Name.Substring(slash + 1);
                var packagePath = (string?)library.Value["path"] ?? $"{id.ToLowerInvariant()}/{packageVersion}";
                var folder = folders.Select(f => Path.Combine(f, packagePath)).FirstOrDefault(Directory.Exists);
                var sha512 = (string?)library.Value["sha512"] is { Length: > 0 } base64 ? ModuleSbom.Hex(Convert.FromBase64String(base64)) : null;
                if (!packages.TryGetValue(library.Name, out var entry))
                {
                    entry = (id, packageVersion, sha512, folder is null ? null : License(folder, id), new SortedSet<string>(StringComparer.Ordinal));
                    packages[library.Name] = entry;
                }

                if (folder is null)
                {
                    continue;
                }

                foreach (var target in (assets["targets"] as JObject)?.Properties() ?? [])
                {
                    if (target.Value[library.Name]?["runtime"] is not JObject runtime)
                    {
                        continue;
                    }

                    foreach (var asset in runtime.Properties().Select(p => p.Name).Where(a => !a.EndsWith("/_._", StringComparison.Ordinal)))
                    {
                        var assetPath = Path.Combine(folder, asset);
                        if (File.Exists(assetPath) && byHash.TryGetValue(ModuleSbomFileInput.FromBytes("x", File.ReadAllBytes(assetPath)).Sha256, out var shipped))
                        {
                            entry.Files.Add(shipped);
                        }
                    }
                }
            }
        }

        var list = packages.Values.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .Select(p => new ModuleSbomPackageInput(p.Name, p.Version, p.Sha512, p.License, p.Files.ToList())).ToList();
        return new ModuleSbomInput(name, version, description, timestamp, files, list);
    }

    // The nuspec's <license type="expression">, the SPDX expression NuGet packages declare.
    private static string? License(string folder, string id)
    {
        var nuspec = Path.Combine(folder, id.ToLowerInvariant() + ".nuspec");
        if (!File.Exists(nuspec))
        {
            return null;
        }

        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(nuspec, settings);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "license" && reader.GetAttribute("type") == "expression")
            {
                return reader.ReadElementContentAsString().Trim();
            }
        }

        return null;
    }
}
