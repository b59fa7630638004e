using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AzureLocalSecurity.Integrity;

/// <summary>
/// The module's software bill of materials: a CycloneDX 1.5 JSON document (docs/supply-chain.md) that names the module,
/// every file it ships with its SHA-256 and SHA-512, and every package it was built from, shipped (scope <c>required</c>,
/// with the files that came from it) or used only to compile (scope <c>excluded</c>). <see cref="Write"/> makes it at
/// packaging time, the same bytes for the same input; <see cref="Parse"/> reads one back, strictly and within bounds,
/// for <c>Get-ALModuleIntegrity</c>.
/// </summary>
public static class ModuleSbom
{
    /// <summary>The SBOM's file name in the module folder.</summary>
    public const string FileName = "AzureLocalSecurity.cdx.json";

    /// <summary>The detached CMS signature of the SBOM, next to it (<see cref="ModuleSignature"/>).</summary>
    public const string SignatureFileName = FileName + ".p7s";

    /// <summary>The CycloneDX version written and read.</summary>
    public const string SpecVersion = "1.5";

    /// <summary>The largest SBOM read, in bytes (the module's own is about 10 KB).</summary>
    public const int MaxBytes = 8 * 1024 * 1024;

    /// <summary>The deepest JSON nesting read.</summary>
    public const int MaxDepth = 32;

    /// <summary>The most components (files and packages, nested ones included) read.</summary>
    public const int MaxComponents = 10_000;

    /// <summary>The SBOM for <paramref name="module"/>: deterministic (components sorted, a serial number derived from the content).</summary>
    public static byte[] Write(ModuleSbomInput module)
    {
        if (module is null)
        {
            throw new ArgumentNullException(nameof(module));
        }

        var moduleRef = PackageUrl(module.Name, module.Version);
        var shipped = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var package in module.Packages)
        {
            foreach (var file in package.Files)
            {
                shipped.Add(file);
            }
        }

        var files = module.Files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        var byPath = files.ToDictionary(f => f.Path, StringComparer.OrdinalIgnoreCase);
        foreach (var path in shipped)
        {
            if (!byPath.ContainsKey(path))
            {
                throw new ArgumentException($"Package file '{path}' is not among the module's files.", nameof(module));
            }
        }

        var root = new JObject
        {
            ["bomFormat"] = "CycloneDX",
            ["specVersion"] = SpecVersion,
            ["serialNumber"] = "urn:uuid:" + ContentUuid(module, files),
            ["version"] = 1,
        };
        var metadata = new JObject();
        if (module.Timestamp is { } timestamp)
        {
            metadata["timestamp"] = timestamp.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }

        metadata["tools"] = new JObject
        {
            ["components"] = new JArray(new JObject
            {
                ["type"] = "application",
                ["name"] = "AzureLocalSecurity build.ps1",
                ["version"] = module.Version,
            }),
        };
        var component = new JObject
        {
            ["type"] = "library",
            ["bom-ref"] = moduleRef,
            ["name"] = module.Name,
            ["version"] = module.Version,
        };
        if (!string.IsNullOrEmpty(module.Description))
        {
            component["description"] = module.Description;
        }

        component["purl"] = moduleRef;
        metadata["component"] = component;
        root["metadata"] = metadata;

        var components = new JArray();
        foreach (var file in files.Where(f => !shipped.Contains(f.Path)))
        {
            components.Add(FileComponent(file));
        }

