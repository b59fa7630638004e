using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using AzureLocalSecurity.Tests.Support;
using AzureLocalSecurity.Tpm;
using AzureLocalSecurity.Tpm.Analysis;
using Xunit;

namespace AzureLocalSecurity.Tests.Tpm;

/// <summary>The TPM cmdlets in a real PowerShell engine against a real software TPM.</summary>
[Collection(SwtpmTests.Name)]
public sealed class TpmCmdletSwtpmTests : IClassFixture<ModuleSession>
{
    private readonly SwtpmFixture _tpms;
    private readonly ModuleSession _module;

    public TpmCmdletSwtpmTests(SwtpmFixture tpms, ModuleSession module)
    {
        _tpms = tpms;
        _module = module;
    }

    [Fact]
    public void GetALTpm_reports_the_identity_and_banks_tpm2_getcap_reads()
    {
        var info = Single<TpmInfo>($"Get-ALTpm -TpmEndpoint {_tpms.Provisioned.Endpoint}");
        var getcap = _tpms.Provisioned.Tool("tpm2_getcap", "properties-fixed");
        Assert.True(info.Present);
        Assert.Equal("2.0", info.TpmVersion);
        Assert.Equal("IBM", info.ManufacturerId);
        Assert.Equal("IBM", info.Manufacturer);
        Assert.Equal("SW TPM", info.VendorString);
        Assert.Equal(Regex.Match(getcap, @"TPM2_PT_REVISION:\s+raw: 0x[0-9A-F]+\s+value: ([\d.]+)").Groups[1].Value, info.SpecRevision);
        Assert.Equal(["sha1", "sha256", "sha384"], info.PcrBanks!);
        Assert.Equal("tcp " + _tpms.Provisioned.Endpoint, info.Transport);
        Assert.Contains("sha256", info.Algorithms!);
        Assert.Equal(false, info.InLockout);
        Assert.NotNull(info.LockoutMax);
        Assert.Empty(info.Unknowns);
    }

    [Fact]
    public void GetALTpm_names_the_ek_certificates_swtpm_setup_provisioned_with_their_issuer_serial_and_validity()
    {
        var info = Single<TpmInfo>($"Get-ALTpm -TpmEndpoint {_tpms.Provisioned.Endpoint}");
        using var rsa = X509CertificateLoader.LoadCertificate(File.ReadAllBytes(Path.Combine(_tpms.Provisioned.StateDirectory, "ek-rsa2048.crt")));
        var cert = Assert.Single(info.EndorsementCertificates!, c => c.NvIndex == "0x01C00002");
        Assert.True(cert.Provisioned);
        Assert.Equal("RSA 2048 (L-1)", cert.Template);
        Assert.Equal(rsa.Issuer, cert.Issuer);
        Assert.Equal(rsa.SerialNumber, cert.SerialNumber);
        Assert.Equal(rsa.NotAfter.ToUniversalTime(), cert.NotAfter);
        Assert.Contains(info.EndorsementCertificates!, c => c.NvIndex == "0x01C00016" && c.Provisioned && c.Template == "ECC NIST P-384 (H-3)");
        Assert.True(info.RsaEndorsementCertificate);
        Assert.True(info.EccEndorsementCertificate);
    }

    [Fact]
    public void GetALTpm_on_a_bare_tpm_says_no_ek_certificate_is_provisioned()
    {
        var info = Single<TpmInfo>($"Get-ALTpm -TpmEndpoint {_tpms.Bare.Endpoint}");
        Assert.True(info.Present);
        Assert.Empty(info.EndorsementCertificates!);
        Assert.Equal(false, info.RsaEndorsementCertificate);
        Assert.Equal(false, info.EccEndorsementCertificate);
    }

    [Fact]
    public void GetALTpmPcr_returns_the_pcrs_asked_for_with_the_values_tpm2_pcrread_reads()
    {
        var values = Run($"Get-ALTpmPcr -TpmEndpoint {_tpms.Provisioned.Endpoint} -Bank sha256 -Index 0,7,16").Select(o => (TpmPcrValue)o.BaseObject).ToList();
        var text = _tpms.Provisioned.Tool("tpm2_pcrread", "sha256:0,7,16");
        Assert.Equal([0, 7, 16], values.Select(v => v.Index));
        foreach (var v in values)
        {
            Assert.Equal("sha256", v.Bank);
            Assert.Matches(@"\b" + v.Index + " *: 0x" + v.Value + @"\b", text);
        }
    }

