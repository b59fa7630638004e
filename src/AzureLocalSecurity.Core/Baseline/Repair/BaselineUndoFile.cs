using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using AzureLocalSecurity.Baseline.Facts;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AzureLocalSecurity.Baseline.Repair;

/// <summary>
/// The record a repair writes before its first change: every setting it will change with its exact prior value
/// (including "absent"), so Undo-ALSecurityBaselineRepair restores the node. JSON, schema 1; read strictly and bounded.
/// </summary>
public sealed class BaselineUndoFile
{
    /// <summary>The schema written and read.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The largest undo record read (4 MiB: a repair of every rule of the largest catalog writes about 0.2 MiB; reading costs about 70 bytes per byte).</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>Creates an undo record.</summary>
    public BaselineUndoFile(string nodeName, DateTimeOffset createdAt, string moduleVersion, IEnumerable<BaselineUndoEntry> entries)
    {
        NodeName = nodeName ?? throw new ArgumentNullException(nameof(nodeName));
        CreatedAt = createdAt.ToUniversalTime();
        ModuleVersion = moduleVersion ?? throw new ArgumentNullException(nameof(moduleVersion));
        Entries = (entries ?? throw new ArgumentNullException(nameof(entries))).ToArray();
    }

    /// <summary>The node the changes were made on.</summary>
    public string NodeName { get; }

    /// <summary>When the repair started (UTC).</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>The module version that made it.</summary>
    public string ModuleVersion { get; }

    /// <summary>The changes in the order they were made.</summary>
    public IReadOnlyList<BaselineUndoEntry> Entries { get; }

    /// <summary>Where the file was read from, when it was.</summary>
    public string? Location { get; private set; }

    /// <summary>Writes the file; refuses to overwrite one that exists (an earlier undo record is never lost).</summary>
    public void Save(string path)
    {
        if (File.Exists(path) || Directory.Exists(path))
        {
            throw new BaselineUndoFileException($"'{path}' already exists; an undo record is never overwritten. Choose another -UndoPath.");
        }

        var json = new JObject
        {
            ["schema"] = SchemaVersion,
            ["kind"] = "AzureLocalSecurity.BaselineUndo",
            ["node"] = NodeName,
            ["createdAt"] = CreatedAt.ToString("o", CultureInfo.InvariantCulture),
            ["moduleVersion"] = ModuleVersion,
            ["entries"] = new JArray(Entries.Select(e => new JObject
            {
                ["rule"] = e.RuleName,
                ["source"] = e.Fact.Source.ToString(),
                ["path"] = e.Fact.Path,
                ["name"] = e.Fact.Name,
                ["registryType"] = e.RegistryType,
                ["before"] = FactValueJson.ToJson(e.Before),
                ["after"] = FactValueJson.ToJson(e.After),
            })),
        };

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        var bytes = new UTF8Encoding(false).GetBytes(json.ToString(Formatting.Indented));
        stream.Write(bytes, 0, bytes.Length);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Reads an undo file; any damage is a <see cref="BaselineUndoFileException"/>.</summary>
    public static BaselineUndoFile Load(string path)
    {
        FileInfo info;
        try
        {
            info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new BaselineUndoFileException($"The undo file '{path}' does not exist.");
            }
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or IOException or UnauthorizedAccessException)
        {
            throw new BaselineUndoFileException($"The undo file '{path}' cannot be opened: {ex.Message}", ex);
        }

        if (info.Length > MaxBytes)
        {
            throw new BaselineUndoFileException($"The undo file '{path}' is {info.Length} bytes; at most {MaxBytes} are read.");
        }

        try
        {
            var file = Parse(File.ReadAllBytes(path));
            file.Location = info.FullName;
            return file;
        }
        catch (IOException ex)
        {
            throw new BaselineUndoFileException($"The undo file '{path}' cannot be read: {ex.Message}", ex);
        }
    }

    /// <summary>Reads an undo record from bytes.</summary>
    public static BaselineUndoFile Parse(byte[] data)
    {
        if (data is null)
        {
            throw new ArgumentNullException(nameof(data));
        }

        if (data.Length > MaxBytes)
        {
            throw new BaselineUndoFileException($"The undo record is {data.Length} bytes; at most {MaxBytes} are read.");
        }

        try
        {
            var root = StrictJsonDocument.ReadRoot(data, "AzureLocalSecurity.BaselineUndo", SchemaVersion, "undo record", m => new BaselineUndoFileException(m));

            var created = DateTimeOffset.Parse(Required(root, "createdAt"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            var entries = (root["entries"] as JArray ?? throw new BaselineUndoFileException("The undo record has no entries array.")).Select(ParseEntry).ToList();
            return new BaselineUndoFile(Required(root, "node"), created, Required(root, "moduleVersion"), entries);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or DecoderFallbackException or InvalidCastException or ArgumentException or OverflowException)
        {
            throw new BaselineUndoFileException("The undo record is damaged: " + ex.Message, ex);
        }
    }

    private static BaselineUndoEntry ParseEntry(JToken token)
    {
        var o = token as JObject ?? throw new BaselineUndoFileException("An undo entry is not a JSON object.");
        if (!JsonEnum.TryParseName<FactSource>(Required(o, "source"), out var source))
        {
            throw new BaselineUndoFileException($"An undo entry names an unknown source '{o["source"]}'.");
        }

        var type = o["registryType"];
        return new BaselineUndoEntry(
            Required(o, "rule"),
            new FactRef(source, Required(o, "path"), Required(o, "name")),
            type is null || type.Type == JTokenType.Null ? null : (string?)type,
            FactValueJson.FromJson(o["before"]),
            FactValueJson.FromJson(o["after"]));
    }

    private static string Required(JObject o, string name) =>
        o[name]?.Type == JTokenType.String ? (string)o[name]! : throw new BaselineUndoFileException($"The undo record lacks the string '{name}'.");
}
