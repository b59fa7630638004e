using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Results;
using AzureLocalSecurity.SecuredCore;
using AzureLocalSecurity.Tests.Support;
using AzureLocalSecurity.Tpm.Analysis;
using Xunit;

namespace AzureLocalSecurity.Tests.Posture;

public sealed class TpmChecksTests
{
    private static SecurityCheckResult One(EvidenceBundle bundle, string id) => Assert.Single(TpmChecks.Evaluate(bundle), r => r.Id == id);

    [Fact]
    public void The_recorded_secured_core_node_has_a_ready_tpm_2_0_proven_by_tbs_and_win32_tpm()
    {
        var results = TpmChecks.Evaluate(EvidenceBundleReader.Read(PostureVectors.SecuredCoreNode));

        Assert.Equal(
            [(TpmChecks.PresentId, CheckStatus.Compliant), (TpmChecks.VersionId, CheckStatus.Compliant), (TpmChecks.EnabledId, CheckStatus.Compliant), (TpmChecks.ReadyId, CheckStatus.Compliant), (TpmChecks.EkCertificateId, CheckStatus.Compliant), (TpmChecks.Sha256BankId, CheckStatus.Unknown)],
            results.Select(r => (r.Id, r.Status)));
        Assert.Equal("2.0 (TBS)", results[1].Actual);
        Assert.StartsWith("The PCR allocation was not captured", results[5].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_version_verdict_agrees_with_the_secured_core_tpm_requirement_on_a_tpm_1_2()
    {
        var bundle = SecuredCoreBundles.BiosNode();
        var version = One(bundle, TpmChecks.VersionId);
        var securedCore = SecuredCoreAnalyzer.Evaluate(bundle).Results.Single(r => r.Id == SecuredCoreAnalyzer.TpmId);

        Assert.Equal(CheckStatus.NonCompliant, version.Status);
        Assert.Equal(securedCore.Status, version.Status);
        Assert.Equal("1.2 (TBS)", version.Actual);
    }

    [Fact]
    public void No_tpm_fails_presence_and_leaves_the_other_checks_not_applicable()
    {
        var results = TpmChecks.Evaluate(Bundle(
            EvidenceItem.ForError(TpmEvidenceIds.Win32Tpm, EvidenceKind.Properties, "CIM", Bundles.Time, new EvidenceError(EvidenceErrorCategory.NotFound, "Windows sees no TPM (no Win32_Tpm instance).")),
            EvidenceItem.ForError(BaselineEvidenceIds.TpmDeviceInfo, EvidenceKind.Properties, "tbs", Bundles.Time, new EvidenceError(EvidenceErrorCategory.NotFound, "TBS_E_TPM_NOT_FOUND: no TPM was found.", 0x8028400F))));

        Assert.Equal(CheckStatus.NonCompliant, results[0].Status);
        Assert.Equal("no TPM", results[0].Actual);
        Assert.All(results.Skip(1), r => Assert.Equal(CheckStatus.NotApplicable, r.Status));
    }

    [Fact]
    public void A_bundle_without_tpm_facts_is_unknown_never_non_compliant()
    {
        var results = TpmChecks.Evaluate(Bundles.Windows());

        Assert.All(results, r => Assert.Equal(CheckStatus.Unknown, r.Status));
        Assert.Contains("TPM: the bundle holds no TPM facts", results[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Windows_reporting_the_ek_certificate_missing_fails_the_ek_check_and_readiness()
    {
        var results = TpmChecks.Evaluate(Bundle(Win32Tpm(false, 0x40000)));

        Assert.Equal(CheckStatus.NonCompliant, results.Single(r => r.Id == TpmChecks.EkCertificateId).Status);
        Assert.Equal("missing (IsReadyInformation EK_CERTIFICATE)", results.Single(r => r.Id == TpmChecks.EkCertificateId).Actual);
        Assert.Equal("Windows says: EK_CERTIFICATE.", results.Single(r => r.Id == TpmChecks.ReadyId).Reason);
    }

    [Theory]
    [InlineData(new ushort[] { 0x0004 }, CheckStatus.NonCompliant, "banks: sha1")]
    [InlineData(new ushort[] { 0x0004, 0x000B }, CheckStatus.Compliant, "banks: sha1, sha256")]
    public void The_sha256_bank_check_reads_the_pcr_allocation(ushort[] banks, CheckStatus expected, string actual)
    {
        var result = One(Bundle(Win32Tpm(true, 0), Pcrs(banks)), TpmChecks.Sha256BankId);

        Assert.Equal((expected, actual), (result.Status, result.Actual));
    }

    [Fact]
    public void A_bank_listed_with_no_pcr_selected_is_not_allocated()
    {
        var result = One(Bundle(Win32Tpm(true, 0), Pcrs([0x0004, 0x000B], emptyBank: 0x000B)), TpmChecks.Sha256BankId);

        Assert.Equal((CheckStatus.NonCompliant, "banks: sha1"), (result.Status, result.Actual));
    }

    /// <summary>A TPM2_GetCapability(TPM_CAP_PCRS) response: each bank with PCRs 0-23 selected (or none for <paramref name="emptyBank"/>).</summary>
    private static EvidenceItem Pcrs(ushort[] banks, ushort? emptyBank = null)
    {
        var body = new List<byte> { 0, 0, 0, 0, 5 };
        body.AddRange(U32((uint)banks.Length));
        foreach (var bank in banks)
        {
            var on = bank == emptyBank ? (byte)0 : (byte)0xFF;
            body.AddRange([(byte)(bank >> 8), (byte)bank, 3, on, on, on]);
        }

        byte[] response = [0x80, 0x01, .. U32((uint)(10 + body.Count)), 0, 0, 0, 0, .. body];
        return EvidenceItem.ForBlob(TpmEvidenceIds.CapabilityPcrs, "TPM2_GetCapability via TBS", Bundles.Time, response);
    }

    private static byte[] U32(uint v) => [(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v];

    private static EvidenceItem Win32Tpm(bool ready, ulong readyInformation) =>
        EvidenceItem.ForRecords(TpmEvidenceIds.Win32Tpm, "CIM root\\CIMV2\\Security\\MicrosoftTpm Win32_Tpm", Bundles.Time,
        [
            Bundles.Record(
                ("IsOwned", EvidenceValue.FromBoolean(true)), ("IsActivated", EvidenceValue.FromBoolean(true)), ("IsEnabled", EvidenceValue.FromBoolean(true)),
                ("IsReady", EvidenceValue.FromBoolean(ready)), ("IsReadyInformation", EvidenceValue.FromUInt64(readyInformation)), ("SpecVersion", EvidenceValue.FromString("2.0, 0, 1.59"))),
        ]);

    private static EvidenceBundle Bundle(params EvidenceItem[] items) =>
        new(EvidenceSchema.CurrentVersion, new NodeIdentity("NODE01", NodePlatform.Windows, "Microsoft Windows 10.0.25398", "X64"), Bundles.Time, "0.1.0", items);
}
