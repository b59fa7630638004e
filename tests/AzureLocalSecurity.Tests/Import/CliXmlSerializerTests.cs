using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using AzureLocalSecurity.Evidence.Import;
using Xunit;

// Expected arrays written where they are compared.
#pragma warning disable CA1861

namespace AzureLocalSecurity.Tests.Import;

/// <summary>CLIXML from the real PowerShell serializer (7.6.9, hosted here), read back by CliXmlDocument.</summary>
public sealed class CliXmlSerializerTests
{
    [Fact]
    public void A_device_guard_instance_exported_at_depth_2_as_utf16_reads_its_class_namespace_and_uint32_arrays()
    {
        var doc = CliXmlDocument.Parse(CliXmlSamples.Utf16WithBom(CliXmlSamples.Export(2, CliXmlSamples.DeviceGuard())));

        var dg = Assert.Single(doc.Objects);
        Assert.Equal("Win32_DeviceGuard", dg.CimClassName);
        Assert.Equal(CliXmlSamples.DeviceGuardNamespace, dg.CimNamespace);
        Assert.Equal("Win32_DeviceGuard", dg.ToStringText);
        Assert.Equal("Microsoft.Management.Infrastructure.CimInstance#root/Microsoft/Windows/DeviceGuard/Win32_DeviceGuard", dg.TypeNames[0]);
        var configured = dg.Property("securityservicesconfigured")!;
        Assert.Equal("UInt32[]", configured.CaptureType);
        Assert.Equal(new uint[] { 1, 2, 3 }, Assert.IsType<uint[]>(configured.Value));
        Assert.False(configured.IsExtendedMember);
        Assert.Equal(new uint[] { 1, 2, 3, 4, 5, 7 }, dg.Property("AvailableSecurityProperties")!.Value);
        Assert.Empty(Assert.IsType<uint[]>(dg.Property("VirtualMachineIsolationProperties")!.Value));
        Assert.Equal(("UInt32", (object)2u), (dg.Property("VirtualizationBasedSecurityStatus")!.CaptureType, dg.Property("VirtualizationBasedSecurityStatus")!.Value));
        Assert.Equal(("Byte", (object)(byte)0), (dg.Property("SmmIsolationLevel")!.CaptureType, dg.Property("SmmIsolationLevel")!.Value));
        Assert.Equal(("Boolean", (object)false), (dg.Property("VirtualMachineIsolation")!.CaptureType, dg.Property("VirtualMachineIsolation")!.Value));
        Assert.Equal(("Null", (object?)null), (dg.Property("PSComputerName")!.CaptureType, dg.Property("PSComputerName")!.Value));
    }

    [Fact]
    public void Props_come_before_the_hidden_class_metadata_member()
    {
        var doc = CliXmlDocument.Parse(CliXmlSamples.Utf8(CliXmlSamples.Export(2, CliXmlSamples.DeviceGuard())));

        var dg = Assert.Single(doc.Objects);
        var last = dg.Properties[dg.Properties.Count - 1];
        Assert.Equal("__ClassMetadata", last.Name);
        Assert.True(last.IsExtendedMember);
        Assert.All(dg.Properties.Take(dg.Properties.Count - 1), p => Assert.False(p.IsExtendedMember));
        var metadata = Assert.IsType<CliXmlObject>(last.Value);
        var own = Assert.IsType<CliXmlObject>(Assert.Single(metadata.Items).Value);
        Assert.Equal("Win32_DeviceGuard", own.Property("ClassName")!.Value);
        Assert.Equal(13, dg.Properties.Count(p => !p.IsExtendedMember));
    }

