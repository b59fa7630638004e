using System;
using System.Linq;
using AzureLocalSecurity.SecureBoot.Events;
using Xunit;

namespace AzureLocalSecurity.Tests.SecureBoot.Events;

/// <summary>
/// The event XML reader over real Code Integrity events from a Windows 10 machine (pretty-printed, double quotes) and
/// hand-made TPM-WMI events in the shape EventRecord.ToXml() gives (one line, single quotes); Vectors/windows/PROVENANCE.md.
/// </summary>
public sealed class WindowsEventXmlTests
{
    private const string Ns = "xmlns='http://schemas.microsoft.com/win/2004/08/events/event'";

    [Fact]
    public void The_five_real_code_integrity_events_cut_from_the_vector_read_in_their_order()
    {
        var blocks = EventVectors.CodeIntegrityEvents();
        var events = WindowsEventXml.Parse(string.Join("\n", blocks));
        Assert.Equal(5, blocks.Count);
        Assert.Equal([3033, 3089, 3077, 3089, 3099], events.Select(e => e.EventId));
        Assert.Equal([191L, 192L, 193L, 194L, 197L], events.Select(e => e.RecordId!.Value));
    }

    [Fact]
    public void A_real_event_reads_every_system_field()
    {
        var e = WindowsEventXml.Parse(EventVectors.CodeIntegrityEvents()[0]).Single();
        Assert.Equal("Microsoft-Windows-CodeIntegrity", e.ProviderName);
        Assert.Equal(new Guid("4ee76bd8-3cf4-44a0-a0ac-3937643e37a3"), e.ProviderGuid);
        Assert.Equal(3033, e.EventId);
        Assert.Null(e.Qualifiers);
        Assert.Equal(0, e.Version);
        Assert.Equal(2, e.Level);
        Assert.Equal(1, e.Task);
        Assert.Equal(111, e.Opcode);
        Assert.Equal(0x8000000000000000UL, e.Keywords);
        Assert.Equal(new DateTimeOffset(2021, 12, 27, 19, 58, 5, TimeSpan.Zero).AddTicks(166515), e.TimeCreated);
        Assert.Equal(TimeSpan.Zero, e.TimeCreated!.Value.Offset);
        Assert.Equal(191L, e.RecordId);
        Assert.Equal(new Guid("06dc59e1-fb5b-0001-7580-dc065bfbd701"), e.ActivityId);
        Assert.Equal("Microsoft-Windows-CodeIntegrity/Operational", e.Channel);
        Assert.Equal("DESKTOP-7E3E45C", e.Computer);
        Assert.Equal("S-1-5-21-352879197-4051354371-3799005610-1001", e.UserId);
    }

    [Fact]
    public void Event_data_is_read_by_name_with_spaces_and_non_ascii_text_kept()
    {
        var e = WindowsEventXml.Parse(EventVectors.CodeIntegrityEvents()[2]).Single();
        Assert.Equal(3077, e.EventId);
        Assert.Equal(@"\Device\HarddiskVolume3\Windows\System32\scrobj.dll", e.GetData("File Name"));
        Assert.Equal("1", e.GetData("Validated Signing Level"));
        Assert.Equal("0xc0e90002", e.GetData("Status"));
        Assert.Equal("Windows ® Script Component Runtime", e.GetData("FileDescription"));
        Assert.Equal("{496a5746-5600-4cdd-b22e-333fd5614d00}", e.GetData("PolicyGUID"));
        Assert.Equal(36, e.Data.Count);
        Assert.Empty(e.UnnamedData);
    }

    [Fact]
    public void An_empty_data_element_is_present_with_no_value()
    {
        var e = WindowsEventXml.Parse(EventVectors.CodeIntegrityEvents()[2]).Single();
        Assert.True(e.Data.ContainsKey("PackageFamilyName"));
        Assert.Null(e.GetData("PackageFamilyName"));
        Assert.Equal("0", e.GetData("PackageFamilyNameLength"));
    }

    [Fact]
    public void An_empty_correlation_leaves_the_activity_id_null()
    {
        var e = WindowsEventXml.Parse(EventVectors.CodeIntegrityEvents()[4]).Single();
        Assert.Equal(3099, e.EventId);
        Assert.Null(e.ActivityId);
        Assert.Equal("S-1-5-18", e.UserId);
        Assert.Equal("0x91880004", e.GetData("Options"));
    }

    [Fact]
    public void Data_names_are_case_sensitive_and_an_absent_name_reads_null()
    {
        var e = WindowsEventXml.Parse(EventVectors.Read(EventVectors.TpmWmi1801)).Single();
        Assert.Equal("0x0", e.GetData("HResult"));
        Assert.Null(e.GetData("hresult"));
        Assert.Null(e.GetData("SkipReason"));
    }