        var dependsOn = new JArray();
        foreach (var package in module.Packages.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Version, StringComparer.Ordinal))
        {
            var reference = PackageUrl(package.Name, package.Version);
            var library = new JObject
            {
                ["type"] = "library",
                ["bom-ref"] = reference,
                ["name"] = package.Name,
                ["version"] = package.Version,
                ["scope"] = package.Files.Count > 0 ? "required" : "excluded",
            };
            if (package.Sha512 is { Length: > 0 } sha512)
            {
                library["hashes"] = new JArray(Hash("SHA-512", sha512));
            }

            if (!string.IsNullOrEmpty(package.License))
            {
                library["licenses"] = new JArray(new JObject { ["expression"] = package.License });
            }

            library["purl"] = reference;
            if (package.Files.Count > 0)
            {
                library["components"] = new JArray(package.Files.OrderBy(f => f, StringComparer.Ordinal).Select(f => FileComponent(byPath[f])));
                dependsOn.Add(reference);
            }

            components.Add(library);
        }

        root["components"] = components;
        root["dependencies"] = new JArray(new JObject { ["ref"] = moduleRef, ["dependsOn"] = dependsOn });

        var text = root.ToString(Formatting.Indented).Replace("\r\n", "\n") + "\n";
        return new UTF8Encoding(false).GetBytes(text);
    }

    /// <summary>
    /// Reads an SBOM written by <see cref="Write"/> (or any CycloneDX 1.4-1.6 JSON document of the same shape): the module's
    /// name and version and every file component with its hashes, nested ones included. Throws
    /// <see cref="ModuleSbomFormatException"/> for anything else: too large, not JSON, too deep, duplicate keys, another
    /// format, a file path that could leave the module folder, a path listed twice, a hash that is not hex of its size.
    /// </summary>
    public static ModuleSbomDocument Parse(byte[] bytes)
    {
        if (bytes is null)
        {
            throw new ArgumentNullException(nameof(bytes));
        }

        if (bytes.Length > MaxBytes)
        {
            throw new ModuleSbomFormatException($"The SBOM is {bytes.Length:N0} bytes; the most read is {MaxBytes:N0}.", "$");
        }

        JObject root;
        try
        {
            var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            var text = new UTF8Encoding(false, true).GetString(bytes, start, bytes.Length - start);
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal, MaxDepth = MaxDepth };
            root = JObject.Load(reader, new JsonLoadSettings { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error, CommentHandling = CommentHandling.Ignore, LineInfoHandling = LineInfoHandling.Ignore });
            if (reader.Read())
            {
                throw new ModuleSbomFormatException("Data follows the SBOM's JSON object.", "$");
            }
        }
        catch (DecoderFallbackException e)
        {
            throw new ModuleSbomFormatException("The SBOM is not UTF-8: " + e.Message, "$");
        }
        catch (JsonException e)
        {
            throw new ModuleSbomFormatException("The SBOM is not a JSON object: " + e.Message, "$");
        }

        if (Text(root, "bomFormat", "$") != "CycloneDX")
        {
            throw new ModuleSbomFormatException("The document is not CycloneDX (bomFormat).", "$.bomFormat");
        }

        var spec = Text(root, "specVersion", "$");
        if (spec is not ("1.4" or "1.5" or "1.6"))
        {
            throw new ModuleSbomFormatException($"CycloneDX {spec} is not read; 1.4 to 1.6 are.", "$.specVersion");
        }

        var metadata = root["metadata"] as JObject ?? throw new ModuleSbomFormatException("The SBOM has no metadata object.", "$.metadata");
        var component = metadata["component"] as JObject ?? throw new ModuleSbomFormatException("The SBOM names no component (the module).", "$.metadata.component");
        var name = Text(component, "name", "$.metadata.component");
        var version = OptionalText(component, "version", "$.metadata.component") ?? string.Empty;
        DateTimeOffset? timestamp = null;
        if (OptionalText(metadata, "timestamp", "$.metadata") is { } time)
        {
            if (!DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                throw new ModuleSbomFormatException($"'{time}' is not a date and time.", "$.metadata.timestamp");
            }

            timestamp = parsed;
        }

        var files = new List<ModuleSbomFile>();
        var packages = new List<ModuleSbomPackage>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var count = 0;
        if (root["components"] is { } list)
        {
            ReadComponents(list, "$.components", null, files, packages, seen, ref count);
        }

        return new ModuleSbomDocument(name, version, timestamp, files, packages);
    }

    /// <summary>The lower-case hex of <paramref name="bytes"/>.</summary>
    public static string Hex(byte[] bytes)
    {
        if (bytes is null)
        {
            throw new ArgumentNullException(nameof(bytes));
        }

        var text = new StringBuilder(bytes.Length * 2);
        foreach (var b in bytes)
        {
            text.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>Whether <paramref name="path"/> is a relative path that stays inside a folder: '/' separators, no '..' or '.' part, no drive, no empty part.</summary>
    public static bool IsSafeRelativePath(string path)
    {
        if (string.IsNullOrEmpty(path) || path.Length > 260 || path.IndexOf('\\') >= 0 || path.IndexOf(':') >= 0 || path[0] == '/')
        {
            return false;
        }

        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == "." || part == ".." || part.Any(c => c < 0x20 || c == '*' || c == '?' || c == '"' || c == '<' || c == '>' || c == '|'))
            {
                return false;
            }
        }

        return true;
    }

    private static void ReadComponents(JToken list, string where, string? package, List<ModuleSbomFile> files, List<ModuleSbomPackage> packages, HashSet<string> seen, ref int count)
    {
        if (list is not JArray array)
        {
            throw new ModuleSbomFormatException("Components are not a list.", where);
        }

        for (var i = 0; i < array.Count; i++)
        {
            var at = $"{where}[{i}]";
            if (++count > MaxComponents)
            {
                throw new ModuleSbomFormatException($"The SBOM lists more than {MaxComponents:N0} components.", at);
            }

            if (array[i] is not JObject item)
            {
                throw new ModuleSbomFormatException("A component is not an object.", at);
            }

            var type = Text(item, "type", at);
            var name = Text(item, "name", at);
            string? reference = null;
            if (type == "file")
            {
                if (!IsSafeRelativePath(name))
                {
                    throw new ModuleSbomFormatException($"The file '{name}' is not a relative path inside the module folder.", at + ".name");
                }

                if (!seen.Add(name))
                {
                    throw new ModuleSbomFormatException($"The file '{name}' is listed twice.", at + ".name");
                }

                var hashes = Hashes(item, at);
                if (!hashes.TryGetValue("SHA-256", out var sha256))
                {
                    throw new ModuleSbomFormatException($"The file '{name}' has no SHA-256 hash.", at + ".hashes");
                }

                files.Add(new ModuleSbomFile(name, sha256, hashes.TryGetValue("SHA-512", out var sha512) ? sha512 : null, package));
            }
            else
            {
                var version = OptionalText(item, "version", at) ?? string.Empty;
                var scope = OptionalText(item, "scope", at) ?? "required";
                Hashes(item, at);
                reference = OptionalText(item, "purl", at) ?? name;
                packages.Add(new ModuleSbomPackage(name, version, type, scope, OptionalText(item, "purl", at)));
            }

            if (item["components"] is { } nested)
            {
                ReadComponents(nested, at + ".components", reference ?? package, files, packages, seen, ref count);
            }
        }
    }

    private static Dictionary<string, string> Hashes(JObject item, string at)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (item["hashes"] is null)
        {
            return result;
        }

        if (item["hashes"] is not JArray hashes)
        {
            throw new ModuleSbomFormatException("Hashes are not a list.", at + ".hashes");
        }

        for (var i = 0; i < hashes.Count; i++)
        {
            var where = $"{at}.hashes[{i}]";
            if (hashes[i] is not JObject hash)
            {
                throw new ModuleSbomFormatException("A hash is not an object.", where);
            }

            var alg = Text(hash, "alg", where);
            var content = Text(hash, "content", where);
            var size = alg switch { "SHA-1" => 40, "SHA-256" => 64, "SHA-384" => 96, "SHA-512" => 128, _ => 0 };
            if (size > 0 && (content.Length != size || !content.All(IsHexDigit)))
            {
                throw new ModuleSbomFormatException($"The {alg} hash is not {size} hex digits.", where + ".content");
            }

            if (size > 0 && !result.ContainsKey(alg))
            {
                result.Add(alg, content.ToLowerInvariant());
            }
        }

        return result;
    }

    private static bool IsHexDigit(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

    private static string Text(JObject item, string name, string at) =>
        OptionalText(item, name, at) ?? throw new ModuleSbomFormatException($"'{name}' is missing.", at + "." + name);

    private static string? OptionalText(JObject item, string name, string at)
    {
        var token = item[name];
        if (token is null || token.Type == JTokenType.Null)
        {
            return null;
        }

        if (token.Type != JTokenType.String)
        {
            throw new ModuleSbomFormatException($"'{name}' is not text.", at + "." + name);
        }

        return (string)token!;
    }

    private static JObject FileComponent(ModuleSbomFileInput file) => new()
    {
        ["type"] = "file",
        ["bom-ref"] = "file:" + file.Path,
        ["name"] = file.Path,
        ["hashes"] = new JArray(Hash("SHA-256", file.Sha256), Hash("SHA-512", file.Sha512)),
    };

    private static JObject Hash(string alg, string content) => new() { ["alg"] = alg, ["content"] = content };

    private static string PackageUrl(string name, string version) =>
        "pkg:nuget/" + Uri.EscapeDataString(name) + "@" + Uri.EscapeDataString(version);

    // A name-based UUID (RFC 4122 version 5 layout) over everything the SBOM says, so the same module gives the same serial.
    private static string ContentUuid(ModuleSbomInput module, List<ModuleSbomFileInput> files)
    {
        var text = new StringBuilder().Append(module.Name).Append('\n').Append(module.Version).Append('\n');
        foreach (var file in files)
        {
            text.Append(file.Path).Append(' ').Append(file.Sha256).Append('\n');
        }

        foreach (var package in module.Packages.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase))
        {
            text.Append(package.Name).Append('@').Append(package.Version).Append(' ').Append(package.Sha512).Append('\n');
        }

        byte[] hash;
        using (var sha = SHA256.Create())
        {
            hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text.ToString()));
        }

        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        var hex = Hex(hash);
        return $"{hex.Substring(0, 8)}-{hex.Substring(8, 4)}-{hex.Substring(12, 4)}-{hex.Substring(16, 4)}-{hex.Substring(20, 12)}";
    }
}

