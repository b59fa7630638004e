using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Baseline.Catalog;
using AzureLocalSecurity.Collection.Remote;
using AzureLocalSecurity.Cryptography;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Posture;
using AzureLocalSecurity.Results;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Cryptography;

public class CryptographyChecksTests
{
    private static readonly string[] AllIds =
        ["ALSEC-CRYPTO-001", "ALSEC-CRYPTO-002", "ALSEC-CRYPTO-003", "ALSEC-CRYPTO-004", "ALSEC-CRYPTO-005", "ALSEC-CRYPTO-006", "ALSEC-CRYPTO-007", "ALSEC-CRYPTO-008"];

    private static SecurityCheckResult Get(IReadOnlyList<SecurityCheckResult> results, string id) => results.Single(r => r.Id == id);

    [Fact]
    public void A_hardened_node_is_compliant_on_every_check_with_its_facts_in_Actual()
    {
        var results = CryptographyChecks.Evaluate(CryptographyBundles.Hardened());

        Assert.Equal(AllIds, results.Select(r => r.Id));
        Assert.All(results, r => Assert.Equal(CheckStatus.Compliant, r.Status));
        Assert.All(results, r => Assert.Equal("Cryptography", r.Area));
        Assert.All(results, r => Assert.False(string.IsNullOrEmpty(r.Source)));
        Assert.Equal("Enabled = 1", Get(results, CryptographyChecks.FipsId).Actual);
        Assert.Equal("Server: Enabled = 0, DisabledByDefault = 1; Client: Enabled = 0, DisabledByDefault = 1", Get(results, CryptographyChecks.Tls10Id).Actual);
        Assert.Equal("Server: Enabled = 1, DisabledByDefault = 0; Client: Enabled = 1, DisabledByDefault = 0", Get(results, CryptographyChecks.Tls13Id).Actual);
        Assert.StartsWith("policy order (SSL Cipher Suite Order): TLS_AES_128_GCM_SHA256, TLS_AES_256_GCM_SHA384,", Get(results, CryptographyChecks.CipherSuitesId).Actual);
        Assert.Equal("EncryptData = True, RejectUnencryptedAccess = True", Get(results, CryptographyChecks.SmbEncryptionId).Actual);
        Assert.Equal("Server: AES_256_GCM, AES_256_CCM, AES_128_GCM, AES_128_CCM; Client: AES_256_GCM, AES_256_CCM", Get(results, CryptographyChecks.SmbCiphersId).Actual);
    }

