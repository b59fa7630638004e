using System.IO;
using AzureLocalSecurity.Tests.Support;

namespace AzureLocalSecurity.Tests.Capture;

/// <summary>The real auditpol, secedit and Group Policy files of Vectors/capture (PROVENANCE.md there).</summary>
internal static class CaptureVectors
{
    internal const string AuditpolBackup = "simeononsecurity_auditbaseline_DESKTOPTEMPLATE_auditpol-backup.csv";
    internal const string GpoAuditCsv = "nsacyber-SHB_Windows10_GPO_audit.csv";
    internal const string GpoTemplate = "nsacyber-SHB_Windows10_GPO_GptTmpl.inf";
    internal const string SeceditExport = "jebr-system-setup-program_secpol.inf";

    internal static string Path(string name) => System.IO.Path.Combine(Repo.Root, "tests", "AzureLocalSecurity.Tests", "Vectors", "capture", name);

    internal static byte[] Bytes(string name) => File.ReadAllBytes(Path(name));
}
