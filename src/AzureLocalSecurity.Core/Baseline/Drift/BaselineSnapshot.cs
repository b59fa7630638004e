using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using AzureLocalSecurity.Baseline.Analysis;
using AzureLocalSecurity.Baseline.Repair;
using AzureLocalSecurity.Results;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AzureLocalSecurity.Baseline.Drift;

/// <summary>
/// A node's baseline results at one time, kept to detect drift later: the catalog (release, profile, source) and
/// each rule's status and value. JSON, schema 1; read strictly and bounded.
/// </summary>
public sealed class BaselineSnapshot
{
    /// <summary>The schema written and read.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The largest snapshot read (4 MiB: the largest catalog snapshots in about 0.15 MiB; reading costs about 70 bytes per byte).</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>Creates a snapshot.</summary>
    public BaselineSnapshot(string nodeName, DateTimeOffset takenAt, string release, BaselineProfile? profile, string catalogSource, IEnumerable<BaselineSnapshotEntry> entries)
    {
        NodeName = nodeName ?? throw new ArgumentNullException(nameof(nodeName));
        TakenAt = takenAt.ToUniversalTime();
        Release = release ?? throw new ArgumentNullException(nameof(release));
        Profile = profile;
        CatalogSource = catalogSource ?? throw new ArgumentNullException(nameof(catalogSource));
        Entries = (entries ?? throw new ArgumentNullException(nameof(entries))).ToArray();
    }

    /// <summary>The node.</summary>
    public string NodeName { get; }

    /// <summary>When the evidence was captured (UTC).</summary>
    public DateTimeOffset TakenAt { get; }

    /// <summary>The catalog's release.</summary>
    public string Release { get; }

    /// <summary>The catalog's profile.</summary>
    public BaselineProfile? Profile { get; }

    /// <summary>The catalog's file or shipped resource.</summary>
    public string CatalogSource { get; }

    /// <summary>The rules in catalog order.</summary>
    public IReadOnlyList<BaselineSnapshotEntry> Entries { get; }

    /// <summary>Where the snapshot was read from or saved to.</summary>
    public string? Location { get; private set; }

    /// <summary>A snapshot of evaluated results.</summary>
    public static BaselineSnapshot FromResults(string nodeName, DateTimeOffset takenAt, string release, BaselineProfile? profile, string catalogSource, IEnumerable<BaselineRuleResult> results) =>
        new(nodeName, takenAt, release, profile, catalogSource, (results ?? throw new ArgumentNullException(nameof(results))).Select(r => new BaselineSnapshotEntry(r.RuleName, r.Status, r.ActualValue, r.Source)));

    /// <summary>Writes the snapshot (replacing a file only when <paramref name="overwrite"/>).</summary>
    public void Save(string path, bool overwrite)
    {
        var json = new JObject
        {
            ["schema"] = SchemaVersion,
            ["kind"] = "AzureLocalSecurity.BaselineSnapshot",
            ["node"] = NodeName,
            ["takenAt"] = TakenAt.ToString("o", CultureInfo.InvariantCulture),
            ["release"] = Release,
            ["profile"] = Profile?.ToString(),
            ["catalog"] = CatalogSource,
            ["rules"] = new JArray(Entries.Select(e => new JObject
            {
                ["name"] = e.RuleName,
                ["status"] = e.Status.ToString(),
                ["actual"] = e.Actual is null ? JValue.CreateNull() : FactValueJson.ToJson(e.Actual),
                ["source"] = e.Source,
            })),
        };
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        using (var stream = new FileStream(path, overwrite ? FileMode.Create : FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            var bytes = new UTF8Encoding(false).GetBytes(json.ToString(Formatting.Indented));
            stream.Write(bytes, 0, bytes.Length);
        }

        Location = Path.GetFullPath(path);
    }

    /// <summary>Reads a snapshot file; damage is an <see cref="InvalidDataException"/> saying what is wrong.</summary>
    public static BaselineSnapshot Load(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"The snapshot '{path}' does not exist.", path);
        }

        if (info.Length > MaxBytes)
        {
            throw new InvalidDataException($"The snapshot '{path}' is {info.Length} bytes; at most {MaxBytes} are read.");
        }

        var snapshot = Parse(File.ReadAllBytes(path));
        snapshot.Location = info.FullName;
        return snapshot;
    }

    /// <summary>Reads a snapshot from bytes.</summary>
    public static BaselineSnapshot Parse(byte[] data)
    {
        if (data is null)
        {
            throw new ArgumentNullException(nameof(data));
        }

        if (data.Length > MaxBytes)
        {
            throw new InvalidDataException($"The snapshot is {data.Length} bytes; at most {MaxBytes} are read.");
        }

        try
        {
            var root = StrictJsonDocument.ReadRoot(data, "AzureLocalSecurity.BaselineSnapshot", SchemaVersion, "snapshot", m => new InvalidDataException(m));

            BaselineProfile? profile = null;
            if (root["profile"] is JValue { Type: JTokenType.String } p)
            {
                if (!JsonEnum.TryParseName<BaselineProfile>((string)p!, out var named))
                {
                    throw new InvalidDataException($"The snapshot has an unknown profile '{p}'.");
                }

                profile = named;
            }

            var rules = root["rules"] as JArray ?? throw new InvalidDataException("The snapshot has no rules array.");
            var entries = rules.Select(t =>
            {
                var o = t as JObject ?? throw new InvalidDataException("A snapshot rule is not an object.");
                if (!JsonEnum.TryParseName<CheckStatus>(Text(o, "status"), out var status))
                {
                    throw new InvalidDataException($"A snapshot rule has an unknown status '{o["status"]}'.");
                }

                var actual = o["actual"] is null || o["actual"]!.Type == JTokenType.Null ? null : FactValueJson.FromJson(o["actual"]);
                var source = o["source"]?.Type == JTokenType.String ? (string?)o["source"] : null;
                return new BaselineSnapshotEntry(Text(o, "name"), status, actual, source);
            }).ToList();
            return new BaselineSnapshot(Text(root, "node"), DateTimeOffset.Parse(Text(root, "takenAt"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), Text(root, "release"), profile, Text(root, "catalog"), entries);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or DecoderFallbackException or InvalidCastException or ArgumentException or OverflowException)
        {
            throw new InvalidDataException("The snapshot is damaged: " + ex.Message, ex);
        }
    }

    private static string Text(JObject o, string name) =>
        o[name]?.Type == JTokenType.String ? (string)o[name]! : throw new InvalidDataException($"The snapshot lacks the string '{name}'.");
}
