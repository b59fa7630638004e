using System;
using System.Collections.Generic;
using System.Linq;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Tests.Support;
using AzureLocalSecurity.Tpm.Analysis;
using Xunit;

namespace AzureLocalSecurity.Tests.Tpm;

/// <summary>
/// The TPM analysis of bundles: Windows facts recorded as Win32_Tpm and TBS document them (hand-made, not captured on a
/// machine), and TPM responses built byte by byte as Part 3 lays them out, including broken ones.
/// </summary>
public sealed class TpmAnalyzerTests
{
    private static readonly DateTimeOffset Time = Bundles.Time;

    [Fact]
    public void Win32_tpm_and_tbs_facts_fill_owned_activated_ready_information_and_the_interface_type()
    {
        var info = TpmAnalyzer.Describe(Bundle(
            Win32Tpm(("IsOwned", EvidenceValue.FromBoolean(true)), ("IsActivated", EvidenceValue.FromBoolean(true)), ("IsEnabled", EvidenceValue.FromBoolean(true)),
                ("IsReady", EvidenceValue.FromBoolean(false)), ("IsReadyInformation", EvidenceValue.FromUInt64(0x40000 | 0x80000)), ("SpecVersion", EvidenceValue.FromString("2.0, 0, 1.59"))),
            Tbs(interfaceType: 3, revision: 1)));
        Assert.True(info.Present);
        Assert.True(info.Owned);
        Assert.True(info.Activated);
        Assert.False(info.Ready);
        Assert.Equal(["EK_CERTIFICATE", "TCG_EVENT_LOG"], info.ReadyInformation!);
        Assert.Equal("2.0, 0, 1.59", info.WindowsSpecVersion);
        Assert.Equal("Hardware", info.InterfaceType);
        Assert.Equal(1u, info.TbsImplementationRevision);
    }

    [Fact]
    public void A_win32_tpm_method_that_failed_leaves_its_fact_unknown_with_the_code()
    {
        var info = TpmAnalyzer.Describe(Bundle(Win32Tpm(("IsOwnedError", EvidenceValue.FromString("0x80290300")), ("IsActivated", EvidenceValue.FromBoolean(true)))));
        Assert.Null(info.Owned);
        Assert.True(info.Activated);
        Assert.Contains("Win32_Tpm.IsOwned: 0x80290300", info.Unknowns);
    }

    [Fact]
    public void No_win32_tpm_instance_and_tbs_tpm_not_found_mean_there_is_no_tpm()
    {
        var info = TpmAnalyzer.Describe(Bundle(
            EvidenceItem.ForError(TpmEvidenceIds.Win32Tpm, EvidenceKind.Properties, "CIM", Time, new EvidenceError(EvidenceErrorCategory.NotFound, "Windows sees no TPM (no Win32_Tpm instance).")),
            EvidenceItem.ForError(BaselineEvidenceIds.TpmDeviceInfo, EvidenceKind.Properties, "tbs", Time, new EvidenceError(EvidenceErrorCategory.NotFound, "TBS_E_TPM_NOT_FOUND: no TPM was found.", 0x8028400F)),
            EvidenceItem.ForError(TpmEvidenceIds.Transport, EvidenceKind.Properties, "the platform TPM", Time, new EvidenceError(EvidenceErrorCategory.NotFound, "TBS_E_TPM_NOT_FOUND"))));
        Assert.Equal(false, info.Present);
        Assert.Null(info.TpmVersion);
    }

    [Fact]
    public void A_tpm_that_windows_sees_but_tbs_cannot_open_is_present_with_its_identity_unknown()
    {
        var info = TpmAnalyzer.Describe(Bundle(
            Win32Tpm(("IsOwned", EvidenceValue.FromBoolean(true))),
            EvidenceItem.ForError(TpmEvidenceIds.Transport, EvidenceKind.Properties, "the platform TPM", Time, new EvidenceError(EvidenceErrorCategory.Failed, "TBS_E_SERVICE_NOT_RUNNING (0x80284008)", 0x80284008))));
        Assert.True(info.Present);
        Assert.Null(info.ManufacturerId);
        Assert.Contains("TPM: TBS_E_SERVICE_NOT_RUNNING (0x80284008)", info.Unknowns);
    }