/// <summary>What <see cref="ModuleSbom.Write"/> describes.</summary>
public sealed class ModuleSbomInput
{
    /// <summary>A module with its shipped files and the packages it was built from.</summary>
    public ModuleSbomInput(string name, string version, string? description, DateTimeOffset? timestamp, IReadOnlyList<ModuleSbomFileInput> files, IReadOnlyList<ModuleSbomPackageInput> packages)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Version = version ?? throw new ArgumentNullException(nameof(version));
        Description = description;
        Timestamp = timestamp;
        Files = files ?? throw new ArgumentNullException(nameof(files));
        Packages = packages ?? throw new ArgumentNullException(nameof(packages));
        foreach (var file in files)
        {
            if (!ModuleSbom.IsSafeRelativePath(file.Path))
            {
                throw new ArgumentException($"'{file.Path}' is not a relative path inside the module folder.", nameof(files));
            }
        }
    }

    /// <summary>The module's name.</summary>
    public string Name { get; }

    /// <summary>The module's version.</summary>
    public string Version { get; }

    /// <summary>The manifest's description, or null.</summary>
    public string? Description { get; }

    /// <summary>When the module was built (the commit's time, for a reproducible SBOM), or null to leave it out.</summary>
    public DateTimeOffset? Timestamp { get; }

    /// <summary>Every shipped file.</summary>
    public IReadOnlyList<ModuleSbomFileInput> Files { get; }

    /// <summary>Every package the module was built from.</summary>
    public IReadOnlyList<ModuleSbomPackageInput> Packages { get; }
}

