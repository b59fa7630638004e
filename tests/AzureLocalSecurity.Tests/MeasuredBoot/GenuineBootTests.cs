using System;
using System.IO;
using System.Linq;
using AzureLocalSecurity.MeasuredBoot;
using AzureLocalSecurity.MeasuredBoot.Security;
using AzureLocalSecurity.SecureBoot;
using AzureLocalSecurity.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace AzureLocalSecurity.Tests.MeasuredBoot;

/// <summary>
/// The module against genuine measured boots (<see cref="GenuineBootFixture"/>): OVMF under QEMU measuring into swtpm,
/// with Secure Boot on (Microsoft's keys) and off. What the firmware measured is read back by the booted kernel, so the
/// log and the PCRs come from one real boot, and the module's reading of the log is checked against the TPM itself.
/// </summary>
[Collection(GenuineBoots.Name)]
public sealed class GenuineBootTests(GenuineBootFixture boots, ModuleSession module, ITestOutputHelper output) : IClassFixture<ModuleSession>
{
    private const int ImaPcr = 10;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_replay_of_the_booted_log_equals_every_pcr_of_every_bank_the_guest_read(bool secureBoot)
    {
        var boot = boots.Get(secureBoot);
        Report(boot);
        var replay = PcrReplay.Replay(TcgEventLog.Parse(boot.LogBytes));

        Assert.Equal(boot.Pcrs.Keys.OrderBy(k => k, StringComparer.Ordinal), replay.Banks.Select(b => b.Name).OrderBy(k => k, StringComparer.Ordinal));
        foreach (var bank in replay.Banks)
        {
            Assert.True(bank.IsSupported, bank.ToString());
            var live = boot.Pcrs[bank.Name];
            Assert.Equal(Enumerable.Range(0, PcrReplay.PcrCount), live.Keys.Order());
            foreach (var pcr in bank.Pcrs)
            {
                if (pcr.Pcr == ImaPcr && pcr.ExtendCount == 0)
                {
                    // The kernel's IMA extends PCR 10 (boot_aggregate) and logs that in its own log, not in the firmware's.
                    Assert.True(pcr.Value != live[pcr.Pcr], $"{boot.Name} {pcr.Bank}:10 was expected to hold IMA's measurement, not its reset value");
                    continue;
                }

                Assert.True(pcr.Value == live[pcr.Pcr], $"{boot.Name} {pcr.Bank}:{pcr.Pcr}: replay {pcr.Value ?? pcr.Unknown} but the TPM holds {live[pcr.Pcr]}");
            }

            // The firmware measured into every PCR 0-7: the equality above is of real extends, not of reset values.
            Assert.All(Enumerable.Range(0, 8), i => Assert.True(bank.Pcrs[i].ExtendCount > 0, $"{bank.Name}:{i} was never extended"));
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Every_record_that_measures_its_own_data_shows_exactly_the_data_it_measured(bool secureBoot)
    {
        var log = TcgEventLog.Parse(boots.Get(secureBoot).LogBytes);

        Assert.Empty(EventDigestCheck.Check(log));
        // What the check leaves out besides the types that measure something else: the EFI stub's tags, whose digest is of
        // the initrd (next test) or of the command line. The stub measures its load options only when firmware started it
        // with LoadImage, which this OVMF does with Secure Boot off (see the authority test below).
        var tags = log.Events.Where(e => e.EventType == TcgEventType.EventTag).Select(e => ((TcgTaggedEventData)e.Decoded).EventId);
        Assert.Equal(secureBoot ? [EventDigestCheck.LinuxInitrdTag] : [EventDigestCheck.LinuxLoadOptionsTag, EventDigestCheck.LinuxInitrdTag], tags);
    }

    [Fact]
    public void With_secure_boot_on_the_debian_signed_kernel_was_not_verified_through_db_and_no_authority_is_reported()
    {
        // Debian signs its kernel with its own CA, which Microsoft's db does not hold: OVMF's QEMU kernel loader, refused
        // by LoadImage, falls back to its legacy loader, so no boot application and no db authority is measured. With
        // Secure Boot off, LoadImage runs the kernel as an EFI application, measured into PCR 4.
        var on = TcgEventLog.Parse(boots.SecureBootOn.LogBytes);
        var off = TcgEventLog.Parse(boots.SecureBootOff.LogBytes);
        Assert.DoesNotContain(on.Events, e => e.EventType is TcgEventType.EfiBootServicesApplication or TcgEventType.EfiVariableAuthority);
        var kernel = Assert.Single(off.Events, e => e.EventType == TcgEventType.EfiBootServicesApplication);
        Assert.Equal(4u, kernel.PcrIndex);

        var state = StateOf(boots.SecureBootOn);
        Assert.Empty(state.BootAuthorities);
        Assert.Null(state.Find("BootAuthority")!.Enabled);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_efi_stub_tag_in_pcr_9_is_the_hash_of_the_initramfs_the_test_built(bool secureBoot)
    {
        var log = TcgEventLog.Parse(boots.Get(secureBoot).LogBytes);
        var tag = log.Events.Single(e => e.EventType == TcgEventType.EventTag && ((TcgTaggedEventData)e.Decoded).EventId == EventDigestCheck.LinuxInitrdTag);

        Assert.Equal(9u, tag.PcrIndex);
        Assert.Equal(4, tag.Digests.Count);
        Assert.All(tag.Digests, d => Assert.Equal(Convert.ToHexString(TcgLogBuilder.Hash(d.Algorithm, boots.Initramfs)), d.Hex, ignoreCase: true));
    }

    [Fact]
    public void The_guests_ran_the_kernel_of_the_debian_package()
    {
        Assert.All([boots.SecureBootOn, boots.SecureBootOff], b => Assert.Equal("linux-image-" + b.KernelRelease, boots.KernelPackage));
    }

    [Fact]
    public void Get_ALBootSecurityState_reports_secure_boot_on_with_microsofts_2011_db_certificates()
    {
        var state = StateOf(boots.SecureBootOn);

        Assert.True(state.SecureBootEnabled);
        Assert.Contains(MicrosoftSecureBootCertificates.WindowsProductionPca2011, state.DbCertificates);
        Assert.Contains(MicrosoftSecureBootCertificates.UefiCa2011, state.DbCertificates);
        Assert.Contains(MicrosoftSecureBootCertificates.KekCa2011, state.KeyExchangeKeys);
        Assert.NotEmpty(state.PlatformKeys);

        // The same from the measured db itself, by thumbprint, with the module's signature list parser.
        var db = TcgEventLog.Parse(boots.SecureBootOn.LogBytes).Events
            .Where(e => e.PcrIndex == 7 && e.EventType == TcgEventType.EfiVariableDriverConfig)
            .Select(e => (TcgEfiVariableEventData)e.Decoded)
            .Single(v => v.VariableName == "db");
        var thumbprints = EfiSignatureDatabase.Parse(db.GetVariableData()).Entries.Select(e => e.Thumbprint).ToList();
        foreach (var name in new[] { MicrosoftSecureBootCertificates.WindowsProductionPca2011, MicrosoftSecureBootCertificates.UefiCa2011 })
        {
            Assert.Contains(MicrosoftSecureBootCertificates.FindByName(name)!.Thumbprint, thumbprints, StringComparer.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Get_ALBootSecurityState_reports_secure_boot_off_with_empty_measured_databases()
    {
        var state = StateOf(boots.SecureBootOff);

        Assert.False(state.SecureBootEnabled);
        Assert.Empty(state.DbCertificates);
        Assert.Empty(state.PlatformKeys);
        Assert.Equal("measured empty", state.Find("PK")!.Value);
    }

    private BootSecurityState StateOf(GenuineBoot boot)
    {
        using var dir = new TempDir();
        var path = dir.Combine(boot.Name + ".log");
        File.WriteAllBytes(path, boot.LogBytes);

        var (results, errors) = module.Run($"Get-ALBootSecurityState -Path '{path.Replace("'", "''", StringComparison.Ordinal)}'");

        Assert.Empty(errors);
        var state = Assert.IsType<BootSecurityState>(Assert.Single(results).BaseObject);
        Assert.Equal(path, state.Source);
        return state;
    }

    private void Report(GenuineBoot boot) =>
        output.WriteLine($"{boot}: kernel {boot.KernelRelease}, log {boot.LogBytes.Length} bytes, banks {string.Join(", ", boot.Pcrs.Keys)}" +
            (boot.Fallbacks.Count == 0 ? string.Empty : "; fell back from " + string.Join("; ", boot.Fallbacks)));
}
