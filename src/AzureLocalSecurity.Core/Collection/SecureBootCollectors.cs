using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace AzureLocalSecurity.Collection;

/// <summary>
/// The collectors that read this machine's Secure Boot facts: on Windows the variables (GetFirmwareEnvironmentVariableExW),
/// the servicing registry, the boot files and the TPM-WMI servicing events; on Linux the variables (efivarfs) and the boot files.
/// </summary>
public static class SecureBootCollectors
{
    /// <summary>The collector for this platform (none elsewhere).</summary>
    public static IReadOnlyList<IEvidenceCollector> ForThisMachine()
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            return [new Windows.WindowsSecureBootCollector(), new Windows.WindowsSecureBootEventCollector()];
        }

        if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            return [new Linux.LinuxSecureBootCollector()];
        }

        return [];
    }
}
