using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Security.AccessControl;
using System.Security.Principal;
using System.Text;
using System.Threading;
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

    /// <summary>E_INVALIDARG: a protector ID that is not a GUID.</summary>
    private const uint InvalidArgument = 0x80070057;

    /// <summary>How many times the directory is searched for a fresh AD DS backup, and the pause between searches.</summary>
    private const int DirectorySearchAttempts = 5;

    private static readonly TimeSpan DirectorySearchPause = TimeSpan.FromSeconds(3);

    /// <summary>HRESULT_FROM_WIN32(ERROR_MOD_NOT_FOUND): clusapi.dll is not on this machine (no Failover Clustering).</summary>
    private const uint ModuleNotFound = 0x8007007E;

    /// <summary>E_ACCESSDENIED: a backup file whose ACL read back is not exactly the spec.</summary>
    private const uint AccessDenied = 0x80070005;

    /// <summary>
    /// ProtectKeyWithAdSid Flags for the cluster name object: 0, not FVE_DPAPI_NG_FLAG_UNLOCK_AS_SERVICE_ACCOUNT (0x1).
    /// Microsoft's CSV procedure ("Protect cluster shared volumes and storage area networks with BitLocker") adds it with
    /// <c>Enable-BitLocker E: -ADAccountOrGroupProtector -ADAccountOrGroup CLUSTER$</c>, without -Service, and -Service
    /// is what sets 0x1; the cluster service unlocks the volume by impersonating the CNO.
    /// </summary>
    private const uint CnoProtectorFlags = 0x0;

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
        using var p = new CimMethodParametersCollection { CimMethodParameter.Create("VolumeKeyProtectorID", protectorId, CimType.String, CimFlags.None) };
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
        using var p = new CimMethodParametersCollection { CimMethodParameter.Create("VolumeKeyProtectorID", protectorId, CimType.String, CimFlags.None) };
        return Call(volume, "BackupRecoveryInformationToActiveDirectory", p);
    }

    public uint ReadActiveDirectoryBackup(BitLockerVolume volume, string protectorId, out char[]? password)
    {
        password = null;
        if (!Guid.TryParse(protectorId, out var id))
        {
            return InvalidArgument;
        }

        // System.DirectoryServices is bound at run time, not compiled against: Windows PowerShell loads .NET Framework's
        // (4.0.0.0) and PowerShell 7 ships its own, whose version follows the runtime; a compile-time reference to one
        // would not load in the other. The full name with version 4.0.0.0 resolves to either.
        Assembly directoryServices;
        try
        {
            directoryServices = Assembly.Load("System.DirectoryServices, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a");
        }
        catch (Exception ex) when (ex is FileNotFoundException or FileLoadException)
        {
            return ModuleNotFound;
        }

        // WMI's backup went to one domain controller; the search may reach another before replication, so look again.
        for (var attempt = 0; ; attempt++)
        {
            var hr = FindRecoveryObject(directoryServices, id, out password, out var found);
            if (hr != 0 || found)
            {
                return hr;
            }

            if (attempt == DirectorySearchAttempts - 1)
            {
                return BitLockerHResults.DirectoryBackupNotFound;
            }

            Thread.Sleep(DirectorySearchPause);
        }
    }

    /// <summary>
    /// One domain-wide search (DirectorySearcher's default root is the domain of the account it runs as; subtree scope) for
    /// the protector's msFVE-RecoveryInformation object, wherever it lives (the node's computer object, or for a CSV
    /// whichever object Windows stored it under). Reflection over System.DirectoryServices: DirectorySearcher(string
    /// filter, string[] propertiesToLoad), FindAll() → SearchResultCollection of SearchResult.Properties[name] (names
    /// are looked up lower-cased) → values.
    /// </summary>
    private static uint FindRecoveryObject(Assembly directoryServices, Guid id, out char[]? password, out bool found)
    {
        password = null;
        found = false;
        var searcherType = directoryServices.GetType("System.DirectoryServices.DirectorySearcher", throwOnError: true)!;
        try
        {
            var loaded = new[] { BitLockerDirectoryQuery.RecoveryGuidAttribute, BitLockerDirectoryQuery.RecoveryPasswordAttribute };
            using var searcher = (IDisposable)Activator.CreateInstance(searcherType, BitLockerDirectoryQuery.Filter(id), loaded)!;
            using var results = (IDisposable)searcherType.GetMethod("FindAll", Type.EmptyTypes)!.Invoke(searcher, null)!;
            foreach (var result in (IEnumerable)results)
            {
                var properties = result.GetType().GetProperty("Properties")!.GetValue(result)!;
                var indexer = properties.GetType().GetProperty("Item", [typeof(string)])!;
                if (FirstValue(indexer.GetValue(properties, [BitLockerDirectoryQuery.RecoveryGuidAttribute])) is not byte[] guid || guid.Length != 16 || new Guid(guid) != id)
                {
                    continue;
                }

                found = true;

                // A confidential attribute: without the right to read it the value list is empty, and only the match by ID stands.
                password = (FirstValue(indexer.GetValue(properties, [BitLockerDirectoryQuery.RecoveryPasswordAttribute])) as string)?.ToCharArray();
                return 0;
            }

            return 0;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            // Not domain joined, no domain controller reachable, access denied: the directory's own COMException code.
            return unchecked((uint)ex.InnerException.HResult);
        }
        catch (COMException ex)
        {
            return unchecked((uint)ex.HResult);
        }
    }

    private static object? FirstValue(object? values)
    {
        if (values is IEnumerable list)
        {
            foreach (var value in list)
            {
                return value;
            }
        }

        return null;
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

        using var p = new CimMethodParametersCollection
        {
            CimMethodParameter.Create("SidString", sid, CimType.String, CimFlags.None),
            CimMethodParameter.Create("Flags", CnoProtectorFlags, CimType.UInt32, CimFlags.None),
        };
        var hr = Invoke(volume, "ProtectKeyWithAdSid", p, out var result);
        protectorId = result?.OutParameters["VolumeKeyProtectorID"]?.Value as string;
        result?.Dispose();
        return hr;
    }

    public uint Encrypt(BitLockerVolume volume, BitLockerEncryptionMethod method, bool usedSpaceOnly)
    {
        using var p = new CimMethodParametersCollection
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
        using var p = disableCount is { } count
            ? new CimMethodParametersCollection { CimMethodParameter.Create("DisableCount", count, CimType.UInt32, CimFlags.None) }
            : null;

        return Call(volume, "DisableKeyProtectors", p);
    }

    public uint EnableKeyProtectors(BitLockerVolume volume) => Call(volume, "EnableKeyProtectors", null);

    public uint ClearAllAutoUnlockKeys(BitLockerVolume volume) => Call(volume, "ClearAllAutoUnlockKeys", null);

    public uint Decrypt(BitLockerVolume volume) => Call(volume, "Decrypt", null);

    public uint GetConversionStatus(BitLockerVolume volume, out BitLockerConversionStatus? status, out double? percentage)
    {
        // PrecisionFactor 0: EncryptionPercentage is a whole number (WINAPI.md §8.3: in uint32 PrecisionFactor 0-4; out uint32 ConversionStatus, EncryptionPercentage).
        using var p = new CimMethodParametersCollection { CimMethodParameter.Create("PrecisionFactor", 0u, CimType.UInt32, CimFlags.None) };
        var hr = Invoke(volume, "GetConversionStatus", p, out var result);
        status = result?.OutParameters["ConversionStatus"]?.Value is uint s ? (BitLockerConversionStatus)s : null;
        percentage = result?.OutParameters["EncryptionPercentage"]?.Value is uint pct ? pct : null;
        result?.Dispose();
        return hr;
    }

    public uint SetClusterMaintenance(BitLockerVolume volume, string clusterResource, bool enter)
    {
        // clusapi.h names the CSV's volume GUID path for VolumeName; MS-CMRP 2.2.3.19 also accepts the friendly name.
        var name = volume.DeviceId.StartsWith(@"\\?\Volume{", StringComparison.OrdinalIgnoreCase) ? volume.DeviceId : volume.MountPoint;
        var info = CsvMaintenanceModeInfo.Build(enter, name);
        try
        {
            return SetCsvMaintenance(clusterResource, info);
        }
        catch (DllNotFoundException)
        {
            return ModuleNotFound;
        }
    }

    private static uint SetCsvMaintenance(string clusterResource, byte[] info)
    {
        var cluster = ClusApi.OpenCluster(null);
        if (cluster == IntPtr.Zero)
        {
            return FromWin32(Marshal.GetLastWin32Error());
        }

        try
        {
            var resource = ClusApi.OpenClusterResource(cluster, clusterResource);
            if (resource == IntPtr.Zero)
            {
                return FromWin32(Marshal.GetLastWin32Error());
            }

            try
            {
                // No output buffer: the control code returns nothing (its page: lpOutBuffer NULL, cbOutBufferSize 0).
                var error = ClusApi.ClusterResourceControl(resource, IntPtr.Zero, ClusApi.ClusctlResourceSetCsvMaintenanceMode, info, (uint)info.Length, IntPtr.Zero, 0, out _);
                return FromWin32(unchecked((int)error));
            }
            finally
            {
                ClusApi.CloseClusterResource(resource);
            }
        }
        finally
        {
            ClusApi.CloseCluster(cluster);
        }
    }

    /// <summary>HRESULT_FROM_WIN32: 0 stays 0, any other code becomes 0x8007xxxx.</summary>
    private static uint FromWin32(int error) => error == 0 ? 0u : 0x80070000u | ((uint)error & 0xFFFF);

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
            using var empty = new CimMethodParametersCollection();
            result = _session.InvokeMethod(Namespace, instance, method, parameters ?? empty);
            return result.ReturnValue?.Value is uint hr ? hr : throw new InvalidOperationException($"{method} returned no uint32 ReturnValue.");
        }
    }
}
