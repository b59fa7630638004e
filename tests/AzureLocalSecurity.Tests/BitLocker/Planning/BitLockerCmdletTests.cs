using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Reflection;
using System.Security;
using System.Text;
using AzureLocalSecurity.BitLocker;
using AzureLocalSecurity.BitLocker.Planning;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.BitLocker.Planning;

/// <summary>
/// The BitLocker cmdlets in the real engine, on recorded volumes and a fake executor injected through the module's test hooks
/// (set by reflection: the tests do not reference the cmdlet assembly). The live path is taken as if on Windows.
/// </summary>
[Collection(AzureLocalSecurity.Tests.BitLocker.BitLockerHookTests.Name)]
public sealed class BitLockerCmdletTests : IClassFixture<ModuleSession>, IDisposable
{
    private static readonly string Digits = FakeBitLockerExecutor.Password.Replace("-", string.Empty, StringComparison.Ordinal);

    private readonly ModuleSession _session;
    private readonly Type _hooks;
    private readonly FakeBitLockerExecutor _executor = new();
    private readonly TempDir _dir = new();
    private int _volumeReads;

    public BitLockerCmdletTests(ModuleSession session)
    {
        _session = session;
        var assembly = (Assembly)_session.Run("[AzureLocalSecurity.Commands.EnableALBitLockerCommand].Assembly").Output.Single().BaseObject;
        _hooks = assembly.GetType("AzureLocalSecurity.Commands.BitLockerTestHooks", throwOnError: true)!;
        _executor.WriteToDisk = true;
        Set("Volumes", new Func<EvidenceBundle, IReadOnlyList<BitLockerVolume>>(_ =>
        {
            _volumeReads++;
            return [RecordedVolumes.DataDecrypted(), RecordedVolumes.OsEncrypted()];
        }));
        Set("Executor", new Func<IBitLockerExecutor>(() => _executor));
        Set("LiveBundle", new Func<EvidenceBundle>(() => Bundles.Windows()));
        Set("PretendWindows", true);
        Set("PollInterval", TimeSpan.FromMilliseconds(1));
        Set("StallTimeout", TimeSpan.FromMinutes(10));
    }

    public void Dispose()
    {
        Set("Volumes", null);
        Set("Executor", null);
        Set("LiveBundle", null);
        Set("PretendWindows", false);
        Set("PollInterval", TimeSpan.FromSeconds(5));
        Set("StallTimeout", TimeSpan.FromMinutes(10));
        _dir.Dispose();
    }

    [Fact]
    public void Enable_with_Verbose_Debug_and_Wait_puts_the_recovery_password_in_no_stream()
    {
        _executor.Conversion.Clear();
        _executor.Conversion.AddRange([(BitLockerConversionStatus.EncryptionInProgress, 10), (BitLockerConversionStatus.EncryptionInProgress, 55), (BitLockerConversionStatus.FullyEncrypted, 100)]);

        using var ps = _session.RunWithStreams($"Enable-ALBitLocker -MountPoint D: -RecoveryKeyPath '{_dir.Path}' -Wait -Verbose -Debug -WarningAction Continue -Confirm:$false", out var output);

        Assert.Empty(ps.Streams.Error);
        var result = (BitLockerChangeResult)output.Single().BaseObject;
        Assert.True(result.Succeeded);
        Assert.Contains("Encrypt:XtsAes256", _executor.Calls);
        Assert.NotEmpty(ps.Streams.Progress);
        Assert.NotEmpty(ps.Streams.Verbose);
        AssertNoPassword(Everything(ps, output));
    }

    [Fact]
    public void Enable_writes_the_backup_file_with_exactly_the_expected_content_and_the_ACL_spec()
    {
        using var ps = _session.RunWithStreams($"Enable-ALBitLocker -MountPoint D: -RecoveryKeyPath '{_dir.Path}' -Confirm:$false", out var output);

        var file = ((BitLockerChangeResult)output.Single().BaseObject).BackupFiles.Single();
        Assert.Equal(_dir.Combine("BitLocker-NODE1-D-9E8D7C6B-0000-4000-8000-00000000BEEF.txt"), file);
        var expected = "BitLocker recovery password (written by AzureLocalSecurity)\r\nComputer: NODE1\r\nVolume: D:\r\n"
            + "DeviceID: \\\\?\\Volume{0b1c2d3e-0000-0000-0000-200000000000}\\\r\nKey protector ID: {9E8D7C6B-0000-4000-8000-00000000BEEF}\r\n"
            + "Recovery password: " + FakeBitLockerExecutor.Password + "\r\n";
        Assert.Equal(expected, File.ReadAllText(file, Encoding.UTF8));
        var acl = _executor.Acls[file];
        Assert.Equal(["S-1-5-32-544", "S-1-5-18"], acl.AllowedSids);
        Assert.True(acl.Protected);
        Assert.Equal("S-1-5-32-544", acl.Owner);
        Assert.Equal(["AddRecoveryPassword", "GetRecoveryPassword", "WriteBackupFile", "GetRecoveryPassword", "ReadBackupFile", "Encrypt:XtsAes256"], _executor.Calls);
    }

