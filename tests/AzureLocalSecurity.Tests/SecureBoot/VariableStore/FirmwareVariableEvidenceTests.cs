using System;
using System.Linq;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.SecureBoot.VariableStore;
using AzureLocalSecurity.Tests.Support;
using Xunit;
using static AzureLocalSecurity.Tests.SecureBoot.VariableStore.OvmfVectors;

namespace AzureLocalSecurity.Tests.SecureBoot.VariableStore;

public class FirmwareVariableEvidenceTests
{
    private static readonly FirmwareVariableStore Store = FirmwareVariableStore.Parse(Load(MsEnrolled4M));

    [Fact]
    public void The_ids_are_the_name_and_lower_case_guid_under_firmware_variable()
    {
        Assert.Equal("firmware/variable/PK-8be4df61-93ca-11d2-aa0d-00e098032b8c", SecureBootEvidenceIds.Variable("PK", GlobalVariable));
        Assert.Equal("firmware/variable-attributes/db-d719b2cb-3d3a-4596-a3bc-dad00e67656f", SecureBootEvidenceIds.VariableAttributes("db", ImageSecurityDatabase));
    }

    [Fact]
    public void Every_Secure_Boot_variable_gets_a_data_item_and_an_attributes_item()
    {
        var items = FirmwareVariableEvidence.ToEvidence(Store, "file OVMF_VARS_4M.ms.fd", Bundles.Time).ToList();

        Assert.Equal(2 * EfiVariableNames.SecureBootVariables.Count, items.Count);
        Assert.Equal(items.Count, items.Select(i => i.Id).Distinct().Count());
        Assert.All(items, i => Assert.Equal(Bundles.Time, i.CapturedAt));
    }

    [Fact]
    public void A_stored_variable_is_its_data_and_its_attributes()
    {
        var items = FirmwareVariableEvidence.ToEvidence(Store, "file OVMF_VARS_4M.ms.fd", Bundles.Time).ToList();

        var kek = items.Single(i => i.Id == SecureBootEvidenceIds.Variable("KEK", GlobalVariable));
        var attributes = items.Single(i => i.Id == SecureBootEvidenceIds.VariableAttributes("KEK", GlobalVariable));

        Assert.Equal(EvidenceKind.Blob, kek.Kind);
        Assert.Equal(Store.Find("KEK", GlobalVariable)!.GetData(), kek.GetData());
        Assert.StartsWith("file OVMF_VARS_4M.ms.fd", kek.Source, StringComparison.Ordinal);
        Assert.Equal(EvidenceValue.FromUInt64(0x27), Assert.Single(attributes.Records!).Get(SecureBootEvidenceIds.AttributesProperty));
    }

    [Fact]
    public void A_variable_the_store_does_not_hold_is_NotFound_in_both_items()
    {
        var items = FirmwareVariableEvidence.ToEvidence(Store, "file OVMF_VARS_4M.ms.fd", Bundles.Time).ToList();

        var data = items.Single(i => i.Id == SecureBootEvidenceIds.Variable("SecureBoot", GlobalVariable));
        var attributes = items.Single(i => i.Id == SecureBootEvidenceIds.VariableAttributes("SecureBoot", GlobalVariable));

        Assert.Equal(EvidenceErrorCategory.NotFound, data.Error!.Category);
        Assert.Equal(EvidenceKind.Blob, data.Kind);
        Assert.Equal(EvidenceErrorCategory.NotFound, attributes.Error!.Category);
        Assert.Equal(EvidenceKind.Properties, attributes.Kind);
    }

    [Fact]
    public void An_unenrolled_store_has_no_PK_item_data()
    {
        var empty = FirmwareVariableStore.Parse(Load(Empty4M));

        var pk = FirmwareVariableEvidence.ToEvidence(empty, "file OVMF_VARS_4M.fd", Bundles.Time).Single(i => i.Id == SecureBootEvidenceIds.Variable("PK", GlobalVariable));

        Assert.Equal(EvidenceErrorCategory.NotFound, pk.Error!.Category);
    }

    [Fact]
    public void The_items_survive_a_bundle_round_trip()
    {
        using var dir = new TempDir();
        var items = FirmwareVariableEvidence.ToEvidence(Store, "file OVMF_VARS_4M.ms.fd", Bundles.Time);
        var bundle = new EvidenceBundle(EvidenceSchema.CurrentVersion, new NodeIdentity("vm1", NodePlatform.Linux, "Linux", "X64"), Bundles.Time, "0.1.0", items);
        EvidenceBundleWriter.Write(bundle, dir.Combine("vm1.zip"), overwrite: false);

        var read = EvidenceBundleReader.Read(dir.Combine("vm1.zip"));

        Assert.Equal(Store.Find("db", ImageSecurityDatabase)!.GetData(), read.Find(SecureBootEvidenceIds.Variable("db", ImageSecurityDatabase))!.GetData());
        Assert.Equal(0x27L, read.Find(SecureBootEvidenceIds.VariableAttributes("db", ImageSecurityDatabase))!.Records![0].Get("Attributes")!.AsInt64());
        Assert.Equal(EvidenceErrorCategory.NotFound, read.Find(SecureBootEvidenceIds.Variable("dbt", ImageSecurityDatabase))!.Error!.Category);
    }
}
