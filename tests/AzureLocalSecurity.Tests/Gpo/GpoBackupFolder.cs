using System.Collections.Generic;
using System.IO;
using System.Linq;
using AzureLocalSecurity.Tests.Capture;
using AzureLocalSecurity.Tests.Import;

namespace AzureLocalSecurity.Tests.Gpo;

/// <summary>
/// Lays out a GPO backup as Backup-GPO writes it ({id}\bkupInfo.xml, {id}\DomainSysvol\GPO\Machine\registry.pol,
/// ...\microsoft\windows nt\SecEdit\GptTmpl.inf, ...\Audit\audit.csv), with the real NSA Secure Host Baseline template and
/// audit CSV (Vectors/capture) and a Registry.pol built here from records.
/// </summary>
internal static class GpoBackupFolder
{
    internal const string Id = "{6D4B1BE2-43F6-4C8A-9C2E-3F1B2E5D7A10}";

    internal static string Create(string parent, string displayName, byte[]? registryPol, bool template = true, bool audit = true)
    {
        var root = Path.Combine(parent, Id);
        var machine = Path.Combine(root, "DomainSysvol", "GPO", "Machine");
        Directory.CreateDirectory(machine);
        File.WriteAllText(Path.Combine(root, "bkupInfo.xml"), $"<BackupInst xmlns=\"http://www.microsoft.com/GroupPolicy/GPOOperations/Manifest\"><GPOGuid><![CDATA[{Id}]]></GPOGuid><GPODisplayName><![CDATA[{displayName}]]></GPODisplayName></BackupInst>");
        if (registryPol is not null)
        {
            File.WriteAllBytes(Path.Combine(machine, "registry.pol"), registryPol);
        }

        if (template)
        {
            var secedit = Path.Combine(machine, "microsoft", "windows nt", "SecEdit");
            Directory.CreateDirectory(secedit);
            File.WriteAllBytes(Path.Combine(secedit, "GptTmpl.inf"), CaptureVectors.Bytes(CaptureVectors.GpoTemplate));
        }

        if (audit)
        {
            var folder = Path.Combine(machine, "microsoft", "windows nt", "Audit");
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, "audit.csv"), CaptureVectors.Bytes(CaptureVectors.GpoAuditCsv));
        }

        return root;
    }

    /// <summary>A Registry.pol of these records, written by the parser tests' PReg writer.</summary>
    internal static byte[] RegistryPol(IEnumerable<(string Key, string Value, uint Type, byte[] Data)> records) =>
        records.Aggregate(new PolWriter(), (writer, r) => writer.Record(r.Key, r.Value, r.Type, r.Data)).ToArray();

    internal static (string, string, uint, byte[]) Dword(string key, string value, uint data) => (key, value, 4u, PolWriter.DWord(data));

    internal static (string, string, uint, byte[]) Text(string key, string value, string data) => (key, value, 1u, PolWriter.Sz(data));
}