    [Fact]
    public void Properties_from_two_responses_are_decoded_into_identity_firmware_and_lockout()
    {
        var fixedGroup = Properties(moreData: false,
            (0x100, 0x322E3000), (0x101, 0), (0x102, 159), (0x103, 202), (0x104, 2019), (0x105, 0x49465800),
            (0x106, 0x534C4239), (0x107, 0x36373000), (0x108, 0), (0x109, 0), (0x10B, 0x0007003F), (0x10C, 0x0D190000), (0x12C, 1024));
        var variableGroup = Properties(moreData: false, (0x200, 0x00000401), (0x201, 0x80000007), (0x20E, 2), (0x20F, 32), (0x210, 7200), (0x211, 86400));
        var info = TpmAnalyzer.Describe(Bundle(Transport(), Blob(TpmEvidenceIds.CapabilityProperties, [.. fixedGroup, .. variableGroup])));
        Assert.True(info.Present);
        Assert.Equal("2.0", info.TpmVersion);
        Assert.Equal("1.59", info.SpecRevision);
        Assert.Equal(new DateTime(2019, 7, 21, 0, 0, 0, DateTimeKind.Utc), info.SpecDate);
        Assert.Equal("IFX", info.ManufacturerId);
        Assert.Equal("Infineon", info.Manufacturer);
        Assert.Equal("SLB9670", info.VendorString);
        Assert.Equal("7.63.3353.0", info.FirmwareVersion);
        Assert.Equal(2u, info.LockoutCounter);
        Assert.Equal(32u, info.LockoutMax);
        Assert.Equal(7200u, info.LockoutIntervalSeconds);
        Assert.Equal(86400u, info.LockoutRecoverySeconds);
        Assert.Equal(true, info.OwnerAuthSet);
        Assert.Equal(true, info.TpmGeneratedEps);
        Assert.Equal(false, info.InLockout);
        Assert.Equal(true, info.EndorsementHierarchyEnabled);
        Assert.Equal(1024u, info.NvBufferMax);
    }

