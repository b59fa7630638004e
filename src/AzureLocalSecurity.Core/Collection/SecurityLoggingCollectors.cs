using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace AzureLocalSecurity.Collection;

/// <summary>
/// The collectors that read this machine's security-logging facts (<see cref="Evidence.SecurityLoggingEvidenceIds"/>): the
/// Windows collector (the registry keys, the event log service's answers per channel, Get-AzSSyslogForwarder -Local). Off
/// Windows it is still listed, and files every id NotSupported, so a bundle of a Linux node says why it has no such facts.
/// </summary>
public static class SecurityLoggingCollectors
{
    /// <summary>The collector for this platform.</summary>
    public static IReadOnlyList<IEvidenceCollector> ForThisMachine() =>
        [RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? new Windows.WindowsSecurityLoggingCollector() : new Windows.WindowsSecurityLoggingCollector(readSyslog: false)];
}
