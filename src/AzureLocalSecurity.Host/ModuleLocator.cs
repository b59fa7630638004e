using System;
using System.IO;

namespace AzureLocalSecurity.Host;

/// <summary>Finds the module manifest: -ModulePath, then ALSEC_MODULE_PATH, then the first AzureLocalSecurity.psd1 above alsec's own folder (the repository's build output).</summary>
internal static class ModuleLocator
{
    internal const string ManifestName = "AzureLocalSecurity.psd1";
    internal const string EnvironmentVariable = "ALSEC_MODULE_PATH";

    internal static string Find(string? explicitPath)
    {
        var given = explicitPath ?? Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(given))
        {
            var full = Path.GetFullPath(given);
            if (Directory.Exists(full))
            {
                full = Path.Combine(full, ManifestName);
            }

            return File.Exists(full) ? full : throw new FileNotFoundException($"No module manifest at '{full}'.", full);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ManifestName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"Cannot find {ManifestName} above '{AppContext.BaseDirectory}'. Pass -ModulePath or set {EnvironmentVariable}.");
    }
}
