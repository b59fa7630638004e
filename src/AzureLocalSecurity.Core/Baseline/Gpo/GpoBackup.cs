using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using AzureLocalSecurity.Evidence.Import;

namespace AzureLocalSecurity.Baseline.Gpo;

/// <summary>
/// The machine side of one Group Policy object as <c>Backup-GPO</c> (or the GPMC) leaves it on disk:
/// <c>{id}\DomainSysvol\GPO\Machine\registry.pol</c> (Administrative Templates, PReg),
/// <c>...\Machine\microsoft\windows nt\SecEdit\GptTmpl.inf</c> (security settings) and
/// <c>...\Machine\microsoft\windows nt\Audit\audit.csv</c> (advanced audit policy), with the display name from
/// <c>bkupInfo.xml</c>. A folder that directly holds any of the three files (a SYSVOL policy's Machine folder, or files
/// copied by hand) is read the same way. Each file is optional; a GPO with none of them is not a GPO backup.
/// </summary>
public sealed class GpoBackup
{
    /// <summary>The largest Registry.pol read (a real baseline GPO's is 35 KB).</summary>
    public const int MaxRegistryPolicyBytes = 16 * 1024 * 1024;

    /// <summary>How deep under the given folder GPO backups are looked for.</summary>
    public const int MaxSearchDepth = 8;

    /// <summary>The most folders visited while looking for GPO backups.</summary>
    public const int MaxFoldersVisited = 100_000;

    private GpoBackup(string path, string displayName, string? id)
    {
        Path = path;
        DisplayName = displayName;
        Id = id;
    }

    /// <summary>The folder the GPO was read from (the backup's <c>{id}</c> folder, or the folder holding the files).</summary>
    public string Path { get; }

    /// <summary>The GPO's display name (bkupInfo.xml GPODisplayName, else the folder's name).</summary>
    public string DisplayName { get; }

    /// <summary>The GPO's id (bkupInfo.xml GPOGuid), or null.</summary>
    public string? Id { get; }

    /// <summary>The Registry.pol read, or null when the GPO has none.</summary>
    public RegistryPolicyFile? RegistryPolicy { get; private set; }

    /// <summary>Where <see cref="RegistryPolicy"/> was read from.</summary>
    public string? RegistryPolicyPath { get; private set; }

    /// <summary>The GptTmpl.inf read, or null.</summary>
    public SecurityTemplateInf? SecurityTemplate { get; private set; }

    /// <summary>Where <see cref="SecurityTemplate"/> was read from.</summary>
    public string? SecurityTemplatePath { get; private set; }

    /// <summary>The audit.csv read, or null.</summary>
    public AuditPolicyCsv? AuditPolicy { get; private set; }

    /// <summary>Where <see cref="AuditPolicy"/> was read from.</summary>
    public string? AuditPolicyPath { get; private set; }

    /// <summary>When the newest of the GPO's files was last written (UTC).</summary>
    public DateTimeOffset WrittenAt => Files.Count == 0 ? DateTimeOffset.MinValue : Files.Max(f => new DateTimeOffset(File.GetLastWriteTimeUtc(f), TimeSpan.Zero));

    internal byte[]? SecurityTemplateBytes { get; private set; }

    internal byte[]? AuditPolicyBytes { get; private set; }

    /// <summary>The files this GPO was read from.</summary>
    public IReadOnlyList<string> Files => new[] { RegistryPolicyPath, SecurityTemplatePath, AuditPolicyPath }.Where(p => p is not null).Select(p => p!).ToList();

