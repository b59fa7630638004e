using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Evidence;

namespace AzureLocalSecurity.Tests.Support;

/// <summary>
/// Recorded cryptography facts, hand-made in the shapes the collectors record (registry keys whole, CIM records with their CIM
/// types): a hardened node (FIPS on, TLS 1.0/1.1 off, TLS 1.2/1.3 on, the baseline's cipher-suite order, SMB encryption
/// required with AES-256 first) and a weak one (TLS 1.0 server on, FIPS off, RC4 and 3DES in the order, SMB encryption off
/// with AES-128-CCM only). Not captures from a machine.
/// </summary>
internal static class CryptographyBundles
{
    /// <summary>The Azure Local baseline's order (2506+ Default Value) as the policy writes it: one comma-separated REG_SZ.</summary>
    internal const string BaselineOrder = "TLS_AES_128_GCM_SHA256,TLS_AES_256_GCM_SHA384,TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384,TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256,TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384";

    internal static EvidenceBundle Hardened(string build = "25398", string node = "NODE01")
    {
        List<EvidenceItem> items =
        [
            Key(CryptographyEvidenceIds.FipsAlgorithmPolicyKey, ("Enabled", D(1))),
            Key(SecuredCoreEvidenceIds.LsaKey, ("RunAsPPL", D(1))),
            .. Protocol("TLS 1.0", on: false),
            .. Protocol("TLS 1.1", on: false),
            .. Protocol("TLS 1.2", on: true),
            .. Protocol("TLS 1.3", on: true),
            Key(CryptographyEvidenceIds.CipherSuitePolicyKey, ("Functions", EvidenceValue.FromString(BaselineOrder)), ("EccCurves", EvidenceValue.FromMultiString(["NistP256", "NistP384"]))),
            Missing(CryptographyEvidenceIds.CipherSuiteLocalKey),
        ];
        items.AddRange(Smb(encryptData: true, reject: true, "AES_256_GCM, AES_256_CCM, AES_128_GCM, AES_128_CCM", "AES_256_GCM, AES_256_CCM"));
        return With(Bundles.Windows(build: build, node: node), items);
    }

    internal static EvidenceBundle Weak(string build = "25398", string node = "NODE02")
    {
        List<EvidenceItem> items =
        [
            Key(CryptographyEvidenceIds.FipsAlgorithmPolicyKey, ("Enabled", D(0))),
            Key(SecuredCoreEvidenceIds.LsaKey, ("RunAsPPL", D(1))),
            Key(CryptographyEvidenceIds.ProtocolKey("TLS 1.0", server: true), ("Enabled", D(1)), ("DisabledByDefault", D(0))),
            Key(CryptographyEvidenceIds.ProtocolKey("TLS 1.0", server: false), ("Enabled", D(0)), ("DisabledByDefault", D(1))),
            .. Protocol("TLS 1.1", on: false),
            .. Protocol("TLS 1.2", on: true),
            .. Protocol("TLS 1.3", on: true),
            Missing(CryptographyEvidenceIds.CipherSuitePolicyKey),
            Key(CryptographyEvidenceIds.CipherSuiteLocalKey, ("Functions", EvidenceValue.FromMultiString(["TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_RSA_WITH_RC4_128_SHA", "TLS_RSA_WITH_3DES_EDE_CBC_SHA", "TLS_RSA_WITH_AES_256_GCM_SHA384"]))),
        ];
        items.AddRange(Smb(encryptData: false, reject: true, "AES_128_CCM", "AES_128_CCM"));
        return With(Bundles.Windows(build: build, node: node), items);
    }

    /// <summary>A node where no FIPS, SChannel or cipher-suite key exists (each NotFound, as the reader records it), SMB as installed.</summary>
    internal static EvidenceBundle NothingConfigured(string build)
    {
        var items = CryptographyEvidenceIds.RegistryKeys.Select(Missing).ToList();
        items.Add(Key(SecuredCoreEvidenceIds.LsaKey, ("RunAsPPL", D(1))));
        items.AddRange(Smb(encryptData: false, reject: true, "AES_128_GCM, AES_128_CCM, AES_256_GCM, AES_256_CCM", "AES_128_GCM, AES_128_CCM, AES_256_GCM, AES_256_CCM"));
        return With(Bundles.Windows(build: build, node: "DEFAULTS"), items);
    }

    internal static EvidenceBundle With(EvidenceBundle bundle, IEnumerable<EvidenceItem> items) =>
        new(bundle.SchemaVersion, bundle.Node, bundle.CapturedAt, bundle.ModuleVersion, bundle.Items.Concat(items));

    /// <summary>Both sides of a protocol, as a hardening script writes them: Enabled 1/0 and DisabledByDefault 0/1.</summary>
    private static EvidenceItem[] Protocol(string protocol, bool on) =>
    [
        Key(CryptographyEvidenceIds.ProtocolKey(protocol, server: true), ("Enabled", D(on ? 1u : 0u)), ("DisabledByDefault", D(on ? 0u : 1u))),
        Key(CryptographyEvidenceIds.ProtocolKey(protocol, server: false), ("Enabled", D(on ? 1u : 0u)), ("DisabledByDefault", D(on ? 0u : 1u))),
    ];

    private static IEnumerable<EvidenceItem> Smb(bool encryptData, bool reject, string serverCiphers, string clientCiphers)
    {
        yield return EvidenceItem.ForRecords(SecuredCoreEvidenceIds.SmbServerConfiguration, @"CIM root\Microsoft\Windows\SMB MSFT_SmbServerConfiguration", Bundles.Time,
        [
            Bundles.Record(
                ("RequireSecuritySignature", EvidenceValue.FromBoolean(true)),
                ("EncryptData", EvidenceValue.FromBoolean(encryptData)),
                ("RejectUnencryptedAccess", EvidenceValue.FromBoolean(reject)),
                ("EncryptionCiphers", EvidenceValue.FromString(serverCiphers))),
        ]);
        yield return EvidenceItem.ForRecords(SecuredCoreEvidenceIds.SmbClientConfiguration, @"CIM root\Microsoft\Windows\SMB MSFT_SmbClientConfiguration", Bundles.Time,
        [
            Bundles.Record(
                ("RequireSecuritySignature", EvidenceValue.FromBoolean(true)),
                ("RequireEncryption", EvidenceValue.FromBoolean(false)),
                ("EncryptionCiphers", EvidenceValue.FromString(clientCiphers))),
        ]);
    }

    internal static EvidenceItem Key(string path, params (string Name, EvidenceValue Value)[] values) =>
        EvidenceItem.ForRegistry(EvidenceIds.Registry(path), "Registry (64-bit view) " + path, Bundles.Time, new RegistryKeyEvidence(path, values.Select(v => new RegistryValueEvidence(v.Name, v.Value))));

    internal static EvidenceItem Missing(string path) =>
        EvidenceItem.ForError(EvidenceIds.Registry(path), EvidenceKind.Registry, "Registry (64-bit view) " + path, Bundles.Time, new EvidenceError(EvidenceErrorCategory.NotFound, $"The key {path} does not exist."));

    private static EvidenceValue D(uint value) => EvidenceValue.FromDWord(value);
}
