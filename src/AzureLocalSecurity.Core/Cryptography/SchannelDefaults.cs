namespace AzureLocalSecurity.Cryptography;

/// <summary>
/// Whether SChannel enables a TLS version when its registry keys set nothing, for the Azure Local builds whose default is
/// documented (docs/cryptography.md gives the sources). TLS 1.2 and TLS 1.3 are on by default from Windows Server 2022 (build
/// 20348) on. TLS 1.0 and 1.1 are on by default on the Windows Server 2022 family (20348, and Azure Stack HCI 22H2's 20349),
/// which shipped before Microsoft announced (August 2023) that new Windows releases turn them off by default without changing
/// in-market versions; for Azure Stack HCI 23H2 (25398) and Azure Local 24H2 (26100) the module has not established the
/// default, so it says so instead of guessing. Pure.
/// </summary>
public static class SchannelDefaults
{
    /// <summary>The first build (Windows Server 2022) whose TLS 1.2 and 1.3 defaults the module knows.</summary>
    public const int WindowsServer2022Build = 20348;

    /// <summary>Azure Stack HCI 22H2's build, of the Windows Server 2022 family.</summary>
    public const int AzureStackHci22H2Build = 20349;

    /// <summary>
    /// True or false when the default of <paramref name="protocol"/> (<c>TLS 1.0</c> ... <c>TLS 1.3</c>) on
    /// <paramref name="build"/> is known; null with <paramref name="reason"/> otherwise. The server and the client side have the
    /// same default on these builds.
    /// </summary>
    public static bool? DefaultEnabled(string protocol, int? build, out string? reason)
    {
        reason = null;
        if (build is not { } b)
        {
            reason = "The bundle gives no Windows build number, so the OS default cannot be told.";
            return null;
        }

        switch (protocol)
        {
            case "TLS 1.2":
            case "TLS 1.3":
                if (b >= WindowsServer2022Build)
                {
                    return true;
                }

                break;
            case "TLS 1.0":
            case "TLS 1.1":
                if (b is WindowsServer2022Build or AzureStackHci22H2Build)
                {
                    return true;
                }

                break;
        }

        reason = string.Format(System.Globalization.CultureInfo.InvariantCulture,
            "SChannel's default for {0} on build {1} is not established by the documentation this module follows; set Enabled explicitly to make it certain.", protocol, b);
        return null;
    }
}