    [Fact]
    public void A_weak_node_fails_FIPS_TLS10_the_cipher_order_and_SMB_and_says_why()
    {
        var results = CryptographyChecks.Evaluate(CryptographyBundles.Weak());

        var fips = Get(results, CryptographyChecks.FipsId);
        Assert.Equal(CheckStatus.NonCompliant, fips.Status);
        Assert.Equal("Enabled = 0", fips.Actual);
        Assert.Contains("set to Disabled", fips.Reason);

        var tls10 = Get(results, CryptographyChecks.Tls10Id);
        Assert.Equal(CheckStatus.NonCompliant, tls10.Status);
        Assert.Equal(Severity.High, tls10.Severity);
        Assert.Equal("Server: Enabled = 1, DisabledByDefault = 0; Client: Enabled = 0, DisabledByDefault = 1", tls10.Actual);
        Assert.Equal("TLS 1.0 Server is enabled (Enabled = 1).", tls10.Reason);
        Assert.Contains(@"Protocols\TLS 1.0\Server", tls10.Source);
        Assert.NotNull(tls10.Remediation);

        Assert.Equal(CheckStatus.Compliant, Get(results, CryptographyChecks.Tls11Id).Status);
        Assert.Equal(CheckStatus.Compliant, Get(results, CryptographyChecks.Tls12Id).Status);
        Assert.Equal(CheckStatus.Compliant, Get(results, CryptographyChecks.Tls13Id).Status);

        var suites = Get(results, CryptographyChecks.CipherSuitesId);
        Assert.Equal(CheckStatus.NonCompliant, suites.Status);
        Assert.Equal(Severity.High, suites.Severity);
        Assert.StartsWith("local configuration (no policy order set): TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, TLS_RSA_WITH_RC4_128_SHA", suites.Actual);
        Assert.Contains("TLS_RSA_WITH_RC4_128_SHA (RC4)", suites.Reason);
        Assert.Contains("TLS_RSA_WITH_3DES_EDE_CBC_SHA (3DES/DES)", suites.Reason);
        Assert.Contains("Not in the baseline's allowed list (2610): TLS_RSA_WITH_RC4_128_SHA, TLS_RSA_WITH_3DES_EDE_CBC_SHA, TLS_RSA_WITH_AES_256_GCM_SHA384.", suites.Reason);
        Assert.Contains(@"Local\SSL\00010002", suites.Source);

        var smb = Get(results, CryptographyChecks.SmbEncryptionId);
        Assert.Equal(CheckStatus.NonCompliant, smb.Status);
        Assert.Equal("EncryptData = False, RejectUnencryptedAccess = True", smb.Actual);

        var ciphers = Get(results, CryptographyChecks.SmbCiphersId);
        Assert.Equal(CheckStatus.NonCompliant, ciphers.Status);
        Assert.Equal(Severity.Medium, ciphers.Severity);
        Assert.Equal("Server: AES_128_CCM; Client: AES_128_CCM", ciphers.Actual);
        Assert.Contains("offers no AES-256 cipher", ciphers.Reason);
    }

    [Fact]
    public void Without_keys_on_Windows_Server_2022_the_documented_defaults_decide()
    {
        var results = CryptographyChecks.Evaluate(CryptographyBundles.NothingConfigured("20348"));

        var fips = Get(results, CryptographyChecks.FipsId);
        Assert.Equal(CheckStatus.NonCompliant, fips.Status);
        Assert.Equal("not set (default: Disabled)", fips.Actual);

        var tls10 = Get(results, CryptographyChecks.Tls10Id);
        Assert.Equal(CheckStatus.NonCompliant, tls10.Status);
        Assert.Equal("Server: no key (OS default on build 20348: enabled); Client: no key (OS default on build 20348: enabled)", tls10.Actual);
        Assert.Equal(CheckStatus.NonCompliant, Get(results, CryptographyChecks.Tls11Id).Status);

        var tls12 = Get(results, CryptographyChecks.Tls12Id);
        Assert.Equal(CheckStatus.Compliant, tls12.Status);
        Assert.Contains("enabled by the OS default of build 20348", tls12.Reason);
        Assert.Equal(CheckStatus.Compliant, Get(results, CryptographyChecks.Tls13Id).Status);

        var suites = Get(results, CryptographyChecks.CipherSuitesId);
        Assert.Equal(CheckStatus.NonCompliant, suites.Status);
        Assert.Equal("no order configured (OS default order)", suites.Actual);

        var ciphers = Get(results, CryptographyChecks.SmbCiphersId);
        Assert.Equal(CheckStatus.NonCompliant, ciphers.Status);
        Assert.Equal(Severity.Low, ciphers.Severity);
        Assert.Contains("prefers AES_128_GCM", ciphers.Reason);
    }