    [Fact]
    public void Backup_with_Verbose_and_Debug_puts_the_recovery_password_in_no_stream()
    {
        using var ps = _session.RunWithStreams($"Backup-ALBitLockerKeyProtector -MountPoint C: -Destination File -Path '{_dir.Path}' -Verbose -Debug -WarningAction Continue -Confirm:$false", out var output);

        var result = (BitLockerChangeResult)output.Single().BaseObject;
        Assert.True(result.Succeeded);
        Assert.Equal(FakeBitLockerExecutor.Password, File.ReadAllText(result.BackupFiles.Single()).Split(["Recovery password: "], StringSplitOptions.None)[1].TrimEnd());
        AssertNoPassword(Everything(ps, output));
    }

    [Fact]
    public void Get_ALBitLockerRecoveryKey_returns_a_SecureString_of_the_password_and_puts_it_in_no_stream()
    {
        using var ps = _session.RunWithStreams("Get-ALBitLockerRecoveryKey -MountPoint C: -Verbose -Debug -WarningAction Continue", out var output);

        var key = (BitLockerRecoveryKey)output.Single().BaseObject;
        Assert.Equal(RecordedVolumes.RecoveryId, key.ProtectorId);
        Assert.Equal(FakeBitLockerExecutor.Password, new NetworkCredential(string.Empty, key.Key).Password);
        Assert.True(key.Key.IsReadOnly());
        Assert.Null(key.RecoveryPassword);
        AssertNoPassword(Everything(ps, output));
    }

    [Fact]
    public void Get_ALBitLockerRecoveryKey_AsPlainText_gives_the_password_only_in_the_output_object_and_warns()
    {
        using var ps = _session.RunWithStreams("Get-ALBitLockerRecoveryKey -MountPoint C: -AsPlainText -Verbose -Debug -WarningAction Continue", out var output);

        var key = (BitLockerRecoveryKey)output.Single().BaseObject;
        Assert.Equal(FakeBitLockerExecutor.Password, key.RecoveryPassword);
        Assert.Contains(ps.Streams.Warning, w => w.Message.Contains("-AsPlainText", StringComparison.Ordinal));
        AssertNoPassword(Everything(ps, new Collection<PSObject>()));
        Assert.DoesNotContain(FakeBitLockerExecutor.Password, key.ToString(), StringComparison.Ordinal);

        // The same capture with the output object in it does find the password: the search itself works.
        Assert.Contains(Everything(ps, output), t => t.Contains(FakeBitLockerExecutor.Password, StringComparison.Ordinal));
    }

    [Fact]
    public void Enable_on_the_OS_volume_without_a_known_ready_TPM_is_refused_with_BitLockerNoReadyTpm_and_changes_nothing()
    {
        Set("Volumes", new Func<EvidenceBundle, IReadOnlyList<BitLockerVolume>>(_ => [RecordedVolumes.OsDecrypted()]));

        var (output, errors) = _session.Run($"Enable-ALBitLocker -MountPoint C: -RecoveryKeyPath '{_dir.Path}' -Confirm:$false");

        // The Windows bundle holds no TPM facts, so readiness is unknown, and the decrypted OS volume still needs its TPM protector.
        Assert.Empty(output);
        Assert.Equal("BitLockerNoReadyTpm,AzureLocalSecurity.Commands.EnableALBitLockerCommand", errors.Single().FullyQualifiedErrorId);
        Assert.Empty(_executor.Calls);
    }

    [Fact]
    public void Enable_on_an_OS_volume_that_already_has_its_tpm_protector_needs_no_tpm_fact_and_changes_nothing()
    {
        var (output, errors) = _session.Run($"Enable-ALBitLocker -MountPoint C: -RecoveryKeyPath '{_dir.Path}' -Confirm:$false");

        Assert.Empty(errors);
        Assert.Empty(((BitLockerChangeResult)output.Single().BaseObject).Outcomes);
        Assert.Empty(_executor.Calls);
    }

