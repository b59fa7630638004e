using System.Collections.Generic;
using AzureLocalSecurity.BitLocker;
using AzureLocalSecurity.BitLocker.Planning;

namespace AzureLocalSecurity.Tests.BitLocker.Planning;

/// <summary>Records every call by method name; files live in memory; failures are set per method.</summary>
internal sealed class FakeBitLockerExecutor : IBitLockerExecutor
{
    internal const string Password = "121121-242242-363363-484484-605605-110110-231231-352352";
    internal const string NewProtectorId = "{9E8D7C6B-0000-4000-8000-00000000BEEF}";

    public List<string> Calls { get; } = [];

    public Dictionary<string, char[]> Files { get; } = [];

    public Dictionary<string, uint> Fail { get; } = [];

    /// <summary>When true, backup files are also written to disk (UTF-8) so a test can read what a user would find.</summary>
    public bool WriteToDisk { get; set; }

    /// <summary>The ACL each backup file was given: the allowed SIDs, inheritance protection and owner, as the Windows executor sets them from <see cref="BitLockerBackupFileAcl"/>.</summary>
    public Dictionary<string, (IReadOnlyList<string> AllowedSids, bool Protected, string Owner)> Acls { get; } = [];

    /// <summary>When set, ReadBackupFile returns this instead of what was written.</summary>
    public string? ReadBackInstead { get; set; }

    private uint Call(string name)
    {
        Calls.Add(name);
        return Fail.TryGetValue(name, out var hr) ? hr : 0u;
    }

    public uint AddRecoveryPassword(BitLockerVolume volume, out string? protectorId)
    {
        protectorId = NewProtectorId;
        return Call(nameof(AddRecoveryPassword));
    }

    public uint GetRecoveryPassword(BitLockerVolume volume, string protectorId, out char[]? password)
    {
        password = Password.ToCharArray();
        return Call(nameof(GetRecoveryPassword));
    }

    public uint WriteBackupFile(string path, char[] content)
    {
        var hr = Call(nameof(WriteBackupFile));
        if (hr == 0)
        {
            Files[path] = (char[])content.Clone();
            Acls[path] = ([.. BitLockerBackupFileAcl.AllowedSids], BitLockerBackupFileAcl.ProtectedFromInheritance, BitLockerBackupFileAcl.OwnerSid);
            if (WriteToDisk)
            {
                using var stream = new System.IO.FileStream(path, System.IO.FileMode.CreateNew);
                var bytes = System.Text.Encoding.UTF8.GetBytes(content);
                stream.Write(bytes, 0, bytes.Length);
            }
        }

        return hr;
    }

    public uint ReadBackupFile(string path, out char[]? content)
    {
        content = ReadBackInstead?.ToCharArray() ?? (Files.TryGetValue(path, out var c) ? (char[])c.Clone() : null);
        var hr = Call(nameof(ReadBackupFile));

        // As the Windows executor does: a file whose ACL is not exactly the spec is not read back (E_ACCESSDENIED).
        return hr == 0 && ReadBackInstead is null && Acls.TryGetValue(path, out var acl) && !BitLockerBackupFileAcl.Matches(acl.AllowedSids, false, acl.Protected) ? 0x80070005 : hr;
    }

    public uint BackupToActiveDirectory(BitLockerVolume volume, string protectorId)
    {
        var hr = Call(nameof(BackupToActiveDirectory));
        if (hr == 0)
        {
            Directory.Add(protectorId);
        }

        return hr;
    }

    /// <summary>The protector IDs AD DS holds a recovery object for (what BackupToActiveDirectory stored).</summary>
    public HashSet<string> Directory { get; } = [];

    /// <summary>False: the directory object is found but its password attribute is not readable (a confidential attribute).</summary>
    public bool DirectoryPasswordReadable { get; set; } = true;

    /// <summary>When set, the password read back from the directory is this one.</summary>
    public string? DirectoryReadBackInstead { get; set; }

    public uint ReadActiveDirectoryBackup(BitLockerVolume volume, string protectorId, out char[]? password)
    {
        password = null;
        var hr = Call(nameof(ReadActiveDirectoryBackup));
        if (hr != 0)
        {
            return hr;
        }

        if (!Directory.Contains(protectorId))
        {
            return 0xA0000004;
        }

        password = DirectoryPasswordReadable ? (DirectoryReadBackInstead ?? Password).ToCharArray() : null;
        return 0;
    }

    public uint AddTpmProtector(BitLockerVolume volume, out string? protectorId)
    {
        protectorId = "{TPM}";
        return Call(nameof(AddTpmProtector));
    }

    public uint AddSidProtector(BitLockerVolume volume, string account, out string? protectorId)
    {
        protectorId = "{SID}";
        return Call(nameof(AddSidProtector) + ":" + account);
    }

    public uint Encrypt(BitLockerVolume volume, BitLockerEncryptionMethod method, bool usedSpaceOnly) => Call(nameof(Encrypt) + ":" + method + (usedSpaceOnly ? ":used" : string.Empty));

    public uint ResumeConversion(BitLockerVolume volume) => Call(nameof(ResumeConversion));

    public uint DisableKeyProtectors(BitLockerVolume volume, uint? disableCount) => Call(nameof(DisableKeyProtectors) + ":" + disableCount);

    public uint EnableKeyProtectors(BitLockerVolume volume) => Call(nameof(EnableKeyProtectors));

    public uint ClearAllAutoUnlockKeys(BitLockerVolume volume) => Call(nameof(ClearAllAutoUnlockKeys));

    public uint Decrypt(BitLockerVolume volume) => Call(nameof(Decrypt));

    /// <summary>What GetConversionStatus returns, one entry per call; the last one repeats.</summary>
    public List<(BitLockerConversionStatus Status, double Percentage)> Conversion { get; } = [(BitLockerConversionStatus.FullyEncrypted, 100)];

    public uint GetConversionStatus(BitLockerVolume volume, out BitLockerConversionStatus? status, out double? percentage)
    {
        var i = System.Math.Min(Calls.FindAll(c => c == nameof(GetConversionStatus)).Count, Conversion.Count - 1);
        (status, percentage) = Conversion[i];
        return Call(nameof(GetConversionStatus));
    }

    public uint SetClusterMaintenance(BitLockerVolume volume, string clusterResource, bool enter)
    {
        Maintenance.Add((volume.MountPoint, clusterResource, enter));
        return Call(nameof(SetClusterMaintenance) + ":" + enter);
    }

    /// <summary>Every maintenance call: the volume's mount point, the cluster resource and whether it entered.</summary>
    public List<(string MountPoint, string Resource, bool Enter)> Maintenance { get; } = [];
}
