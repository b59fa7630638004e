using System;
using System.IO;
using System.Linq;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Results;
using AzureLocalSecurity.SecureBoot;
using AzureLocalSecurity.SecureBoot.Rollover;
using AzureLocalSecurity.SecureBoot.VariableStore;
using AzureLocalSecurity.Tests.SecureBoot.VariableStore;
using AzureLocalSecurity.Tests.Support;
using Xunit;
using static AzureLocalSecurity.SecureBoot.Rollover.SecureBootCertificateAnalyzer;

namespace AzureLocalSecurity.Tests.SecureBoot.Rollover;

/// <summary>
/// The rollover judged on Debian's real OVMF store with Microsoft's keys (2011 CAs only), and on nodes laid out as efivarfs
/// and EFI system partition trees from Microsoft's published certificates, at each stage.
/// </summary>
public sealed class SecureBootCertificateAnalyzerTests
{
    private static readonly DateTime Today = new(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc);

    private static SecurityCheckResult One(SecureBootCertificateSummary summary, string id) => Assert.Single(summary.Results, r => r.Id == id);

    [Fact]
    public void Debian_ovmf_with_microsofts_2011_keys_is_stage_0()
    {
        var summary = Evaluate(FirmwareVariableStoreBundle.FromFile(Path.Combine(OvmfVectors.Folder, OvmfVectors.MsEnrolled4M), Bundles.Time), Today);

        Assert.Equal(0, summary.Stage);
        Assert.StartsWith("Stage 0: db does not hold the Windows UEFI CA 2023", summary.StageDescription, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.NonCompliant, One(summary, StageId).Status);
        Assert.Equal(CheckStatus.NonCompliant, One(summary, KekId).Status);
        Assert.Equal(CheckStatus.NonCompliant, One(summary, WindowsCaId).Status);
        Assert.Equal(CheckStatus.NonCompliant, One(summary, UefiCaId).Status);
        Assert.Equal(CheckStatus.NonCompliant, One(summary, OptionRomCaId).Status);
        Assert.Contains(MicrosoftSecureBootCertificates.UefiCa2011, One(summary, WindowsCaId).Actual, StringComparison.Ordinal);
        Assert.False(summary.IsComplete);
        Assert.StartsWith(KekId + ": Add the KEK 2K CA 2023 (AvailableUpdates 0x4)", summary.NextStep, StringComparison.Ordinal);
    }

    [Fact]
    public void Ovmf_2011_certificates_have_expired_by_november_2026_without_a_replacement()
    {
        var summary = Evaluate(FirmwareVariableStoreBundle.FromFile(Path.Combine(OvmfVectors.Folder, OvmfVectors.MsEnrolled4M), Bundles.Time), Today);

        var kek = Assert.Single(summary.Results, r => r.Id == ExpiryId && r.Title.Contains(MicrosoftSecureBootCertificates.KekCa2011, StringComparison.Ordinal));
        Assert.Equal(CheckStatus.NonCompliant, kek.Status);
        Assert.Equal(Severity.High, kek.Severity);
        Assert.Equal("expired 2026-06-24 20:51:29 UTC; Microsoft Corporation KEK 2K CA 2023 not in KEK", kek.Actual);
        var pca = Assert.Single(summary.Results, r => r.Id == ExpiryId && r.Title.Contains(MicrosoftSecureBootCertificates.WindowsProductionPca2011, StringComparison.Ordinal));
        Assert.Equal("expired 2026-10-19 18:51:42 UTC; Windows UEFI CA 2023 not in db", pca.Actual);
    }

