using System;
using System.Linq;
using AzureLocalSecurity.SecureBoot.Events;
using Xunit;

namespace AzureLocalSecurity.Tests.SecureBoot.Events;

/// <summary>
/// What the event XML reader refuses, always with WindowsEventFormatException and where: a DTD or an entity (nothing is
/// expanded or fetched), damage, text that is not events, a wrong namespace (a clear error, not silence), nesting deeper
/// than an event has, and more characters or events than the limits.
/// </summary>
public sealed class MalformedWindowsEventXmlTests
{
    private const string Ns = "xmlns='http://schemas.microsoft.com/win/2004/08/events/event'";

    [Fact]
    public void A_dtd_with_an_internal_entity_is_refused_and_nothing_is_expanded()
    {
        var xml = $"<!DOCTYPE Event [<!ENTITY lol 'lol'><!ENTITY lol2 '&lol;&lol;&lol;&lol;'>]><Event {Ns}><System><EventID>1</EventID></System><EventData><Data Name='x'>&lol2;</Data></EventData></Event>";
        var ex = Assert.Throws<WindowsEventFormatException>(() => WindowsEventXml.Parse(xml));
        Assert.Contains("DTD", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, ex.LineNumber);
    }

    [Fact]
    public void An_external_entity_is_refused_before_anything_is_fetched()
    {
        var xml = $"<!DOCTYPE Event [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><Event {Ns}><System><EventID>1</EventID></System><EventData><Data Name='x'>&x;</Data></EventData></Event>";
        var ex = Assert.Throws<WindowsEventFormatException>(() => WindowsEventXml.Parse(xml));
        Assert.IsType<System.Xml.XmlException>(ex.InnerException);
    }

    [Fact]
    public void An_undeclared_entity_reference_is_refused()
    {
        var xml = $"<Event {Ns}><System><EventID>1</EventID></System><EventData><Data Name='x'>&secret;</Data></EventData></Event>";
        Assert.Throws<WindowsEventFormatException>(() => WindowsEventXml.Parse(xml));
    }

    [Fact]
    public void A_truncated_event_is_refused_at_the_end_of_the_text()
    {
        var whole = EventVectors.Read(EventVectors.TpmWmi1801);
        var ex = Assert.Throws<WindowsEventFormatException>(() => WindowsEventXml.Parse(whole.Substring(0, whole.Length / 2)));
        Assert.Equal(1, ex.LineNumber);
        Assert.True(ex.LinePosition > whole.Length / 4, $"position {ex.LinePosition}");
    }

    [Fact]
    public void A_capture_cut_inside_its_second_event_is_refused_whole_not_read_in_part()
    {
        var capture = EventVectors.TpmWmiCapture();
        var cut = capture.Substring(0, capture.IndexOf("<EventID>1795", StringComparison.Ordinal));
        var ex = Assert.Throws<WindowsEventFormatException>(() => WindowsEventXml.Parse(cut));
        Assert.Equal(2, ex.LineNumber);
    }

    [Fact]
    public void The_vector_file_as_a_whole_is_prose_not_events()
    {
        var ex = Assert.Throws<WindowsEventFormatException>(() => WindowsEventXml.Parse(EventVectors.Read(EventVectors.CodeIntegrityFile)));
        Assert.Equal("text outside an event", ex.Problem);
        Assert.Equal(1, ex.LineNumber);
    }

    [Theory]
    [InlineData("not xml at all")]
    [InlineData("{\"EventID\": 1801}")]
    [InlineData("<Event")]
    [InlineData("</Event>")]
    [InlineData("<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><EventID>1</EventID></System></Evnt>")]
    public void Text_that_is_not_event_xml_is_refused(string text)
    {
        Assert.Throws<WindowsEventFormatException>(() => WindowsEventXml.Parse(text));
    }

