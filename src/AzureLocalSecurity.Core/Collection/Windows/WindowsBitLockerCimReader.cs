using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.Versioning;
using AzureLocalSecurity.Evidence;
using Microsoft.Management.Infrastructure;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// Reads the BitLocker facts through Microsoft.Management.Infrastructure (WINAPI.md §8.0) in one local session, into the
/// three ids <see cref="BitLockerEvidenceIds"/> documents: Win32_EncryptableVolume with its read-only method answers (§8.3;
/// the record is built by <see cref="BitLockerVolumeRecorder"/>, which names the only methods called), Win32_Volume with
/// its Win32_MountPoint paths, and MSCluster_ClusterSharedVolume with the node hosting each CSV. Nothing is decided here.
/// </summary>
[SupportedOSPlatform("windows")]
internal static class WindowsBitLockerCimReader
{
    /// <summary>Win32_EncryptableVolume.</summary>
    internal static readonly CimClassSpec EncryptableVolume = new(
        BitLockerEvidenceIds.EncryptionNamespace, "Win32_EncryptableVolume", BitLockerEvidenceIds.EncryptableVolumes, BitLockerEvidenceIds.EncryptableVolumeProperties, "The BitLocker WMI provider (the BitLocker feature)");

    /// <summary>Win32_Volume with Win32_MountPoint.</summary>
    internal static readonly CimClassSpec Volume = new(
        @"root\CIMV2", "Win32_Volume", BitLockerEvidenceIds.VolumeMountPoints, BitLockerEvidenceIds.VolumeProperties, "The Storage Volume WMI provider");

    /// <summary>MSCluster_ClusterSharedVolume.</summary>
    internal static readonly CimClassSpec ClusterSharedVolume = new(
        @"root\MSCluster", "MSCluster_ClusterSharedVolume", BitLockerEvidenceIds.ClusterSharedVolumes, BitLockerEvidenceIds.ClusterSharedVolumeProperties, "The failover cluster WMI provider (the node is not clustered)");

    /// <summary>The classes read, in the order their items are filed.</summary>
    internal static readonly IReadOnlyList<CimClassSpec> Classes = [EncryptableVolume, Volume, ClusterSharedVolume];

    /// <summary>Reads every class: one item per class, each records or an error of its own.</summary>
    internal static List<EvidenceItem> Read(Func<DateTimeOffset> clock)
    {
        try
        {
            return ReadWithCim(clock);
        }
        catch (Exception ex) when (ex is FileNotFoundException or FileLoadException)
        {
            // ReadWithCim is where MMI is first touched, so a missing assembly surfaces here rather than in our caller.
            return ForEveryClass(clock, _ => new EvidenceError(EvidenceErrorCategory.NotSupported, "Microsoft.Management.Infrastructure could not be loaded: " + ex.Message));
        }
    }

    /// <summary>One error item per class, for a failure that stopped them all.</summary>
    internal static List<EvidenceItem> ForEveryClass(Func<DateTimeOffset> clock, Func<CimClassSpec, EvidenceError> error) =>
        CimEvidence.ErrorForEach(Classes, clock, error);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static List<EvidenceItem> ReadWithCim(Func<DateTimeOffset> clock)
    {
        CimSession session;
        try
        {
            // A null computer name is the local machine (§8.0); a local session has packet privacy, which §8.3 requires.
#pragma warning disable CA2000 // Disposed by the using (session) block below; created inside try only so that a CimException becomes each class's error.
            session = CimSession.Create(null);
#pragma warning restore CA2000
        }
        catch (CimException ex)
        {
            return ForEveryClass(clock, spec => Failure(spec, ex));
        }

        using (session)
        {
            return
            [
                Guarded(EncryptableVolume, clock, () => ReadEncryptableVolumes(session)),
                Guarded(Volume, clock, () => ReadVolumes(session)),
                Guarded(ClusterSharedVolume, clock, () => ReadClusterSharedVolumes(session)),
            ];
        }
    }

    private static EvidenceError Failure(CimClassSpec spec, CimException ex) =>
        WindowsSecuredCoreCimReader.Failure(spec, (int)ex.NativeErrorCode, ex.NativeErrorCode.ToString(), ex.Message);

    private static EvidenceItem Guarded(CimClassSpec spec, Func<DateTimeOffset> clock, Func<List<EvidenceRecord>> read)
    {
        try
        {
            // Enumeration is lazy: errors surface inside read(), inside this try (§8.0).
            return EvidenceItem.ForRecords(spec.Id, spec.Source, clock(), read());
        }
        catch (CimException ex)
        {
            return EvidenceItem.ForError(spec.Id, EvidenceKind.Properties, spec.Source, clock(), Failure(spec, ex));
        }
    }

    private static (bool Exists, object? Value) Property(CimInstance instance, string name) =>
        instance.CimInstanceProperties[name] is { } property ? (true, property.Value) : (false, null);

