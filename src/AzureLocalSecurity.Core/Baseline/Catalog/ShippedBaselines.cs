using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace AzureLocalSecurity.Baseline.Catalog;

/// <summary>
/// The Azure Local catalogs the module carries (every release 2310–2610, embedded byte for byte). Each is read once
/// per process with the same reader as a user's file and then shared: catalogs are immutable.
/// </summary>
public static class ShippedBaselines
{
    private const string ResourcePrefix = "AzureLocalSecurity.Baseline.Catalogs.";

    private static readonly ConcurrentDictionary<string, Lazy<BaselineCatalog>> Cache = new(StringComparer.OrdinalIgnoreCase);

    private static readonly (string Release, BaselineProfile? Profile, string File)[] Files =
    [
        ("2310", null, "AzureLocal_SecurityBaseline_2310.csv"),
        ("2402", null, "AzureLocal_SecurityBaseline_2402.csv"),
        ("2405", null, "AzureLocal_SecurityBaseline_2405.csv"),
        ("2408", null, "AzureLocal_SecurityBaseline_2408.csv"),
        ("2411", null, "AzureLocal_SecurityBaseline_2411.csv"),
        ("2506", BaselineProfile.DomainJoined, "AzureLocal_SecurityBaseline_2506domjoin.csv"),
        ("2506", BaselineProfile.AdLess, "AzureLocal_SecurityBaseline_2506Adless.csv"),
        ("2604", BaselineProfile.DomainJoined, "AzureLocal_SecurityBaseline_2604domjoin.csv"),
        ("2604", BaselineProfile.AdLess, "AzureLocal_SecurityBaseline_2604Adless.csv"),
        ("2610", BaselineProfile.DomainJoined, "AzureLocal_SecurityBaseline_2610domjoin.csv"),
        ("2610", BaselineProfile.AdLess, "AzureLocal_SecurityBaseline_2610Adless.csv"),
    ];

    /// <summary>The newest release shipped.</summary>
    public static string LatestRelease => Files[Files.Length - 1].Release;

    /// <summary>Every release shipped, oldest first.</summary>
    public static IReadOnlyList<string> Releases => Files.Select(f => f.Release).Distinct().ToArray();

    /// <summary>
    /// The catalog of <paramref name="release"/> (null: the latest) for <paramref name="profile"/>. Releases before
    /// 2506 have one list for both profiles.
    /// </summary>
    /// <exception cref="ArgumentException">The release is not shipped.</exception>
    public static BaselineCatalog Get(string? release, BaselineProfile profile)
    {
        release ??= LatestRelease;
        var matches = Files.Where(f => string.Equals(f.Release, release, StringComparison.OrdinalIgnoreCase)).ToArray();
        if (matches.Length == 0)
        {
            throw new ArgumentException($"Release '{release}' is not shipped with the module; shipped releases are {string.Join(", ", Releases)}. Use -Path for another catalog.", nameof(release));
        }

        var file = matches.FirstOrDefault(f => f.Profile == profile);
        if (file.File is null)
        {
            file = matches.First(f => f.Profile is null);
        }

        return Cache.GetOrAdd(file.File, name => new Lazy<BaselineCatalog>(() => Load(name))).Value;
    }

    /// <summary>Every shipped catalog (for capturing the facts all of them need).</summary>
    public static IEnumerable<BaselineCatalog> All() =>
        Files.Select(f => Cache.GetOrAdd(f.File, name => new Lazy<BaselineCatalog>(() => Load(name))).Value);

    /// <summary>The raw bytes of a shipped catalog file, as published.</summary>
    public static byte[] ReadBytes(string fileName)
    {
        using var stream = typeof(ShippedBaselines).Assembly.GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new ArgumentException($"No shipped catalog is named '{fileName}'.", nameof(fileName));
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static BaselineCatalog Load(string fileName) => BaselineCatalogReader.Read(ReadBytes(fileName), fileName);
}
