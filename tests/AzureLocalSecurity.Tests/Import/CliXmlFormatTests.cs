using System;
using System.Linq;
using System.Text;
using AzureLocalSecurity.Evidence.Import;
using Xunit;

// Expected arrays written where they are compared.
#pragma warning disable CA1861

namespace AzureLocalSecurity.Tests.Import;

/// <summary>Hand-written CLIXML: encodings, the format's corners, and each malformation with its line and column.</summary>
public sealed class CliXmlFormatTests
{
    private const string Open = "<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">\n";

    /// <summary>A document whose body starts on line 2.</summary>
    internal static string Doc(string body) => Open + body + "\n</Objs>";

    private static CliXmlDocument Read(string xml) => CliXmlDocument.Parse(Encoding.UTF8.GetBytes(xml));

    private static CliXmlFormatException Refused(byte[] bytes, int line, int column)
    {
        var ex = Assert.Throws<CliXmlFormatException>(() => CliXmlDocument.Parse(bytes));
        Assert.Equal((line, column), (ex.Line, ex.Column));
        return ex;
    }

    private static CliXmlFormatException Refused(string xml, int line, int column) => Refused(Encoding.UTF8.GetBytes(xml), line, column);

    [Fact]
    public void A_utf16_le_file_with_a_byte_order_mark_reads()
    {
        var xml = Doc("<Obj RefId=\"0\"><TN RefId=\"0\"><T>Microsoft.Management.Infrastructure.CimInstance#root/cimv2/Win32_Tpm</T></TN><Props><U32 N=\"ManufacturerId\">1229870147</U32></Props></Obj>");
        var bytes = CliXmlSamples.Utf16WithBom(xml);
        Assert.Equal(new byte[] { 0xFF, 0xFE, (byte)'<', 0 }, bytes.Take(4).ToArray());

        var tpm = Assert.Single(CliXmlDocument.Parse(bytes).Objects);

        Assert.Equal(("Win32_Tpm", "root/cimv2"), (tpm.CimClassName, tpm.CimNamespace));
        Assert.Equal(1229870147u, tpm.Property("ManufacturerId")!.Value);
    }

    [Fact]
    public void A_utf8_file_without_a_byte_order_mark_reads_non_ascii_text()
    {
        var bytes = new UTF8Encoding(false).GetBytes(Doc("<Obj><Props><S N=\"Comment\">Größe 東京</S></Props></Obj>"));
        Assert.Equal((byte)'<', bytes[0]);

        Assert.Equal("Größe 東京", Assert.Single(CliXmlDocument.Parse(bytes).Objects).Property("Comment")!.Value);
    }

    [Fact]
    public void Nil_values_read_as_null_of_capture_type_null()
    {
        var obj = Assert.Single(Read(Doc("<Obj><Props><Nil N=\"PSComputerName\" /><Nil N=\"Other\"></Nil></Props></Obj>")).Objects);

        Assert.All(obj.Properties, p => Assert.Equal(("Null", (object?)null), (p.CaptureType, p.Value)));
        Assert.Equal(2, obj.Properties.Count);
    }

    [Fact]
    public void A_ref_reuses_the_object_read_before_it()
    {
        var obj = Assert.Single(Read(Doc(
            "<Obj RefId=\"0\"><Props>" +
            "<Obj N=\"A\" RefId=\"1\"><TN RefId=\"0\"><T>System.UInt32[]</T></TN><LST><U32>7</U32></LST></Obj>" +
            "<Ref N=\"B\" RefId=\"1\" />" +
            "<Obj N=\"C\" RefId=\"2\"><MS><I32 N=\"X\">1</I32></MS></Obj>" +
            "<Ref N=\"D\" RefId=\"2\" />" +
            "</Props></Obj>")).Objects);

        Assert.Same(obj.Property("A")!.Value, obj.Property("B")!.Value);
        Assert.Equal(new uint[] { 7 }, obj.Property("B")!.Value);
        Assert.Equal("UInt32[]", obj.Property("B")!.CaptureType);
        Assert.Same(obj.Property("C")!.Value, obj.Property("D")!.Value);
        Assert.Equal("Object", obj.Property("D")!.CaptureType);
    }