    [Theory]
    [InlineData("25398")]
    [InlineData("26100")]
    public void Without_keys_on_a_build_whose_defaults_are_not_established_TLS10_and_the_order_are_Unknown(string build)
    {
        var results = CryptographyChecks.Evaluate(CryptographyBundles.NothingConfigured(build));

        var tls10 = Get(results, CryptographyChecks.Tls10Id);
        Assert.Equal(CheckStatus.Unknown, tls10.Status);
        Assert.Contains($"SChannel's default for TLS 1.0 on build {build} is not established", tls10.Reason);
        Assert.Equal(CheckStatus.Unknown, Get(results, CryptographyChecks.Tls11Id).Status);
        Assert.Equal(CheckStatus.Compliant, Get(results, CryptographyChecks.Tls12Id).Status);
        var suites = Get(results, CryptographyChecks.CipherSuitesId);
        Assert.Equal(CheckStatus.Unknown, suites.Status);
        Assert.Contains($"does not know that order for build {build}", suites.Reason);
    }

    [Fact]
    public void A_bundle_captured_without_the_keys_is_Unknown_never_a_guess()
    {
        var results = CryptographyChecks.Evaluate(Bundles.Windows());

        Assert.Equal(AllIds, results.Select(r => r.Id));
        Assert.All(results, r => Assert.Equal(CheckStatus.Unknown, r.Status));
        Assert.Contains("does not hold", Get(results, CryptographyChecks.FipsId).Reason);
        Assert.Contains("does not hold MSFT_SmbServerConfiguration", Get(results, CryptographyChecks.SmbEncryptionId).Reason);
    }

    [Fact]
    public void A_key_that_could_not_be_read_is_Unknown_with_its_error()
    {
        var denied = EvidenceItem.ForError(EvidenceIds.Registry(CryptographyEvidenceIds.FipsAlgorithmPolicyKey), EvidenceKind.Registry, "Registry", Bundles.Time,
            new EvidenceError(EvidenceErrorCategory.AccessDenied, "Access is denied."));
        var items = CryptographyBundles.Hardened().Items.Where(i => i.Id != denied.Id).Append(denied);
        var hardened = CryptographyBundles.Hardened();
        var bundle = new EvidenceBundle(hardened.SchemaVersion, hardened.Node, hardened.CapturedAt, hardened.ModuleVersion, items);

        var fips = Get(CryptographyChecks.Evaluate(bundle), CryptographyChecks.FipsId);

        Assert.Equal(CheckStatus.Unknown, fips.Status);
        Assert.Contains("AccessDenied: Access is denied.", fips.Reason);
    }

    [Fact]
    public void DisabledByDefault_alone_does_not_turn_TLS10_off_and_keeps_TLS12_from_being_on()
    {
        var bundle = CryptographyBundles.With(CryptographyBundles.NothingConfigured("20348"), []);
        var items = bundle.Items.Where(i => !i.Id.Contains("Protocols")).Concat(
        [
            CryptographyBundles.Key(CryptographyEvidenceIds.ProtocolKey("TLS 1.0", true), ("DisabledByDefault", EvidenceValue.FromDWord(1))),
            CryptographyBundles.Key(CryptographyEvidenceIds.ProtocolKey("TLS 1.0", false), ("Enabled", EvidenceValue.FromDWord(0))),
            CryptographyBundles.Key(CryptographyEvidenceIds.ProtocolKey("TLS 1.2", true), ("Enabled", EvidenceValue.FromDWord(0xFFFFFFFF)), ("DisabledByDefault", EvidenceValue.FromDWord(1))),
            CryptographyBundles.Key(CryptographyEvidenceIds.ProtocolKey("TLS 1.2", false), ("Enabled", EvidenceValue.FromDWord(1))),
        ]);
        var results = CryptographyChecks.Evaluate(new EvidenceBundle(bundle.SchemaVersion, bundle.Node, bundle.CapturedAt, bundle.ModuleVersion, items));

        var tls10 = Get(results, CryptographyChecks.Tls10Id);
        Assert.Equal(CheckStatus.NonCompliant, tls10.Status);
        Assert.Contains("an application can still ask for it", tls10.Reason);
        var tls12 = Get(results, CryptographyChecks.Tls12Id);
        Assert.Equal(CheckStatus.NonCompliant, tls12.Status);
        Assert.Equal("TLS 1.2 Server is not used unless an application asks for it (DisabledByDefault = 1).", tls12.Reason);
    }

