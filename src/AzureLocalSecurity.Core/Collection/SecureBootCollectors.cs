using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace AzureLocalSecurity.Collection;

/// <summary>The collectors that read this machine's Secure Boot variables: GetFirmwareEnvironmentVariableExW on Windows, efivarfs on Linux.</summary>
public static class SecureBootCollectors
{
    /// <summary>The collector for this platform (none elsewhere).</summary>
    public static IReadOnlyList<IEvidenceCollector> ForThisMachine()
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            return [new Windows.WindowsSecureBootCollector()];
        }

        if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            return [new Linux.LinuxSecureBootCollector()];
        }

        return [];
    }
}
