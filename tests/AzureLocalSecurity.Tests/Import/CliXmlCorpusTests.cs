using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using AzureLocalSecurity.Evidence.Import;
using Xunit;

namespace AzureLocalSecurity.Tests.Import;

/// <summary>
/// The documents the CLIXML tests make, as the seed corpus of the <c>clixml</c> fuzz harness: each either reads or is
/// refused with its place. With <c>ALSEC_WRITE_CLIXML_CORPUS</c> set to a folder, the test also writes them there
/// (how fuzz/corpus/clixml was made).
/// </summary>
public sealed class CliXmlCorpusTests
{
    [Fact]
    public void Every_corpus_document_reads_or_is_refused_as_named()
    {
        var folder = Environment.GetEnvironmentVariable("ALSEC_WRITE_CLIXML_CORPUS");
        foreach (var (name, bytes) in Documents())
        {
            if (name.StartsWith("broken-", StringComparison.Ordinal))
            {
                var ex = Assert.Throws<CliXmlFormatException>(() => CliXmlDocument.Parse(bytes));
                Assert.True(ex.Line > 0, name);
            }
            else
            {
                Assert.NotEmpty(CliXmlDocument.Parse(bytes).Objects);
            }

            if (!string.IsNullOrEmpty(folder))
            {
                File.WriteAllBytes(Path.Combine(folder, name), bytes);
            }
        }
    }

