using System;
using System.Linq;
using AzureLocalSecurity.AppControl.Live;
using AzureLocalSecurity.SecureBoot.Events;
using AzureLocalSecurity.Tests.SecureBoot.Events;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.AppControl.Live;

public sealed class CodeIntegrityEventReaderTests
{
    private static readonly Guid AaronLockerPolicy = new("496a5746-5600-4cdd-b22e-333fd5614d00");

    private static System.Collections.Generic.IReadOnlyList<CodeIntegrityEvent> RealEvents() =>
        CodeIntegrityEventReader.Read(string.Join("\n", EventVectors.CodeIntegrityEvents()));

    [Fact]
    public void The_real_events_come_back_newest_first()
    {
        Assert.Equal([3099, 3089, 3077, 3089, 3033], RealEvents().Select(e => e.EventId));
        Assert.Equal(
            [CodeIntegrityEventKind.PolicyActivated, CodeIntegrityEventKind.Signature, CodeIntegrityEventKind.Blocked, CodeIntegrityEventKind.Signature, CodeIntegrityEventKind.SigningLevelBlocked],
            RealEvents().Select(e => e.Kind));
    }

    [Fact]
    public void The_real_3077_reads_its_file_process_signing_levels_hash_and_policy()
    {
        var e = RealEvents().Single(x => x.EventId == 3077);

        Assert.Equal(@"\Device\HarddiskVolume3\Windows\System32\scrobj.dll", e.FilePath);
        Assert.Equal("HarddiskVolume3", e.FileVolume);
        Assert.Equal(@"\Windows\System32\scrobj.dll", e.FileDisplayPath);
        Assert.Equal("scrobj.dll", e.FileName);
        Assert.Equal(@"\Device\HarddiskVolume3\Windows\System32\regsvr32.exe", e.ProcessPath);
        Assert.Equal("regsvr32.exe", e.ProcessName);
        Assert.Equal(2, e.RequestedSigningLevel);
        Assert.Equal("Trusted by App Control for Business policy", e.RequestedSigningLevelName);
        Assert.Equal(1, e.ValidatedSigningLevel);
        Assert.Equal("0xc0e90002", e.Status);
        Assert.Equal("C22C0675B180EFD4656134AFF576860F4086FBFD775A9C0D7BEFDD08C1F80108", e.Sha256Hash);
        Assert.Equal("15CDD7ED37A78CE09017B11C7252E925E4A3313E", e.Sha1Hash);
        Assert.Equal("AaronLocker AppLocker enhancement - disallow specific EXE/DLL combinations", e.PolicyName);
        Assert.Equal("AaronLocker WDAC policy", e.PolicyIdText);
        Assert.Equal(AaronLockerPolicy, e.PolicyGuid);
        Assert.Equal("5.812.10240.16384", e.FileVersion);
        Assert.Equal(1, e.SigningScenario);
        Assert.False(e.UserWriteable);
        Assert.Equal(new DateTimeOffset(2021, 12, 27, 19, 58, 5, 19, TimeSpan.Zero).AddTicks(333), e.TimeCreated);
        Assert.True(e.IsBlocked);
        Assert.False(e.IsAudit);
    }

    [Fact]
    public void The_real_3077_carries_the_signature_of_the_3089_logged_after_it()
    {
        var e = RealEvents().Single(x => x.EventId == 3077);

        var signature = Assert.Single(e.Signatures);
        Assert.Equal(1, signature.TotalSignatureCount);
        Assert.Equal(0, signature.Index);
        Assert.Equal("Microsoft Windows", signature.PublisherName);
        Assert.Equal("Microsoft Windows Production PCA 2011", signature.IssuerName);
        Assert.Equal(4, signature.SignatureType);
        Assert.Equal("Uncached catalog", signature.SignatureTypeName);
        Assert.Equal(12, signature.ValidatedSigningLevel);
        Assert.Equal("Windows signed", signature.ValidatedSigningLevelName);
        Assert.Equal(26, signature.VerificationError);
        Assert.Equal("Explicitly denied by App Control policy", signature.VerificationErrorName);
        Assert.Equal("4E80BE107C860DE896384B3EFF50504DC2D76AC7151DF3102A4450637A032146", signature.IssuerTbsHash);
        Assert.Equal(new DateTimeOffset(2022, 9, 1, 18, 23, 41, TimeSpan.Zero), signature.NotValidAfter);
        Assert.Equal("Microsoft Windows", e.Signer);
        Assert.Equal("Microsoft Windows Production PCA 2011", e.Issuer);
    }