    private static List<EvidenceRecord> ReadEncryptableVolumes(CimSession session)
    {
        var records = new List<EvidenceRecord>();
        foreach (var volume in session.EnumerateInstances(EncryptableVolume.Namespace, EncryptableVolume.ClassName))
        {
            using (volume)
            {
                records.Add(BitLockerVolumeRecorder.Record(name => Property(volume, name), (method, inParameters) => Invoke(session, volume, method, inParameters)));
            }
        }

        return records;
    }

    private static CimMethodOutcome Invoke(CimSession session, CimInstance volume, string method, IReadOnlyList<KeyValuePair<string, object>> inParameters)
    {
        if (!((IList<string>)BitLockerVolumeRecorder.Methods).Contains(method))
        {
            throw new InvalidOperationException("The BitLocker read side calls only the methods BitLockerVolumeRecorder.Methods names; '" + method + "' is not one.");
        }

        try
        {
            using var parameters = new CimMethodParametersCollection();
            foreach (var parameter in inParameters)
            {
                // Exactly uint for uint32 and string for string (§8.3 mistake 1).
                var type = parameter.Value is uint ? CimType.UInt32 : CimType.String;
                parameters.Add(CimMethodParameter.Create(parameter.Key, parameter.Value, type, CimFlags.None));
            }

            using var result = session.InvokeMethod(EncryptableVolume.Namespace, volume, method, parameters);
            var outs = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            if (result.OutParameters is { } outParameters)
            {
                foreach (var parameter in outParameters)
                {
                    outs[parameter.Name] = parameter.Value;
                }
            }

            return CimMethodOutcome.Completed(result.ReturnValue?.Value, outs);
        }
        catch (CimException ex)
        {
            return CimMethodOutcome.Failed($"{ex.NativeErrorCode} (MI_RESULT {(int)ex.NativeErrorCode}): {ex.Message}");
        }
    }

    private static List<EvidenceRecord> ReadVolumes(CimSession session)
    {
        // Win32_MountPoint associates a volume (Volume, a Win32_Volume reference) with a directory (Directory, a Win32_Directory reference).
        var paths = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var mountPoint in session.EnumerateInstances(Volume.Namespace, "Win32_MountPoint"))
        {
            using (mountPoint)
            {
                var volumeId = KeyOf(mountPoint, "Volume", "DeviceID");
                var directory = KeyOf(mountPoint, "Directory", "Name");
                if (volumeId is null || directory is null)
                {
                    continue;
                }

                if (!paths.TryGetValue(volumeId, out var list))
                {
                    paths[volumeId] = list = [];
                }

                list.Add(directory);
            }
        }

        var records = new List<EvidenceRecord>();
        foreach (var volume in session.EnumerateInstances(Volume.Namespace, Volume.ClassName))
        {
            using (volume)
            {
                var record = WindowsSecuredCoreCimReader.ToRecord(Volume.Properties, name => Property(volume, name));
                var deviceId = Property(volume, "DeviceID").Value as string;
                var mountPaths = deviceId is not null && paths.TryGetValue(deviceId, out var found) ? found : [];
                records.Add(new EvidenceRecord([.. record.Properties, new(BitLockerEvidenceIds.MountPathsProperty, EvidenceValue.FromMultiString(mountPaths))]));
            }
        }

        return records;
    }

    private static string? KeyOf(CimInstance instance, string reference, string key) =>
        instance.CimInstanceProperties[reference]?.Value is CimInstance target ? target.CimInstanceProperties[key]?.Value as string : null;

    private static List<EvidenceRecord> ReadClusterSharedVolumes(CimSession session)
    {
        var records = new List<EvidenceRecord>();
        foreach (var csv in session.EnumerateInstances(ClusterSharedVolume.Namespace, ClusterSharedVolume.ClassName))
        {
            using (csv)
            {
                var record = WindowsSecuredCoreCimReader.ToRecord(ClusterSharedVolume.Properties, name => Property(csv, name));
                var owner = OwnerNode(session, csv);
                records.Add(owner is null ? record : new EvidenceRecord([.. record.Properties, new(BitLockerEvidenceIds.OwnerNodeProperty, EvidenceValue.FromString(owner))]));
            }
        }

        return records;
    }

    private static string? OwnerNode(CimSession session, CimInstance csv)
    {
        // MSCluster_ClusterSharedVolumeToNode: the node hosting the CSV resource (Failover Cluster provider reference).
        foreach (var node in session.EnumerateAssociatedInstances(ClusterSharedVolume.Namespace, csv, "MSCluster_ClusterSharedVolumeToNode", "MSCluster_Node", null, null))
        {
            using (node)
            {
                return Property(node, "Name").Value as string;
            }
        }

        return null;
    }
}
