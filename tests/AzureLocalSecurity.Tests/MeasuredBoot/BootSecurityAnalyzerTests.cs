using System;
using System.Linq;
using System.Text;
using AzureLocalSecurity.MeasuredBoot;
using AzureLocalSecurity.MeasuredBoot.Security;
using Xunit;

namespace AzureLocalSecurity.Tests.MeasuredBoot;

public class BootSecurityAnalyzerTests
{
    private const uint DriverConfig = 0x80000001;
    private const uint Authority = 0x800000E0;
    private const uint EventTag = 0x00000006;
    private const uint Separator = 0x00000004;
    private static readonly Guid GlobalVariable = new("8BE4DF61-93CA-11D2-AA0D-00E098032B8C");
    private static readonly Guid ImageSecurityDatabase = new("D719B2CB-3D3A-4596-A3BC-DAD00E67656F");
    private static readonly Lazy<BootSecurityState> Windows = new(() => BootSecurityAnalyzer.Analyze(TcgEventLog.Parse(EventLogVectors.WindowsLog()), "windows_gcp_shielded_vm"));

    [Fact]
    public void Windows_log_proves_secure_boot_on_from_its_pcr7_record()
    {
        var fact = Windows.Value.Find("SecureBoot")!;
        Assert.True(fact.Enabled);
        Assert.Equal(7, fact.PcrIndex);
        Assert.Equal("EV_EFI_VARIABLE_DRIVER_CONFIG", fact.EventType);
        Assert.True(Windows.Value.SecureBootEnabled);
    }

    [Fact]
    public void Windows_log_names_microsofts_2011_certificates_in_the_measured_db_and_kek()
    {
        Assert.Contains("Microsoft Windows Production PCA 2011", Windows.Value.DbCertificates);
        Assert.Contains("Microsoft Corporation KEK CA 2011", Windows.Value.KeyExchangeKeys);
        Assert.True(Windows.Value.Find("dbx")!.Enabled);
    }

    [Fact]
    public void Windows_log_names_the_authority_that_let_the_boot_manager_run()
    {
        // Google's shielded VM db holds Microsoft's root CA 2010 itself, and that is the entry record 7 measures
        // (openssl reads the same subject from the record's certificate, SHA-1 3B1EFD3A66EA28B16697394703A72CA340A05BD5).
        var authority = Assert.Single(Windows.Value.BootAuthorities);
        Assert.StartsWith("CN=Microsoft Root Certificate Authority 2010, O=Microsoft Corporation", authority, StringComparison.Ordinal);
        Assert.Equal(7, Windows.Value.Find("BootAuthority")!.EventIndex);
        Assert.Equal(7, Windows.Value.Find("BootAuthority")!.PcrIndex);
    }

    [Fact]
    public void Windows_log_reads_code_integrity_on_and_test_signing_and_debugging_off()
    {
        var state = Windows.Value;
        Assert.True(state.IsWindowsBoot);
        Assert.True(state.Find("CodeIntegrity")!.Enabled);
        Assert.False(state.Find("TestSigning")!.Enabled);
        Assert.False(state.Find("BootDebugging")!.Enabled);
        Assert.Equal("EV_EVENT_TAG", state.Find("CodeIntegrity")!.EventType);
    }