    [Fact]
    public void A_Linux_node_has_no_cryptography_checks_that_apply()
    {
        var results = CryptographyChecks.Evaluate(SecuredCoreBundles.LinuxHost());

        Assert.Equal(AllIds, results.Select(r => r.Id));
        Assert.All(results, r => Assert.Equal(CheckStatus.NotApplicable, r.Status));
    }

    [Fact]
    public void The_allowed_list_is_the_baselines_and_every_shipped_release_allows_the_same_suites()
    {
        var allowed = TlsCipherSuites.BaselineAllowed;

        Assert.NotNull(allowed);
        Assert.Equal(10, allowed!.Count);
        Assert.Equal(CryptographyBundles.BaselineOrder.Split(',').OrderBy(s => s), allowed.OrderBy(s => s));
        foreach (var catalog in ShippedBaselines.All())
        {
            var rule = Assert.Single(catalog.Rules, TlsCipherSuites.IsCipherSuiteRule);
            Assert.Equal(allowed.OrderBy(s => s), TlsCipherSuites.AllowedBy(rule).OrderBy(s => s));
        }
    }

    [Theory]
    [InlineData("TLS_RSA_WITH_RC4_128_SHA", "RC4")]
    [InlineData("TLS_RSA_WITH_3DES_EDE_CBC_SHA", "3DES/DES")]
    [InlineData("TLS_RSA_WITH_NULL_SHA256", "NULL encryption")]
    [InlineData("TLS_RSA_EXPORT1024_WITH_RC4_56_SHA", "RC4")]
    [InlineData("TLS_RSA_EXPORT1024_WITH_DES_CBC_SHA", "3DES/DES")]
    [InlineData("TLS_RSA_WITH_AES_256_CBC_SHA", "CBC-SHA1 without ECDHE")]
    [InlineData("TLS_DHE_RSA_WITH_AES_128_CBC_SHA", "CBC-SHA1 without ECDHE")]
    [InlineData("SSL_CK_RC4_128_WITH_MD5", "RC4")]
    [InlineData("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", null)]
    [InlineData("TLS_AES_256_GCM_SHA384", null)]
    [InlineData("TLS_RSA_WITH_AES_256_GCM_SHA384", null)]
    public void Weak_suite_families_are_named(string suite, string? weakness) =>
        Assert.Equal(weakness, TlsCipherSuites.Weakness(suite));

    [Fact]
    public void A_Functions_value_is_read_as_a_comma_list_or_a_multi_string()
    {
        Assert.Equal(["A", "B"], TlsCipherSuites.Read(EvidenceValue.FromString(" A, B ,,")));
        Assert.Equal(["A", "B", "C"], TlsCipherSuites.Read(EvidenceValue.FromMultiString(["A", "B,C", ""])));
        Assert.Null(TlsCipherSuites.Read(EvidenceValue.FromDWord(1)));
    }

    [Fact]
    public void The_posture_has_a_Cryptography_area_with_these_results()
    {
        var results = PostureAnalyzer.Analyze(CryptographyBundles.Weak(), new PostureOptions { Areas = [PostureArea.Cryptography] });

        Assert.Contains(PostureArea.Cryptography, PostureAnalyzer.AllAreas);
        Assert.Equal(AllIds, results.Select(r => r.Id));
        Assert.Equal(CheckStatus.NonCompliant, Get(results, CryptographyChecks.Tls10Id).Status);
    }

    [Fact]
    public void The_capture_script_reads_every_cryptography_key()
    {
        var keys = (string[])CaptureScript.Parameters([], null, 10)["RegistryKeys"];

        Assert.All(CryptographyEvidenceIds.RegistryKeys, k => Assert.Contains(k, keys));
        Assert.Equal(11, CryptographyEvidenceIds.RegistryKeys.Count);
    }
}
