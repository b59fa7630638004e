using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace AzureLocalSecurity.Collection;

/// <summary>
/// The collectors that read this machine's cryptography facts (<see cref="Evidence.CryptographyEvidenceIds"/>): on Windows the
/// FIPS, SChannel and cipher-suite registry keys; elsewhere none (FIPS policy and SChannel are Windows'). The SMB encryption
/// facts and the LSA key come from the Secured-core collectors, which a capture adds beside these.
/// </summary>
public static class CryptographyCollectors
{
    /// <summary>The collector for this platform (none off Windows).</summary>
    public static IReadOnlyList<IEvidenceCollector> ForThisMachine() =>
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? [new Windows.WindowsCryptographyCollector()] : [];
}
