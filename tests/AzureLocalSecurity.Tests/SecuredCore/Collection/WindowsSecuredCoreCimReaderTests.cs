using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using AzureLocalSecurity.Collection.Windows;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.SecuredCore.Collection;

/// <summary>
/// The pure parts of the Secured-core CIM reader: what a CimException's MI_RESULT is filed as, how an instance becomes a
/// record, and how the CIM types Win32_DeviceGuard and MSFT_MpComputerStatus use map. The CIM calls need Windows.
/// </summary>
[SuppressMessage("Interoperability", "CA1416:Validate platform compatibility", Justification = "These tests call the Windows-only reader's pure parts, which touch no CIM API.")]
public sealed class WindowsSecuredCoreCimReaderTests
{
    [Fact]
    public void A_missing_Device_Guard_namespace_is_NotFound_saying_the_provider_is_not_there()
    {
        var error = WindowsSecuredCoreCimReader.Failure(WindowsSecuredCoreCimReader.DeviceGuard, 3, "InvalidNamespace", "Invalid namespace ");

        Assert.Equal(EvidenceErrorCategory.NotFound, error.Category);
        Assert.Equal(3, error.Code);
        Assert.StartsWith(@"The Device Guard WMI provider is not there: root\Microsoft\Windows\DeviceGuard Win32_DeviceGuard does not exist on this node (InvalidNamespace (MI_RESULT 3)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_class_is_NotFound_too()
    {
        var error = WindowsSecuredCoreCimReader.Failure(WindowsSecuredCoreCimReader.Defender, 5, "InvalidClass", "Invalid class ");

        Assert.Equal(EvidenceErrorCategory.NotFound, error.Category);
        Assert.StartsWith("The Microsoft Defender Antivirus WMI provider is not there", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Access_denied_is_AccessDenied_with_the_MI_RESULT()
    {
        var error = WindowsSecuredCoreCimReader.Failure(WindowsSecuredCoreCimReader.SmbServer, 2, "AccessDenied", "Access denied ");

        Assert.Equal(EvidenceErrorCategory.AccessDenied, error.Category);
        Assert.Equal(2, error.Code);
        Assert.Equal("MSFT_SmbServerConfiguration could not be read: AccessDenied (MI_RESULT 2): Access denied ", error.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    [InlineData(28)]
    public void Any_other_failure_is_Failed_with_the_MI_RESULT(int miResult)
    {
        var error = WindowsSecuredCoreCimReader.Failure(WindowsSecuredCoreCimReader.SmbClient, miResult, "Failed", "x");

        Assert.Equal(EvidenceErrorCategory.Failed, error.Category);
        Assert.Equal(miResult, error.Code);
    }

    [Fact]
    public void A_class_without_an_instance_is_NotFound()
    {
        var error = WindowsSecuredCoreCimReader.NoInstance(WindowsSecuredCoreCimReader.DeviceGuard);

        Assert.Equal(EvidenceErrorCategory.NotFound, error.Category);
        Assert.Equal(@"root\Microsoft\Windows\DeviceGuard Win32_DeviceGuard has no instance.", error.Message);
    }

    [Fact]
    public void A_property_the_build_does_not_have_is_left_out_not_written_as_zero()
    {
        var instance = new Dictionary<string, object?> { ["VirtualizationBasedSecurityStatus"] = 2u };

        var record = WindowsSecuredCoreCimReader.ToRecord(SecuredCoreEvidenceIds.DeviceGuardProperties, Lookup(instance));

        Assert.Equal(["VirtualizationBasedSecurityStatus"], record.Properties.Select(p => p.Key));
        Assert.Null(record.Get("SmmIsolationLevel"));
    }

    [Fact]
    public void A_property_that_exists_with_a_null_value_is_recorded_as_Null()
    {
        var instance = new Dictionary<string, object?> { ["FullScanEndTime"] = null };

        var record = WindowsSecuredCoreCimReader.ToRecord(SecuredCoreEvidenceIds.DefenderStatusProperties, Lookup(instance));

        Assert.Same(EvidenceValue.Null, record.Get("FullScanEndTime"));
    }

    [Fact]
    public void Properties_are_recorded_in_list_order_whatever_order_the_instance_gives()
    {
        var instance = new Dictionary<string, object?> { ["EncryptData"] = false, ["EnableSecuritySignature"] = true, ["RequireSecuritySignature"] = true };

        var record = WindowsSecuredCoreCimReader.ToRecord(SecuredCoreEvidenceIds.SmbServerConfigurationProperties, Lookup(instance));

        Assert.Equal(["RequireSecuritySignature", "EnableSecuritySignature", "EncryptData"], record.Properties.Select(p => p.Key));
    }

    [Fact]
    public void Device_Guard_uint32_arrays_become_UInt64Array_with_the_same_numbers()
    {
        var instance = new Dictionary<string, object?> { ["SecurityServicesRunning"] = new uint[] { 1, 2, 3 }, ["AvailableSecurityProperties"] = new uint[] { 1, 2, 3, 4, 5, 6, 7, 8 } };

        var record = WindowsSecuredCoreCimReader.ToRecord(SecuredCoreEvidenceIds.DeviceGuardProperties, Lookup(instance));

        Assert.Equal(EvidenceValue.FromUInt64Array([1, 2, 3]), record.Get("SecurityServicesRunning"));
        Assert.Equal(EvidenceValue.FromUInt64Array([1, 2, 3, 4, 5, 6, 7, 8]), record.Get("AvailableSecurityProperties"));
    }

    [Fact]
    public void An_empty_uint32_array_is_an_empty_UInt64Array_not_Null()
    {
        var value = CimEvidence.ToEvidenceValue(Array.Empty<uint>());

        Assert.Equal(EvidenceValueKind.UInt64Array, value.Kind);
        Assert.Equal(Array.Empty<ulong>(), value.Value);
    }

    [Fact]
    public void A_uint16_array_becomes_UInt64Array()
    {
        Assert.Equal(EvidenceValue.FromUInt64Array([65535, 0]), CimEvidence.ToEvidenceValue(new ushort[] { 65535, 0 }));
    }

    [Fact]
    public void A_uint64_array_keeps_its_full_range()
    {
        Assert.Equal(EvidenceValue.FromUInt64Array([ulong.MaxValue]), CimEvidence.ToEvidenceValue(new[] { ulong.MaxValue }));
    }

    [Fact]
    public void A_uint8_array_is_Binary()
    {
        Assert.Equal(EvidenceValue.FromBinary([0, 2, 255]), CimEvidence.ToEvidenceValue(new byte[] { 0, 2, 255 }));
    }

    [Fact]
    public void A_CIM_datetime_is_a_DateTime_in_UTC()
    {
        var local = new DateTime(2026, 11, 1, 7, 12, 0, DateTimeKind.Local);

        var value = CimEvidence.ToEvidenceValue(local);

        Assert.Equal(EvidenceValueKind.DateTime, value.Kind);
        Assert.Equal(local.ToUniversalTime(), value.Value);
    }

    [Fact]
    public void A_signed_array_is_each_elements_invariant_text_not_the_array_type_name()
    {
        Assert.Equal(EvidenceValue.FromMultiString(["-1", "7"]), CimEvidence.ToEvidenceValue(new[] { -1, 7 }));
    }

    [Fact]
    public void A_signed_byte_array_is_not_taken_for_bytes()
    {
        Assert.Equal(EvidenceValue.FromMultiString(["-1"]), CimEvidence.ToEvidenceValue(new sbyte[] { -1 }));
    }

    [Fact]
    public void The_TPM_reader_maps_values_through_the_shared_mapping()
    {
        Assert.Equal(CimEvidence.ToEvidenceValue(new uint[] { 4 }), WindowsTpmCimReader.ToEvidenceValue(new uint[] { 4 }));
        Assert.Equal(EvidenceErrorCategory.NotSupported, WindowsTpmCimReader.CategoryOf(CimEvidence.MiResultInvalidClass));
    }

    [Fact]
    public void A_failure_that_stops_every_class_gives_one_error_item_per_class()
    {
        var error = new EvidenceError(EvidenceErrorCategory.NotSupported, "Microsoft.Management.Infrastructure could not be loaded: x");

        var items = WindowsSecuredCoreCimReader.ForEveryClass(() => Bundles.Time, _ => error);

        Assert.Equal([SecuredCoreEvidenceIds.DeviceGuard, SecuredCoreEvidenceIds.SmbServerConfiguration, SecuredCoreEvidenceIds.SmbClientConfiguration, SecuredCoreEvidenceIds.DefenderStatus, DefenderEvidenceIds.Preference], items.Select(i => i.Id));
        Assert.All(items, i => Assert.Same(error, i.Error));
        Assert.All(items, i => Assert.Equal(EvidenceKind.Properties, i.Kind));
    }

    private static Func<string, (bool Exists, object? Value)> Lookup(Dictionary<string, object?> instance) =>
        name => instance.TryGetValue(name, out var value) ? (true, value) : (false, null);
}