    [Fact]
    public void The_real_3033_reads_its_buffer_names_and_carries_the_3089_logged_after_it()
    {
        var e = RealEvents().Single(x => x.EventId == 3033);

        Assert.Equal(@"\Device\HarddiskVolume3\Windows\System32\scrobj.dll", e.FilePath);
        Assert.Equal("regsvr32.exe", e.ProcessName);
        Assert.Equal(2, e.RequestedSigningLevel);
        Assert.Equal(1, e.ValidatedSigningLevel);
        Assert.Equal("3236495362", e.Status);
        Assert.Equal("Microsoft Windows", Assert.Single(e.Signatures).PublisherName);
    }

    [Fact]
    public void The_real_3099_reads_the_loaded_policy_and_its_options_as_enforced()
    {
        var e = RealEvents().Single(x => x.EventId == 3099);

        Assert.Equal(AaronLockerPolicy, e.PolicyGuid);
        Assert.Equal("AaronLocker AppLocker enhancement - disallow specific EXE/DLL combinations", e.PolicyName);
        Assert.Equal("AaronLocker WDAC policy", e.PolicyIdText);
        Assert.Equal(0x91880004u, e.PolicyOptionFlags);
        Assert.False(e.PolicyIsAuditMode);
        Assert.Equal(["Enabled:UMCI", "Enabled:Unsigned System Integrity Policy", "Enabled:Advanced Boot Options Menu", "Disabled:Script Enforcement", "Enabled:Update Policy No Reboot"], e.PolicyOptions);
        Assert.Empty(e.Signatures);
    }

    [Fact]
    public void A_3089_keeps_its_own_signature_when_read_alone()
    {
        var e = RealEvents().First(x => x.EventId == 3089);

        Assert.Equal("Microsoft Windows", Assert.Single(e.Signatures).PublisherName);
        Assert.Null(e.PolicyIsAuditMode);
    }

    [Fact]
    public void A_3089_logged_before_any_block_event_of_its_activity_goes_to_the_first_one()
    {
        var activity = Guid.NewGuid();
        var xml = AppControlBundles.CiEvent(3089, 2, "2026-10-01T00:00:00.0000000Z", 10, activity, ("TotalSignatureCount", "1"), ("Signature", "0"), ("PublisherName", "Contoso Ltd"))
            + AppControlBundles.CiEvent(3076, 5, "2026-10-01T00:00:00.1000000Z", 11, activity, ("File Name", @"\Device\HarddiskVolume3\a.exe"));

        var audit = CodeIntegrityEventReader.Read(xml).Single(e => e.EventId == 3076);

        Assert.Equal("Contoso Ltd", audit.Signer);
        Assert.True(audit.IsAudit);
    }

    [Fact]
    public void An_unsigned_files_3089_makes_its_signer_unsigned()
    {
        var activity = Guid.NewGuid();
        var xml = AppControlBundles.CiEvent(3077, 5, "2026-10-01T00:00:00.0000000Z", 10, activity, ("File Name", @"\Device\HarddiskVolume3\a.exe"))
            + AppControlBundles.CiEvent(3089, 2, "2026-10-01T00:00:00.0000000Z", 11, activity, ("TotalSignatureCount", "0"), ("Signature", "0"), ("VerificationError", "3"));

        var blocked = CodeIntegrityEventReader.Read(xml).Single(e => e.EventId == 3077);

        Assert.Equal("(unsigned)", blocked.Signer);
        Assert.Null(blocked.Issuer);
        Assert.Equal("File isn't signed", blocked.Signatures[0].VerificationErrorName);
    }