    [Fact]
    public void A_failed_step_is_a_BitLockerStepFailed_error_with_the_return_code_explained_and_no_encryption()
    {
        _executor.Fail["BackupToActiveDirectory"] = 1;

        var (output, errors) = _session.Run("Enable-ALBitLocker -MountPoint D: -BackupToActiveDirectory -Confirm:$false");

        var error = errors.Single();
        Assert.Equal("BitLockerStepFailed,AzureLocalSecurity.Commands.EnableALBitLockerCommand", error.FullyQualifiedErrorId);
        Assert.Contains("S_FALSE", error.Exception.Message, StringComparison.Ordinal);
        Assert.False(((BitLockerChangeResult)output.Single().BaseObject).Succeeded);
        Assert.DoesNotContain(_executor.Calls, c => c.StartsWith("Encrypt", StringComparison.Ordinal));
    }

    [Fact]
    public void With_Evidence_the_plan_is_written_and_the_executor_is_not_used()
    {
        var (output, errors) = _session.Run(
            $"Enable-ALBitLocker -MountPoint D: -RecoveryKeyPath '{_dir.Path}' -Evidence $b -Confirm:$false",
            new Dictionary<string, object?> { ["b"] = Bundles.Windows() });

        Assert.Empty(errors);
        var plan = (BitLockerPlan)output.Single().BaseObject;
        Assert.Equal(BitLockerStepKind.AddRecoveryPassword, plan.Steps[0].Kind);
        Assert.Equal(BitLockerStepKind.Encrypt, plan.Steps[^1].Kind);
        Assert.Empty(_executor.Calls);
    }

    [Fact]
    public void VolumeType_Data_plans_the_data_volume_and_leaves_the_OS_volume_alone()
    {
        var (output, errors) = _session.Run(
            $"Enable-ALBitLocker -VolumeType Data -RecoveryKeyPath '{_dir.Path}' -Evidence $b -Confirm:$false",
            new Dictionary<string, object?> { ["b"] = Bundles.Windows() });

        Assert.Empty(errors);
        Assert.Equal(["D:"], output.Select(o => ((BitLockerPlan)o.BaseObject).MountPoint));
    }

    [Fact]
    public void VolumeType_OperatingSystem_suspends_only_the_OS_volume()
    {
        var (output, errors) = _session.Run("Suspend-ALBitLocker -VolumeType OperatingSystem -RebootCount 2 -Confirm:$false");

        Assert.Empty(errors);
        var result = (BitLockerChangeResult)output.Single().BaseObject;
        Assert.Equal("C:", result.MountPoint);
        Assert.True(result.Succeeded);
        Assert.Equal(["DisableKeyProtectors:2"], _executor.Calls);
    }

    [Fact]
    public void VolumeType_ClusterSharedVolume_with_no_CSV_on_the_node_changes_nothing()
    {
        var (output, _) = _session.Run("Suspend-ALBitLocker -VolumeType ClusterSharedVolume -Confirm:$false");

        Assert.Empty(output);
        Assert.Empty(_executor.Calls);
    }

    [Fact]
    public void A_changing_cmdlet_without_MountPoint_or_VolumeType_stops_with_BitLockerNoVolumeSelected()
    {
        var (output, errors) = _session.Run("Suspend-ALBitLocker -Confirm:$false");

        Assert.Empty(output);
        Assert.Equal("BitLockerNoVolumeSelected,AzureLocalSecurity.Commands.SuspendALBitLockerCommand", errors.Single().FullyQualifiedErrorId);
        Assert.Equal(0, _volumeReads);
    }

    [Fact]
    public void The_live_node_is_refused_off_Windows_before_the_volumes_are_read()
    {
        Set("PretendWindows", false);
        var windows = OperatingSystem.IsWindows();

        var errors = _session.Run("Resume-ALBitLocker -MountPoint C: -Confirm:$false").Errors;

        // On Windows the hooks still supply the volumes (the recorded C: is protected: nothing to do); elsewhere the refusal comes first.
        Assert.Equal(windows ? null : "BaselineRepairNeedsWindows,AzureLocalSecurity.Commands.ResumeALBitLockerCommand", errors.SingleOrDefault()?.FullyQualifiedErrorId);
        Assert.Equal(windows ? 1 : 0, _volumeReads);
    }

