using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml;
using AzureLocalSecurity.Baseline;
using AzureLocalSecurity.Baseline.Catalog;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Collection.Remote;
using AzureLocalSecurity.SecureBoot.Events;
using Newtonsoft.Json.Linq;

namespace AzureLocalSecurity.Evidence.Import;

/// <summary>
/// Builds an evidence bundle from a folder of files Windows' in-box tools wrote on a node, recognized by their content
/// (never by name alone): the capture script's JSON (<c>Get-ALEvidenceCollectionScript</c>), <c>auditpol /backup</c> CSV,
/// <c>secedit /export</c> INF, <c>reg export</c> files, <c>Export-Clixml</c> of <c>Get-CimInstance</c> (Win32_DeviceGuard,
/// Win32_Tpm, Win32_EncryptableVolume, the SMB and Defender classes, MSCluster_Cluster), <c>CiTool --list-policies --json</c>,
/// Code Integrity and TPM-WMI events as XML, and SiPolicy.p7b / driversipolicy.p7b. Each file becomes the same capture
/// entries the script writes, and <see cref="CaptureImporter"/> turns them into the ids and shapes the native collectors
/// file, so every analyzer reads the bundle unchanged. A file that cannot be read is listed with the reason, never
/// guessed at; the list is in the bundle too (<see cref="FilesId"/>).
/// </summary>
public static class EvidenceFileImporter
{
    /// <summary>The evidence id of the list of files read and skipped: one record per file (Path, Format, Imported, Reason).</summary>
    public const string FilesId = "import/files";

    /// <summary>The largest file read (larger ones are listed as skipped).</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>The most files looked at.</summary>
    public const int MaxFiles = 10_000;

    /// <summary>How deep under the folder files are looked for.</summary>
    public const int MaxDepth = 4;

    private const string CodeIntegrityProvider = "Microsoft-Windows-CodeIntegrity";
    private const string TpmWmiProvider = "Microsoft-Windows-TPM-WMI";

