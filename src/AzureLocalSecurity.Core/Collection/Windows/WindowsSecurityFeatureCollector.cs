using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using AzureLocalSecurity.Evidence;
using Microsoft.Management.Infrastructure;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// Reads the one security-feature fact no other collector files: the failover cluster's SecurityLevel and
/// SecurityLevelForStorage (MSCluster_Cluster in <c>root\MSCluster</c>, WINAPI.md §8.0), into
/// <see cref="FailoverClusterEvidenceIds.Cluster"/>. The registry values of the switches are read by
/// <see cref="WindowsBaselineCollector"/>, Win32_DeviceGuard by the Secured-core collector. Nothing is decided here; every
/// failure is the item's error, nothing throws.
/// </summary>
public sealed class WindowsSecurityFeatureCollector : IEvidenceCollector
{
    /// <summary>The CIM namespace of the failover cluster provider.</summary>
    internal const string Namespace = @"root\MSCluster";

    /// <summary>The class read.</summary>
    internal const string ClassName = "MSCluster_Cluster";

    /// <summary>How the item says it was read.</summary>
    internal const string Source = @"CIM root\MSCluster MSCluster_Cluster";

    // MI_RESULT codes (mi.h; WINAPI.md §8.0).
    private const int MiResultAccessDenied = 2;
    private const int MiResultInvalidNamespace = 3;
    private const int MiResultInvalidClass = 5;

    /// <summary>The properties recorded, in this order, where the instance has them.</summary>
    internal static readonly string[] PropertyNames =
    [
        FailoverClusterEvidenceIds.NameProperty,
        FailoverClusterEvidenceIds.SecurityLevelProperty,
        FailoverClusterEvidenceIds.SecurityLevelForStorageProperty,
    ];

    /// <inheritdoc />
    public string Name => "WindowsSecurityFeature";

    /// <inheritdoc />
    public IEnumerable<EvidenceItem> Collect(CollectionContext context)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            return [Error(context.Clock(), new EvidenceError(EvidenceErrorCategory.NotSupported, "Windows facts are read only on Windows."))];
        }

        return [ReadCluster(context.Clock())];
    }

    /// <summary>
    /// What a CIM failure means for this class: a namespace or class that does not exist (MI_RESULT 3 or 5) is NotFound, the
    /// Failover Clustering feature not being installed; AccessDenied (2) stays AccessDenied; anything else is Failed with the code.
    /// </summary>
    internal static EvidenceError Failure(int miResult, string nativeErrorName, string message)
    {
        var detail = $"{nativeErrorName} (MI_RESULT {miResult}): {message}";
        return miResult switch
        {
            MiResultInvalidNamespace or MiResultInvalidClass =>
                new EvidenceError(EvidenceErrorCategory.NotFound, $"The failover cluster WMI provider is not there ({Namespace} {ClassName}): the Failover Clustering feature is not installed ({detail}).", miResult),
            MiResultAccessDenied => new EvidenceError(EvidenceErrorCategory.AccessDenied, $"{ClassName} could not be read: {detail}", miResult),
            _ => new EvidenceError(EvidenceErrorCategory.Failed, $"{ClassName} could not be read: {detail}", miResult),
        };
    }

    /// <summary>
    /// The record of one instance: each listed property <paramref name="read"/> finds. The cluster's uint32 properties arrive as
    /// boxed uint (WINAPI.md §8.0) and are kept as UInt64, the name as String, a null as Null; anything else as its invariant text.
    /// </summary>
    internal static EvidenceRecord ToRecord(Func<string, (bool Exists, object? Value)> read)
    {
        var list = new List<KeyValuePair<string, EvidenceValue>>(PropertyNames.Length);
        foreach (var name in PropertyNames)
        {
            var (exists, value) = read(name);
            if (exists)
            {
                list.Add(new(name, ToEvidenceValue(value)));
            }
        }

        return new EvidenceRecord(list);
    }

    private static EvidenceValue ToEvidenceValue(object? value) => value switch
    {
        null => EvidenceValue.Null,
        string s => EvidenceValue.FromString(s),
        uint u32 => EvidenceValue.FromUInt64(u32),
        ulong u64 => EvidenceValue.FromUInt64(u64),
        int s32 => EvidenceValue.FromInt64(s32),
        long s64 => EvidenceValue.FromInt64(s64),
        _ => EvidenceValue.FromString(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty),
    };

    private static EvidenceItem Error(DateTimeOffset now, EvidenceError error) =>
        EvidenceItem.ForError(FailoverClusterEvidenceIds.Cluster, EvidenceKind.Properties, Source, now, error);

    [SupportedOSPlatform("windows")]
    private static EvidenceItem ReadCluster(DateTimeOffset now)
    {
        try
        {
            return ReadWithCim(now);
        }
        catch (Exception ex) when (ex is FileNotFoundException or FileLoadException)
        {
            // ReadWithCim is where MMI is first touched, so a missing assembly surfaces here.
            return Error(now, new EvidenceError(EvidenceErrorCategory.NotSupported, "Microsoft.Management.Infrastructure could not be loaded: " + ex.Message));
        }
    }

    [SupportedOSPlatform("windows")]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static EvidenceItem ReadWithCim(DateTimeOffset now)
    {
        try
        {
            // A null computer name is the local machine (WINAPI.md §8.0).
            using var session = CimSession.Create(null);
            CimInstance? cluster = null;
            try
            {
                // Enumeration is lazy: errors surface inside the foreach. A node belongs to one cluster at most.
                foreach (var instance in session.EnumerateInstances(Namespace, ClassName))
                {
                    cluster = instance;
                    break;
                }

                if (cluster is null)
                {
                    return Error(now, new EvidenceError(EvidenceErrorCategory.NotFound, $"{Namespace} {ClassName} has no instance: the node is not in a failover cluster."));
                }

                // A property this build does not have is null here (§8.0); one that exists may hold null.
                var properties = cluster.CimInstanceProperties;
                var record = ToRecord(name => properties[name] is { } property ? (true, property.Value) : (false, null));
                return EvidenceItem.ForRecords(FailoverClusterEvidenceIds.Cluster, Source, now, [record]);
            }
            finally
            {
                cluster?.Dispose();
            }
        }
        catch (CimException ex)
        {
            return Error(now, Failure((int)ex.NativeErrorCode, ex.NativeErrorCode.ToString(), ex.Message));
        }
    }
}