    [Fact]
    public void A_recorded_tpm_error_response_makes_the_facts_unknown_with_the_tpm_s_own_reason()
    {
        byte[] initialize = [0x80, 0x01, 0, 0, 0, 10, 0, 0, 0x01, 0x00];
        var info = TpmAnalyzer.Describe(Bundle(Transport(), Blob(TpmEvidenceIds.CapabilityProperties, initialize)));
        Assert.Null(info.TpmVersion);
        var reason = Assert.Single(info.Unknowns);
        Assert.Contains("the TPM refused", reason, StringComparison.Ordinal);
        Assert.Contains("TPM_RC_INITIALIZE", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recorded_response_cut_short_makes_the_facts_unknown_naming_the_offset()
    {
        var full = Properties(moreData: false, (0x100, 0x322E3000), (0x105, 0x49424D00));
        var cut = full.Take(full.Length - 3).ToArray();
        cut[5] = (byte)cut.Length;
        var info = TpmAnalyzer.Describe(Bundle(Transport(), Blob(TpmEvidenceIds.CapabilityProperties, cut)));
        Assert.Null(info.ManufacturerId);
        Assert.Contains(info.Unknowns, u => u.Contains("is malformed", StringComparison.Ordinal) && u.Contains("at byte 15: TPML_TAGGED_TPM_PROPERTY has 2 entries but only 13 bytes follow", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bundle_captured_without_tpm_facts_leaves_presence_unknown_and_says_so()
    {
        var info = TpmAnalyzer.Describe(Bundles.Windows());
        Assert.Null(info.Present);
        Assert.Contains("TPM: the bundle holds no TPM facts (it was captured without them).", info.Unknowns);
        Assert.Empty(TpmAnalyzer.ReadPcrs(Bundles.Windows(), out var reason));
        Assert.Equal("The bundle holds no PCR values (it was captured without them).", reason);
    }

    [Fact]
    public void An_ek_certificate_index_larger_than_its_certificate_is_read_up_to_the_certificate_s_own_length()
    {
        var der = System.IO.File.ReadAllBytes(System.IO.Path.Combine(Repo.Root, "fuzz", "corpus", "tpm-ek-certificate", "swtpm-ek-rsa2048.der"));
        var info = TpmAnalyzer.Describe(Bundle([Transport(), .. CertificateItems([.. der, .. new byte[200]])]));
        var certificate = Assert.Single(info.EndorsementCertificates!);
        Assert.True(certificate.Provisioned);
        Assert.Equal("CN=swtpm-localca", certificate.Issuer);
        Assert.Equal(der, certificate.GetRawData());
    }

    [Theory]
    [InlineData(0, "The index holds no data.")]
    [InlineData(500, "The NV data is not a certificate: ")]
    public void An_ek_certificate_index_without_a_readable_certificate_is_not_provisioned_and_says_why(int length, string reason)
    {
        var der = System.IO.File.ReadAllBytes(System.IO.Path.Combine(Repo.Root, "fuzz", "corpus", "tpm-ek-certificate", "swtpm-ek-rsa2048.der"));
        var info = TpmAnalyzer.Describe(Bundle([Transport(), .. CertificateItems(der.Take(length).ToArray())]));
        var certificate = Assert.Single(info.EndorsementCertificates!);
        Assert.False(certificate.Provisioned);
        Assert.StartsWith(reason, certificate.Error, StringComparison.Ordinal);
        Assert.Null(certificate.Issuer);
        Assert.Equal(false, info.RsaEndorsementCertificate);
    }

    /// <summary>The NV index list, NV public area and NV_Read responses (ST_SESSIONS, 1024-byte chunks) of 0x01C00002 holding <paramref name="data"/>.</summary>
    private static EvidenceItem[] CertificateItems(byte[] data)
    {
        const uint Index = 0x01C00002;
        var reads = new List<byte>();
        for (var offset = 0; offset < data.Length; offset += 1024)
        {
            var chunk = data.Skip(offset).Take(1024).ToArray();
            reads.AddRange(Response(0x8002, [.. U32(2 + (uint)chunk.Length), (byte)(chunk.Length >> 8), (byte)chunk.Length, .. chunk, 0, 0, 1, 0, 0]));
        }

        byte[] nvPublic = [.. U32(Index), 0x00, 0x0B, .. U32(0x20040000), 0x00, 0x00, (byte)(data.Length >> 8), (byte)data.Length];
        return
        [
            Blob(TpmEvidenceIds.CapabilityNvIndexes, Response(0x8001, [0, .. U32(1), .. U32(1), .. U32(Index)])),
            Blob(TpmEvidenceIds.NvReadPublic(Index), Response(0x8001, [(byte)(nvPublic.Length >> 8), (byte)nvPublic.Length, .. nvPublic, 0x00, 0x22, .. new byte[34]])),
            Blob(TpmEvidenceIds.NvRead(Index), reads.ToArray()),
        ];
    }

    private static byte[] Response(ushort tag, byte[] body) => [(byte)(tag >> 8), (byte)tag, .. U32(10 + (uint)body.Length), 0, 0, 0, 0, .. body];

    private static byte[] Properties(bool moreData, params (uint Property, uint Value)[] properties)
    {
        var body = new List<byte> { (byte)(moreData ? 1 : 0) };
        body.AddRange(U32(6));
        body.AddRange(U32((uint)properties.Length));
        foreach (var (p, v) in properties)
        {
            body.AddRange(U32(p));
            body.AddRange(U32(v));
        }

        return [0x80, 0x01, .. U32((uint)(10 + body.Count)), 0, 0, 0, 0, .. body];
    }

    private static byte[] U32(uint v) => [(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v];

    private static EvidenceItem Win32Tpm(params (string Name, EvidenceValue Value)[] properties) =>
        EvidenceItem.ForRecords(TpmEvidenceIds.Win32Tpm, "CIM root\\CIMV2\\Security\\MicrosoftTpm Win32_Tpm", Time, [Bundles.Record(properties)]);

    private static EvidenceItem Tbs(ulong interfaceType, ulong revision) =>
        EvidenceItem.ForRecords(BaselineEvidenceIds.TpmDeviceInfo, "tbs!Tbsi_GetDeviceInfo", Time,
            [Bundles.Record(("StructVersion", EvidenceValue.FromUInt64(1)), ("TpmVersion", EvidenceValue.FromUInt64(2)), ("TpmInterfaceType", EvidenceValue.FromUInt64(interfaceType)), ("TpmImpRevision", EvidenceValue.FromUInt64(revision)))]);

    private static EvidenceItem Transport() =>
        EvidenceItem.ForRecords(TpmEvidenceIds.Transport, "TpmCollector", Time, [Bundles.Record(("Transport", EvidenceValue.FromString("Tbs")), ("Endpoint", EvidenceValue.FromString("TBS")))]);

    private static EvidenceItem Blob(string id, byte[] data) => EvidenceItem.ForBlob(id, "TPM2_GetCapability via TBS", Time, data);

    private static EvidenceBundle Bundle(params EvidenceItem[] items) =>
        new(EvidenceSchema.CurrentVersion, new NodeIdentity("NODE01", NodePlatform.Windows, "Microsoft Windows 10.0.25398", "X64"), Time, "0.1.0", items);
}
