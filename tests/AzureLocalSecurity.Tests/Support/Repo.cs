using System;
using System.IO;
using System.Text.RegularExpressions;

namespace AzureLocalSecurity.Tests.Support;

/// <summary>Paths in the repository the tests run from.</summary>
internal static partial class Repo
{
    internal static string Root { get; } = FindRoot();

    internal static string Manifest => Path.Combine(Root, "AzureLocalSecurity.psd1");

    internal static string Data(params string[] parts) => Path.Combine([Root, "tests", "data", .. parts]);

    /// <summary>VersionPrefix from Directory.Build.props, the one version source.</summary>
    internal static string VersionPrefix =>
        VersionRegex().Match(File.ReadAllText(Path.Combine(Root, "Directory.Build.props"))).Groups[1].Value;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AzureLocalSecurity.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The tests must run inside the repository.");
    }

    [GeneratedRegex("<VersionPrefix>([^<]+)</VersionPrefix>")]
    private static partial Regex VersionRegex();
}
