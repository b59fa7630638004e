using System;
using System.Linq;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Evidence.Import;
using Newtonsoft.Json.Linq;
using Xunit;

namespace AzureLocalSecurity.Tests.Capture;

public sealed class CaptureDocumentTests
{
    /// <summary>A version 1 document with these captures and request, as the script writes one.</summary>
    internal static string Document(JArray captures, JObject? request = null) => new JObject
    {
        ["format"] = "alsec-capture",
        ["formatVersion"] = 1,
        ["scriptVersion"] = "1.0.0",
        ["capturedAt"] = "2026-11-01T08:30:00.0000000Z",
        ["node"] = new JObject { ["computerName"] = "NODE02", ["osCaption"] = "Microsoft Azure Stack HCI", ["osVersion"] = "10.0.25398", ["osArchitecture"] = "64-bit", ["partOfDomain"] = true },
        ["powerShell"] = new JObject { ["edition"] = "Desktop", ["version"] = "5.1.25398.1189" },
        ["request"] = request ?? new JObject { ["registryKeys"] = new JArray(), ["userRights"] = new JArray(), ["builtinRids"] = new JArray(), ["since"] = null, ["maxEvents"] = 100 },
        ["captures"] = captures,
    }.ToString();

    internal static JObject Entry(string name, string target, JObject? data = null, JObject? error = null)
    {
        var entry = new JObject { ["name"] = name, ["target"] = target, ["command"] = "test " + name, ["capturedAt"] = "2026-11-01T08:30:01.0000000Z" };
        if (data is not null)
        {
            entry["data"] = data;
        }

        if (error is not null)
        {
            entry["error"] = error;
        }

        return entry;
    }

