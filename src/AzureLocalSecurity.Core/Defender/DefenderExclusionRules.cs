using System;
using System.Collections.Generic;
using System.Linq;

namespace AzureLocalSecurity.Defender;

/// <summary>
/// Which Microsoft Defender Antivirus exclusions weaken protection, decided from the exclusion text alone (pure). The rules and
/// their sources are in docs/defender.md:
/// <list type="bullet">
/// <item>a path exclusion of a whole drive (<c>C:\</c>, <c>D:</c>, <c>*:\</c>), of everything (<c>*</c>), or a wildcard at the
/// top of a drive (<c>C:\*</c>, <c>C:\*\...</c>), which covers the drive;</item>
/// <item>a path exclusion of a place users can write to: <c>%TEMP%</c>, <c>%TMP%</c>, <c>%USERPROFILE%</c>, <c>%APPDATA%</c>,
/// <c>%LOCALAPPDATA%</c>, anything under <c>C:\Users</c>, <c>C:\Windows\Temp</c>, <c>C:\Temp</c>, <c>C:\Tmp</c>, or all of
/// <c>C:\ProgramData</c> instead of one product's folder in it;</item>
/// <item>an extension exclusion of everything (<c>*</c>) or of a type that runs code (<c>.exe</c>, <c>.dll</c>, <c>.ps1</c>,
/// scripts, installers);</item>
/// <item>a process exclusion of every process (<c>*</c>, a wildcard name), of a script host or a binary attackers use to run
/// code (powershell.exe, cmd.exe, wscript.exe, mshta.exe, rundll32.exe, ...), or of a program in a place users can write to.</item>
/// </list>
/// The exclusions Microsoft documents for a Hyper-V cluster host, which Azure Local nodes are, are product exclusions and never
/// weak: <c>C:\ClusterStorage</c>, <c>C:\ProgramData\Microsoft\Windows\Hyper-V</c> (with its Snapshots),
/// <c>C:\Users\Public\Documents\Hyper-V\Virtual Hard Disks</c> and the processes vmms.exe, vmwp.exe, vmsp.exe and vmcompute.exe
/// ("Recommended antivirus exclusions for Hyper-V hosts"), and <c>%SystemRoot%\Cluster</c> ("Antivirus software that isn't
/// cluster-aware may cause problems with Cluster Services").
/// </summary>
public static class DefenderExclusionRules
{
    /// <summary>Microsoft's page listing the Hyper-V host exclusions.</summary>
    public const string HyperVExclusionsPage = "https://learn.microsoft.com/troubleshoot/windows-server/virtualization/antivirus-exclusions-for-hyper-v-hosts";

    /// <summary>Microsoft's page on antivirus exclusions for failover clusters (the cluster folder).</summary>
    public const string ClusterExclusionsPage = "https://learn.microsoft.com/troubleshoot/windows-server/high-availability/not-cluster-aware-antivirus-software-cause-issue";

    private const string UserWritable = "<user-writable>";

    // Environment variables Defender expands in exclusions, mapped to the folder they name on a default install; the
    // per-user ones all name a place the user can write to.
    private static readonly (string Variable, string Folder)[] Variables =
    [
        ("%systemdrive%", @"c:"),
        ("%systemroot%", @"c:\windows"),
        ("%windir%", @"c:\windows"),
        ("%programdata%", @"c:\programdata"),
        ("%allusersprofile%", @"c:\programdata"),
        ("%public%", @"c:\users\public"),
        ("%programfiles%", @"c:\program files"),
        ("%programfiles(x86)%", @"c:\program files (x86)"),
        ("%temp%", UserWritable),
        ("%tmp%", UserWritable),
        ("%userprofile%", UserWritable),
        ("%homepath%", UserWritable),
        ("%appdata%", UserWritable),
        ("%localappdata%", UserWritable),
    ];

    // Documented product exclusions, as a folder prefix after the drive letter (any drive: CSVs and VM stores are often elsewhere).
    private static readonly (string Folder, string Source)[] ProductFolders =
    [
        (@"\clusterstorage", HyperVExclusionsPage),
        (@"\programdata\microsoft\windows\hyper-v", HyperVExclusionsPage),
        (@"\users\public\documents\hyper-v\virtual hard disks", HyperVExclusionsPage),
        (@"\windows\cluster", ClusterExclusionsPage),
    ];

    private static readonly string[] ProductProcesses = ["vmms.exe", "vmwp.exe", "vmsp.exe", "vmcompute.exe"];

