using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.Versioning;
using AzureLocalSecurity.Evidence;
using Microsoft.Management.Infrastructure;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// Reads the Secured-core CIM classes, one record each, in the shape <see cref="SecuredCoreEvidenceIds"/> documents:
/// Win32_DeviceGuard (WINAPI.md §8.1), MSFT_SmbServerConfiguration and MSFT_SmbClientConfiguration (§8.4) and
/// MSFT_MpComputerStatus (§8.5) and MSFT_MpPreference, through Microsoft.Management.Infrastructure (§8.0) in one local session. Values are mapped
/// by <see cref="CimEvidence"/>, as the TPM reader maps them; no interpretation here.
/// </summary>
[SupportedOSPlatform("windows")]
internal static class WindowsSecuredCoreCimReader
{
    /// <summary>Win32_DeviceGuard.</summary>
    internal static readonly CimClassSpec DeviceGuard = new(
        @"root\Microsoft\Windows\DeviceGuard", "Win32_DeviceGuard", SecuredCoreEvidenceIds.DeviceGuard, SecuredCoreEvidenceIds.DeviceGuardProperties, "The Device Guard WMI provider");

    /// <summary>MSFT_SmbServerConfiguration.</summary>
    internal static readonly CimClassSpec SmbServer = new(
        @"root\Microsoft\Windows\SMB", "MSFT_SmbServerConfiguration", SecuredCoreEvidenceIds.SmbServerConfiguration, SecuredCoreEvidenceIds.SmbServerConfigurationProperties, "The SMB WMI provider (smbwmiv2)");

    /// <summary>MSFT_SmbClientConfiguration.</summary>
    internal static readonly CimClassSpec SmbClient = new(
        @"root\Microsoft\Windows\SMB", "MSFT_SmbClientConfiguration", SecuredCoreEvidenceIds.SmbClientConfiguration, SecuredCoreEvidenceIds.SmbClientConfigurationProperties, "The SMB WMI provider (smbwmiv2)");

    /// <summary>MSFT_MpComputerStatus.</summary>
    internal static readonly CimClassSpec Defender = new(
        @"root\Microsoft\Windows\Defender", "MSFT_MpComputerStatus", SecuredCoreEvidenceIds.DefenderStatus, SecuredCoreEvidenceIds.DefenderStatusProperties, "The Microsoft Defender Antivirus WMI provider");

    /// <summary>MSFT_MpPreference (the exclusions and Attack Surface Reduction rules; <see cref="DefenderEvidenceIds.Preference"/>).</summary>
    internal static readonly CimClassSpec DefenderPreference = new(
        @"root\Microsoft\Windows\Defender", "MSFT_MpPreference", DefenderEvidenceIds.Preference, DefenderEvidenceIds.PreferenceProperties, "The Microsoft Defender Antivirus WMI provider");

    /// <summary>The classes read, in the order their items are filed.</summary>
    internal static readonly IReadOnlyList<CimClassSpec> Classes = [DeviceGuard, SmbServer, SmbClient, Defender, DefenderPreference];

    /// <summary>Reads every class: one item per class, each a record or an error of its own.</summary>
    internal static List<EvidenceItem> Read(Func<DateTimeOffset> clock)
    {
        try
        {
            return ReadWithCim(clock);
        }
        catch (Exception ex) when (ex is FileNotFoundException or FileLoadException)
        {
            // ReadWithCim is where MMI is first touched, so a missing assembly surfaces here rather than in our caller.
            return ForEveryClass(clock, spec => new EvidenceError(EvidenceErrorCategory.NotSupported, "Microsoft.Management.Infrastructure could not be loaded: " + ex.Message));
        }
    }

    /// <summary>
    /// What a CIM failure of a class means. A namespace or class that does not exist is NotFound and says the provider is
    /// not there (the feature is not installed, or this build predates it): absence is the fact. AccessDenied stays
    /// AccessDenied; anything else is Failed. The MI_RESULT is the code.
    /// </summary>
    internal static EvidenceError Failure(CimClassSpec spec, int miResult, string nativeErrorName, string message)
    {
        var detail = $"{nativeErrorName} (MI_RESULT {miResult}): {message}";
        if (CimEvidence.IsMissingClass(miResult))
        {
            return new EvidenceError(EvidenceErrorCategory.NotFound, $"{spec.Provider} is not there: {spec.Namespace} {spec.ClassName} does not exist on this node ({detail}).", miResult);
        }

        return new EvidenceError(CimEvidence.CategoryOf(miResult), $"{spec.ClassName} could not be read: {detail}", miResult);
    }

    /// <summary>The class exists but has no instance (each of these classes has exactly one where its provider runs).</summary>
    internal static EvidenceError NoInstance(CimClassSpec spec) =>
        new(EvidenceErrorCategory.NotFound, $"{spec.Namespace} {spec.ClassName} has no instance.");

    /// <summary>
    /// The record of one instance: each listed property, in list order, that <paramref name="read"/> finds (a property this
    /// build does not have is left out, never written as 0), its value mapped by <see cref="CimEvidence.ToEvidenceValue"/>.
    /// </summary>
    internal static EvidenceRecord ToRecord(IReadOnlyList<string> properties, Func<string, (bool Exists, object? Value)> read)
    {
        var list = new List<KeyValuePair<string, EvidenceValue>>(properties.Count);
        foreach (var name in properties)
        {
            var (exists, value) = read(name);
            if (exists)
            {
                list.Add(new(name, CimEvidence.ToEvidenceValue(value)));
            }
        }

        return new EvidenceRecord(list);
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
            // A null computer name is the local machine (WINAPI.md §8.0).
#pragma warning disable CA2000 // Disposed by the using (session) block below; created inside try only so that a CimException becomes each class's error.
            session = CimSession.Create(null);
#pragma warning restore CA2000
        }
        catch (CimException ex)
        {
            return ForEveryClass(clock, spec => Failure(spec, (int)ex.NativeErrorCode, ex.NativeErrorCode.ToString(), ex.Message));
        }

        using (session)
        {
            var items = new List<EvidenceItem>(Classes.Count);
            foreach (var spec in Classes)
            {
                items.Add(ReadClass(session, spec, clock));
            }

            return items;
        }
    }

    private static EvidenceItem ReadClass(CimSession session, CimClassSpec spec, Func<DateTimeOffset> clock)
    {
        CimInstance? instance = null;
        try
        {
            // Enumeration is lazy: errors surface here, inside the try (§8.0). Each class is a singleton; the first instance is read.
            foreach (var found in session.EnumerateInstances(spec.Namespace, spec.ClassName))
            {
                instance = found;
                break;
            }

            if (instance is null)
            {
                return EvidenceItem.ForError(spec.Id, EvidenceKind.Properties, spec.Source, clock(), NoInstance(spec));
            }

            var properties = instance.CimInstanceProperties;

            // A property this build does not have is null here (§8.0 and §8.4 mistake 1); one that exists may hold null.
            var record = ToRecord(spec.Properties, name => properties[name] is { } property ? (true, property.Value) : (false, null));
            return EvidenceItem.ForRecords(spec.Id, spec.Source, clock(), [record]);
        }
        catch (CimException ex)
        {
            return EvidenceItem.ForError(spec.Id, EvidenceKind.Properties, spec.Source, clock(), Failure(spec, (int)ex.NativeErrorCode, ex.NativeErrorCode.ToString(), ex.Message));
        }
        finally
        {
            instance?.Dispose();
        }
    }
}
