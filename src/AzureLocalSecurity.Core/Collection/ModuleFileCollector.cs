using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using AzureLocalSecurity.Integrity;
using AzureLocalSecurity.PrivilegedAccess;

namespace AzureLocalSecurity.Collection;

/// <summary>
/// Reads an installed module's folder for <see cref="ModuleIntegrityAnalyzer"/>: every file's SHA-256 (streamed), the
/// manifest's name and version, the SBOM and its signature. Reads only; a file that cannot be read is a fact with its reason.
/// </summary>
public static class ModuleFileCollector
{
    /// <summary>The most files read from one folder (the module ships 15).</summary>
    public const int MaxFiles = 10_000;

    /// <summary>The deepest sub-folder read.</summary>
    public const int MaxDepth = 16;

    /// <summary>The facts of <paramref name="moduleBase"/>, the folder that holds the manifest.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static ModuleFolderFacts Collect(string moduleBase)
    {
        if (!Directory.Exists(moduleBase))
        {
            throw new DirectoryNotFoundException($"The module folder '{moduleBase}' does not exist.");
        }

        var root = Path.GetFullPath(moduleBase);
        var files = new List<ModuleFileFact>();
        Walk(root, root, 0, files);

        byte[]? sbom = null;
        string? sbomError = null;
        byte[]? signature = null;
        string? signatureError = null;
        var sbomPath = Path.Combine(root, ModuleSbom.FileName);
        if (File.Exists(sbomPath))
        {
            (sbom, sbomError) = ReadBounded(sbomPath, ModuleSbom.MaxBytes);
        }

        var signaturePath = Path.Combine(root, ModuleSbom.SignatureFileName);
        if (File.Exists(signaturePath))
        {
            (signature, signatureError) = ReadBounded(signaturePath, ModuleSignature.MaxBytes);
        }

        var (name, version) = ReadManifest(root);
        return new ModuleFolderFacts(root, name, version, files, sbom, sbomError, signature, signatureError);
    }

    private static void Walk(string root, string folder, int depth, List<ModuleFileFact> files)
    {
        if (depth > MaxDepth)
        {
            files.Add(new ModuleFileFact(Relative(root, folder), 0, null, $"The folder is deeper than {MaxDepth} levels; it was not read."));
            return;
        }

        foreach (var path in Directory.EnumerateFiles(folder).OrderBy(p => p, StringComparer.Ordinal))
        {
            var relative = Relative(root, path);
            if (depth == 0 && (string.Equals(relative, ModuleSbom.FileName, StringComparison.OrdinalIgnoreCase) || string.Equals(relative, ModuleSbom.SignatureFileName, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            if (files.Count >= MaxFiles)
            {
                throw new IOException($"The module folder holds more than {MaxFiles:N0} files; it is not a module folder.");
            }

            files.Add(Hash(path, relative));
        }

        foreach (var sub in Directory.EnumerateDirectories(folder).OrderBy(p => p, StringComparer.Ordinal))
        {
            Walk(root, sub, depth + 1, files);
        }
    }

    private static ModuleFileFact Hash(string path, string relative)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.SequentialScan);
            using var sha = SHA256.Create();
            var hash = sha.ComputeHash(stream);
            return new ModuleFileFact(relative, stream.Length, ModuleSbom.Hex(hash), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ModuleFileFact(relative, 0, null, e.Message);
        }
    }

    private static (byte[]? Bytes, string? Error) ReadBounded(string path, int max)
    {
        try
        {
            var length = new FileInfo(path).Length;
            if (length > max)
            {
                return (null, $"{Path.GetFileName(path)} is {length:N0} bytes; the most read is {max:N0}.");
            }

            return (File.ReadAllBytes(path), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"{Path.GetFileName(path)} could not be read: {e.Message}");
        }
    }

    private static (string? Name, string? Version) ReadManifest(string root)
    {
        var manifests = Directory.EnumerateFiles(root, "*.psd1").OrderBy(p => p, StringComparer.Ordinal).ToList();
        var folderName = Path.GetFileName(root);
        var parentName = Path.GetFileName(Path.GetDirectoryName(root) ?? string.Empty);
        var manifest = manifests.FirstOrDefault(m => string.Equals(Path.GetFileNameWithoutExtension(m), "AzureLocalSecurity", StringComparison.OrdinalIgnoreCase))
            ?? manifests.FirstOrDefault(m => string.Equals(Path.GetFileNameWithoutExtension(m), folderName, StringComparison.OrdinalIgnoreCase) || string.Equals(Path.GetFileNameWithoutExtension(m), parentName, StringComparison.OrdinalIgnoreCase))
            ?? (manifests.Count == 1 ? manifests[0] : null);
        if (manifest is null)
        {
            return (null, null);
        }

        var name = Path.GetFileNameWithoutExtension(manifest);
        try
        {
            var text = File.ReadAllText(manifest, Encoding.UTF8);
            // A signed manifest ends in a comment block; the data file reader skips comments.
            var table = PowerShellDataFile.Parse(text);
            return (name, table.TryGetValue("ModuleVersion", out var version) ? version as string : null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PowerShellDataFileException)
        {
            return (name, null);
        }
    }

    private static string Relative(string root, string path)
    {
        var relative = path.Substring(root.Length).TrimStart(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return relative.Replace(Path.DirectorySeparatorChar, '/');
    }
}