    [Fact]
    public void A_block_event_without_a_3089_has_no_signer()
    {
        var xml = AppControlBundles.CiEvent(3077, 5, "2026-10-01T00:00:00.0000000Z", 10, Guid.NewGuid(), ("File Name", @"C:\a.exe"));

        var blocked = Assert.Single(CodeIntegrityEventReader.Read(xml));

        Assert.Null(blocked.Signer);
        Assert.Null(blocked.FileVolume);
        Assert.Equal(@"C:\a.exe", blocked.FileDisplayPath);
        Assert.Equal("a.exe", blocked.FileName);
    }

    [Fact]
    public void Another_providers_events_are_passed_over()
    {
        var xml = EventVectors.Read(EventVectors.TpmWmi1801) + string.Join("\n", EventVectors.CodeIntegrityEvents());

        Assert.Equal(5, CodeIntegrityEventReader.Read(xml).Count);
    }

    [Fact]
    public void Text_that_is_not_event_XML_is_the_event_parsers_exception()
    {
        Assert.Throws<WindowsEventFormatException>(() => CodeIntegrityEventReader.Read(EventVectors.Read(EventVectors.CodeIntegrityFile)));
    }

    [Theory]
    [InlineData(3076, CodeIntegrityEventKind.Audit)]
    [InlineData(3077, CodeIntegrityEventKind.Blocked)]
    [InlineData(3089, CodeIntegrityEventKind.Signature)]
    [InlineData(3099, CodeIntegrityEventKind.PolicyActivated)]
    [InlineData(3033, CodeIntegrityEventKind.SigningLevelBlocked)]
    [InlineData(3034, CodeIntegrityEventKind.SigningLevelAudit)]
    [InlineData(3004, CodeIntegrityEventKind.Other)]
    public void Each_event_id_has_its_kind(int id, CodeIntegrityEventKind kind)
    {
        Assert.Equal(kind, CodeIntegrityEventReader.KindOf(id));
    }

    [Fact]
    public void The_real_3033_and_3077_of_one_file_and_signer_are_one_group_of_two()
    {
        var group = Assert.Single(CodeIntegrityEventGroup.Group("DESKTOP-7E3E45C", RealEvents()));

        Assert.Equal(2, group.Count);
        Assert.Equal("scrobj.dll", group.FileName);
        Assert.Equal("Microsoft Windows", group.Signer);
        Assert.Equal([CodeIntegrityEventKind.Blocked, CodeIntegrityEventKind.SigningLevelBlocked], group.Kinds);
        Assert.Equal(["AaronLocker AppLocker enhancement - disallow specific EXE/DLL combinations"], group.Policies);
        Assert.Equal([@"\Device\HarddiskVolume3\Windows\System32\regsvr32.exe"], group.Processes);
        Assert.Equal(new DateTimeOffset(2021, 12, 27, 19, 58, 5, 16, TimeSpan.Zero).AddTicks(6515), group.FirstSeen);
        Assert.True(group.WasBlocked);
    }

    [Fact]
    public void Groups_split_files_and_count_each_files_blocks_latest_first()
    {
        var log = AzureLocalSecurity.AppControl.Live.AppControlAnalyzer.ReadEvents(AppControlBundles.AzureLocalEnforced());

        var groups = CodeIntegrityEventGroup.Group("NODE01", log.Events);

        Assert.Equal(["agent.dll", "netscan.exe"], groups.Select(g => g.FileName));
        Assert.Equal([1, 2], groups.Select(g => g.Count));
        Assert.Equal(["Contoso Ltd", "(unsigned)"], groups.Select(g => g.Signer));
        Assert.Equal([@"\Device\HarddiskVolume3\Windows\System32\cmd.exe", @"\Device\HarddiskVolume3\Windows\explorer.exe"], groups[1].Processes);
        Assert.Equal(new DateTimeOffset(2026, 10, 29, 14, 20, 5, 700, TimeSpan.Zero), groups[1].FirstSeen);
        Assert.Equal(new DateTimeOffset(2026, 10, 30, 9, 2, 47, 120, TimeSpan.Zero), groups[1].LastSeen);
        Assert.Single(groups[1].Sha256Hashes);
    }
}