    [Fact]
    public void Before_june_2026_the_same_store_holds_only_valid_certificates()
    {
        var summary = Evaluate(FirmwareVariableStoreBundle.FromFile(Path.Combine(OvmfVectors.Folder, OvmfVectors.MsEnrolled4M), Bundles.Time), new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        var expiry = summary.Results.Where(r => r.Id == ExpiryId).ToList();
        Assert.True(expiry.Count >= 4);
        Assert.All(expiry, r => Assert.Equal(CheckStatus.Compliant, r.Status));
        Assert.Contains(expiry, r => r.Actual == "valid until 2026-06-24 20:51:29 UTC");
    }

    [Fact]
    public void A_node_with_every_2023_certificate_and_the_2023_boot_manager_is_stage_2()
    {
        using var node = RolloverNode.Complete();

        var summary = Evaluate(node.Collect(), Today);

        Assert.Equal(2, summary.Stage);
        Assert.StartsWith("Stage 2: db holds the Windows UEFI CA 2023 and the boot manager on the EFI system partition is signed by it", summary.StageDescription, StringComparison.Ordinal);
        foreach (var id in new[] { StageId, KekId, WindowsCaId, UefiCaId, OptionRomCaId, BootManagerId, PcaRevokedId, SvnId, ServicingId })
        {
            Assert.Equal(CheckStatus.Compliant, One(summary, id).Status);
        }

        Assert.Contains("signed by Test Windows boot manager signer under Windows UEFI CA 2023 (by issuer name)", One(summary, BootManagerId).Actual, StringComparison.Ordinal);
        Assert.Contains("not verified", One(summary, BootManagerId).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Expired_2011_cas_whose_replacements_are_present_are_compliant()
    {
        using var node = RolloverNode.Complete();

        var summary = Evaluate(node.Collect(), Today);

        var kek = Assert.Single(summary.Results, r => r.Id == ExpiryId && r.Title.Contains(MicrosoftSecureBootCertificates.KekCa2011, StringComparison.Ordinal));
        Assert.Equal(CheckStatus.Compliant, kek.Status);
        Assert.Equal("expired 2026-06-24 20:51:29 UTC; replaced by Microsoft Corporation KEK 2K CA 2023", kek.Actual);
        var uefi = Assert.Single(summary.Results, r => r.Id == ExpiryId && r.Title.Contains(MicrosoftSecureBootCertificates.UefiCa2011, StringComparison.Ordinal));
        Assert.Equal("expired 2026-06-27 21:32:45 UTC; replaced by Microsoft UEFI CA 2023 and Microsoft Option ROM UEFI CA 2023", uefi.Actual);
        Assert.DoesNotContain(summary.Results, r => r.Id == ExpiryId && r.Status != CheckStatus.Compliant);
    }

    [Fact]
    public void The_ca_in_db_and_a_boot_manager_signed_under_pca_2011_is_stage_1_and_the_next_step_is_the_boot_manager()
    {
        using var node = new RolloverNode { BootManager = SignedBootManagers.Pca2011 };
        node.Kek.Add(MicrosoftSecureBootCertificates.KekCa2023);
        node.Db.AddRange([MicrosoftSecureBootCertificates.WindowsUefiCa2023, MicrosoftSecureBootCertificates.UefiCa2023, MicrosoftSecureBootCertificates.OptionRomUefiCa2023]);

        var summary = Evaluate(node.Collect(), Today);

        Assert.Equal(1, summary.Stage);
        Assert.Equal(CheckStatus.NonCompliant, One(summary, StageId).Status);
        var bootManager = One(summary, BootManagerId);
        Assert.Equal(CheckStatus.NonCompliant, bootManager.Status);
        Assert.Equal(Severity.High, bootManager.Severity);
        Assert.Contains("under Microsoft Windows Production PCA 2011", bootManager.Actual, StringComparison.Ordinal);
        Assert.StartsWith(BootManagerId + ": Once db holds the Windows UEFI CA 2023, install the boot manager it signs (AvailableUpdates 0x100)", summary.NextStep, StringComparison.Ordinal);
        Assert.StartsWith("Reach stage 2 first", One(summary, PcaRevokedId).Remediation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_revoked_pca_2011_with_a_boot_manager_signed_only_under_it_is_critical()
    {
        using var node = new RolloverNode { BootManager = SignedBootManagers.Pca2011 };
        node.Db.Add(MicrosoftSecureBootCertificates.WindowsUefiCa2023);
        node.DbxCertificates.Add(MicrosoftSecureBootCertificates.WindowsProductionPca2011);

        var summary = Evaluate(node.Collect(), Today);

        var bootManager = One(summary, BootManagerId);
        Assert.Equal(CheckStatus.NonCompliant, bootManager.Status);
        Assert.Equal(Severity.Critical, bootManager.Severity);
        Assert.Contains("refuse it at the next boot", bootManager.Reason, StringComparison.Ordinal);
        Assert.StartsWith(BootManagerId + ": Before restarting", summary.NextStep, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Compliant, One(summary, PcaRevokedId).Status);
    }

    [Fact]
    public void Without_the_2011_uefi_ca_its_2023_successors_do_not_apply()
    {
        using var node = new RolloverNode();
        node.Db.Remove(MicrosoftSecureBootCertificates.UefiCa2011);

        var summary = Evaluate(node.Collect(), Today);

        Assert.Equal(CheckStatus.NotApplicable, One(summary, UefiCaId).Status);
        Assert.Equal(CheckStatus.NotApplicable, One(summary, OptionRomCaId).Status);
        Assert.Contains("0x4000", One(summary, UefiCaId).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_older_boot_manager_svn_is_non_compliant_and_names_the_latest()
    {
        using var node = RolloverNode.Complete();
        node.BootManagerSvn = new Version(2, 0);

        var summary = Evaluate(node.Collect(), Today);

        var svn = One(summary, SvnId);
        Assert.Equal(CheckStatus.NonCompliant, svn.Status);
        Assert.Equal("boot manager SVN 2.0", svn.Actual);
        Assert.Equal("boot manager SVN 9.0 or later", svn.Expected);
        Assert.Contains("0x200", svn.Remediation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pending_update_bit_is_named_in_the_reason()
    {
        using var node = new RolloverNode
        {
            Servicing = [new("AvailableUpdates", EvidenceValue.FromDWord(0x5944)), new("UEFICA2023Status", EvidenceValue.FromString("InProgress")), new("WindowsUEFICA2023Capable", EvidenceValue.FromDWord(0))],
        };

        var summary = Evaluate(node.Collect(), Today);

        Assert.Contains("AvailableUpdates 0x40 is set", One(summary, WindowsCaId).Reason, StringComparison.Ordinal);
        Assert.Contains("AvailableUpdates 0x4 is set", One(summary, KekId).Reason, StringComparison.Ordinal);
        var servicing = One(summary, ServicingId);
        Assert.Equal(CheckStatus.NonCompliant, servicing.Status);
        Assert.StartsWith("UEFICA2023Status InProgress, AvailableUpdates 0x5944; pending: KEK 2023, Windows UEFI CA 2023 to db", servicing.Actual, StringComparison.Ordinal);
    }

    [Fact]
    public void A_servicing_error_is_non_compliant_with_its_code()
    {
        using var node = new RolloverNode
        {
            Servicing = [new("UEFICA2023Status", EvidenceValue.FromString("InProgress")), new("UEFICA2023Error", EvidenceValue.FromDWord(0x80070005)), new("WindowsUEFICA2023Capable", EvidenceValue.FromDWord(0))],
        };

        var servicing = One(Evaluate(node.Collect(), Today), ServicingId);

        Assert.Equal(CheckStatus.NonCompliant, servicing.Status);
        Assert.Contains("UEFICA2023Error 0x80070005", servicing.Actual, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_boot_file_windows_own_capability_value_decides_stage_2()
    {
        using var node = RolloverNode.Complete();
        node.BootManager = null;

        var summary = Evaluate(node.Collect(), Today);

        Assert.Equal(2, summary.Stage);
        Assert.Contains("WindowsUEFICA2023Capable = 2", summary.StageDescription, StringComparison.Ordinal);
        var bootManager = One(summary, BootManagerId);
        Assert.Equal(CheckStatus.Compliant, bootManager.Status);
        Assert.Equal("The boot manager file could not be read: The EFI system partition has no EFI/Microsoft/Boot/bootmgfw.efi.", bootManager.Reason);
    }

    [Fact]
    public void The_firmwares_db_wins_over_windows_report_and_the_disagreement_is_named()
    {
        using var node = new RolloverNode { Servicing = [new("WindowsUEFICA2023Capable", EvidenceValue.FromDWord(1))] };

        var summary = Evaluate(node.Collect(), Today);

        Assert.Equal(0, summary.Stage);
        Assert.Contains("Windows reports WindowsUEFICA2023Capable = 1; the firmware's db and the boot file were read directly and win", summary.StageDescription, StringComparison.Ordinal);
    }

    [Fact]
    public void Ca_in_db_with_neither_boot_file_nor_windows_report_is_stage_1_unknown_not_failed()
    {
        using var node = new RolloverNode { HasEsp = false };
        node.Db.Add(MicrosoftSecureBootCertificates.WindowsUefiCa2023);

        var summary = Evaluate(node.Collect(), Today);

        Assert.Equal(1, summary.Stage);
        var stage = One(summary, StageId);
        Assert.Equal(CheckStatus.Unknown, stage.Status);
        Assert.Contains("No EFI system partition is mounted", stage.Reason, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Unknown, One(summary, BootManagerId).Status);
    }

    [Fact]
    public void A_bundle_without_uefi_facts_is_unknown_everywhere_with_reasons()
    {
        var summary = Evaluate(Bundles.Windows(), Today);

        Assert.Null(summary.Stage);
        Assert.DoesNotContain(summary.Results, r => r.Status == CheckStatus.Compliant || r.Status == CheckStatus.NonCompliant);
        Assert.Equal(CheckStatus.Unknown, One(summary, StageId).Status);
        Assert.Equal(CheckStatus.Unknown, One(summary, KekId).Status);
        Assert.Contains("captured without the UEFI variables", One(summary, KekId).Reason, StringComparison.Ordinal);
        Assert.All(summary.Results.Where(r => r.Status == CheckStatus.Unknown), r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));
        Assert.Null(summary.NextStep);
    }

    [Fact]
    public void A_bios_node_has_every_requirement_not_applicable()
    {
        var summary = Evaluate(Bundles.Windows(firmwareType: 1), Today);

        Assert.Null(summary.Stage);
        Assert.Equal(11, summary.Results.Count);
        Assert.All(summary.Results, r => Assert.Equal(CheckStatus.NotApplicable, r.Status));
        Assert.Contains("legacy BIOS", summary.StageDescription, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expired_oem_platform_key_is_a_low_severity_finding()
    {
        using var node = RolloverNode.Complete();
        var pk = Assert.Single(Evaluate(node.Collect(), new DateTime(2039, 1, 1, 0, 0, 0, DateTimeKind.Utc)).Results, r => r.Id == ExpiryId && r.Title.StartsWith("PK ", StringComparison.Ordinal));

        Assert.Equal(CheckStatus.NonCompliant, pk.Status);
        Assert.Equal(Severity.Low, pk.Severity);
        Assert.Equal("expired 2038-09-18 20:28:26 UTC", pk.Actual);
    }

    [Fact]
    public void A_local_as_of_date_is_judged_in_utc()
    {
        var local = new DateTime(2026, 6, 24, 12, 0, 0, DateTimeKind.Local);
        var summary = Evaluate(FirmwareVariableStoreBundle.FromFile(Path.Combine(OvmfVectors.Folder, OvmfVectors.MsEnrolled4M), Bundles.Time), local);

        Assert.Equal(DateTimeKind.Utc, summary.AsOf.Kind);
        Assert.Equal(local.ToUniversalTime(), summary.AsOf);
    }

    [Fact]
    public void Results_carry_the_node_the_area_and_a_source_for_what_was_read()
    {
        using var node = RolloverNode.Complete();

        var summary = Evaluate(node.Collect(), Today);

        Assert.All(summary.Results, r => Assert.Equal("NODE01", r.NodeName));
        Assert.All(summary.Results, r => Assert.Equal(Area, r.Area));
        Assert.StartsWith("efivarfs /sys/firmware/efi/efivars/KEK-", One(summary, KekId).Source, StringComparison.Ordinal);
        Assert.Equal("file /boot/efi/EFI/Microsoft/Boot/bootmgfw.efi", One(summary, BootManagerId).Source);
    }

    [Fact]
    public void Variable_store_bundles_say_the_boot_file_is_not_in_them()
    {
        var summary = Evaluate(FirmwareVariableStoreBundle.FromFile(Path.Combine(OvmfVectors.Folder, OvmfVectors.MsEnrolled4M), Bundles.Time), Today);

        var bootManager = One(summary, BootManagerId);
        Assert.Equal(CheckStatus.Unknown, bootManager.Status);
        Assert.Contains("captured without the EFI system partition's boot files", bootManager.Reason, StringComparison.Ordinal);
    }
}