    private static readonly Dictionary<string, (string Name, string Target)> CimClasses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Win32_DeviceGuard"] = ("cim", @"root\Microsoft\Windows\DeviceGuard:Win32_DeviceGuard"),
        ["MSFT_SmbServerConfiguration"] = ("cim", @"root\Microsoft\Windows\SMB:MSFT_SmbServerConfiguration"),
        ["MSFT_SmbClientConfiguration"] = ("cim", @"root\Microsoft\Windows\SMB:MSFT_SmbClientConfiguration"),
        ["MSFT_MpComputerStatus"] = ("cim", @"root\Microsoft\Windows\Defender:MSFT_MpComputerStatus"),
        ["MSCluster_Cluster"] = ("cim", @"root\MSCluster:MSCluster_Cluster"),
        ["Win32_Tpm"] = ("tpm", @"root\CIMV2\Security\MicrosoftTpm:Win32_Tpm"),
        ["Win32_EncryptableVolume"] = ("bitlocker", @"root\CIMV2\Security\MicrosoftVolumeEncryption:Win32_EncryptableVolume"),
    };

    /// <summary>Reads every file under <paramref name="folder"/> (and its subfolders, <see cref="MaxDepth"/> deep).</summary>
    /// <param name="folder">The folder.</param>
    /// <param name="nodeName">The node's name; when null, the name a capture document or an auditpol backup gives, else the folder's name.</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static EvidenceFileImport Import(string folder, string? nodeName = null)
    {
        if (folder is null)
        {
            throw new ArgumentNullException(nameof(folder));
        }

        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"'{root}' is not a folder.");
        }

        var run = new Run(root);
        foreach (var file in Files(root))
        {
            run.Read(file);
        }

        return run.Finish(nodeName);
    }

    private static List<string> Files(string root)
    {
        var files = new List<string>();
        var queue = new Queue<(string Path, int Depth)>();
        queue.Enqueue((root, 0));
        while (queue.Count > 0 && files.Count < MaxFiles)
        {
            var (folder, depth) = queue.Dequeue();
            files.AddRange(Directory.EnumerateFiles(folder).OrderBy(f => f, StringComparer.Ordinal).Take(MaxFiles - files.Count));
            if (depth < MaxDepth)
            {
                foreach (var child in Directory.EnumerateDirectories(folder).OrderBy(d => d, StringComparer.Ordinal))
                {
                    queue.Enqueue((child, depth + 1));
                }
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private sealed class Run
    {
        private readonly string _root;
        private readonly List<(string Name, string Target, string Command, DateTimeOffset CapturedAt, JObject? Data, CaptureEntryError? Error)> _entries = [];
        private readonly Dictionary<(string, string), string> _taken = new();
        private readonly List<EvidenceFileResult> _results = [];
        private CaptureDocument? _capture;
        private string? _machineName;
        private bool _hasSecedit;
        private bool _hasAuditpol;
        private int _events;
        private DateTimeOffset _newest = DateTimeOffset.MinValue;

        internal Run(string root) => _root = root;

        internal void Read(string path)
        {
            var length = new FileInfo(path).Length;
            if (length > MaxFileBytes)
            {
                Skip(path, "unknown", $"{length} bytes; at most {MaxFileBytes} are read.");
                return;
            }

            var bytes = File.ReadAllBytes(path);
            var when = new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero);
            var format = "unknown";
            try
            {
                if (bytes.Length >= 4 && bytes[0] == (byte)'P' && bytes[1] == (byte)'R' && bytes[2] == (byte)'e' && bytes[3] == (byte)'g')
                {
                    Skip(path, "Registry.pol", "a Group Policy file says what a GPO sets, not what the node holds: assess it with Test-ALSecurityBaseline -GpoBackupPath.");
                    return;
                }

                var name = Path.GetFileName(path);
                if (name.Equals("SiPolicy.p7b", StringComparison.OrdinalIgnoreCase) || name.Equals("driversipolicy.p7b", StringComparison.OrdinalIgnoreCase))
                {
                    format = "App Control policy file";
                    var target = @"CodeIntegrity\" + (name.StartsWith("Si", StringComparison.OrdinalIgnoreCase) ? "SiPolicy.p7b" : "driversipolicy.p7b");
                    Take(path, format, ("file", target, "file " + path, when, new JObject { ["path"] = path, ["bytes"] = Convert.ToBase64String(bytes) }, null));
                    return;
                }

                string text;
                try
                {
                    text = ImportText.Decode(bytes, (int)Math.Min(MaxFileBytes, int.MaxValue), "file");
                }
                catch (CaptureFormatException)
                {
                    Skip(path, format, "not text and not a format this version reads.");
                    return;
                }

                var start = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
                if (First(start, '{') && start.IndexOf("\"" + CaptureDocument.FormatName + "\"", StringComparison.Ordinal) >= 0)
                {
                    format = "capture document";
                    CaptureJsonFile(path, text);
                }
                else if (start.StartsWith("Windows Registry Editor Version 5.00", StringComparison.Ordinal) || start.StartsWith("REGEDIT4", StringComparison.Ordinal))
                {
                    format = "reg export";
                    RegFile(path, bytes, when);
                }
                else if (start.StartsWith("Machine Name,", StringComparison.OrdinalIgnoreCase))
                {
                    format = "auditpol /backup CSV";
                    var csv = AuditPolicyCsv.Parse(bytes);
                    _machineName ??= csv.Entries.Select(e => e.MachineName).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n));
                    _hasAuditpol |= Take(path, format, ("auditpol", string.Empty, "auditpol.exe /backup: " + path, when, new JObject { ["csv"] = Convert.ToBase64String(bytes) }, null));
                }
                else if (start.StartsWith("[Unicode]", StringComparison.OrdinalIgnoreCase) || (First(start, '[') && text.IndexOf("$CHICAGO$", StringComparison.OrdinalIgnoreCase) >= 0))
                {
                    format = "secedit /export INF";
                    SecurityTemplateInf.Parse(bytes);
                    _hasSecedit |= Take(path, format, ("secedit", string.Empty, "secedit.exe /export: " + path, when, new JObject { ["inf"] = Convert.ToBase64String(bytes) }, null));
                }
                else if (start.StartsWith("<Objs", StringComparison.Ordinal) || (start.StartsWith("<?xml", StringComparison.Ordinal) && text.IndexOf("<Objs", StringComparison.Ordinal) >= 0))
                {
                    format = "Export-Clixml";
                    CliXmlFile(path, bytes, when);
                }
                else if (First(start, '<') && text.IndexOf(WindowsEventXml.EventNamespace, StringComparison.Ordinal) >= 0)
                {
                    format = "Windows event XML";
                    EventFile(path, text, when);
                }
                else if (First(start, '{') && text.IndexOf("\"Policies\"", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    format = "CiTool --list-policies --json";
                    AppControl.Live.CiToolPolicyListParser.Parse(text);
                    Take(path, format, ("citool", string.Empty, "CiTool.exe --list-policies --json: " + path, when, new JObject
                    {
                        ["stdout"] = text,
                        ["arguments"] = new JArray("--list-policies", "--json"),
                        ["exitCode"] = 0,
                        ["encoding"] = string.Empty,
                    }, null));
                }
                else
                {
                    Skip(path, format, "not a format this version reads.");
                    return;
                }

                if (when > _newest)
                {
                    _newest = when;
                }
            }
            catch (Exception ex) when (ex is CaptureFormatException or FormatException or WindowsEventFormatException or XmlException or InvalidDataException or AppControl.Live.CiToolOutputException)
            {
                Skip(path, format, ex.Message);
            }
        }

        internal EvidenceFileImport Finish(string? nodeName)
        {
            var name = nodeName ?? _capture?.Node.ComputerName ?? _machineName ?? Path.GetFileName(_root.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
            var capturedAt = _newest == DateTimeOffset.MinValue ? _capture?.CapturedAt ?? DateTimeOffset.UtcNow : _newest;
            var node = _capture is { } c && nodeName is null
                ? c.Node
                : new CaptureNode(name, _capture?.Node.DnsDomain, _capture?.Node.OsCaption, _capture?.Node.OsVersion, _capture?.Node.OsBuild, _capture?.Node.Architecture, _capture?.Node.Domain, _capture?.Node.PartOfDomain);
            var request = Request();
            var document = CaptureDocument.Assemble("files under " + _root, capturedAt, node, request, _entries, _capture?.PowerShellEdition ?? string.Empty, _capture?.PowerShellVersion ?? string.Empty);
            var imported = CaptureImporter.ToBundle(document);
            var results = _results.OrderBy(r => r.Path, StringComparer.Ordinal).ToList();
            var list = EvidenceItem.ForRecords(FilesId, "EvidenceFileImporter " + _root, capturedAt, results.Select(r => new EvidenceRecord(
            [
                new("Path", EvidenceValue.FromString(r.Path)),
                new("Format", EvidenceValue.FromString(r.Format)),
                new("Imported", EvidenceValue.FromBoolean(r.Imported)),
                new("Reason", EvidenceValue.FromString(r.Reason ?? string.Empty)),
            ])));
            var bundle = new EvidenceBundle(imported.SchemaVersion, imported.Node, imported.CapturedAt, imported.ModuleVersion, imported.Items.Concat([list]));
            return new EvidenceFileImport(bundle, results);
        }

        /// <summary>
        /// What the capture would have been asked for: the rights and built-in accounts the shipped baselines read (secedit
        /// names only the rights someone holds, so a right it leaves out has no holder), the keys the files hold.
        /// </summary>
        private CaptureRequest Request()
        {
            if (_capture is { } c)
            {
                return new CaptureRequest(
                    c.Request.RegistryKeys,
                    _hasSecedit && c.Request.UserRights.Count == 0 ? BaselineRights() : c.Request.UserRights,
                    c.Request.BuiltinRids,
                    c.Request.AccountPolicy || _hasSecedit,
                    c.Request.AuditPolicy || _hasAuditpol,
                    c.Request.Since,
                    Math.Max(c.Request.MaxEvents, _events));
            }

            var keys = _entries.Where(e => e.Name == "registry").Select(e => e.Target).ToList();
            return new CaptureRequest(keys, _hasSecedit ? BaselineRights() : [], [], _hasSecedit, _hasAuditpol, null, _events);
        }

        private static IReadOnlyList<string> BaselineRights()
        {
            var facts = new[] { BaselineProfile.DomainJoined, BaselineProfile.AdLess }
                .SelectMany(p => BaselineFactMap.RequiredFacts(ShippedBaselines.Get(null, p).Rules))
                .Distinct();
            return (string[])CaptureScript.Parameters(facts, null, CaptureScript.DefaultMaxEvents)["UserRights"];
        }

        private void CaptureJsonFile(string path, string text)
        {
            if (_capture is not null)
            {
                Skip(path, "capture document", "a second capture document: the folder holds one node's files (the first one was read).");
                return;
            }

            var document = CaptureDocument.Parse(text);
            _capture = document;
            foreach (var e in document.Captures)
            {
                var data = e.Data;
                if (_taken.ContainsKey((e.Name, e.Target)))
                {
                    continue;
                }

                _taken[(e.Name, e.Target)] = path;
                _entries.Add((e.Name, e.Target, e.Command, e.CapturedAt, data, e.Error));
                _hasSecedit |= e.Name == "secedit" && e.Succeeded;
                _hasAuditpol |= e.Name == "auditpol" && e.Succeeded;
            }

            _results.Add(new EvidenceFileResult(path, "capture document", true, null));
        }

        private void RegFile(string path, byte[] bytes, DateTimeOffset when)
        {
            var file = RegistryExportFile.Parse(bytes);
            var taken = 0;
            var left = new List<string>();
            foreach (var key in file.Keys)
            {
                if (key.Delete)
                {
                    left.Add($"line {key.Line}: [-{key.Path}] deletes a key; an export holds no deletion");
                    continue;
                }

                var values = new JArray();
                foreach (var value in key.Values)
                {
                    if (value.Delete || value.Value is null)
                    {
                        left.Add($"line {value.Line}: \"{value.Name}\"=- deletes a value");
                        continue;
                    }

                    values.Add(RegistryValueJson(value.Name, value.Value));
                }

                if (TakeEntry(path, ("registry", key.EvidencePath, "reg export " + key.Path + ": " + path, when, new JObject { ["values"] = values, ["subKeys"] = new JArray(key.SubKeyNames) }, null)))
                {
                    taken++;
                }
            }

            _results.Add(new EvidenceFileResult(path, "reg export", taken > 0, left.Count == 0 ? (taken > 0 ? null : "no key it holds was new") : string.Join("; ", left.Take(5)) + (left.Count > 5 ? $"; and {left.Count - 5} more" : string.Empty)));
        }

        private static JObject RegistryValueJson(string name, EvidenceValue value)
        {
            var v = value.Value;
            return value.Kind switch
            {
                EvidenceValueKind.String => new JObject { ["name"] = name, ["kind"] = "String", ["value"] = (string)v! },
                EvidenceValueKind.ExpandString => new JObject { ["name"] = name, ["kind"] = "ExpandString", ["value"] = (string)v! },
                EvidenceValueKind.MultiString => new JObject { ["name"] = name, ["kind"] = "MultiString", ["value"] = new JArray((string[])v!) },
                EvidenceValueKind.DWord => new JObject { ["name"] = name, ["kind"] = "DWord", ["value"] = Convert.ToUInt64(v, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) },
                EvidenceValueKind.QWord => new JObject { ["name"] = name, ["kind"] = "QWord", ["value"] = Convert.ToUInt64(v, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) },
                EvidenceValueKind.Binary => new JObject { ["name"] = name, ["kind"] = "Binary", ["value"] = Convert.ToBase64String((byte[])v!) },
                _ => throw new FormatException($"The value '{name}' is of kind {value.Kind}, which a registry value cannot be."),
            };
        }

        private void CliXmlFile(string path, byte[] bytes, DateTimeOffset when)
        {
            var document = CliXmlDocument.Parse(bytes);
            var byClass = new Dictionary<string, List<CliXmlObject>>(StringComparer.OrdinalIgnoreCase);
            var others = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var obj in document.Objects)
            {
                if (obj.CimClassName is { } cls && CimClasses.ContainsKey(cls))
                {
                    if (!byClass.TryGetValue(cls, out var list))
                    {
                        byClass[cls] = list = [];
                    }

                    list.Add(obj);
                }
                else
                {
                    others.Add(obj.CimClassName ?? (obj.TypeNames.Count > 0 ? obj.TypeNames[0] : "(no type)"));
                }
            }

            var taken = 0;
            foreach (var pair in byClass.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                var (name, target) = CimClasses[pair.Key];
                var instances = new JArray();
                foreach (var obj in pair.Value)
                {
                    var properties = new JArray();
                    foreach (var property in obj.Properties)
                    {
                        if (TypedValue(property) is { } typed)
                        {
                            properties.Add(new JObject { ["name"] = property.Name, ["value"] = typed });
                        }
                    }

                    // No method was called: Export-Clixml holds properties only, so method answers are "not called" (Unknown).
                    instances.Add(new JObject { ["properties"] = properties, ["calls"] = new JArray() });
                }

                var ns = target.Substring(0, target.IndexOf(':'));
                if (TakeEntry(path, (name, target, $"Get-CimInstance -Namespace {ns} -ClassName {pair.Key} | Export-Clixml: {path}", when, new JObject { ["instances"] = instances }, null)))
                {
                    taken++;
                }
            }

            var reason = others.Count > 0 ? "objects of classes this version does not file: " + string.Join(", ", others.Take(5)) : null;
            _results.Add(new EvidenceFileResult(path, "Export-Clixml", taken > 0, taken > 0 ? reason : reason ?? "no class it holds was new"));
        }

        /// <summary>A CLIXML property as a capture typed value; null for a nested object (no CIM property the module reads is one).</summary>
        private static JObject? TypedValue(CliXmlProperty property)
        {
            var t = property.CaptureType;
            var v = property.Value;
            JToken Numbers<T>(T[] array) where T : IFormattable => new JArray(array.Select(x => x.ToString(null, CultureInfo.InvariantCulture)));
            JToken? value = v switch
            {
                null => null,
                string s => s,
                bool b => b,
                byte[] bytes => Convert.ToBase64String(bytes),
                DateTime time => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
                ushort[] a => Numbers(a),
                uint[] a => Numbers(a),
                ulong[] a => Numbers(a),
                int[] a => Numbers(a),
                long[] a => Numbers(a),
                string[] a => new JArray(a),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => null,
            };
            if (t == "Null" || v is null)
            {
                return new JObject { ["t"] = "Null" };
            }

            return value is null || t == "Object" ? null : new JObject { ["t"] = t, ["v"] = value };
        }

        private void EventFile(string path, string text, DateTimeOffset when)
        {
            var codeIntegrity = new List<string>();
            var servicing = new List<string>();
            var other = 0;
            DateTimeOffset? oldest = null;
            foreach (var xml in EventElements(text))
            {
                var record = WindowsEventXml.Parse(xml).Single();
                if (string.Equals(record.ProviderName, CodeIntegrityProvider, StringComparison.OrdinalIgnoreCase))
                {
                    codeIntegrity.Add(xml);
                    if (record.TimeCreated is { } t && (oldest is null || t < oldest))
                    {
                        oldest = t;
                    }
                }
                else if (string.Equals(record.ProviderName, TpmWmiProvider, StringComparison.OrdinalIgnoreCase))
                {
                    servicing.Add(xml);
                }
                else
                {
                    other++;
                }
            }

            var taken = false;
            if (codeIntegrity.Count > 0)
            {
                _events += codeIntegrity.Count;
                taken |= TakeEntry(path, ("events", "codeIntegrity", "Code Integrity events exported as XML: " + path, when, new JObject
                {
                    ["xml"] = new JArray(codeIntegrity),
                    ["truncated"] = false,
                    ["since"] = (oldest ?? when).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
                }, null));
            }

            if (servicing.Count > 0)
            {
                taken |= TakeEntry(path, ("events", "servicing", "TPM-WMI events exported as XML: " + path, when, new JObject
                {
                    ["xml"] = new JArray(servicing),
                    ["truncated"] = false,
                    ["query"] = string.Empty,
                }, null));
            }

            var reason = other > 0 ? $"{other} events of other providers left out" : null;
            _results.Add(new EvidenceFileResult(path, "Windows event XML", taken, taken ? reason : reason ?? "no Code Integrity or TPM-WMI event, or they were already read"));
        }

        /// <summary>Each Event element's XML: one after another (wevtutil /f:xml, ToXml() per line) or inside an Events wrapper.</summary>
        private static IEnumerable<string> EventElements(string text)
        {
            var settings = new XmlReaderSettings
            {
                ConformanceLevel = ConformanceLevel.Fragment,
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                IgnoreComments = true,
                IgnoreProcessingInstructions = true,
                MaxCharactersInDocument = WindowsEventXml.MaxCharacters,
            };
            var count = 0;
            using var reader = XmlReader.Create(new StringReader(text.TrimStart('\uFEFF')), settings);
            reader.MoveToContent();
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Event" && reader.NamespaceURI == WindowsEventXml.EventNamespace)
                {
                    if (++count > WindowsEventXml.MaxEvents)
                    {
                        throw new WindowsEventFormatException($"More than {WindowsEventXml.MaxEvents} events.");
                    }

                    yield return reader.ReadOuterXml();
                    continue;
                }

                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Events" && reader.Depth == 0)
                {
                    reader.Read(); // into the wrapper
                    continue;
                }

                if (reader.NodeType == XmlNodeType.Element)
                {
                    throw new WindowsEventFormatException($"<{reader.Name}> is not an event (line {((IXmlLineInfo)reader).LineNumber}).");
                }

                reader.Read();
            }
        }

        private bool Take(string path, string format, (string Name, string Target, string Command, DateTimeOffset CapturedAt, JObject? Data, CaptureEntryError? Error) entry)
        {
            var taken = TakeEntry(path, entry);
            _results.Add(new EvidenceFileResult(path, format, taken, taken ? null : $"already read from {_taken[(entry.Name, entry.Target)]}."));
            return taken;
        }

        private bool TakeEntry(string path, (string Name, string Target, string Command, DateTimeOffset CapturedAt, JObject? Data, CaptureEntryError? Error) entry)
        {
            if (_taken.ContainsKey((entry.Name, entry.Target)))
            {
                return false;
            }

            _taken[(entry.Name, entry.Target)] = path;
            _entries.Add(entry);
            return true;
        }

        private static bool First(string text, char c) => text.Length > 0 && text[0] == c;

        private void Skip(string path, string format, string reason) => _results.Add(new EvidenceFileResult(path, format, false, reason));
    }
}