/// <summary>A shipped file: its path in the module folder ('/' separators) and its hashes in lower-case hex.</summary>
public sealed class ModuleSbomFileInput
{
    /// <summary>A file and its hashes.</summary>
    public ModuleSbomFileInput(string path, string sha256, string sha512)
    {
        Path = path;
        Sha256 = sha256;
        Sha512 = sha512;
    }

    /// <summary>The file's hashes.</summary>
    public static ModuleSbomFileInput FromBytes(string path, byte[] content)
    {
        using var sha256 = SHA256.Create();
        using var sha512 = SHA512.Create();
        return new ModuleSbomFileInput(path, ModuleSbom.Hex(sha256.ComputeHash(content)), ModuleSbom.Hex(sha512.ComputeHash(content)));
    }

    /// <summary>The path in the module folder.</summary>
    public string Path { get; }

    /// <summary>SHA-256, lower-case hex.</summary>
    public string Sha256 { get; }

    /// <summary>SHA-512, lower-case hex.</summary>
    public string Sha512 { get; }
}

/// <summary>A NuGet package the module was built from.</summary>
public sealed class ModuleSbomPackageInput
{
    /// <summary>A package; <paramref name="files"/> are the module's files that came from it (none: used only to compile).</summary>
    public ModuleSbomPackageInput(string name, string version, string? sha512, string? license, IReadOnlyList<string> files)
    {
        Name = name;
        Version = version;
        Sha512 = sha512;
        License = license;
        Files = files;
    }

