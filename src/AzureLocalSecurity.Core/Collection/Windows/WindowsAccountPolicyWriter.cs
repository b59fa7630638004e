using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using AzureLocalSecurity.Baseline.Facts;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// Changes the local account database's password and lockout policy with NetUserModalsSet: one single-field level
/// per password setting (1001–1005), level 3 for the lockout triple. Levels 1006 and 1007 are the server role and
/// the primary domain controller (NetUserModalsSet documentation), not lockout fields, so level 3 is the only one.
/// </summary>
[SupportedOSPlatform("windows")]
internal static class WindowsAccountPolicyWriter
{
    internal static void Apply(AccountPolicyChange change)
    {
        var value = change.Value;
        var status = NetApi32.NetUserModalsSet(null, change.Level, ref value, out var parmErr);
        if (status != NetApi32.NerrSuccess)
        {
            throw new BaselineWriteException(NativeErrorText.NetApi($"NetUserModalsSet(level {change.Level.ToString(CultureInfo.InvariantCulture)}, {change.Value.ToString(CultureInfo.InvariantCulture)})", status, parmErr));
        }
    }

    internal static void Apply(LockoutPolicyChange change)
    {
        var info = change.IsComplete ? default : ReadLockout();
        info.LockoutDuration = change.DurationSeconds ?? info.LockoutDuration;
        info.LockoutObservationWindow = change.ObservationWindowSeconds ?? info.LockoutObservationWindow;
        info.LockoutThreshold = change.Threshold ?? info.LockoutThreshold;

        var status = NetApi32.NetUserModalsSet(null, 3, ref info, out var parmErr);
        if (status != NetApi32.NerrSuccess)
        {
            var what = string.Format(
                CultureInfo.InvariantCulture,
                "level 3: duration {0} s, observation window {1} s, threshold {2}",
                info.LockoutDuration,
                info.LockoutObservationWindow,
                info.LockoutThreshold);
            throw new BaselineWriteException(NativeErrorText.NetApi($"NetUserModalsSet({what})", status, parmErr));
        }
    }

    private static NetApi32.UserModalsInfo3 ReadLockout()
    {
        var status = NetApi32.NetUserModalsGet(null, 3, out var buffer);
        if (status != NetApi32.NerrSuccess)
        {
            throw new BaselineWriteException(NativeErrorText.NetApi("NetUserModalsGet(level 3)", status, 0));
        }

        try
        {
            return Marshal.PtrToStructure<NetApi32.UserModalsInfo3>(buffer);
        }
        finally
        {
            _ = NetApi32.NetApiBufferFree(buffer);
        }
    }
}
