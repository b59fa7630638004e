using System.Reflection;

namespace AzureLocalSecurity;

/// <summary>Facts about this build of the module.</summary>
public static class ModuleInfo
{
    /// <summary>The module version (VersionPrefix in Directory.Build.props), as written into evidence bundles.</summary>
    public static string Version { get; } =
        typeof(ModuleInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ModuleInfo).Assembly.GetName().Version?.ToString(3)
        ?? "0.0.0";
}