    [Theory]
    [InlineData("<Event xmlns='urn:example:other'><System><EventID>1</EventID></System></Event>", "namespace 'urn:example:other'")]
    [InlineData("<Event><System><EventID>1</EventID></System></Event>", "namespace ''")]
    [InlineData("<Record xmlns='http://schemas.microsoft.com/win/2004/08/events/event'/>", "element 'Record'")]
    [InlineData("<Events><Events/></Events>", "element 'Events'")]
    public void An_element_that_is_not_an_event_of_the_schema_is_a_clear_error_not_silence(string xml, string words)
    {
        var ex = Assert.Throws<WindowsEventFormatException>(() => WindowsEventXml.Parse(xml));
        Assert.Contains(words, ex.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<System><Provider Name='P'/></System>")]
    [InlineData("<System><EventID>18O1</EventID></System>")]
    [InlineData("<System><EventID>99999999999</EventID></System>")]
    [InlineData("")]
    public void An_event_without_a_numeric_event_id_is_refused(string body)
    {
        var ex = Assert.Throws<WindowsEventFormatException>(() => WindowsEventXml.Parse($"<Event {Ns}>{body}</Event>"));
        Assert.Equal("the event has no System/EventID that is a number", ex.Problem);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused_inside_user_data()
    {
        var deep = string.Concat(Enumerable.Repeat("<a>", 40)) + string.Concat(Enumerable.Repeat("</a>", 40));
        var ex = Assert.Throws<WindowsEventFormatException>(() => WindowsEventXml.Parse($"<Event {Ns}><System><EventID>1</EventID></System><UserData>{deep}</UserData></Event>"));
        Assert.Contains("deeper than 32", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused_inside_an_element_that_is_passed_over()
    {
        var deep = string.Concat(Enumerable.Repeat("<a>", 100_000)) + string.Concat(Enumerable.Repeat("</a>", 100_000));
        var ex = Assert.Throws<WindowsEventFormatException>(() => WindowsEventXml.Parse($"<Event {Ns}><RenderingInfo>{deep}</RenderingInfo></Event>"));
        Assert.Equal(1, ex.LineNumber);
        Assert.Contains("deeper than 32", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_up_to_the_limit_still_reads()
    {
        // Event is depth 0 and UserData 1; 30 more elements put the text inside the last of them at depth 32.
        var deep = string.Concat(Enumerable.Repeat("<a>", 30)) + "x" + string.Concat(Enumerable.Repeat("</a>", 30));
        var e = WindowsEventXml.Parse($"<Event {Ns}><System><EventID>1</EventID></System><UserData>{deep}</UserData></Event>").Single();
        Assert.Equal("x", e.GetData("a"));
    }

    [Fact]
    public void A_huge_attribute_within_the_limit_is_read_past_and_not_kept()
    {
        var xml = $"<Event {Ns}><System><Provider Name='P' Padding='{new string('A', 1024 * 1024)}'/><EventID>5</EventID></System></Event>";
        var e = WindowsEventXml.Parse(xml).Single();
        Assert.Equal(5, e.EventId);
        Assert.Equal("P", e.ProviderName);
    }

    [Fact]
    public void A_text_longer_than_the_character_limit_is_refused_before_it_is_read()
    {
        var xml = $"<Event {Ns}><System><Provider Name='P' Padding='{new string('A', 10_000)}'/><EventID>5</EventID></System></Event>";
        var ex = Assert.Throws<WindowsEventFormatException>(() => WindowsEventXml.Parse(xml, 4096, WindowsEventXml.MaxEvents));
        Assert.Contains("more than the 4096 allowed", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_public_limits_are_64_mi_characters_and_100000_events()
    {
        Assert.Equal(64 * 1024 * 1024, WindowsEventXml.MaxCharacters);
        Assert.Equal(100_000, WindowsEventXml.MaxEvents);
        var ex = Assert.Throws<WindowsEventFormatException>(() => WindowsEventXml.Parse(new string(' ', WindowsEventXml.MaxCharacters + 1)));
        Assert.Equal(0, ex.LineNumber);
    }

    [Fact]
    public void More_events_than_the_limit_are_refused_at_the_first_one_too_many()
    {
        var xml = string.Join("\n", Enumerable.Range(1, 3).Select(i => EventVectors.Event(1801, null, i)));
        var ex = Assert.Throws<WindowsEventFormatException>(() => WindowsEventXml.Parse(xml, WindowsEventXml.MaxCharacters, 2));
        Assert.Equal("more than 2 events", ex.Problem);
        Assert.Equal(3, ex.LineNumber);
        Assert.Equal(3, WindowsEventXml.Parse(xml, WindowsEventXml.MaxCharacters, 3).Count);
    }

    [Fact]
    public void A_control_character_that_xml_forbids_is_refused()
    {
        var xml = $"<Event {Ns}><System><EventID>1</EventID></System><EventData><Data Name='x'>a\u0001b</Data></EventData></Event>";
        Assert.Throws<WindowsEventFormatException>(() => WindowsEventXml.Parse(xml));
    }

    [Fact]
    public void The_error_names_the_line_and_position_of_the_problem()
    {
        var xml = EventVectors.Read(EventVectors.TpmWmi1808) + "\n" + EventVectors.Read(EventVectors.TpmWmi1795) + "\n  <Bogus/>";
        var ex = Assert.Throws<WindowsEventFormatException>(() => WindowsEventXml.Parse(xml));
        Assert.Equal((3, 4), (ex.LineNumber, ex.LinePosition));
        Assert.StartsWith("The Windows event XML is not well formed at line 3, position 4: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_text_is_an_argument_error_not_a_format_error()
    {
        Assert.Throws<ArgumentNullException>(() => WindowsEventXml.Parse(null!));
    }
}