    [Fact]
    public void At_depth_1_the_scalars_and_uint32_arrays_read_as_at_depth_2()
    {
        var xml = CliXmlSamples.Export(1, CliXmlSamples.DeviceGuard());
        var doc = CliXmlDocument.Parse(CliXmlSamples.Utf8(xml));

        var dg = Assert.Single(doc.Objects);
        Assert.Equal(("Win32_DeviceGuard", CliXmlSamples.DeviceGuardNamespace), (dg.CimClassName, dg.CimNamespace));
        Assert.Equal(2u, dg.Property("VirtualizationBasedSecurityStatus")!.Value);
        Assert.Equal("4ff40742-2649-41b8-bdd1-e80fad1cce80", dg.Property("InstanceIdentifier")!.Value);

        // The serializer writes a primitive array in full even where the depth is spent.
        var configured = dg.Property("SecurityServicesConfigured")!;
        Assert.Equal("UInt32[]", configured.CaptureType);
        Assert.Equal(new uint[] { 1, 2, 3 }, configured.Value);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Every_property_of_the_four_classes_agrees_with_powershells_own_deserializer(int depth)
    {
        var xml = CliXmlSamples.Export(
            depth,
            CliXmlSamples.DeviceGuard(classMetadata: false),
            CliXmlSamples.Tpm(classMetadata: false),
            CliXmlSamples.EncryptableVolume("C:", 1, classMetadata: false),
            CliXmlSamples.SmbServerConfiguration(classMetadata: false));

        var doc = CliXmlDocument.Parse(CliXmlSamples.Utf16WithBom(xml));

        Assert.Equal(4, doc.Objects.Count);
        Assert.Equal(13 + 11 + 9 + 16, doc.Objects.Sum(o => o.Properties.Count));
        AssertAgreesWithPowerShell(xml, doc);
    }

    [Fact]
    public void The_four_classes_in_one_export_read_in_order_with_reused_type_names()
    {
        var xml = CliXmlSamples.Export(
            2,
            CliXmlSamples.DeviceGuard(),
            CliXmlSamples.Tpm(),
            CliXmlSamples.EncryptableVolume("C:", 1),
            CliXmlSamples.EncryptableVolume("D:", 0),
            CliXmlSamples.SmbServerConfiguration());
        Assert.Contains("<TNRef RefId=", xml, StringComparison.Ordinal);

        var doc = CliXmlDocument.Parse(CliXmlSamples.Utf16WithBom(xml));

        Assert.Equal(
            "Win32_DeviceGuard,Win32_Tpm,Win32_EncryptableVolume,Win32_EncryptableVolume,MSFT_SmbServerConfiguration",
            string.Join(",", doc.Objects.Select(o => o.CimClassName)));
        Assert.Equal("root/CIMV2/Security/MicrosoftTpm", doc.Objects[1].CimNamespace);
        Assert.Equal(1229870147u, doc.Objects[1].Property("ManufacturerId")!.Value);
        Assert.Equal(true, doc.Objects[1].Property("IsOwned_InitialValue")!.Value);
        Assert.Equal(("D:", (object)0u), ((string)doc.Objects[3].Property("DriveLetter")!.Value!, doc.Objects[3].Property("ProtectionStatus")!.Value));
        Assert.Equal(doc.Objects[2].TypeNames, doc.Objects[3].TypeNames);
        Assert.Equal("ROOT/Microsoft/Windows/SMB", doc.Objects[4].CimNamespace);
        Assert.Equal(("UInt16", (object)(ushort)785), (doc.Objects[4].Property("Smb2DialectMin")!.CaptureType, doc.Objects[4].Property("Smb2DialectMin")!.Value));
    }

    [Fact]
    public void Escaped_newlines_tabs_and_literal_escape_text_read_back_as_written()
    {
        var xml = CliXmlSamples.Export(2, CliXmlSamples.SmbServerConfiguration());
        Assert.Contains("_x000A_", xml, StringComparison.Ordinal);

        var smb = Assert.Single(CliXmlDocument.Parse(CliXmlSamples.Utf8(xml)).Objects);

        Assert.Equal("line one\nline two\t_x0041_", smb.Property("AnnounceComment")!.Value);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_property_of_each_type_reads_as_its_exact_clr_type(int depth)
    {
        var xml = CliXmlSamples.Export(depth, CliXmlSamples.EveryType());
        var obj = Assert.Single(CliXmlDocument.Parse(CliXmlSamples.Utf8(xml)).Objects);

        void Is(string name, string captureType, object? value)
        {
            var p = obj.Property(name)!;
            Assert.Equal((name, captureType), (name, p.CaptureType));
            Assert.Equal(value, p.Value);
            if (value is not null)
            {
                Assert.IsType(value.GetType(), p.Value);
            }
        }

        Is("String", "String", "text");
        Is("Boolean", "Boolean", true);
        Is("Byte", "Byte", (byte)200);
        Is("SByte", "SByte", (sbyte)-100);
        Is("Int16", "Int16", (short)-30000);
        Is("UInt16", "UInt16", (ushort)60000);
        Is("Int32", "Int32", int.MinValue);
        Is("UInt32", "UInt32", uint.MaxValue);
        Is("Int64", "Int64", long.MinValue);
        Is("UInt64", "UInt64", ulong.MaxValue);
        Is("DateTimeUtc", "DateTime", new DateTime(2026, 11, 1, 8, 30, 0, 123, DateTimeKind.Utc));
        Assert.Equal(DateTimeKind.Utc, ((DateTime)obj.Property("DateTimeUtc")!.Value!).Kind);
        Is("ByteArray", "Byte[]", new byte[] { 0, 1, 2, 254, 255 });
        Is("UInt16Array", "UInt16[]", new ushort[] { 0, 65535 });
        Is("UInt32Array", "UInt32[]", new uint[] { 0, 1, 4294967295 });
        Is("UInt64Array", "UInt64[]", new ulong[] { 18446744073709551615 });
        Is("Int32Array", "Int32[]", new[] { -1, 0, 1 });
        Is("Int64Array", "Int64[]", new[] { long.MinValue, long.MaxValue });
        Is("StringArray", "String[]", new[] { "a", null, "c" });
        Is("Null", "Null", null);
        Is("Double", "Double", 1.5);
        Is("Decimal", "Decimal", 79228162514264337593543950335m);
        Is("Guid", "Guid", new Guid("0cce9213-69ae-11d9-bed3-505054503030"));
        Is("TimeSpan", "TimeSpan", TimeSpan.FromMinutes(90));
        Is("Char", "Char", 'Z');
        Is("Version", "Version", new Version(10, 0, 25398, 1189));

        // An enumeration is its number, never its (localizable) name.
        Is("Enum", "Int32", (int)DayOfWeek.Friday);
        AssertAgreesWithPowerShell(xml, CliXmlDocument.Parse(CliXmlSamples.Utf8(xml)));
    }

    [Fact]
    public void The_same_instance_exported_twice_is_a_top_level_ref_to_the_same_object()
    {
        var dg = CliXmlSamples.DeviceGuard();
        var xml = CliXmlSamples.Export(2, dg, dg);
        Assert.Contains("<Ref RefId=\"0\" />", xml, StringComparison.Ordinal);

        var doc = CliXmlDocument.Parse(CliXmlSamples.Utf8(xml));

        Assert.Equal(2, doc.Objects.Count);
        Assert.Same(doc.Objects[0], doc.Objects[1]);
    }

    [Fact]
    public void Utf16_and_utf8_files_of_the_same_export_read_the_same()
    {
        var xml = CliXmlSamples.Export(2, CliXmlSamples.DeviceGuard(), CliXmlSamples.Tpm());

        var a = CliXmlDocument.Parse(CliXmlSamples.Utf16WithBom(xml));
        var b = CliXmlDocument.Parse(CliXmlSamples.Utf8(xml));

        Assert.Equal(Describe(a), Describe(b));
    }

    [Fact]
    public void The_reading_thread_culture_does_not_change_numbers_or_times()
    {
        var xml = CliXmlSamples.Utf8(CliXmlSamples.Export(2, CliXmlSamples.EveryType()));
        var invariant = Describe(CliXmlDocument.Parse(xml));
        var saved = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal(invariant, Describe(CliXmlDocument.Parse(xml)));
            Thread.CurrentThread.CurrentCulture = new CultureInfo("ar-SA");
            Assert.Equal(invariant, Describe(CliXmlDocument.Parse(xml)));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = saved;
        }

        Assert.Contains("Double=1.5", invariant, StringComparison.Ordinal);
    }

    private static string Describe(CliXmlDocument doc) => string.Join(
        "\n",
        doc.Objects.SelectMany(o => o.Properties).Select(p => $"{p.Name}={Text(p.Value)}:{p.CaptureType}"));

    private static string Text(object? value) => value switch
    {
        null => "null",
        DateTime dt => dt.ToString("O", CultureInfo.InvariantCulture) + dt.Kind,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        string s => s,
        IEnumerable e => string.Join(",", e.Cast<object?>().Select(Text)),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>Every property read agrees with PowerShell's own deserializer of the same text.</summary>
    private static void AssertAgreesWithPowerShell(string xml, CliXmlDocument doc)
    {
        var expected = PSSerializer.DeserializeAsList(xml);
        Assert.Equal(expected.Length, doc.Objects.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            var ps = (PSObject)expected[i];
            foreach (var property in doc.Objects[i].Properties)
            {
                var theirs = ps.Properties[property.Name]?.Value;
                theirs = theirs is PSObject wrapped && wrapped.BaseObject is not PSCustomObject ? wrapped.BaseObject : theirs;
                var ours = property.Value;
                switch (ours)
                {
                    case CliXmlObject:
                        Assert.NotNull(theirs);
                        break;
                    case DateTime dt:
                        Assert.Equal(((DateTime)theirs!).ToUniversalTime(), dt);
                        break;
                    case string or null:
                        Assert.Equal(ours, theirs);
                        break;
                    case IEnumerable list:
                        Assert.Equal(list.Cast<object?>().ToArray(), ((IEnumerable)theirs!).Cast<object?>().ToArray());
                        break;
                    default:
                        Assert.Equal(Convert.ToString(ours, CultureInfo.InvariantCulture), Convert.ToString(theirs is Enum en ? Convert.ToInt32(en, CultureInfo.InvariantCulture) : theirs, CultureInfo.InvariantCulture));
                        break;
                }
            }
        }
    }
}