    [Theory]
    [InlineData("Enable-ALBitLocker -MountPoint D: -RecoveryKeyPath '{0}'", false)]
    [InlineData("Disable-ALBitLocker -MountPoint C:", false)]
    [InlineData("Suspend-ALBitLocker -MountPoint C:", false)]
    [InlineData("Resume-ALBitLocker -MountPoint C:", true)]
    [InlineData("Backup-ALBitLockerKeyProtector -MountPoint C: -Destination File -Path '{0}'", false)]
    public void WhatIf_on_the_live_node_runs_no_step_writes_no_file_and_outputs_nothing(string command, bool suspendedOsVolume)
    {
        if (suspendedOsVolume)
        {
            Set("Volumes", new Func<EvidenceBundle, IReadOnlyList<BitLockerVolume>>(_ => [RecordedVolumes.OsSuspended()]));
        }

        var script = string.Format(System.Globalization.CultureInfo.InvariantCulture, command, _dir.Path);

        var (output, errors) = _session.Run(script + " -WhatIf");

        Assert.Empty(errors);
        Assert.Empty(output);
        Assert.Empty(_executor.Calls);
        Assert.Empty(Directory.GetFileSystemEntries(_dir.Path));

        // The same command confirmed does run steps: -WhatIf above had a plan to stop.
        var confirmed = _session.Run(script + " -Confirm:$false");
        Assert.Empty(confirmed.Errors);
        Assert.IsType<BitLockerChangeResult>(Assert.Single(confirmed.Output).BaseObject);
        Assert.NotEmpty(_executor.Calls);
    }

    [Fact]
    public void Wait_stops_with_a_warning_when_the_conversion_does_not_move_for_the_stall_timeout()
    {
        Set("StallTimeout", TimeSpan.FromMilliseconds(30));
        _executor.Conversion.Clear();
        _executor.Conversion.Add((BitLockerConversionStatus.EncryptionInProgress, 12));

        using var ps = _session.RunWithStreams($"Enable-ALBitLocker -MountPoint D: -RecoveryKeyPath '{_dir.Path}' -Wait -Confirm:$false", out var output);

        Assert.True(((BitLockerChangeResult)output.Single().BaseObject).Succeeded);
        Assert.Contains(ps.Streams.Warning, w => w.Message.Contains("has not moved from 12%", StringComparison.Ordinal));
        Assert.Contains(ps.Streams.Progress, p => p.RecordType == ProgressRecordType.Completed);
    }

    private void Set(string name, object? value) =>
        _hooks.GetProperty(name, BindingFlags.NonPublic | BindingFlags.Static)!.SetValue(null, value);

    private static void AssertNoPassword(List<string> texts)
    {
        Assert.NotEmpty(texts);
        foreach (var text in texts)
        {
            Assert.DoesNotContain(FakeBitLockerExecutor.Password, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Digits, text, StringComparison.Ordinal);
        }
    }

    /// <summary>Every string the run produced: each output object's ToString, its formatted view and string properties (nested), and every record of every stream.</summary>
    private List<string> Everything(PowerShell ps, Collection<PSObject> output)
    {
        var texts = new List<string>();
        foreach (var o in output)
        {
            Walk(o.BaseObject, texts, 0);
        }

        texts.AddRange(_session.Run("$o | Format-List * | Out-String -Width 500; $o | Out-String -Width 500", new Dictionary<string, object?> { ["o"] = output.ToArray() }).Output.Select(s => s.ToString()));
        texts.AddRange(ps.Streams.Error.SelectMany(e => new[] { e.ToString(), e.Exception.ToString(), e.TargetObject?.ToString() ?? string.Empty, e.ErrorDetails?.Message ?? string.Empty }));
        texts.AddRange(ps.Streams.Warning.Select(w => w.Message));
        texts.AddRange(ps.Streams.Verbose.Select(v => v.Message));
        texts.AddRange(ps.Streams.Debug.Select(d => d.Message));
        texts.AddRange(ps.Streams.Information.Select(i => i.MessageData?.ToString() ?? string.Empty));
        texts.AddRange(ps.Streams.Progress.Select(p => $"{p.Activity} {p.StatusDescription} {p.CurrentOperation}"));
        return texts;
    }

    private static void Walk(object? value, List<string> texts, int depth)
    {
        if (value is null || value is SecureString || depth > 4)
        {
            return;
        }

        texts.Add(value.ToString() ?? string.Empty);
        if (value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                Walk(item, texts, depth + 1);
            }

            return;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            Walk(property.GetValue(value), texts, depth + 1);
        }
    }
}