    [Fact]
    public void The_node_block_becomes_the_bundle_node()
    {
        var bundle = CaptureImporter.ToBundle(Document([]));

        Assert.Equal("NODE02", bundle.NodeName);
        Assert.Equal("X64", bundle.Node.Architecture);
        Assert.Equal("Microsoft Azure Stack HCI 10.0.25398", bundle.Node.OperatingSystem);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 8, 30, 0, TimeSpan.Zero), bundle.CapturedAt);
    }

    [Fact]
    public void Another_format_is_refused()
    {
        var json = JObject.Parse(Document([]));
        json["format"] = "something-else";

        var ex = Assert.Throws<CaptureFormatException>(() => CaptureDocument.Parse(json.ToString()));
        Assert.Equal("format", ex.Location);
    }

    [Fact]
    public void A_newer_format_version_is_refused()
    {
        var json = JObject.Parse(Document([]));
        json["formatVersion"] = 2;

        var ex = Assert.Throws<CaptureFormatException>(() => CaptureDocument.Parse(json.ToString()));
        Assert.Contains("version 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_capture_with_both_data_and_error_names_its_path()
    {
        var json = Document([Entry("registry", @"HKLM\X", new JObject(), new JObject { ["message"] = "m", ["type"] = "t" })]);

        var ex = Assert.Throws<CaptureFormatException>(() => CaptureDocument.Parse(json));
        Assert.Equal("captures[0]", ex.Location);
    }

    [Fact]
    public void A_time_without_offset_is_refused_with_its_path()
    {
        var json = JObject.Parse(Document([]));
        json["capturedAt"] = "2026-11-01 08:30";

        var ex = Assert.Throws<CaptureFormatException>(() => CaptureDocument.Parse(json.ToString()));
        Assert.Equal("$.capturedAt", ex.Location);
    }

    [Fact]
    public void Invalid_json_is_refused_with_the_reader_position()
    {
        var ex = Assert.Throws<CaptureFormatException>(() => CaptureDocument.Parse("{\"format\": \"alsec-capture\",\n  \"formatVersion\": }"));

        Assert.Equal(2, ex.LineNumber);
    }

    [Fact]
    public void Nesting_deeper_than_the_bound_is_refused()
    {
        var deep = new string('[', CaptureDocument.MaxDepth + 2) + new string(']', CaptureDocument.MaxDepth + 2);

        Assert.Throws<CaptureFormatException>(() => CaptureDocument.Parse(deep));
    }

    [Fact]
    public void A_registry_value_of_a_wrong_kind_names_its_path()
    {
        var data = new JObject { ["values"] = new JArray(new JObject { ["name"] = "X", ["kind"] = "Link", ["value"] = "y" }), ["subKeys"] = new JArray() };

        var ex = Assert.Throws<CaptureFormatException>(() => CaptureImporter.ToBundle(Document([Entry("registry", @"HKLM\SOFTWARE\A", data)])));
        Assert.Equal("captures[0].data.values[0].kind", ex.Location);
    }

    [Fact]
    public void Registry_values_keep_their_kinds()
    {
        var data = new JObject
        {
            ["values"] = new JArray(
                new JObject { ["name"] = "D", ["kind"] = "DWord", ["value"] = "4294967295" },
                new JObject { ["name"] = "E", ["kind"] = "ExpandString", ["value"] = "%windir%" },
                new JObject { ["name"] = "M", ["kind"] = "MultiString", ["value"] = new JArray("a") },
                new JObject { ["name"] = "B", ["kind"] = "Binary", ["value"] = "AQI=" }),
            ["subKeys"] = new JArray("Sub"),
        };

        var key = CaptureImporter.ToBundle(Document([Entry("registry", @"HKLM\SOFTWARE\A", data)])).Find(EvidenceIds.Registry(@"HKLM\SOFTWARE\A"))!.Registry!;

        Assert.Equal(EvidenceValue.FromDWord(uint.MaxValue), key.GetValue("D"));
        Assert.Equal(EvidenceValue.FromExpandString("%windir%"), key.GetValue("E"));
        Assert.Equal(EvidenceValue.FromMultiString(["a"]), key.GetValue("M"));
        Assert.Equal(EvidenceValue.FromBinary([1, 2]), key.GetValue("B"));
        Assert.Equal(["Sub"], key.SubKeys);
    }

    [Fact]
    public void A_registry_key_the_script_could_not_read_takes_secedits_registry_values_as_a_fallback()
    {
        var request = new JObject { ["registryKeys"] = new JArray(@"HKLM\Software\Microsoft\Windows\CurrentVersion\Policies\System"), ["userRights"] = new JArray(), ["builtinRids"] = new JArray(), ["accountPolicy"] = true, ["maxEvents"] = 10 };
        var denied = new JObject { ["message"] = "Requested registry access is not allowed.", ["type"] = "System.Security.SecurityException" };
        var inf = new JObject { ["inf"] = Convert.ToBase64String(CaptureVectors.Bytes(CaptureVectors.SeceditExport)) };

        var bundle = CaptureImporter.ToBundle(Document([Entry("registry", @"HKLM\Software\Microsoft\Windows\CurrentVersion\Policies\System", error: denied), Entry("secedit", string.Empty, inf)], request));

        var item = bundle.Find(EvidenceIds.Registry(@"HKLM\Software\Microsoft\Windows\CurrentVersion\Policies\System"))!;
        Assert.Equal(EvidenceValue.FromDWord(1), item.Registry!.GetValue("EnableLUA"));
        Assert.Equal(EvidenceValue.FromString(string.Empty), item.Registry.GetValue("LegalNoticeCaption"));
        Assert.Contains("[Registry Values]", item.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_registry_key_that_does_not_exist_stays_not_found_even_with_secedit()
    {
        var notFound = new JObject { ["message"] = "The key does not exist.", ["type"] = "capture", ["category"] = "NotFound" };

        var item = CaptureImporter.ToBundle(Document([Entry("registry", @"HKLM\SOFTWARE\Nothing", error: notFound)])).Find(EvidenceIds.Registry(@"HKLM\SOFTWARE\Nothing"))!;

        Assert.Equal(EvidenceErrorCategory.NotFound, item.Error!.Category);
        Assert.Equal("The key does not exist.", item.Error.Message);
    }

    [Fact]
    public void The_gpo_template_gives_lockout_until_unlocked_as_timeq_forever_and_minutes_in_seconds()
    {
        var request = new JObject { ["registryKeys"] = new JArray(), ["userRights"] = new JArray(), ["builtinRids"] = new JArray(), ["accountPolicy"] = true, ["maxEvents"] = 10 };
        var inf = new JObject { ["inf"] = Convert.ToBase64String(CaptureVectors.Bytes(CaptureVectors.GpoTemplate)) };

        var bundle = CaptureImporter.ToBundle(Document([Entry("secedit", string.Empty, inf)], request));

        var m0 = bundle.Find(BaselineEvidenceIds.UserModals0)!.Records!.Single();
        Assert.Equal(14L, m0.Get("MinPasswdLen")!.AsInt64());
        Assert.Equal(60L * 86400, m0.Get("MaxPasswdAge")!.AsInt64());
        Assert.Equal(86400L, m0.Get("MinPasswdAge")!.AsInt64());
        Assert.Equal(0L, m0.Get("ForceLogoff")!.AsInt64());
        Assert.Equal(24L, m0.Get("PasswordHistLen")!.AsInt64());
        var m3 = bundle.Find(BaselineEvidenceIds.UserModals3)!.Records!.Single();
        Assert.Equal(0xFFFFFFFFL, m3.Get("LockoutDuration")!.AsInt64());
        Assert.Equal(15L * 60, m3.Get("LockoutObservationWindow")!.AsInt64());
        Assert.Equal(3L, m3.Get("LockoutThreshold")!.AsInt64());
    }

    [Fact]
    public void A_cim_value_keeps_its_exact_type_through_the_document()
    {
        var properties = new JArray(
            new JObject { ["name"] = "VirtualizationBasedSecurityStatus", ["value"] = new JObject { ["t"] = "UInt32", ["v"] = "2" } },
            new JObject { ["name"] = "SecurityServicesRunning", ["value"] = new JObject { ["t"] = "UInt32[]", ["v"] = new JArray("1", "2") } },
            new JObject { ["name"] = "InstanceIdentifier", ["value"] = new JObject { ["t"] = "String", ["v"] = "4ff40742" } },
            new JObject { ["name"] = "Version", ["value"] = new JObject { ["t"] = "Null" } });
        var data = new JObject { ["instances"] = new JArray(new JObject { ["properties"] = properties }) };

        var record = CaptureImporter.ToBundle(Document([Entry("cim", @"root\Microsoft\Windows\DeviceGuard:Win32_DeviceGuard", data)])).Find(SecuredCoreEvidenceIds.DeviceGuard)!.Records!.Single();

        Assert.Equal(EvidenceValue.FromUInt64(2), record.Get("VirtualizationBasedSecurityStatus"));
        Assert.Equal(EvidenceValue.FromUInt64Array([1, 2]), record.Get("SecurityServicesRunning"));
        Assert.Equal(EvidenceValue.Null, record.Get("Version"));
        Assert.Equal(["VirtualizationBasedSecurityStatus", "SecurityServicesRunning", "InstanceIdentifier", "Version"], record.Properties.Select(p => p.Key));
    }

    [Fact]
    public void A_missing_cim_namespace_is_not_found_as_the_native_reader_says()
    {
        var error = new JObject { ["message"] = "Invalid namespace", ["type"] = "Microsoft.Management.Infrastructure.CimException", ["code"] = "InvalidNamespace" };

        var item = CaptureImporter.ToBundle(Document([Entry("cim", @"root\MSCluster:MSCluster_Cluster", error: error)])).Find(FailoverClusterEvidenceIds.Cluster)!;

        Assert.Equal(EvidenceErrorCategory.NotFound, item.Error!.Category);
    }

    [Fact]
    public void An_unknown_value_type_is_refused_with_its_path()
    {
        var properties = new JArray(new JObject { ["name"] = "X", ["value"] = new JObject { ["t"] = "Decimal", ["v"] = "1" } });
        var data = new JObject { ["instances"] = new JArray(new JObject { ["properties"] = properties }) };

        var ex = Assert.Throws<CaptureFormatException>(() => CaptureImporter.ToBundle(Document([Entry("cim", @"root\Microsoft\Windows\DeviceGuard:Win32_DeviceGuard", data)])));
        Assert.Equal("captures[0].data.instances[0].properties[0].value.t", ex.Location);
    }

    [Fact]
    public void The_same_registry_key_twice_is_refused()
    {
        var data = new JObject { ["values"] = new JArray(), ["subKeys"] = new JArray() };

        Assert.Throws<CaptureFormatException>(() => CaptureImporter.ToBundle(Document([Entry("registry", @"HKLM\A", data), Entry("registry", @"HKLM\A", data)])));
    }

    [Fact]
    public void A_boot_file_capture_without_a_known_path_is_not_filed()
    {
        var data = new JObject { ["path"] = "x", ["bytes"] = "AQI=" };

        var bundle = CaptureImporter.ToBundle(Document([Entry("espFile", string.Empty, data), Entry("espFile", "EFI/Boot/bootx64.efi", data)]));

        Assert.Equal([SecureBootEvidenceIds.EspFile("EFI/Boot/bootx64.efi")], bundle.Items.Where(i => i.Id.StartsWith("firmware/esp/", StringComparison.Ordinal)).Select(i => i.Id));
    }

    private static JObject Typed(string type, object value) => new() { ["t"] = type, ["v"] = JToken.FromObject(value) };

    private static JObject Call(string method, string key, params (string Name, JObject Value)[] outs) => new()
    {
        ["method"] = method,
        ["key"] = key,
        ["result"] = new JObject { ["properties"] = new JArray(outs.Select(o => new JObject { ["name"] = o.Name, ["value"] = o.Value })) },
    };

    [Fact]
    public void A_bitlocker_volume_is_recorded_by_the_native_recorder_from_the_captured_method_answers()
    {
        var zero = Typed("UInt32", "0");
        var id = "{8C8E9E6F-1B2A-4C3D-9E8F-0A1B2C3D4E5F}";
        var volume = new JObject
        {
            ["properties"] = new JArray(
                new JObject { ["name"] = "DeviceID", ["value"] = Typed("String", @"\\?\Volume{1}\") },
                new JObject { ["name"] = "VolumeType", ["value"] = zero }),
            ["calls"] = new JArray(
                Call("GetProtectionStatus", string.Empty, ("ReturnValue", zero), ("ProtectionStatus", Typed("UInt32", "1"))),
                Call("GetKeyProtectors", string.Empty, ("ReturnValue", zero), ("VolumeKeyProtectorID", Typed("String[]", new[] { id }))),
                Call("GetKeyProtectorType", id, ("ReturnValue", zero), ("KeyProtectorType", Typed("UInt32", "1"))),
                new JObject { ["method"] = "GetLockStatus", ["key"] = string.Empty, ["error"] = new JObject { ["message"] = "Access denied", ["type"] = "Microsoft.Management.Infrastructure.CimException", ["code"] = "AccessDenied" } }),
        };
        var data = new JObject { ["instances"] = new JArray(volume) };

        var record = CaptureImporter.ToBundle(Document([Entry("bitlocker", @"root\CIMV2\Security\MicrosoftVolumeEncryption:Win32_EncryptableVolume", data)])).Find(BitLockerEvidenceIds.EncryptableVolumes)!.Records!.Single();

        Assert.Equal(EvidenceValue.FromUInt64(1), record.Get("GetProtectionStatus.ProtectionStatus"));
        Assert.Equal(EvidenceValue.FromMultiString([id + "|1"]), record.Get("GetKeyProtectorType.KeyProtectorType"));
        Assert.Equal("AccessDenied: Access denied", record.Get("GetLockStatusError")!.AsString());
        Assert.Equal("the capture did not call it", record.Get("GetSuspendCountError")!.AsString());
    }
}
