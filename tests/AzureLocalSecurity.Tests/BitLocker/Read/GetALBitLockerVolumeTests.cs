using System;
using System.IO;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using AzureLocalSecurity.BitLocker;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.BitLocker.Read;

public sealed class GetALBitLockerVolumeTests(ModuleSession module) : IClassFixture<ModuleSession>
{
    private static string Quote(string s) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Write(TempDir dir, EvidenceBundle bundle)
    {
        var path = Path.Combine(dir.Path, "node.zip");
        EvidenceBundleWriter.Write(bundle, path, overwrite: false);
        return path;
    }

    [Fact]
    public void A_capture_of_an_Azure_Local_node_gives_its_OS_volume_and_two_CSVs()
    {
        using var dir = new TempDir();
        var (output, errors) = module.Run($"Get-ALBitLockerVolume -EvidencePath {Quote(Write(dir, BitLockerBundles.AzureLocalNode()))}");

        Assert.Empty(errors);
        var volumes = output.Select(o => (BitLockerVolume)o.BaseObject).ToList();
        Assert.Equal(["C:", @"C:\ClusterStorage\UserStorage_1", @"C:\ClusterStorage\UserStorage_2"], volumes.Select(v => v.MountPoint));
    }

    [Fact]
    public void VolumeType_ClusterSharedVolume_keeps_only_the_CSVs()
    {
        using var dir = new TempDir();
        var (output, errors) = module.Run($"Get-ALBitLockerVolume -EvidencePath {Quote(Write(dir, BitLockerBundles.AzureLocalNode()))} -VolumeType ClusterSharedVolume");

        Assert.Empty(errors);
        Assert.Equal(["NODE01", "NODE02"], output.Select(o => ((BitLockerVolume)o.BaseObject).OwnerNode));
    }

    [Fact]
    public void MountPoint_selects_by_drive_letter_or_wildcard_path()
    {
        using var dir = new TempDir();
        var path = Quote(Write(dir, BitLockerBundles.AzureLocalNode()));

        var (byLetter, _) = module.Run($"Get-ALBitLockerVolume -EvidencePath {path} -MountPoint C:");
        var (byWildcard, _) = module.Run($"Get-ALBitLockerVolume -EvidencePath {path} -MountPoint 'C:\\ClusterStorage\\*_2\\'");

        Assert.Equal(BitLockerBundles.OsDeviceId, ((BitLockerVolume)Assert.Single(byLetter).BaseObject).DeviceId);
        Assert.Equal(BitLockerBundles.Csv2DeviceId, ((BitLockerVolume)Assert.Single(byWildcard).BaseObject).DeviceId);
    }

    [Fact]
    public void A_node_without_the_BitLocker_provider_is_a_BitLockerFactsUnavailable_error_with_the_reason()
    {
        using var dir = new TempDir();
        var (output, errors) = module.Run($"Get-ALBitLockerVolume -EvidencePath {Quote(Write(dir, BitLockerBundles.NoBitLockerProvider()))}");

        Assert.Empty(output);
        var error = Assert.Single(errors);
        Assert.StartsWith("BitLockerFactsUnavailable", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("BitLocker feature is not installed", error.Exception.Message, StringComparison.Ordinal);
        Assert.Equal("NODE01", error.TargetObject);
    }

    [Fact]
    public void The_live_node_here_has_no_BitLocker_facts_and_is_an_error_not_a_crash()
    {
        Assert.False(OperatingSystem.IsWindows(), "This test is about a node that is not Windows.");

        var (output, errors) = module.Run("Get-ALBitLockerVolume");

        Assert.Empty(output);
        var error = Assert.Single(errors);
        Assert.StartsWith("BitLockerFactsUnavailable", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("Win32_EncryptableVolume was not captured", error.Exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("C:", "C:|OperatingSystem|FullyEncrypted|100%|XtsAes256|True|False|Tpm, NumericalPassword")]
    [InlineData("D:", "D:|Data|?|?|?|?|True|?")]
    public void The_table_row_shows_protector_types_and_an_unknown_as_a_question_mark(string mountPoint, string expected)
    {
        var columns = XDocument.Load(Path.Combine(Repo.Root, "module", "AzureLocalSecurity.Format.ps1xml")).Descendants("View")
            .Single(v => (string?)v.Element("ViewSelectedBy")?.Element("TypeName") == typeof(BitLockerVolume).FullName)
            .Descendants("TableColumnItem")
            .ToList();
        var select = $"Get-ALBitLockerVolume -Evidence $bundle -MountPoint {mountPoint}";
        var variables = new Dictionary<string, object?> { ["bundle"] = BitLockerBundles.LockedVolume() };

        // Each column as the table shows it: the property, or the view's script block run on the object the cmdlet wrote.
        var row = columns.Select(c => string.Concat(module.Run(
            c.Element("PropertyName") is { } property ? $"({select}).{property.Value}" : $"{select} | ForEach-Object {{ {c.Element("ScriptBlock")!.Value} }}",
            variables).Output.Select(o => o.ToString())));

        Assert.Equal(expected, string.Join("|", row));
    }
}
