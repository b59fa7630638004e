using System;
using System.IO;
using AzureLocalSecurity.Baseline.Gpo;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Gpo;

/// <summary>GpoBackup reads bkupInfo.xml with DTDs prohibited and no resolver: an entity never gives the GPO its name.</summary>
public sealed class GpoBackupXmlTests : IDisposable
{
    private const string Manifest = "http://www.microsoft.com/GroupPolicy/GPOOperations/Manifest";

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Without_a_DTD_the_name_and_id_come_from_bkupInfo_xml()
    {
        var root = GpoBackupFolder.Create(_dir.Path, "Plain name", registryPol: null);

        var gpo = Assert.Single(GpoBackup.Load(_dir.Path));

        Assert.Equal("Plain name", gpo.DisplayName);
        Assert.Equal(GpoBackupFolder.Id, gpo.Id);
        Assert.Equal(root, gpo.Path);
    }

    [Fact]
    public void A_DTD_with_an_internal_entity_in_bkupInfo_xml_is_refused_and_the_folder_name_is_used()
    {
        var root = GpoBackupFolder.Create(_dir.Path, "unused", registryPol: null);
        File.WriteAllText(
            Path.Combine(root, "bkupInfo.xml"),
            $"<?xml version=\"1.0\"?><!DOCTYPE BackupInst [<!ENTITY n \"Expanded entity\">]><BackupInst xmlns=\"{Manifest}\"><GPOGuid>{GpoBackupFolder.Id}</GPOGuid><GPODisplayName>&n;</GPODisplayName></BackupInst>");

        var gpo = Assert.Single(GpoBackup.Load(_dir.Path));

        // The whole file is refused: neither the entity's text nor the id after the DTD is taken.
        Assert.Equal(GpoBackupFolder.Id, gpo.DisplayName);
        Assert.Null(gpo.Id);
    }

    [Fact]
    public void An_external_entity_in_bkupInfo_xml_is_not_fetched()
    {
        var secret = _dir.Combine("secret.txt");
        File.WriteAllText(secret, "SECRET-FILE-CONTENT");
        var backups = _dir.Combine("backups");
        var root = GpoBackupFolder.Create(backups, "unused", registryPol: null);
        File.WriteAllText(
            Path.Combine(root, "bkupInfo.xml"),
            $"<?xml version=\"1.0\"?><!DOCTYPE BackupInst [<!ENTITY n SYSTEM \"{new Uri(secret).AbsoluteUri}\">]><BackupInst xmlns=\"{Manifest}\"><GPODisplayName>&n;</GPODisplayName></BackupInst>");

        var gpo = Assert.Single(GpoBackup.Load(backups));

        Assert.Equal(GpoBackupFolder.Id, gpo.DisplayName);
        Assert.DoesNotContain("SECRET", gpo.DisplayName, StringComparison.Ordinal);
    }
}