    private static readonly HashSet<string> CodeExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        "exe", "dll", "sys", "scr", "com", "cpl", "ocx", "drv", "efi", "msi", "msp", "ps1", "psm1", "psd1", "ps1xml", "bat", "cmd",
        "vbs", "vbe", "js", "jse", "wsf", "wsh", "hta", "lnk", "jar", "py",
    };

    private static readonly HashSet<string> CodeRunners = new(StringComparer.OrdinalIgnoreCase)
    {
        "powershell.exe", "pwsh.exe", "powershell_ise.exe", "cmd.exe", "wscript.exe", "cscript.exe", "mshta.exe", "rundll32.exe",
        "regsvr32.exe", "msiexec.exe", "wmic.exe", "certutil.exe", "bitsadmin.exe", "installutil.exe", "msbuild.exe",
    };

    /// <summary>
    /// Whether an exclusion text is the placeholder Defender returns instead of the list to a reader that may not see it
    /// (<c>N/A: Must be an administrator to view exclusions</c>, also when policy hides exclusions from local administrators).
    /// </summary>
    public static bool IsHiddenPlaceholder(string? text) =>
        text is not null && text.TrimStart().StartsWith("N/A", StringComparison.OrdinalIgnoreCase);

    /// <summary>The documented product exclusion <paramref name="exclusion"/> is (the page that documents it), or null.</summary>
    public static string? ProductSource(DefenderExclusionKind kind, string exclusion)
    {
        if (exclusion is null)
        {
            throw new ArgumentNullException(nameof(exclusion));
        }

        switch (kind)
        {
            case DefenderExclusionKind.Path:
                var path = NormalizePath(exclusion);
                var rest = AfterDrive(path);
                if (rest is null || path.IndexOf('*') >= 0 || path.IndexOf('?') >= 0)
                {
                    return null;
                }

                foreach (var (folder, source) in ProductFolders)
                {
                    if (rest == folder || rest.StartsWith(folder + @"\", StringComparison.Ordinal))
                    {
                        return source;
                    }
                }

                return null;
            case DefenderExclusionKind.Process:
                var process = NormalizePath(exclusion);
                var name = FileName(process);
                var directory = process.Length > name.Length ? process.Substring(0, process.Length - name.Length).TrimEnd('\\') : string.Empty;
                return ProductProcesses.Contains(name, StringComparer.Ordinal) && (directory.Length == 0 || directory == @"c:\windows\system32")
                    ? HyperVExclusionsPage
                    : null;
            default:
                return null;
        }
    }

    /// <summary>Why <paramref name="exclusion"/> weakens protection, or null when it does not (a documented product exclusion never does).</summary>
    public static string? Weakness(DefenderExclusionKind kind, string exclusion)
    {
        if (exclusion is null)
        {
            throw new ArgumentNullException(nameof(exclusion));
        }

        if (ProductSource(kind, exclusion) is not null)
        {
            return null;
        }

        return kind switch
        {
            DefenderExclusionKind.Path => PathWeakness(NormalizePath(exclusion)),
            DefenderExclusionKind.Extension => ExtensionWeakness(exclusion),
            DefenderExclusionKind.Process => ProcessWeakness(NormalizePath(exclusion)),
            _ => null,
        };
    }

    private static string? PathWeakness(string path)
    {
        if (path.Length == 0 || path is "*" or "*.*" or @"\*" or @"\")
        {
            return "excludes every file";
        }

        if (path.StartsWith(UserWritable, StringComparison.Ordinal))
        {
            return "a folder users can write to (a per-user or temporary folder)";
        }

        var rest = AfterDrive(path);
        if (rest is null)
        {
            // Not rooted at a drive: a relative name or a leading wildcard matches wherever it occurs.
            return path[0] == '*' ? "a leading wildcard that matches anywhere on every drive" : null;
        }

        if (rest.Length == 0 || rest is @"\*" or @"\*.*")
        {
            return "a whole drive";
        }

        var first = rest.Substring(1).Split('\\')[0];
        if (first.IndexOf('*') >= 0 || first.IndexOf('?') >= 0)
        {
            return "a wildcard at the top of the drive, which covers most of it";
        }

        if (Under(rest, @"\users") || Under(rest, @"\windows\temp") || Under(rest, @"\temp") || Under(rest, @"\tmp"))
        {
            return "a folder users can write to";
        }

        if (rest is @"\programdata" or @"\programdata\*" or @"\programdata\*.*")
        {
            return "all of ProgramData, where users can create folders; exclude the one product folder that needs it";
        }

        return null;
    }

    private static string? ExtensionWeakness(string exclusion)
    {
        var extension = exclusion.Trim().Trim('"').TrimStart('*').TrimStart('.');
        if (extension.Length == 0 || extension.IndexOf('*') >= 0)
        {
            return "excludes files of every extension";
        }

        return CodeExtensions.Contains(extension) ? $"a file type that runs code (.{extension.ToLowerInvariant()}), anywhere on the machine" : null;
    }

    private static string? ProcessWeakness(string process)
    {
        var name = FileName(process);
        if (name.Length == 0 || name.IndexOf('*') >= 0 || name.IndexOf('?') >= 0)
        {
            return "a wildcard that matches any process";
        }

        if (CodeRunners.Contains(name))
        {
            return $"{name} runs any script or code it is given, so everything it opens goes unscanned";
        }

        var directory = process.Substring(0, process.Length - name.Length).TrimEnd('\\');
        return directory.Length > 0 && PathWeakness(directory) is { } folder ? "a program in " + folder : null;
    }

    private static bool Under(string rest, string folder) =>
        rest == folder || rest.StartsWith(folder + @"\", StringComparison.Ordinal);

    /// <summary>The path after its drive (<c>c:</c>, <c>*:</c>, <c>?:</c>), beginning with a backslash or empty; null when it is not rooted at a drive.</summary>
    private static string? AfterDrive(string path)
    {
        if (path.Length >= 2 && path[1] == ':' && (char.IsLetter(path[0]) || path[0] is '*' or '?'))
        {
            var rest = path.Substring(2);
            return rest.Length == 0 || rest[0] == '\\' ? rest : null;
        }

        return null;
    }

    private static string FileName(string path)
    {
        var slash = path.LastIndexOf('\\');
        return slash < 0 ? path : path.Substring(slash + 1);
    }

    private static string NormalizePath(string text)
    {
        var path = text.Trim().Trim('"').Replace('/', '\\').ToLowerInvariant();
        foreach (var (variable, folder) in Variables)
        {
            if (path.StartsWith(variable, StringComparison.Ordinal))
            {
                path = folder + path.Substring(variable.Length);
                break;
            }
        }

        while (path.Contains(@"\\"))
        {
            path = path.Replace(@"\\", @"\");
        }

        return path.Length > 1 ? path.TrimEnd('\\') : path;
    }
}
