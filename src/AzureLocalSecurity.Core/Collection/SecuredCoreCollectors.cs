using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace AzureLocalSecurity.Collection;

/// <summary>
/// The collectors that read this machine's Secured-core facts (<see cref="Evidence.SecuredCoreEvidenceIds"/>): on Windows the
/// Device Guard, LSA, side-channel and SMB registry, the kernel and TBS facts and the CIM classes; on Linux the IOMMU and the
/// kernel lockdown and WSMT table; on Windows also the failover cluster's security levels (the security features). The TPM, Secure
/// Boot and system collectors are not among them: a capture adds those beside these.
/// </summary>
public static class SecuredCoreCollectors
{
    /// <summary>The collector for this platform (none elsewhere).</summary>
    public static IReadOnlyList<IEvidenceCollector> ForThisMachine()
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            return [new Windows.WindowsSecuredCoreCollector(), new Windows.WindowsSecurityFeatureCollector()];
        }

        if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            return [new Linux.LinuxSecuredCoreCollector()];
        }

        return [];
    }
}