    [Fact]
    public void Escapes_decode_in_strings_names_type_names_and_to_string_and_partial_escapes_stay()
    {
        var obj = Assert.Single(Read(Doc(
            "<Obj><TN RefId=\"0\"><T>A_x000A_B</T></TN><ToString>x_x000D__x000A_y</ToString>" +
            "<Props><S N=\"Na_x0020_me\">one_x000A_two_x0009_three _x00_ _x12345_ _xZZZZ_ _x005F_x000A_</S></Props></Obj>")).Objects);

        Assert.Equal("A\nB", obj.TypeNames[0]);
        Assert.Equal("x\r\ny", obj.ToStringText);
        Assert.Equal("one\ntwo\tthree _x00_ _x12345_ _xZZZZ_ _x000A_", obj.Property("Na me")!.Value);
    }

    [Theory]
    [InlineData("2026-01-02T03:04:05+02:00", "2026-01-02T01:04:05.0000000Z", DateTimeKind.Utc)]
    [InlineData("2026-01-02T03:04:05.1234567-05:30", "2026-01-02T08:34:05.1234567Z", DateTimeKind.Utc)]
    [InlineData("2026-01-02T03:04:05Z", "2026-01-02T03:04:05.0000000Z", DateTimeKind.Utc)]
    [InlineData("2026-01-02T03:04:05", "2026-01-02T03:04:05.0000000", DateTimeKind.Unspecified)]
    public void A_time_is_converted_to_utc_by_its_own_offset(string written, string expected, DateTimeKind kind)
    {
        var value = (DateTime)Assert.Single(Read(Doc($"<Obj><Props><DT N=\"T\">{written}</DT></Props></Obj>")).Objects).Property("T")!.Value!;

        Assert.Equal(expected, value.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(kind, value.Kind);
    }

    [Fact]
    public void A_dictionary_reads_as_items_named_by_key_and_other_lists_as_objects()
    {
        var obj = Assert.Single(Read(Doc(
            "<Obj><Props><Obj N=\"H\"><TN RefId=\"0\"><T>System.Collections.Hashtable</T></TN><DCT>" +
            "<En><S N=\"Key\">a</S><I32 N=\"Value\">1</I32></En><En><I32 N=\"Key\">2</I32><S N=\"Value\">b</S></En></DCT></Obj>" +
            "<Obj N=\"L\"><TN RefId=\"1\"><T>System.Object[]</T></TN><LST><S>x</S><I32>1</I32></LST></Obj>" +
            "<Obj N=\"Sixteen\"><TN RefId=\"2\"><T>System.Int16[]</T></TN><LST><I16>1</I16></LST></Obj>" +
            "</Props></Obj>")).Objects);

        var table = Assert.IsType<CliXmlObject>(obj.Property("H")!.Value);
        Assert.Equal([("a", (object?)1), ("2", "b")], table.Items.Select(i => (i.Name, i.Value)).ToArray());
        var list = Assert.IsType<CliXmlObject>(obj.Property("L")!.Value);
        Assert.Equal(["x", (object)1], list.Items.Select(i => i.Value).ToArray());
        Assert.Equal("Object", obj.Property("Sixteen")!.CaptureType);
    }

    [Fact]
    public void A_cim_type_name_without_a_namespace_takes_it_from_the_class_metadata()
    {
        var objects = Read(Doc(
            "<Obj><TN RefId=\"0\"><T>Microsoft.Management.Infrastructure.CimInstance#Win32_DeviceGuard</T></TN><Props><U32 N=\"X\">1</U32></Props>" +
            "<MS><Obj N=\"__ClassMetadata\"><TN RefId=\"1\"><T>System.Collections.ArrayList</T></TN><LST>" +
            "<Obj><MS><S N=\"ClassName\">Win32_DeviceGuard</S><S N=\"Namespace\">root/Microsoft/Windows/DeviceGuard</S></MS></Obj>" +
            "</LST></Obj></MS></Obj>" +
            "<Obj><TN RefId=\"2\"><T>Deserialized.Microsoft.Management.Infrastructure.CimInstance#Win32_Tpm</T></TN></Obj>" +
            "<Obj><TN RefId=\"3\"><T>System.Management.Automation.PSCustomObject</T></TN></Obj>")).Objects;
        Assert.Equal(("Win32_DeviceGuard", "root/Microsoft/Windows/DeviceGuard"), (objects[0].CimClassName, objects[0].CimNamespace));
        Assert.Equal(("Win32_Tpm", (string?)null), (objects[1].CimClassName, objects[1].CimNamespace));
        Assert.Equal(((string?)null, (string?)null), (objects[2].CimClassName, objects[2].CimNamespace));
    }

    [Fact]
    public void A_truncated_file_is_refused_where_it_ends()
    {
        // The reader finds </Objs> (line 3) where </Props> belongs.
        var ex = Refused(Doc("<Obj><Props><U32 N=\"A\">1</U32>"), 3, 3);
        Assert.Contains("line 3", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<U32 N=\"A\">-1</U32>")]
    [InlineData("<U32 N=\"A\">4294967296</U32>")]
    [InlineData("<I32 N=\"A\">1,5</I32>")]
    [InlineData("<Db N=\"A\">1,5</Db>")]
    [InlineData("<B N=\"A\">yes</B>")]
    [InlineData("<DT N=\"A\">01/02/2026</DT>")]
    [InlineData("<BA N=\"A\">not base64!</BA>")]
    [InlineData("<G N=\"A\">0cce9213</G>")]
    public void A_value_that_is_not_its_type_is_refused_at_its_element(string element)
    {
        var ex = Refused(Doc("<Obj><Props>\n  " + element + "\n</Props></Obj>"), 3, 4);
        Assert.Contains("is not a", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_element_is_refused_at_its_start()
    {
        Refused(Doc("<Obj><Props><U33 N=\"A\">1</U33></Props></Obj>"), 2, 14);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused()
    {
        var body = new StringBuilder("<Obj>");
        for (var i = 0; i < 40; i++)
        {
            body.Append("<Props><Obj N=\"x\">");
        }

        var ex = Refused(Doc(body.ToString()), 2, 1 + 5 + (31 * 18) + 8);
        Assert.Contains("nested deeper than 64", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_input_over_the_size_limit_is_refused_before_it_is_read()
    {
        var huge = new byte[CliXmlDocument.MaxBytes + 1];

        var ex = Refused(huge, 0, 0);
        Assert.Contains("at most 67108864", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void More_objects_than_the_limit_are_refused_at_the_first_one_over()
    {
        var xml = Doc(string.Concat(Enumerable.Repeat("<Obj />\n", 5)));
        var limits = new CliXmlLimits(1024, 64, 4, 1000);

        var ex = Assert.Throws<CliXmlFormatException>(() => CliXmlParser.Parse(Encoding.UTF8.GetBytes(xml), limits));
        Assert.Equal((6, 2), (ex.Line, ex.Column));
    }

    [Fact]
    public void References_that_multiply_past_the_expanded_limit_are_refused()
    {
        // Each level holds the one before it twice: 2^n values for n lines of text.
        var body = new StringBuilder("<Obj RefId=\"0\"><MS><I32 N=\"v\">1</I32></MS></Obj>\n");
        for (var i = 1; i < 40; i++)
        {
            body.Append(System.Globalization.CultureInfo.InvariantCulture, $"<Obj RefId=\"{i}\"><MS><Ref N=\"a\" RefId=\"{i - 1}\" /><Ref N=\"b\" RefId=\"{i - 1}\" /></MS></Obj>\n");
        }

        var ex = Assert.Throws<CliXmlFormatException>(() => Read(Doc(body.ToString())));
        Assert.Contains("with every Ref expanded", ex.Problem, StringComparison.Ordinal);
        Assert.InRange(ex.Line, 20, 30);
    }

    [Fact]
    public void A_ref_to_an_unknown_id_is_refused()
    {
        Refused(Doc("<Obj><Props><Ref N=\"A\" RefId=\"9\" /></Props></Obj>"), 2, 14);
    }

    [Fact]
    public void A_ref_into_an_object_not_yet_ended_is_a_cycle_and_refused()
    {
        var ex = Refused(Doc("<Obj RefId=\"0\"><Props><Ref N=\"Self\" RefId=\"0\" /></Props></Obj>"), 2, 24);
        Assert.Contains("cycle", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_type_name_ref_to_an_unknown_id_is_refused()
    {
        Refused(Doc("<Obj><TNRef RefId=\"3\" /></Obj>"), 2, 7);
    }

    [Fact]
    public void A_wrong_item_in_a_typed_array_is_refused_at_the_item()
    {
        Refused(Doc("<Obj><TN RefId=\"0\"><T>System.UInt32[]</T></TN><LST>\n<U32>1</U32><I32>2</I32></LST></Obj>"), 3, 14);
    }

    [Fact]
    public void A_dtd_is_refused()
    {
        var ex = Refused("<!DOCTYPE Objs [<!ENTITY a \"b\">]>\n" + Doc("<S>&a;</S>"), 1, 3);
        Assert.IsType<System.Xml.XmlException>(ex.InnerException);
    }

    [Fact]
    public void A_root_of_another_namespace_is_refused()
    {
        Refused("<Objs Version=\"1.1.0.1\"><Obj /></Objs>", 1, 2);
    }

    [Fact]
    public void A_duplicate_object_id_is_refused()
    {
        Refused(Doc("<Obj RefId=\"0\" />\n<Obj RefId=\"0\" />"), 3, 2);
    }

    [Fact]
    public void Bytes_invalid_in_utf8_are_refused_with_their_place()
    {
        var xml = Doc("<Obj><Props><S N=\"A\">ab</S></Props></Obj>");
        var bytes = Encoding.UTF8.GetBytes(xml).ToList();
        bytes.InsertRange(xml.IndexOf("ab<", StringComparison.Ordinal) + 1, new byte[] { 0xC3, 0x28 });

        // "<Obj><Props><S N="A">a" is 22 characters: the bad byte is the 23rd column of line 2.
        var ex = Refused(bytes.ToArray(), 2, 23);
        Assert.Contains("not valid UTF-8", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf16_cut_in_half_a_character_is_refused()
    {
        var bytes = CliXmlSamples.Utf16WithBom(Doc("<Obj />"));

        var ex = Refused(bytes.Take(bytes.Length - 1).ToArray(), 3, 7);
        Assert.Contains("odd number of bytes", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Property_finds_the_first_of_names_that_differ_only_in_case_props_before_members()
    {
        var obj = Assert.Single(Read(Doc("<Obj><MS><I32 N=\"a\">2</I32></MS><Props><I32 N=\"A\">1</I32></Props></Obj>")).Objects);

        Assert.Equal(1, obj.Property("a")!.Value);
        Assert.False(obj.Property("A")!.IsExtendedMember);
        Assert.Null(obj.Property("b"));
    }

    [Fact]
    public void Top_level_values_that_are_not_objects_are_read_but_not_listed()
    {
        var doc = Read(Doc("<S>alone</S>\n<Obj><MS><I32 N=\"A\">1</I32></MS></Obj>\n<I32>1</I32>"));

        Assert.Equal(1, Assert.Single(doc.Objects).Property("A")!.Value);
    }

    [Fact]
    public void An_empty_document_has_no_objects_and_text_outside_elements_is_refused()
    {
        Assert.Empty(Read(Doc(string.Empty)).Objects);
        // Text is placed where its node starts: right after <Objs ...>.
        Refused(Doc("stray"), 1, 81);
    }
}
