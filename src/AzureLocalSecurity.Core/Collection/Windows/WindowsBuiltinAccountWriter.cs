using System;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using AzureLocalSecurity.Baseline.Facts;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// Renames, enables or disables the built-in Administrator (RID 500) or Guest (RID 501) whatever it is called now:
/// the account SID is built from the account domain (LsaQueryInformationPolicy class 5 + CreateWellKnownSid), its
/// current name found with LookupAccountSidW (WINAPI.md §5.3), and the change made with NetUserSetInfo.
/// </summary>
[SupportedOSPlatform("windows")]
internal static class WindowsBuiltinAccountWriter
{
    internal static void Apply(BuiltinAccountRename change)
    {
        var current = CurrentName(change.Rid);
        if (string.Equals(current, change.NewName, StringComparison.Ordinal))
        {
            return;
        }

        // Level 0 is the documented way to rename (NetUserSetInfo remarks); the name is copied to native memory for the call.
        var name = Marshal.StringToHGlobalUni(change.NewName);
        try
        {
            var info = new NetApi32.UserInfo0 { Name = name };
            var status = NetApi32.NetUserSetInfo(null, current, 0, ref info, out var parmErr);
            if (status != NetApi32.NerrSuccess)
            {
                throw new BaselineWriteException(NativeErrorText.NetApi($"NetUserSetInfo(level 0, '{current}' -> '{change.NewName}')", status, parmErr));
            }
        }
        finally
        {
            Marshal.FreeHGlobal(name);
        }
    }

    internal static void Apply(BuiltinAccountEnablement change)
    {
        var account = CurrentName(change.Rid);
        var flags = Flags(account);
        var wanted = BaselineWriteValidation.AccountFlags(flags, change.Enabled);
        if (((flags ^ wanted) & NetApi32.UfAccountDisable) == 0)
        {
            return; // Already enabled or disabled as asked.
        }

        // USER_INFO_1008 carries all the flags: the ones read are written back unchanged apart from UF_ACCOUNTDISABLE.
        var status = NetApi32.NetUserSetInfo(null, account, 1008, ref wanted, out var parmErr);
        if (status != NetApi32.NerrSuccess)
        {
            var api = $"NetUserSetInfo(level 1008, '{account}', flags 0x{wanted.ToString("X8", CultureInfo.InvariantCulture)})";
            throw new BaselineWriteException(NativeErrorText.NetApi(api, status, parmErr));
        }
    }

    /// <summary>The current name of the account with <paramref name="rid"/> in the account domain.</summary>
    internal static string CurrentName(uint rid)
    {
        var sid = AccountSid(rid);
        uint nameLength = 0;
        uint domainLength = 0;
        if (!Advapi32Lsa.LookupAccountSidW(null, sid, null, ref nameLength, null, ref domainLength, out _))
        {
            var error = Marshal.GetLastWin32Error();
            if (error != Advapi32Lsa.ErrorInsufficientBuffer)
            {
                throw new BaselineWriteException(NativeErrorText.Win32($"LookupAccountSidW(RID {rid.ToString(CultureInfo.InvariantCulture)})", error));
            }
        }

        var name = new char[nameLength];
        var domain = new char[domainLength];
        if (!Advapi32Lsa.LookupAccountSidW(null, sid, name, ref nameLength, domain, ref domainLength, out _))
        {
            throw new BaselineWriteException(NativeErrorText.Win32($"LookupAccountSidW(RID {rid.ToString(CultureInfo.InvariantCulture)})", Marshal.GetLastWin32Error()));
        }

        // On success the counts are the characters copied, without the NUL.
        return new string(name, 0, (int)Math.Min(nameLength, (uint)name.Length));
    }

    private static byte[] AccountSid(uint rid)
    {
        var type = rid == 500 ? Advapi32Lsa.WinAccountAdministratorSid : Advapi32Lsa.WinAccountGuestSid;

        // PolicyAccountDomainInformation needs POLICY_VIEW_LOCAL_INFORMATION only.
        using var policy = WindowsUserRightWriter.OpenPolicy(Advapi32Lsa.PolicyViewLocalInformation);
        var status = Advapi32Lsa.LsaQueryInformationPolicy(policy, Advapi32Lsa.PolicyAccountDomainInformation, out var buffer);
        if (status != 0)
        {
            throw new BaselineWriteException(WindowsUserRightWriter.NtStatusText("LsaQueryInformationPolicy(PolicyAccountDomainInformation)", status));
        }

        try
        {
            // DomainSid points into the LSA buffer: the account SID is built before the buffer is freed.
            var info = Marshal.PtrToStructure<Advapi32Lsa.PolicyAccountDomainInfo>(buffer);
            if (info.DomainSid == IntPtr.Zero)
            {
                throw new BaselineWriteException("LsaQueryInformationPolicy(PolicyAccountDomainInformation) returned no account domain SID.");
            }

            var sid = new byte[Advapi32Lsa.SecurityMaxSidSize];
            var size = (uint)sid.Length;
            if (!Advapi32Lsa.CreateWellKnownSid(type, info.DomainSid, sid, ref size))
            {
                throw new BaselineWriteException(NativeErrorText.Win32($"CreateWellKnownSid({type.ToString(CultureInfo.InvariantCulture)})", Marshal.GetLastWin32Error()));
            }

            Array.Resize(ref sid, (int)size);
            return sid;
        }
        finally
        {
            _ = Advapi32Lsa.LsaFreeMemory(buffer);
        }
    }

    private static uint Flags(string account)
    {
        var status = NetApi32.NetUserGetInfo(null, account, 1, out var buffer);
        if (status != NetApi32.NerrSuccess)
        {
            throw new BaselineWriteException(NativeErrorText.NetApi($"NetUserGetInfo(level 1, '{account}')", status, 0));
        }

        try
        {
            return Marshal.PtrToStructure<NetApi32.UserInfo1>(buffer).Flags;
        }
        finally
        {
            _ = NetApi32.NetApiBufferFree(buffer);
        }
    }
}