    private static IEnumerable<(string Name, byte[] Bytes)> Documents()
    {
        var fourClasses = CliXmlSamples.Export(
            2,
            CliXmlSamples.DeviceGuard(),
            CliXmlSamples.Tpm(),
            CliXmlSamples.EncryptableVolume("C:", 1),
            CliXmlSamples.EncryptableVolume("D:", 0),
            CliXmlSamples.SmbServerConfiguration());
        yield return ("serializer-four-classes-depth2-utf16.xml", CliXmlSamples.Utf16WithBom(fourClasses));
        yield return ("serializer-four-classes-depth2-utf8.xml", CliXmlSamples.Utf8(fourClasses));
        yield return ("serializer-deviceguard-depth1-utf16.xml", CliXmlSamples.Utf16WithBom(CliXmlSamples.Export(1, CliXmlSamples.DeviceGuard())));
        yield return ("serializer-every-type-depth2-utf8.xml", CliXmlSamples.Utf8(CliXmlSamples.Export(2, CliXmlSamples.EveryType())));
        var dg = CliXmlSamples.DeviceGuard();
        yield return ("serializer-same-instance-twice-utf8.xml", CliXmlSamples.Utf8(CliXmlSamples.Export(2, dg, dg)));

        static byte[] U(string body) => Encoding.UTF8.GetBytes(CliXmlFormatTests.Doc(body));
        yield return ("made-nil-ref-escapes.xml", U(
            "<Obj RefId=\"0\"><TN RefId=\"0\"><T>A_x000A_B</T></TN><ToString>x_x000D__x000A_y</ToString><Props>" +
            "<Nil N=\"PSComputerName\" /><Obj N=\"A\" RefId=\"1\"><TN RefId=\"1\"><T>System.UInt32[]</T></TN><LST><U32>7</U32></LST></Obj>" +
            "<Ref N=\"B\" RefId=\"1\" /><S N=\"Na_x0020_me\">one_x000A_two _x005F_x000A_</S><DT N=\"T\">2026-01-02T03:04:05+02:00</DT></Props></Obj>"));
        yield return ("made-dictionary-and-lists.xml", U(
            "<Obj><Props><Obj N=\"H\"><TN RefId=\"0\"><T>System.Collections.Hashtable</T></TN><DCT>" +
            "<En><S N=\"Key\">a</S><I32 N=\"Value\">1</I32></En></DCT></Obj>" +
            "<Obj N=\"L\"><TN RefId=\"1\"><T>System.Object[]</T></TN><STK><S>x</S></STK></Obj><Obj N=\"Q\"><QUE><By>1</By></QUE></Obj>" +
            "<Obj N=\"I\"><IE><SB>-1</SB></IE></Obj></Props><MS><MS N=\"PSStandardMembers\"><S N=\"X\">y</S></MS></MS></Obj>"));
        yield return ("made-cim-metadata-namespace.xml", U(
            "<Obj><TN RefId=\"0\"><T>Microsoft.Management.Infrastructure.CimInstance#Win32_DeviceGuard</T></TN><Props><U32 N=\"X\">1</U32></Props>" +
            "<MS><Obj N=\"__ClassMetadata\"><TN RefId=\"1\"><T>System.Collections.ArrayList</T></TN><LST>" +
            "<Obj><MS><S N=\"ClassName\">Win32_DeviceGuard</S><S N=\"Namespace\">root/Microsoft/Windows/DeviceGuard</S></MS></Obj>" +
            "</LST></Obj></MS></Obj>"));
        yield return ("made-other-primitives.xml", U(
            "<Obj><Props><Db N=\"a\">1.5E+10</Db><Sg N=\"b\">-INF</Sg><D N=\"c\">1.25</D><C N=\"d\">65</C><TS N=\"e\">PT1H30M</TS>" +
            "<G N=\"f\">0cce9213-69ae-11d9-bed3-505054503030</G><URI N=\"g\">http://example.test/a</URI><BA N=\"h\">AAEC/w==</BA>" +
            "<Version N=\"i\">10.0.25398.1189</Version><XD N=\"j\">&lt;a/&gt;</XD><SBK N=\"k\">Get-Date</SBK><SS N=\"l\">01000000d08c9ddf</SS></Props></Obj>"));
        yield return ("broken-truncated.xml", U("<Obj><Props><U32 N=\"A\">1</U32>"));
        yield return ("broken-bad-number.xml", U("<Obj><Props><U32 N=\"A\">-1</U32></Props></Obj>"));
        yield return ("broken-unknown-element.xml", U("<Obj><Props><U33 N=\"A\">1</U33></Props></Obj>"));
        var deep = new StringBuilder("<Obj>");
        for (var i = 0; i < 40; i++)
        {
            deep.Append("<Props><Obj N=\"x\">");
        }

        yield return ("broken-deep-nesting.xml", U(deep.ToString()));
        yield return ("broken-ref-cycle.xml", U("<Obj RefId=\"0\"><Props><Ref N=\"Self\" RefId=\"0\" /></Props></Obj>"));
        yield return ("broken-ref-unknown.xml", U("<Obj><Props><Ref N=\"A\" RefId=\"9\" /></Props></Obj>"));
        yield return ("broken-typed-array-item.xml", U("<Obj><TN RefId=\"0\"><T>System.UInt32[]</T></TN><LST><U32>1</U32><I32>2</I32></LST></Obj>"));
        yield return ("broken-dtd.xml", Encoding.UTF8.GetBytes("<!DOCTYPE Objs [<!ENTITY a \"b\">]>\n" + CliXmlFormatTests.Doc("<S>&a;</S>")));
        var multiply = new StringBuilder("<Obj RefId=\"0\"><MS><I32 N=\"v\">1</I32></MS></Obj>\n");
        for (var i = 1; i < 40; i++)
        {
            multiply.Append(System.Globalization.CultureInfo.InvariantCulture, $"<Obj RefId=\"{i}\"><MS><Ref N=\"a\" RefId=\"{i - 1}\" /><Ref N=\"b\" RefId=\"{i - 1}\" /></MS></Obj>\n");
        }

        yield return ("broken-ref-multiplication.xml", U(multiply.ToString()));
        var invalid = new List<byte>(U("<Obj><Props><S N=\"A\">ab</S></Props></Obj>"));
        invalid.InsertRange(invalid.Count - 30, new byte[] { 0xC3, 0x28 });
        yield return ("broken-invalid-utf8.xml", invalid.ToArray());
    }
}
