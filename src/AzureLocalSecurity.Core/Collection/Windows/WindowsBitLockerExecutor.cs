using System;
using System.IO;
using System.Linq;
using System.Runtime.Versioning;
using System.Security.AccessControl;
using System.Security.Principal;
using System.Text;
using AzureLocalSecurity.BitLocker;
using AzureLocalSecurity.BitLocker.Planning;
using Microsoft.Management.Infrastructure;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// The thin Windows shell under a BitLocker plan: one Win32_EncryptableVolume method per step (WINAPI.md §8.3), invoked
/// through MMI with the documented parameter names and CLR types (uint, string), returning the method's ReturnValue
/// (a boxed uint HRESULT; FVE failures come back there, not as exceptions). Review each method against the
/// Win32_EncryptableVolume page. The recovery password is only ever a char[] here; strings holding it do not leave
/// <see cref="GetRecoveryPassword"/>.
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed class WindowsBitLockerExecutor : IBitLockerExecutor, IDisposable
{
    private const string Namespace = @"root\CIMV2\Security\MicrosoftVolumeEncryption";

    /// <summary>E_NOTIMPL: returned for cluster maintenance, which this build does not drive (docs/bitlocker-changes.md).</summary>
    private const uint NotImplemented = 0x80004001;

    /// <summary>E_ACCESSDENIED: a backup file whose ACL read back is not exactly the spec.</summary>
    private const uint AccessDenied = 0x80070005;

    /// <summary>ProtectKeyWithAdSid Flags: FVE_DPAPI_NG_FLAG_UNLOCK_AS_SERVICE_ACCOUNT, what a cluster (CSV) protector uses.</summary>
    private const uint UnlockAsServiceAccount = 0x1;

    private readonly CimSession _session = CimSession.Create(null);

    public uint AddRecoveryPassword(BitLockerVolume volume, out string? protectorId)
    {
        // No NumericalPassword parameter: Windows generates the password.
        var hr = Invoke(volume, "ProtectKeyWithNumericalPassword", null, out var result);
        protectorId = result?.OutParameters["VolumeKeyProtectorID"]?.Value as string;
        result?.Dispose();
        return hr;
    }

    public uint GetRecoveryPassword(BitLockerVolume volume, string protectorId, out char[]? password)
    {
        var p = new CimMethodParametersCollection { CimMethodParameter.Create("VolumeKeyProtectorID", protectorId, CimType.String, CimFlags.None) };
        var hr = Invoke(volume, "GetKeyProtectorNumericalPassword", p, out var result);

        // MMI hands the out parameter over as a string; it is copied into a char[] and the reference dropped at once.
        password = (result?.OutParameters["NumericalPassword"]?.Value as string)?.ToCharArray();
        result?.Dispose();
        return hr;
    }

    public uint WriteBackupFile(string path, char[] content)
    {
        var security = new FileSecurity();
        security.SetAccessRuleProtection(isProtected: BitLockerBackupFileAcl.ProtectedFromInheritance, preserveInheritance: false);
        security.SetOwner(new SecurityIdentifier(BitLockerBackupFileAcl.OwnerSid));
        foreach (var sid in BitLockerBackupFileAcl.AllowedSids)
        {
            security.AddAccessRule(new FileSystemAccessRule(new SecurityIdentifier(sid), FileSystemRights.FullControl, AccessControlType.Allow));
        }

        var bytes = Encoding.UTF8.GetBytes(content);
        try
        {
            // CreateNew: never overwrite an earlier backup. The ACL is applied at creation, so no moment exists with a wider one.
#if NETFRAMEWORK
            using var stream = new FileStream(path, FileMode.CreateNew, FileSystemRights.Write, FileShare.None, 4096, FileOptions.WriteThrough, security);
#else
            using var stream = FileSystemAclExtensions.Create(new FileInfo(path), FileMode.CreateNew, FileSystemRights.Write, FileShare.None, 4096, FileOptions.WriteThrough, security);
#endif
            stream.Write(bytes, 0, bytes.Length);
            return 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (uint)ex.HResult;
        }
        finally
        {
            Array.Clear(bytes, 0, bytes.Length);
        }
    }

    public uint ReadBackupFile(string path, out char[]? content)
    {
        content = null;
        try
        {
#if NETFRAMEWORK
            var acl = File.GetAccessControl(path);
#else
            var acl = new FileInfo(path).GetAccessControl();
#endif
            var rules = acl.GetAccessRules(includeExplicit: true, includeInherited: true, typeof(SecurityIdentifier)).Cast<FileSystemAccessRule>().ToList();
            var allowed = rules.Where(r => r.AccessControlType == AccessControlType.Allow && r.FileSystemRights.HasFlag(FileSystemRights.FullControl)).Select(r => r.IdentityReference.Value);
            var others = rules.Any(r => r.AccessControlType != AccessControlType.Allow || !r.FileSystemRights.HasFlag(FileSystemRights.FullControl)
                || (r.IdentityReference.Value != BitLockerBackupFileAcl.AdministratorsSid && r.IdentityReference.Value != BitLockerBackupFileAcl.SystemSid));
            if (!BitLockerBackupFileAcl.Matches(allowed, others, acl.AreAccessRulesProtected))
            {
                return AccessDenied;
            }

            var bytes = File.ReadAllBytes(path);
            content = Encoding.UTF8.GetChars(bytes);
            Array.Clear(bytes, 0, bytes.Length);
            return 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (uint)ex.HResult;
        }
    }

    public uint BackupToActiveDirectory(BitLockerVolume volume, string protectorId)
    {
        var p = new CimMethodParametersCollection { CimMethodParameter.Create("VolumeKeyProtectorID", protectorId, CimType.String, CimFlags.None) };
        return Call(volume, "BackupRecoveryInformationToActiveDirectory", p);
    }

    public uint AddTpmProtector(BitLockerVolume volume, out string? protectorId)
    {
        // No PlatformValidationProfile: the default (0, 2, 4, 5, 8, 9, 10, 11, or what Group Policy sets).
        var hr = Invoke(volume, "ProtectKeyWithTPM", null, out var result);
        protectorId = result?.OutParameters["VolumeKeyProtectorID"]?.Value as string;
        result?.Dispose();
        return hr;
    }

    public uint AddSidProtector(BitLockerVolume volume, string account, out string? protectorId)
    {
        protectorId = null;
        string sid;
        try
        {
            sid = new NTAccount(account).Translate(typeof(SecurityIdentifier)).Value;
        }
        catch (IdentityNotMappedException ex)
        {
            return (uint)ex.HResult;
        }

        var p = new CimMethodParametersCollection
        {
            CimMethodParameter.Create("SidString", sid, CimType.String, CimFlags.None),
            CimMethodParameter.Create("Flags", UnlockAsServiceAccount, CimType.UInt32, CimFlags.None),
        };
        var hr = Invoke(volume, "ProtectKeyWithAdSid", p, out var result);
        protectorId = result?.OutParameters["VolumeKeyProtectorID"]?.Value as string;
        result?.Dispose();
        return hr;
    }

    public uint Encrypt(BitLockerVolume volume, BitLockerEncryptionMethod method, bool usedSpaceOnly)
    {
        var p = new CimMethodParametersCollection
        {
            CimMethodParameter.Create("EncryptionMethod", (uint)method, CimType.UInt32, CimFlags.None),
            CimMethodParameter.Create("EncryptionFlags", usedSpaceOnly ? 1u : 0u, CimType.UInt32, CimFlags.None),
        };
        return Call(volume, "Encrypt", p);
    }

    public uint ResumeConversion(BitLockerVolume volume) => Call(volume, "ResumeConversion", null);

    public uint DisableKeyProtectors(BitLockerVolume volume, uint? disableCount)
    {
        // DisableCount, not RebootCount (WINAPI.md §8.3); passed only for the OS volume.
        CimMethodParametersCollection? p = null;
        if (disableCount is { } count)
        {
            p = new CimMethodParametersCollection { CimMethodParameter.Create("DisableCount", count, CimType.UInt32, CimFlags.None) };
        }

        return Call(volume, "DisableKeyProtectors", p);
    }

    public uint EnableKeyProtectors(BitLockerVolume volume) => Call(volume, "EnableKeyProtectors", null);

    public uint ClearAllAutoUnlockKeys(BitLockerVolume volume) => Call(volume, "ClearAllAutoUnlockKeys", null);

    public uint Decrypt(BitLockerVolume volume) => Call(volume, "Decrypt", null);

    public uint GetConversionStatus(BitLockerVolume volume, out BitLockerConversionStatus? status, out double? percentage)
    {
        // PrecisionFactor 0: EncryptionPercentage is a whole number (WINAPI.md §8.3: in uint32 PrecisionFactor 0-4; out uint32 ConversionStatus, EncryptionPercentage).
        var p = new CimMethodParametersCollection { CimMethodParameter.Create("PrecisionFactor", 0u, CimType.UInt32, CimFlags.None) };
        var hr = Invoke(volume, "GetConversionStatus", p, out var result);
        status = result?.OutParameters["ConversionStatus"]?.Value is uint s ? (BitLockerConversionStatus)s : null;
        percentage = result?.OutParameters["EncryptionPercentage"]?.Value is uint pct ? pct : null;
        result?.Dispose();
        return hr;
    }

    public uint SetClusterMaintenance(string clusterResource, bool enter) => NotImplemented;

    public void Dispose() => _session.Dispose();

    private uint Call(BitLockerVolume volume, string method, CimMethodParametersCollection? parameters)
    {
        var hr = Invoke(volume, method, parameters, out var result);
        result?.Dispose();
        return hr;
    }

    private uint Invoke(BitLockerVolume volume, string method, CimMethodParametersCollection? parameters, out CimMethodResult? result)
    {
        var escaped = volume.DeviceId.Replace(@"\", @"\\").Replace("'", @"\'");
        var instance = _session.QueryInstances(Namespace, "WQL", $"SELECT * FROM Win32_EncryptableVolume WHERE DeviceID='{escaped}'").FirstOrDefault()
            ?? throw new InvalidOperationException($"{volume.MountPoint}: no Win32_EncryptableVolume with DeviceID {volume.DeviceId}.");
        using (instance)
        {
            result = _session.InvokeMethod(Namespace, instance, method, parameters ?? new CimMethodParametersCollection());
            return result.ReturnValue?.Value is uint hr ? hr : throw new InvalidOperationException($"{method} returned no uint32 ReturnValue.");
        }
    }
}