    [Fact]
    public void Windows_log_reads_vsm_off_and_so_hvci_and_credential_guard_off()
    {
        var state = Windows.Value;
        Assert.False(state.Find("Vsm")!.Enabled);
        Assert.NotNull(state.Find("Vsm")!.EventIndex);
        Assert.False(state.Find("Hvci")!.Enabled);
        Assert.False(state.Find("CredentialGuard")!.Enabled);
        Assert.Contains("VSM was not launched", state.Find("Hvci")!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Windows_log_names_the_elam_driver()
    {
        var elam = Windows.Value.Find("Elam")!;
        Assert.True(elam.Enabled);
        Assert.Equal("Windows Defender", elam.Value);
    }

    [Fact]
    public void Drtm_is_unknown_not_off_when_the_srtm_log_has_no_dynamic_measurement()
    {
        var drtm = Windows.Value.Find("Drtm")!;
        Assert.Null(drtm.Enabled);
        Assert.Contains("TBS_TCGLOG_DRTM_CURRENT", drtm.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_fact_that_is_decided_names_the_record_that_proves_it_or_says_why()
    {
        Assert.All(Windows.Value.Facts, f => Assert.True(f.EventIndex is not null || f.Reason is not null, f.Name));
    }

    [Fact]
    public void A_secure_boot_variable_of_zero_is_off()
    {
        var state = Analyze(b => b.Event(7, DriverConfig, Variable(GlobalVariable, "SecureBoot", [0])));
        Assert.False(state.SecureBootEnabled);
        Assert.Equal(1, state.Find("SecureBoot")!.EventIndex);
    }

    [Fact]
    public void A_log_without_the_secure_boot_variable_leaves_it_unknown_with_the_reason()
    {
        var state = Analyze(b => b.Event(7, Separator, [0, 0, 0, 0]));
        Assert.Null(state.SecureBootEnabled);
        Assert.Contains("BIOS boot", state.Find("SecureBoot")!.Reason, StringComparison.Ordinal);
        Assert.False(state.Find("PK")!.Enabled);
    }

    [Fact]
    public void A_secure_boot_variable_in_another_pcr_proves_nothing()
    {
        var state = Analyze(b => b.Event(1, DriverConfig, Variable(GlobalVariable, "SecureBoot", [1])));
        Assert.Null(state.SecureBootEnabled);
    }

    [Fact]
    public void A_secure_boot_variable_of_the_wrong_size_is_unknown()
    {
        var state = Analyze(b => b.Event(7, DriverConfig, Variable(GlobalVariable, "SecureBoot", [1, 0])));
        Assert.Null(state.SecureBootEnabled);
        Assert.Contains("one byte", state.Find("SecureBoot")!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_pk_is_reported_as_setup_mode()
    {
        var state = Analyze(b => b.Event(7, DriverConfig, Variable(GlobalVariable, "PK", [])));
        Assert.Equal("measured empty", state.Find("PK")!.Value);
        Assert.Contains("Setup Mode", state.Find("PK")!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_db_that_is_not_a_signature_database_says_so()
    {
        var state = Analyze(b => b.Event(7, DriverConfig, Variable(ImageSecurityDatabase, "db", [1, 2, 3])));
        Assert.True(state.Find("db")!.Enabled);
        Assert.Contains("not a signature database", state.Find("db")!.Reason, StringComparison.Ordinal);
        Assert.Empty(state.DbCertificates);
    }

    [Fact]
    public void Test_signing_on_in_any_boot_application_is_on_and_names_that_record()
    {
        var off = TcgLogBuilder.Container(0x40010001, TcgLogBuilder.Sipa(0x00050003, [0]));
        var on = TcgLogBuilder.Container(0x40010001, TcgLogBuilder.Sipa(0x00050003, [1]));
        var state = Analyze(b => b.Event(12, EventTag, off).Event(12, EventTag, on));
        var fact = state.Find("TestSigning")!;
        Assert.True(fact.Enabled);
        Assert.Equal(2, fact.EventIndex);
        Assert.Equal(12, fact.PcrIndex);
    }

    [Fact]
    public void Code_integrity_off_in_any_boot_application_is_off()
    {
        var on = TcgLogBuilder.Container(0x40010001, TcgLogBuilder.Sipa(0x00050002, [1]));
        var off = TcgLogBuilder.Container(0x40010001, TcgLogBuilder.Sipa(0x00050002, [0]));
        var state = Analyze(b => b.Event(12, EventTag, off).Event(12, EventTag, on));
        Assert.False(state.Find("CodeIntegrity")!.Enabled);
        Assert.Equal(1, state.Find("CodeIntegrity")!.EventIndex);
    }

    [Fact]
    public void Hvci_and_credential_guard_come_from_their_own_events_when_vsm_runs()
    {
        var boundary = TcgLogBuilder.Container(0x40010001,
            TcgLogBuilder.Sipa(0x00050012, BitConverter.GetBytes(1ul)),
            TcgLogBuilder.Sipa(0x000A0007, BitConverter.GetBytes(1u)),
            TcgLogBuilder.Sipa(0x00050028, BitConverter.GetBytes(1u)));
        var state = Analyze(b => b.Event(12, EventTag, boundary));
        Assert.True(state.Find("Vsm")!.Enabled);
        Assert.True(state.Find("Hvci")!.Enabled);
        Assert.True(state.Find("CredentialGuard")!.Enabled);
    }

    [Fact]
    public void Hvci_is_unknown_when_vsm_runs_and_no_hvci_event_was_measured()
    {
        var boundary = TcgLogBuilder.Container(0x40010001, TcgLogBuilder.Sipa(0x00050012, BitConverter.GetBytes(1ul)));
        var state = Analyze(b => b.Event(12, EventTag, boundary));
        Assert.Null(state.Find("Hvci")!.Enabled);
    }

    [Fact]
    public void A_record_in_a_dynamic_pcr_proves_drtm()
    {
        var state = Analyze(b => b.Event(17, 0x00000008, Encoding.ASCII.GetBytes("drtm")));
        Assert.True(state.Find("Drtm")!.Enabled);
        Assert.Equal(17, state.Find("Drtm")!.PcrIndex);
    }

    [Fact]
    public void A_firmware_log_without_sipa_leaves_the_windows_facts_unknown()
    {
        var state = BootSecurityAnalyzer.Analyze(TcgEventLog.Parse(EventLogVectors.Read(EventLogVectors.GceUbuntu)));
        Assert.False(state.IsWindowsBoot);
        Assert.All(state.Facts.Where(f => f.Category == "Windows"), f => Assert.Null(f.Enabled));
    }

    [Theory]
    [MemberData(nameof(EventLogVectors.AllFirmwareLogs), MemberType = typeof(EventLogVectors))]
    public void Every_firmware_log_reads_without_throwing_and_every_fact_says_why_when_undecided(string file)
    {
        var state = BootSecurityAnalyzer.Analyze(TcgEventLog.Parse(EventLogVectors.Read(file)), file);
        Assert.All(state.Facts.Where(f => f.Enabled is null), f => Assert.False(string.IsNullOrEmpty(f.Reason), f.Name));
    }

    private static BootSecurityState Analyze(Action<TcgLogBuilder> records)
    {
        var builder = TcgLogBuilder.CryptoAgile((0x000B, 32));
        records(builder);
        return BootSecurityAnalyzer.Analyze(TcgEventLog.Parse(builder.ToArray()));
    }

    /// <summary>UEFI_VARIABLE_DATA: VariableName GUID, UnicodeNameLength and VariableDataLength (UINT64), the name (UTF-16, no NUL), the data.</summary>
    private static byte[] Variable(Guid vendor, string name, byte[] data) =>
        [.. vendor.ToByteArray(), .. BitConverter.GetBytes((ulong)name.Length), .. BitConverter.GetBytes((ulong)data.Length), .. Encoding.Unicode.GetBytes(name), .. data];
}
