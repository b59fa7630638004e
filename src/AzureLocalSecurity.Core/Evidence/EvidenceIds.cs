namespace AzureLocalSecurity.Evidence;

/// <summary>The stable ids under which collectors file facts and analyzers look them up. A bundle is read by id, so an id never changes meaning.</summary>
public static class EvidenceIds
{
    /// <summary>The Windows version key: ProductName, DisplayVersion, CurrentBuild, UBR, EditionID, InstallationType.</summary>
    public const string WindowsCurrentVersionKey = @"HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion";

    /// <summary>GetFirmwareType's raw FIRMWARE_TYPE value (record property <c>FirmwareType</c>).</summary>
    public const string WindowsFirmwareType = "windows/api/GetFirmwareType";

    /// <summary>NetGetJoinInformation's raw NETSETUP_JOIN_STATUS (<c>JoinStatus</c>) and NetBIOS name (<c>Name</c>).</summary>
    public const string WindowsJoinInformation = "windows/api/NetGetJoinInformation";

    /// <summary>Whether the kernel exposes /sys/firmware/efi (record property <c>Exists</c>): the kernel booted through UEFI.</summary>
    public const string LinuxEfiFirmwareFolder = "linux/path/sys/firmware/efi";

    /// <summary>The PowerShell that ran the capture (record properties <c>Edition</c>, <c>Version</c>).</summary>
    public const string PowerShellHost = "host/powershell";

    /// <summary>Whether Azure Local's drift control is on, as <c>Get-AzsSecurity -FeatureName DriftControl -Local</c> reports it (record property <c>Enabled</c>).</summary>
    public const string AzureLocalDriftControl = "azurelocal/drift-control";

    /// <summary>The id of a registry key snapshot, for a path with its hive such as <c>HKLM\SOFTWARE\...</c>.</summary>
    public static string Registry(string keyPath) => "windows/registry/" + (keyPath ?? string.Empty).Replace('\\', '/');

    /// <summary>The id of a Linux file's text, for an absolute path such as <c>/etc/os-release</c> (relative to the node's root, whatever root was read).</summary>
    public static string LinuxFile(string absolutePath) => "linux/file" + absolutePath;
}
