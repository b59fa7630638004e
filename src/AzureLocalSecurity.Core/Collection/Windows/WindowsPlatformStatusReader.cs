using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Runtime.Versioning;
using AzureLocalSecurity.Evidence;
using P = AzureLocalSecurity.Evidence.BaselineEvidenceProperties;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// Reads the raw kernel and TBS facts the Secured-core statuses come from: code integrity options, the isolated user mode
/// flag bytes, the DMA guard policy and the TPM device information. No interpretation here.
/// </summary>
[SupportedOSPlatform("windows")]
internal static class WindowsPlatformStatusReader
{
    internal const string CodeIntegritySource = "ntdll!NtQuerySystemInformation(SystemCodeIntegrityInformation)";
    internal const string IsolatedUserModeSource = "ntdll!NtQuerySystemInformation(SystemIsolatedUserModeInformation)";
    internal const string DmaGuardSource = "ntdll!NtQuerySystemInformation(SystemDmaGuardPolicyInformation)";
    internal const string TpmSource = "tbs!Tbsi_GetDeviceInfo";

    internal static EvidenceItem ReadCodeIntegrity(DateTimeOffset now)
    {
        // Length must be set before the call (WINAPI.md §6 mistake 1).
        var info = new NtDll.SystemCodeIntegrityInfo { Length = 8 };
        var status = NtDll.NtQuerySystemInformation(NtDll.SystemCodeIntegrityInformation, ref info, 8, out _);
        return status != 0
            ? NtError(BaselineEvidenceIds.CodeIntegrity, CodeIntegritySource, now, status)
            : Single(BaselineEvidenceIds.CodeIntegrity, CodeIntegritySource, now, (P.CodeIntegrityOptions, EvidenceValue.FromUInt64(info.CodeIntegrityOptions)));
    }

    internal static EvidenceItem ReadIsolatedUserMode(DateTimeOffset now)
    {
        var status = NtDll.NtQuerySystemInformation(NtDll.SystemIsolatedUserModeInformation, out NtDll.SystemIsolatedUserModeInfo info, 16, out _);
        return status != 0
            ? NtError(BaselineEvidenceIds.IsolatedUserMode, IsolatedUserModeSource, now, status)
            : Single(BaselineEvidenceIds.IsolatedUserMode, IsolatedUserModeSource, now, (P.Flags0, EvidenceValue.FromUInt64(info.Flags0)), (P.Flags1, EvidenceValue.FromUInt64(info.Flags1)));
    }

    internal static EvidenceItem ReadDmaGuard(DateTimeOffset now)
    {
        var status = NtDll.NtQuerySystemInformation(NtDll.SystemDmaGuardPolicyInformation, out NtDll.SystemDmaGuardPolicyInfo info, 1, out _);
        return status != 0
            ? NtError(BaselineEvidenceIds.DmaGuard, DmaGuardSource, now, status)
            : Single(BaselineEvidenceIds.DmaGuard, DmaGuardSource, now, (P.DmaGuardPolicyEnabled, EvidenceValue.FromUInt64(info.DmaGuardPolicyEnabled)));
    }

    internal static EvidenceItem ReadTpmDeviceInfo(DateTimeOffset now)
    {
        uint rc;
        Tbs.TpmDeviceInfo info;
        try
        {
            rc = Tbs.Tbsi_GetDeviceInfo(16, out info);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return EvidenceItem.ForError(BaselineEvidenceIds.TpmDeviceInfo, EvidenceKind.Properties, TpmSource, now, new EvidenceError(EvidenceErrorCategory.NotSupported, "TPM Base Services (tbs.dll, Tbsi_GetDeviceInfo) is not available: " + ex.Message));
        }

        if (rc == Tbs.TbsETpmNotFound)
        {
            return EvidenceItem.ForError(BaselineEvidenceIds.TpmDeviceInfo, EvidenceKind.Properties, TpmSource, now, new EvidenceError(EvidenceErrorCategory.NotFound, "TBS_E_TPM_NOT_FOUND: no TPM was found.", rc));
        }

        if (rc != Tbs.TbsSuccess)
        {
            return EvidenceItem.ForError(BaselineEvidenceIds.TpmDeviceInfo, EvidenceKind.Properties, TpmSource, now, new EvidenceError(EvidenceErrorCategory.Failed, $"Tbsi_GetDeviceInfo returned TBS_RESULT 0x{rc.ToString("X8", CultureInfo.InvariantCulture)}.", rc));
        }

        return Single(BaselineEvidenceIds.TpmDeviceInfo, TpmSource, now,
            (P.StructVersion, EvidenceValue.FromUInt64(info.StructVersion)),
            (P.TpmVersion, EvidenceValue.FromUInt64(info.TpmVersion)),
            (P.TpmInterfaceType, EvidenceValue.FromUInt64(info.TpmInterfaceType)),
            (P.TpmImpRevision, EvidenceValue.FromUInt64(info.TpmImpRevision)));
    }

    private static EvidenceItem NtError(string id, string source, DateTimeOffset now, int status)
    {
        // Builds without the class answer STATUS_INVALID_INFO_CLASS or STATUS_NOT_IMPLEMENTED.
        var category = status is NtDll.StatusInvalidInfoClass or NtDll.StatusNotImplemented ? EvidenceErrorCategory.NotSupported : EvidenceErrorCategory.Failed;
        var message = $"NtQuerySystemInformation returned NTSTATUS 0x{unchecked((uint)status).ToString("X8", CultureInfo.InvariantCulture)}: {new Win32Exception(unchecked((int)Advapi32Lsa.LsaNtStatusToWinError(status))).Message}";
        return EvidenceItem.ForError(id, EvidenceKind.Properties, source, now, new EvidenceError(category, message, unchecked((uint)status)));
    }

    private static EvidenceItem Single(string id, string source, DateTimeOffset now, params (string Name, EvidenceValue Value)[] properties)
    {
        var list = new List<KeyValuePair<string, EvidenceValue>>(properties.Length);
        foreach (var (name, value) in properties)
        {
            list.Add(new KeyValuePair<string, EvidenceValue>(name, value));
        }

        return EvidenceItem.ForRecords(id, source, now, [new EvidenceRecord(list)]);
    }
}
