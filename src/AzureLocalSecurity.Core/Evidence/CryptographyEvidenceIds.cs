using System.Collections.Generic;

namespace AzureLocalSecurity.Evidence;

/// <summary>
/// The registry keys the cryptography facts are read from (issue 12): the FIPS algorithm policy, the SChannel protocol switches
/// of TLS 1.0 to 1.3 for the server and the client side, and the TLS cipher-suite order (the Group Policy order and the local
/// configuration). Each key is recorded whole under <see cref="EvidenceIds.Registry"/>(key), as the registry reader records any
/// key: its values with their registry types, its subkey names, NotFound when the key does not exist (a key Windows does not
/// create until someone configures it, so NotFound is a fact, not a failure). The legacy FIPS value
/// (<c>FIPSAlgorithmPolicy</c>, a DWORD in the LSA key itself) is in <see cref="SecuredCoreEvidenceIds.LsaKey"/>, and the SMB
/// encryption facts are MSFT_SmbServerConfiguration's and MSFT_SmbClientConfiguration's
/// (<see cref="SecuredCoreEvidenceIds.SmbServerConfiguration"/>); the Secured-core collector records both. Nothing is decided
/// at capture.
/// </summary>
public static class CryptographyEvidenceIds
{
    /// <summary>
    /// The FIPS algorithm policy key: value <c>Enabled</c> (DWORD, 1 on, 0 off), what the security option "System cryptography:
    /// Use FIPS compliant algorithms for encryption, hashing, and signing" writes on Windows Vista and later. Absent: the
    /// policy's default, Disabled.
    /// </summary>
    public const string FipsAlgorithmPolicyKey = @"HKLM\SYSTEM\CurrentControlSet\Control\Lsa\FipsAlgorithmPolicy";

    /// <summary>The value of the LSA key (<see cref="SecuredCoreEvidenceIds.LsaKey"/>) where Windows XP and Server 2003 kept the FIPS switch.</summary>
    public const string LegacyFipsValueName = "FIPSAlgorithmPolicy";

    /// <summary>The SChannel protocols key; each protocol has a subkey (<c>TLS 1.2</c>) with <c>Server</c> and <c>Client</c> below it.</summary>
    public const string SchannelProtocolsKey = @"HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols";

    /// <summary>
    /// The TLS cipher-suite order set by Group Policy ("SSL Cipher Suite Order") or the Policy CSP: value <c>Functions</c>, a
    /// comma-separated REG_SZ as the policy writes it (a REG_MULTI_SZ is read too), and <c>EccCurves</c>. When present it
    /// overrides the local configuration.
    /// </summary>
    public const string CipherSuitePolicyKey = @"HKLM\SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL\00010002";

    /// <summary>
    /// The local TLS cipher-suite configuration (what <c>Enable-TlsCipherSuite</c> and <c>Disable-TlsCipherSuite</c> change):
    /// value <c>Functions</c>, a REG_MULTI_SZ of suite names in order. Used when no policy order is set.
    /// </summary>
    public const string CipherSuiteLocalKey = @"HKLM\SYSTEM\CurrentControlSet\Control\Cryptography\Configuration\Local\SSL\00010002";

    /// <summary>The TLS versions whose SChannel switches are read, as SChannel names their keys.</summary>
    public static readonly IReadOnlyList<string> TlsProtocols = ["TLS 1.0", "TLS 1.1", "TLS 1.2", "TLS 1.3"];

    /// <summary>The SChannel key of one side of one protocol: <c>...\Protocols\TLS 1.0\Server</c>.</summary>
    /// <param name="protocol">A protocol key name such as <c>TLS 1.0</c>.</param>
    /// <param name="server">True for the server side, false for the client side.</param>
    public static string ProtocolKey(string protocol, bool server) => SchannelProtocolsKey + @"\" + protocol + (server ? @"\Server" : @"\Client");

    /// <summary>
    /// The registry keys the cryptography collector records: the FIPS key, the eight SChannel protocol keys (TLS 1.0 to 1.3,
    /// server then client) and the two cipher-suite keys.
    /// </summary>
    public static readonly IReadOnlyList<string> RegistryKeys = BuildKeys();

    private static string[] BuildKeys()
    {
        var keys = new List<string> { FipsAlgorithmPolicyKey };
        foreach (var protocol in TlsProtocols)
        {
            keys.Add(ProtocolKey(protocol, server: true));
            keys.Add(ProtocolKey(protocol, server: false));
        }

        keys.Add(CipherSuitePolicyKey);
        keys.Add(CipherSuiteLocalKey);
        return keys.ToArray();
    }
}