    [Fact]
    public void GetALTpmPcr_without_parameters_returns_all_24_pcrs_of_all_three_banks()
    {
        var values = Run($"Get-ALTpmPcr -TpmEndpoint {_tpms.Provisioned.Endpoint}").Select(o => (TpmPcrValue)o.BaseObject).ToList();
        Assert.Equal(72, values.Count);
        Assert.Equal(["sha1", "sha256", "sha384"], values.Select(v => v.Bank).Distinct());
        Assert.Equal(Enumerable.Range(0, 24), values.Where(v => v.Bank == "sha384").Select(v => v.Index));
    }

    [Fact]
    public void GetALTpmPcr_for_a_bank_the_tpm_has_not_allocated_is_a_non_terminating_error()
    {
        var (output, errors) = _module.Run($"Get-ALTpmPcr -TpmEndpoint {_tpms.Provisioned.Endpoint} -Bank sha512,sha1 -Index 0");
        var error = Assert.Single(errors);
        Assert.StartsWith("TpmBankNotAllocated", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal("sha1", ((TpmPcrValue)Assert.Single(output).BaseObject).Bank);
    }

    [Fact]
    public void GetALTpmEndorsementKey_returns_the_persistent_eks_each_with_the_certificate_for_its_key()
    {
        var keys = Run($"Get-ALTpmEndorsementKey -TpmEndpoint {_tpms.Provisioned.Endpoint}").Select(o => (TpmEndorsementKey)o.BaseObject).ToList();
        var rsa = Assert.Single(keys, k => k.Handle == "0x81010001");
        Assert.Equal("RSA 2048", rsa.Algorithm);
        Assert.Equal("persistent", rsa.Origin);
        Assert.Equal("0x01C00002", rsa.CertificateNvIndex);
        using var file = X509CertificateLoader.LoadCertificate(File.ReadAllBytes(Path.Combine(_tpms.Provisioned.StateDirectory, "ek-rsa2048.crt")));
        Assert.Equal(file.Thumbprint, rsa.Certificate!.Thumbprint);
        Assert.Equal(file.PublicKey.ExportSubjectPublicKeyInfo(), rsa.GetSubjectPublicKeyInfo());
        var ecc = Assert.Single(keys, k => k.Algorithm == "ECC NIST_P384");
        Assert.Equal("0x01C00016", ecc.CertificateNvIndex);
        using var eccFile = X509CertificateLoader.LoadCertificate(File.ReadAllBytes(Path.Combine(_tpms.Provisioned.StateDirectory, "ek-secp384r1.crt")));
        Assert.Equal(eccFile.PublicKey.ExportSubjectPublicKeyInfo(), ecc.GetSubjectPublicKeyInfo());
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----\n", rsa.PublicKeyPem, StringComparison.Ordinal);
    }

    [Fact]
    public void GetALTpmEndorsementKey_on_a_bare_tpm_creates_the_template_eks_and_flushes_them()
    {
        var keys = Run($"Get-ALTpmEndorsementKey -TpmEndpoint {_tpms.Bare.Endpoint}").Select(o => (TpmEndorsementKey)o.BaseObject).ToList();
        Assert.Equal(["RSA 2048", "ECC NIST_P256"], keys.Select(k => k.Algorithm));
        Assert.All(keys, k => Assert.Null(k.Handle));
        Assert.All(keys, k => Assert.Null(k.Certificate));
        Assert.Equal("created from TCG template L-1", keys[0].Origin);
        Assert.DoesNotContain("0x80", _tpms.Bare.Tool("tpm2_getcap", "handles-transient"));
    }

    [Fact]
    public void A_bundle_exported_from_the_tpm_gives_the_same_answers_as_the_live_tpm()
    {
        using var dir = new TempDir();
        var path = dir.Combine("node.zip");
        Run($"Export-ALSecurityEvidence -Path '{path}' -TpmEndpoint {_tpms.Provisioned.Endpoint}");
        var live = Single<TpmInfo>($"Get-ALTpm -TpmEndpoint {_tpms.Provisioned.Endpoint}");
        var saved = Single<TpmInfo>($"Get-ALTpm -EvidencePath '{path}'");
        Assert.Equal(live.FirmwareVersion, saved.FirmwareVersion);
        Assert.Equal(live.PcrBanks, saved.PcrBanks);
        Assert.Equal(live.EndorsementCertificates!.Select(c => c.SerialNumber), saved.EndorsementCertificates!.Select(c => c.SerialNumber));
        var livePcrs = Run($"Get-ALTpmPcr -TpmEndpoint {_tpms.Provisioned.Endpoint}").Select(o => ((TpmPcrValue)o.BaseObject).ToString());
        var savedPcrs = Run($"Get-ALTpmPcr -EvidencePath '{path}'").Select(o => ((TpmPcrValue)o.BaseObject).ToString());
        Assert.Equal(livePcrs, savedPcrs);
        var savedKeys = Run($"Get-ALTpmEndorsementKey -EvidencePath '{path}'").Select(o => ((TpmEndorsementKey)o.BaseObject).PublicKeySha256);
        var liveKeys = Run($"Get-ALTpmEndorsementKey -TpmEndpoint {_tpms.Provisioned.Endpoint}").Select(o => ((TpmEndorsementKey)o.BaseObject).PublicKeySha256);
        Assert.Equal(liveKeys, savedKeys);
    }

    [Fact]
    public void An_endpoint_that_is_not_host_and_port_is_a_terminating_error()
    {
        Assert.StartsWith("ParameterArgumentValidationError", ErrorOf("Get-ALTpm -TpmEndpoint ''").FullyQualifiedErrorId, StringComparison.Ordinal);
        var error = ErrorOf("Get-ALTpm -TpmEndpoint 'localhost'");
        Assert.StartsWith("TpmEndpointInvalid", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("has no port", error.Exception.Message, StringComparison.Ordinal);
        Assert.StartsWith("TpmEndpointInvalid", ErrorOf("Export-ALSecurityEvidence -Path x.zip -TpmEndpoint '::1:2321'").FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    [Fact]
    public void An_endpoint_where_nothing_listens_leaves_presence_unknown_with_the_reason()
    {
        var info = Single<TpmInfo>("Get-ALTpm -TpmEndpoint 127.0.0.1:1");
        Assert.Null(info.Present);
        Assert.Null(info.TpmVersion);
        Assert.Contains(info.Unknowns, u => u.Contains("Could not connect to the TPM at tcp 127.0.0.1:1", StringComparison.Ordinal));
    }

    [Fact]
    public void The_live_linux_node_reports_its_tpm_device_or_that_there_is_none()
    {
        var info = Single<TpmInfo>("Get-ALTpm");
        if (File.Exists("/dev/tpmrm0") || File.Exists("/dev/tpm0"))
        {
            // A machine with a TPM device: it answered, or the reason it could not be read is given.
            Assert.True(info.Present == true ? info.TpmVersion == "2.0" : info.Unknowns.Count > 0);
            return;
        }

        Assert.Equal(false, info.Present);
        Assert.Contains(info.Unknowns, u => u.Contains("no TPM device", StringComparison.OrdinalIgnoreCase));
        var error = Assert.Single(_module.Run("Get-ALTpmPcr").Errors);
        Assert.StartsWith("TpmFactsUnavailable", error.FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    private System.Collections.ObjectModel.Collection<PSObject> Run(string script)
    {
        var (output, errors) = _module.Run(script);
        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => e.ToString())));
        return output;
    }

    private ErrorRecord ErrorOf(string script)
    {
        try
        {
            return Assert.Single(_module.Run(script).Errors);
        }
        catch (RuntimeException ex)
        {
            return ex.ErrorRecord;
        }
    }

    private T Single<T>(string script) => (T)Assert.Single(Run(script)).BaseObject;
}