    [Fact]
    public void The_hand_made_1801_reads_the_provider_and_the_five_data_fields_of_winapi_section_9()
    {
        var e = WindowsEventXml.Parse(EventVectors.Read(EventVectors.TpmWmi1801)).Single();
        Assert.Equal(SecureBootEventCatalog.ProviderName, e.ProviderName);
        Assert.Equal(SecureBootEventCatalog.ProviderGuid, e.ProviderGuid);
        Assert.Equal(1801, e.EventId);
        Assert.Equal(2, e.Level);
        Assert.Equal(48211L, e.RecordId);
        Assert.Equal("System", e.Channel);
        Assert.Equal(["DeviceAttributes", "BucketId", "BucketConfidenceLevel", "UpdateType", "HResult"], e.Data.Keys);
        Assert.Equal("Under Observation - More Data Needed", e.GetData("BucketConfidenceLevel"));
        Assert.Equal(new DateTimeOffset(2026, 2, 28, 6, 5, 12, TimeSpan.Zero).AddTicks(3456789), e.TimeCreated);
    }

    [Fact]
    public void A_capture_of_three_tpm_wmi_events_reads_them_in_the_text_order()
    {
        var events = WindowsEventXml.Parse(EventVectors.TpmWmiCapture());
        Assert.Equal([1808, 1795, 1801], events.Select(e => e.EventId));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 18, 5, 3, TimeSpan.Zero), events[0].TimeCreated);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 6, 5, 40, 100, TimeSpan.Zero), events[1].TimeCreated);
        Assert.Equal(new Guid("3b1f6d2e-8c4a-4f5e-9a7b-2c1d0e9f8a7b"), events[0].ActivityId);
    }

    [Fact]
    public void Events_inside_an_events_wrapper_read_the_same_as_events_one_after_another()
    {
        var blocks = EventVectors.CodeIntegrityEvents();
        var wrapped = WindowsEventXml.Parse("<Events>" + string.Join(string.Empty, blocks) + "</Events>");
        var loose = WindowsEventXml.Parse(string.Concat(blocks));
        Assert.Equal(loose.Select(e => (e.EventId, e.RecordId, e.Data.Count)), wrapped.Select(e => (e.EventId, e.RecordId, e.Data.Count)));
        Assert.Equal(5, wrapped.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \r\n\t ")]
    [InlineData("<Events></Events>")]
    [InlineData("<Events/>")]
    public void Text_without_an_event_holds_no_event(string xml)
    {
        Assert.Empty(WindowsEventXml.Parse(xml));
    }

    [Theory]
    [InlineData("2026-03-02T18:05:03.123456789Z", 1234567)]
    [InlineData("2026-03-02T18:05:03.649999200Z", 6499992)]
    [InlineData("2026-03-02T18:05:03.12345678Z", 1234567)]
    [InlineData("2026-03-02T18:05:03.1234567Z", 1234567)]
    public void Fractions_longer_than_ticks_hold_are_cut_to_seven_digits(string time, long ticks)
    {
        var e = WindowsEventXml.Parse(EventVectors.Event(1808, time, 1)).Single();
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 18, 5, 3, TimeSpan.Zero).AddTicks(ticks), e.TimeCreated);
    }

    [Theory]
    [InlineData("2026-03-02T18:05:03.1234x6789Z")]
    [InlineData("2026-03-02T18:05:03+01:00")]
    [InlineData("2026-03-02 18:05:03Z")]
    [InlineData("yesterday")]
    [InlineData("")]
    public void A_time_that_does_not_read_is_null_not_an_error(string time)
    {
        var e = WindowsEventXml.Parse(EventVectors.Event(1808, time, 1)).Single();
        Assert.Null(e.TimeCreated);
        Assert.Equal(1808, e.EventId);
    }

    [Fact]
    public void Header_values_that_are_not_numbers_are_null_and_the_event_still_reads()
    {
        var xml = $"<Event {Ns}><System><Provider Name='P' Guid='not-a-guid'/><EventID>7</EventID><Version>v1</Version><Level>-2</Level>"
            + "<Keywords>0xZZ</Keywords><EventRecordID>12x</EventRecordID><Correlation ActivityID='{broken'/></System></Event>";
        var e = WindowsEventXml.Parse(xml).Single();
        Assert.Equal(7, e.EventId);
        Assert.Equal("P", e.ProviderName);
        Assert.Null(e.ProviderGuid);
        Assert.Null(e.Version);
        Assert.Null(e.Level);
        Assert.Null(e.Keywords);
        Assert.Null(e.RecordId);
        Assert.Null(e.ActivityId);
    }

    [Fact]
    public void A_classic_source_keeps_its_qualifiers_and_its_unnamed_data_in_order()
    {
        var xml = $"<Event {Ns}><System><Provider Name='Service Control Manager'/><EventID Qualifiers='16384'>7036</EventID></System>"
            + "<EventData><Data>Windows Update</Data><Data/><Data>running</Data><Binary>7700750061007500</Binary></EventData></Event>";
        var e = WindowsEventXml.Parse(xml).Single();
        Assert.Equal(16384, e.Qualifiers);
        Assert.Equal(7036, e.EventId);
        Assert.Equal(["Windows Update", null, "running"], e.UnnamedData);
        Assert.Empty(e.Data);
    }

    [Fact]
    public void User_data_is_flattened_from_its_first_element_by_child_name()
    {
        var xml = $"<Event {Ns}><System><Provider Name='Microsoft-Windows-Eventlog'/><EventID>104</EventID></System><UserData>"
            + "<LogFileCleared xmlns='http://manifests.microsoft.com/win/2004/08/windows/eventlog'><SubjectUserName>admin</SubjectUserName>"
            + "<SubjectDomainName>CONTOSO</SubjectDomainName><Channel>System</Channel><BackupPath/></LogFileCleared>"
            + "<Second><Ignored>x</Ignored></Second></UserData></Event>";
        var e = WindowsEventXml.Parse(xml).Single();
        Assert.Equal(["SubjectUserName", "SubjectDomainName", "Channel", "BackupPath"], e.Data.Keys);
        Assert.Equal("CONTOSO", e.GetData("SubjectDomainName"));
        Assert.Null(e.GetData("BackupPath"));
        Assert.Null(e.Channel);
    }

    [Fact]
    public void The_first_of_a_repeated_data_name_is_kept()
    {
        var e = WindowsEventXml.Parse(EventVectors.Event(1802, null, 1, 3, data: [("SkipReason", "KI_4"), ("SkipReason", "KI_9")])).Single();
        Assert.Equal("KI_4", e.GetData("SkipReason"));
        Assert.Single(e.Data);
    }

    [Fact]
    public void Rendering_info_is_ignored_and_does_not_overwrite_the_system_fields()
    {
        var xml = $"<Event {Ns}><System><Provider Name='Microsoft-Windows-TPM-WMI'/><EventID>1801</EventID><Level>2</Level></System>"
            + "<EventData><Data Name='UpdateType'>0</Data></EventData><RenderingInfo Culture='de-DE'><Message>Die Zertifikate …</Message>"
            + "<Level>Fehler</Level><Task></Task><Provider>TPM-WMI</Provider><Keywords><Keyword>Klassisch</Keyword></Keywords></RenderingInfo></Event>";
        var e = WindowsEventXml.Parse(xml).Single();
        Assert.Equal(2, e.Level);
        Assert.Equal("Microsoft-Windows-TPM-WMI", e.ProviderName);
        Assert.Equal(["UpdateType"], e.Data.Keys);
    }

    [Fact]
    public void Character_references_predefined_entities_and_cdata_are_decoded_in_data()
    {
        var xml = $"<Event {Ns}><System><EventID>1</EventID></System><EventData><Data Name='a'>A&amp;B &lt;&#x41;&gt;</Data>"
            + "<Data Name='b'><![CDATA[<raw & text>]]></Data><Data Name='c'>  </Data></EventData></Event>";
        var e = WindowsEventXml.Parse(xml).Single();
        Assert.Equal("A&B <A>", e.GetData("a"));
        Assert.Equal("<raw & text>", e.GetData("b"));
        Assert.Equal("  ", e.GetData("c"));
    }

    [Fact]
    public void Comments_and_an_xml_declaration_before_the_events_are_passed_over()
    {
        var xml = "<?xml version='1.0' encoding='utf-8'?>\n<!-- wevtutil qe System -->\n" + EventVectors.Read(EventVectors.TpmWmi1808);
        Assert.Equal(1808, WindowsEventXml.Parse(xml).Single().EventId);
    }

    [Fact]
    public void A_byte_order_mark_before_the_events_is_passed_over()
    {
        var e = WindowsEventXml.Parse("\uFEFF" + EventVectors.Read(EventVectors.TpmWmi1808)).Single();
        Assert.Equal(1808, e.EventId);
    }

    [Fact]
    public void A_byte_order_mark_after_the_start_is_text_outside_an_event()
    {
        var ex = Assert.Throws<WindowsEventFormatException>(() => WindowsEventXml.Parse(EventVectors.Read(EventVectors.TpmWmi1808) + "\uFEFF"));
        Assert.Equal("text outside an event", ex.Problem);
    }
}