    /// <summary>The package id.</summary>
    public string Name { get; }

    /// <summary>The resolved version.</summary>
    public string Version { get; }

    /// <summary>The SHA-512 of the .nupkg, lower-case hex, or null.</summary>
    public string? Sha512 { get; }

    /// <summary>The package's SPDX license expression, or null.</summary>
    public string? License { get; }

    /// <summary>The module files that came from the package.</summary>
    public IReadOnlyList<string> Files { get; }
}

/// <summary>An SBOM as read by <see cref="ModuleSbom.Parse"/>.</summary>
public sealed class ModuleSbomDocument
{
    internal ModuleSbomDocument(string name, string version, DateTimeOffset? timestamp, IReadOnlyList<ModuleSbomFile> files, IReadOnlyList<ModuleSbomPackage> packages)
    {
        Name = name;
        Version = version;
        Timestamp = timestamp;
        Files = files;
        Packages = packages;
    }

    /// <summary>The module's name (metadata.component.name).</summary>
    public string Name { get; }

    /// <summary>The module's version.</summary>
    public string Version { get; }

    /// <summary>When it was built, if the SBOM says.</summary>
    public DateTimeOffset? Timestamp { get; }

    /// <summary>Every file component, nested ones included, in document order.</summary>
    public IReadOnlyList<ModuleSbomFile> Files { get; }

    /// <summary>Every other component (packages).</summary>
    public IReadOnlyList<ModuleSbomPackage> Packages { get; }
}

/// <summary>A file the SBOM lists.</summary>
public sealed class ModuleSbomFile
{
    internal ModuleSbomFile(string path, string sha256, string? sha512, string? package)
    {
        Path = path;
        Sha256 = sha256;
        Sha512 = sha512;
        Package = package;
    }

    /// <summary>The path in the module folder, '/' separated.</summary>
    public string Path { get; }

    /// <summary>SHA-256, lower-case hex.</summary>
    public string Sha256 { get; }

    /// <summary>SHA-512, lower-case hex, or null.</summary>
    public string? Sha512 { get; }

    /// <summary>The package it came from (its purl), or null for the module's own files.</summary>
    public string? Package { get; }
}

/// <summary>A package the SBOM lists.</summary>
public sealed class ModuleSbomPackage
{
    internal ModuleSbomPackage(string name, string version, string type, string scope, string? purl)
    {
        Name = name;
        Version = version;
        Type = type;
        Scope = scope;
        Purl = purl;
    }

    /// <summary>The package's name.</summary>
    public string Name { get; }

    /// <summary>Its version.</summary>
    public string Version { get; }

    /// <summary>The CycloneDX component type (library, ...).</summary>
    public string Type { get; }

    /// <summary><c>required</c> (shipped) or <c>excluded</c> (used to build only).</summary>
    public string Scope { get; }

    /// <summary>Its package URL, or null.</summary>
    public string? Purl { get; }
}

/// <summary>An SBOM that could not be read; <see cref="JsonPath"/> says where.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Every ModuleSbomFormatException names the JSON path where reading stopped; a constructor without it would lose that. Only ModuleSbom.Parse throws it.")]
public sealed class ModuleSbomFormatException : FormatException
{
    /// <summary>A problem at a JSON path.</summary>
    public ModuleSbomFormatException(string message, string jsonPath)
        : base(message + " (at " + jsonPath + ")")
    {
        JsonPath = jsonPath;
    }

    /// <summary>Where in the document, as a JSON path ($ for the whole).</summary>
    public string JsonPath { get; }
}