    /// <summary>
    /// Every GPO under <paramref name="path"/>: a backup folder, a folder of backups (each <c>{id}</c> folder is one GPO),
    /// or a folder holding the files themselves.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="GpoBackupException">No GPO is there, or one of its files cannot be read; the message names the file and where in it.</exception>
    public static IReadOnlyList<GpoBackup> Load(string path)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        var root = System.IO.Path.GetFullPath(path);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"'{root}' is not a folder.");
        }

        var machines = MachineFolders(root);
        var list = new List<GpoBackup>();
        if (machines.Count == 0)
        {
            // The files themselves, directly in the folder.
            var flat = Read(root, root, root);
            if (flat.Files.Count > 0)
            {
                list.Add(flat);
            }
        }
        else
        {
            foreach (var machine in machines)
            {
                // {id}\DomainSysvol\GPO\Machine: the GPO's own folder is three levels up when the backup layout is there.
                var gpoFolder = machine;
                var up = Directory.GetParent(machine);
                if (up is not null && up.Name.Equals("GPO", StringComparison.OrdinalIgnoreCase) && up.Parent is { } sysvol && sysvol.Name.Equals("DomainSysvol", StringComparison.OrdinalIgnoreCase) && sysvol.Parent is { } backup)
                {
                    gpoFolder = backup.FullName;
                }
                else if (up is not null)
                {
                    gpoFolder = up.FullName;
                }

                var gpo = Read(gpoFolder, machine, root);
                if (gpo.Files.Count > 0)
                {
                    list.Add(gpo);
                }
            }
        }

        if (list.Count == 0)
        {
            throw new GpoBackupException($"No GPO backup under '{root}': no Machine\\registry.pol, Machine\\microsoft\\windows nt\\SecEdit\\GptTmpl.inf or Machine\\microsoft\\windows nt\\Audit\\audit.csv was found, and the folder does not hold registry.pol, GptTmpl.inf or audit.csv itself.", root);
        }

        return list;
    }

    /// <summary>Every folder named Machine under the root (breadth first, bounded), in ordinal order of their paths.</summary>
    private static List<string> MachineFolders(string root)
    {
        var found = new List<string>();
        var queue = new Queue<(string Path, int Depth)>();
        queue.Enqueue((root, 0));
        var visited = 0;
        while (queue.Count > 0)
        {
            var (folder, depth) = queue.Dequeue();
            if (++visited > MaxFoldersVisited)
            {
                throw new GpoBackupException($"More than {MaxFoldersVisited} folders under '{root}': give the GPO backup folder itself.", root);
            }

            if (System.IO.Path.GetFileName(folder).Equals("Machine", StringComparison.OrdinalIgnoreCase) && folder != root)
            {
                found.Add(folder);
                continue;
            }

            if (depth >= MaxSearchDepth)
            {
                continue;
            }

            foreach (var child in Directory.EnumerateDirectories(folder).OrderBy(d => d, StringComparer.Ordinal))
            {
                queue.Enqueue((child, depth + 1));
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }

    private static GpoBackup Read(string gpoFolder, string machine, string root)
    {
        var (name, id) = BackupInfo(gpoFolder);
        var gpo = new GpoBackup(gpoFolder, name ?? System.IO.Path.GetFileName(gpoFolder.TrimEnd(System.IO.Path.DirectorySeparatorChar)), id);
        var pol = Find(machine, "registry.pol");
        if (pol is not null)
        {
            var bytes = ReadBytes(pol, MaxRegistryPolicyBytes);
            try
            {
                gpo.RegistryPolicy = RegistryPolicyFile.Parse(bytes);
            }
            catch (RegistryPolicyFormatException ex)
            {
                throw new GpoBackupException($"'{pol}' is not a Registry.pol file: {ex.Message}", pol, ex);
            }

            gpo.RegistryPolicyPath = pol;
        }

        var inf = Find(machine, "microsoft", "windows nt", "SecEdit", "GptTmpl.inf") ?? (machine == root ? Find(machine, "GptTmpl.inf") : null);
        if (inf is not null)
        {
            var bytes = ReadBytes(inf, SecurityTemplateInf.MaxBytes);
            try
            {
                gpo.SecurityTemplate = SecurityTemplateInf.Parse(bytes);
            }
            catch (CaptureFormatException ex)
            {
                throw new GpoBackupException($"'{inf}' is not a security template: {ex.Message}", inf, ex);
            }

            gpo.SecurityTemplateBytes = bytes;
            gpo.SecurityTemplatePath = inf;
        }

        var csv = Find(machine, "microsoft", "windows nt", "Audit", "audit.csv") ?? (machine == root ? Find(machine, "audit.csv") : null);
        if (csv is not null)
        {
            var bytes = ReadBytes(csv, AuditPolicyCsv.MaxBytes);
            try
            {
                gpo.AuditPolicy = AuditPolicyCsv.Parse(bytes);
            }
            catch (CaptureFormatException ex)
            {
                throw new GpoBackupException($"'{csv}' is not an audit policy CSV: {ex.Message}", csv, ex);
            }

            gpo.AuditPolicyBytes = bytes;
            gpo.AuditPolicyPath = csv;
        }

        return gpo;
    }

    /// <summary>A file under a folder by its path's parts, each matched case-insensitively (SYSVOL copies keep any case).</summary>
    private static string? Find(string folder, params string[] parts)
    {
        var current = folder;
        for (var i = 0; i < parts.Length; i++)
        {
            var last = i == parts.Length - 1;
            var entries = last ? Directory.EnumerateFiles(current) : Directory.EnumerateDirectories(current);
            var match = entries.Where(e => System.IO.Path.GetFileName(e).Equals(parts[i], StringComparison.OrdinalIgnoreCase)).OrderBy(e => e, StringComparer.Ordinal).FirstOrDefault();
            if (match is null)
            {
                return null;
            }

            current = match;
        }

        return current;
    }

    private static byte[] ReadBytes(string file, int max)
    {
        var length = new FileInfo(file).Length;
        if (length > max)
        {
            throw new GpoBackupException($"'{file}' is {length} bytes; at most {max} are read.", file);
        }

        return File.ReadAllBytes(file);
    }

    /// <summary>GPODisplayName and GPOGuid from bkupInfo.xml, when the backup has one that reads.</summary>
    private static (string? Name, string? Id) BackupInfo(string gpoFolder)
    {
        var file = Find(gpoFolder, "bkupInfo.xml");
        if (file is null || new FileInfo(file).Length > 1024 * 1024)
        {
            return (null, null);
        }

        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 1024 * 1024 };
            using var reader = XmlReader.Create(file, settings);
            string? name = null, id = null;
            reader.MoveToContent();
            while (!reader.EOF)
            {
                // ReadElementContentAsString leaves the reader on the next node already: it is looked at before reading on.
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "GPODisplayName")
                {
                    name = reader.ReadElementContentAsString().Trim();
                }
                else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "GPOGuid")
                {
                    id = reader.ReadElementContentAsString().Trim();
                }
                else
                {
                    reader.Read();
                }
            }

            return (string.IsNullOrEmpty(name) ? null : name, string.IsNullOrEmpty(id) ? null : id);
        }
        catch (XmlException)
        {
            return (null, null); // The name is a courtesy: a broken bkupInfo.xml leaves the folder's name.
        }
    }
}
