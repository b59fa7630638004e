using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.Versioning;
using System.Security.AccessControl;
using System.Security.Principal;
using AzureLocalSecurity.AppControl.Changes;
using AzureLocalSecurity.AppControl.Live;
using AzureLocalSecurity.BitLocker.Planning;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// The thin Windows shell under an App Control plan. Files are created new (FileMode.CreateNew, never overwritten) with the
/// ACL of the BitLocker backup files: full control for Administrators and SYSTEM only, protected from inheritance, owner
/// Administrators, applied at creation, so a rollback copy or a staged policy cannot be changed by a user between its write
/// and CiTool's read. CiTool runs from the 64-bit System32 through <see cref="ToolRunner"/> (no shell, arguments as a list,
/// bounded output, a timeout). The state is read again by capturing the App Control facts (without the event log, which a
/// check does not need) and Win32_DeviceGuard, as Get-ALApplicationControl reads them.
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed class WindowsAppControlExecutor : IAppControlExecutor
{
    /// <summary>How long CiTool may take to deploy or remove a policy before it is stopped.</summary>
    internal static readonly TimeSpan CiToolTimeout = TimeSpan.FromSeconds(120);

    private const int MaxOutputBytes = 1024 * 1024;
    private const int MaxErrorBytes = 64 * 1024;

    private readonly ICompiledPolicyInspector _inspector;

    internal WindowsAppControlExecutor(ICompiledPolicyInspector inspector)
    {
        _inspector = inspector ?? throw new ArgumentNullException(nameof(inspector));
    }

    /// <summary>CiTool on this machine.</summary>
    internal static string CiToolPath => Path.Combine(WindowsAppControlCollector.SystemFolder(), "CiTool.exe");

    public void WriteFile(string path, byte[] content)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        if (content is null)
        {
            throw new ArgumentNullException(nameof(content));
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var security = new FileSecurity();
        security.SetAccessRuleProtection(isProtected: BitLockerBackupFileAcl.ProtectedFromInheritance, preserveInheritance: false);
        security.SetOwner(new SecurityIdentifier(BitLockerBackupFileAcl.OwnerSid));
        foreach (var sid in BitLockerBackupFileAcl.AllowedSids)
        {
            security.AddAccessRule(new FileSystemAccessRule(new SecurityIdentifier(sid), FileSystemRights.FullControl, AccessControlType.Allow));
        }

#if NETFRAMEWORK
        using var stream = new FileStream(path, FileMode.CreateNew, FileSystemRights.Write, FileShare.None, 4096, FileOptions.WriteThrough, security);
#else
        using var stream = FileSystemAclExtensions.Create(new FileInfo(path), FileMode.CreateNew, FileSystemRights.Write, FileShare.None, 4096, FileOptions.WriteThrough, security);
#endif
        stream.Write(content, 0, content.Length);
    }

    public ToolRun RunCiTool(IReadOnlyList<string> arguments)
    {
        if (arguments is null)
        {
            throw new ArgumentNullException(nameof(arguments));
        }

        var path = CiToolPath;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(WindowsAppControlCollector.CiToolMissing(path).Message, path);
        }

        return ToolRunner.Run(path, arguments, CiToolTimeout, MaxOutputBytes, MaxErrorBytes);
    }

    public ApplicationControlState ReadState()
    {
        var collectors = new IEvidenceCollector[]
        {
            new WindowsAppControlCollector(null, eventDays: 1, maxEvents: 1, readEvents: false),
            new WindowsSecuredCoreCollector(),
        };
        var bundle = EvidenceCapture.Capture(EvidenceCapture.LocalNode(), ModuleInfo.Version, collectors, new CollectionContext());
        return AppControlAnalyzer.Read(bundle, _inspector);
    }
}
