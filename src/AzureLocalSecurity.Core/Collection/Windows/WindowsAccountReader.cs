using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using AzureLocalSecurity.Evidence;
using P = AzureLocalSecurity.Evidence.BaselineEvidenceProperties;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// Reads the local account database facts raw: the holders of user rights (LSA), the password and lockout policy
/// (NetUserModalsGet 0 and 3) and the built-in Administrator and Guest accounts found by RID. Every failure becomes an
/// error item or an Error property with the API's code; nothing here throws for an API failure.
/// </summary>
[SupportedOSPlatform("windows")]
internal static class WindowsAccountReader
{
    internal const string UserRightsSource = "advapi32!LsaEnumerateAccountsWithUserRight";
    internal const string Modals0Source = "netapi32!NetUserModalsGet level 0";
    internal const string Modals3Source = "netapi32!NetUserModalsGet level 3";
    internal const string BuiltinSource = "advapi32!LsaQueryInformationPolicy + CreateWellKnownSid + LookupAccountSidW, netapi32!NetUserGetInfo level 1";

    private const int ErrorInsufficientBuffer = 122;

    internal static EvidenceItem ReadUserRights(IReadOnlyList<string> rights, DateTimeOffset now)
    {
        var attributes = default(Advapi32Lsa.LsaObjectAttributes);
        var status = Advapi32Lsa.LsaOpenPolicy(IntPtr.Zero, ref attributes, Advapi32Lsa.PolicyReadAccess, out var policy);
        using (policy)
        {
            if (status != 0)
            {
                return EvidenceItem.ForError(BaselineEvidenceIds.UserRights, EvidenceKind.Properties, UserRightsSource, now, LsaError("LsaOpenPolicy", status));
            }

            var records = new List<EvidenceRecord>(rights.Count);
            foreach (var right in rights)
            {
                records.Add(ReadRight(policy, right));
            }

            return EvidenceItem.ForRecords(BaselineEvidenceIds.UserRights, UserRightsSource, now, records);
        }
    }

    internal static EvidenceItem ReadModals0(DateTimeOffset now)
    {
        var rc = NetApi32.NetUserModalsGet(null, 0, out var buffer);
        if (rc != NetApi32.NerrSuccess)
        {
            // On failure no buffer is handed back, so there is nothing to free.
            return EvidenceItem.ForError(BaselineEvidenceIds.UserModals0, EvidenceKind.Properties, Modals0Source, now, NetError("NetUserModalsGet", rc));
        }

        NetApi32.UserModalsInfo0 info;
        try
        {
            info = Marshal.PtrToStructure<NetApi32.UserModalsInfo0>(buffer);
        }
        finally
        {
            _ = NetApi32.NetApiBufferFree(buffer);
        }

        return EvidenceItem.ForRecords(BaselineEvidenceIds.UserModals0, Modals0Source, now,
        [
            Record(
                (P.MinPasswdLen, EvidenceValue.FromUInt64(info.MinPasswdLen)),
                (P.MaxPasswdAge, EvidenceValue.FromUInt64(info.MaxPasswdAge)),
                (P.MinPasswdAge, EvidenceValue.FromUInt64(info.MinPasswdAge)),
                (P.ForceLogoff, EvidenceValue.FromUInt64(info.ForceLogoff)),
                (P.PasswordHistLen, EvidenceValue.FromUInt64(info.PasswordHistLen))),
        ]);
    }

    internal static EvidenceItem ReadModals3(DateTimeOffset now)
    {
        var rc = NetApi32.NetUserModalsGet(null, 3, out var buffer);
        if (rc != NetApi32.NerrSuccess)
        {
            return EvidenceItem.ForError(BaselineEvidenceIds.UserModals3, EvidenceKind.Properties, Modals3Source, now, NetError("NetUserModalsGet", rc));
        }

        NetApi32.UserModalsInfo3 info;
        try
        {
            info = Marshal.PtrToStructure<NetApi32.UserModalsInfo3>(buffer);
        }
        finally
        {
            _ = NetApi32.NetApiBufferFree(buffer);
        }

        return EvidenceItem.ForRecords(BaselineEvidenceIds.UserModals3, Modals3Source, now,
        [
            Record(
                (P.LockoutDuration, EvidenceValue.FromUInt64(info.LockoutDuration)),
                (P.LockoutObservationWindow, EvidenceValue.FromUInt64(info.LockoutObservationWindow)),
                (P.LockoutThreshold, EvidenceValue.FromUInt64(info.LockoutThreshold))),
        ]);
    }

    /// <summary>The accounts with these RIDs (500, 501) in the machine's account domain (WINAPI.md §5.3).</summary>
    internal static EvidenceItem ReadBuiltinAccounts(IReadOnlyList<uint> rids, DateTimeOffset now)
    {
        var attributes = default(Advapi32Lsa.LsaObjectAttributes);
        var status = Advapi32Lsa.LsaOpenPolicy(IntPtr.Zero, ref attributes, Advapi32Lsa.PolicyReadAccess, out var policy);
        using (policy)
        {
            if (status != 0)
            {
                return EvidenceItem.ForError(BaselineEvidenceIds.BuiltinAccounts, EvidenceKind.Properties, BuiltinSource, now, LsaError("LsaOpenPolicy", status));
            }

            status = Advapi32Lsa.LsaQueryInformationPolicy(policy, Advapi32Lsa.PolicyAccountDomainInformation, out var buffer);
            if (status != 0)
            {
                return EvidenceItem.ForError(BaselineEvidenceIds.BuiltinAccounts, EvidenceKind.Properties, BuiltinSource, now, LsaError("LsaQueryInformationPolicy", status));
            }

            try
            {
                // DomainSid points into the LSA buffer, so every account SID is built before the buffer is freed.
                var domain = Marshal.PtrToStructure<Advapi32Lsa.PolicyAccountDomainInfo>(buffer);
                if (domain.DomainSid == IntPtr.Zero)
                {
                    return EvidenceItem.ForError(BaselineEvidenceIds.BuiltinAccounts, EvidenceKind.Properties, BuiltinSource, now, new EvidenceError(EvidenceErrorCategory.NotFound, "LsaQueryInformationPolicy returned no account domain SID."));
                }

                var records = new List<EvidenceRecord>(rids.Count);
                foreach (var rid in rids)
                {
                    records.Add(ReadAccount(domain.DomainSid, rid));
                }

                return EvidenceItem.ForRecords(BaselineEvidenceIds.BuiltinAccounts, BuiltinSource, now, records);
            }
            finally
            {
                _ = Advapi32Lsa.LsaFreeMemory(buffer);
            }
        }
    }

    private static EvidenceRecord ReadRight(SafeLsaPolicyHandle policy, string right)
    {
        if (right.Length == 0 || right.Length > 0x7FFE)
        {
            return ErrorRecord(P.Right, right, "The right name is empty or too long for an LSA_UNICODE_STRING.", Advapi32Lsa.StatusNoSuchPrivilege);
        }

        var text = Marshal.StringToHGlobalUni(right);
        try
        {
            // Lengths are in bytes, without and with the terminating NUL (WINAPI.md §3.2 mistake 1).
            var name = new Advapi32Lsa.LsaUnicodeString { Length = (ushort)(right.Length * 2), MaximumLength = (ushort)((right.Length * 2) + 2), Buffer = text };
            var status = Advapi32Lsa.LsaEnumerateAccountsWithUserRight(policy, ref name, out var buffer, out var count);
            try
            {
                if (status == Advapi32Lsa.StatusNoMoreEntries)
                {
                    return Record((P.Right, EvidenceValue.FromString(right)), (P.Sids, EvidenceValue.FromMultiString([])));
                }

                if (status != 0)
                {
                    return ErrorRecord(P.Right, right, LsaMessage("LsaEnumerateAccountsWithUserRight", status), status);
                }

                var sids = new List<string>((int)count);
                for (var i = 0; i < (int)count; i++)
                {
                    // An array of LSA_ENUMERATION_INFORMATION, each one PSID; copied out before LsaFreeMemory.
                    var sid = Marshal.ReadIntPtr(buffer, i * IntPtr.Size);
                    if (!Advapi32Lsa.ConvertSidToStringSidW(sid, out var sidText))
                    {
                        var error = Marshal.GetLastWin32Error();
                        return ErrorRecord(P.Right, right, "ConvertSidToStringSidW: " + new Win32Exception(error).Message, error);
                    }

                    sids.Add(TakeLocalString(sidText));
                }

                return Record((P.Right, EvidenceValue.FromString(right)), (P.Sids, EvidenceValue.FromMultiString(sids)));
            }
            finally
            {
                if (buffer != IntPtr.Zero)
                {
                    _ = Advapi32Lsa.LsaFreeMemory(buffer);
                }
            }
        }
        finally
        {
            Marshal.FreeHGlobal(text);
        }
    }

    private static EvidenceRecord ReadAccount(IntPtr domainSid, uint rid)
    {
        var ridValue = (P.Rid, EvidenceValue.FromUInt64(rid));
        int type;
        switch (rid)
        {
            case 500:
                type = Advapi32Lsa.WinAccountAdministratorSid;
                break;
            case 501:
                type = Advapi32Lsa.WinAccountGuestSid;
                break;
            default:
                return Record(ridValue, (P.Error, EvidenceValue.FromString($"RID {rid} is not a built-in account this collector reads (500, 501).")));
        }

        var sid = new byte[Advapi32Lsa.SecurityMaxSidSize];
        var size = (uint)sid.Length;
        if (!Advapi32Lsa.CreateWellKnownSid(type, domainSid, sid, ref size))
        {
            var error = Marshal.GetLastWin32Error();
            return Record(ridValue, (P.Error, EvidenceValue.FromString("CreateWellKnownSid: " + new Win32Exception(error).Message)), (P.ErrorCode, EvidenceValue.FromInt64(error)));
        }

        Array.Resize(ref sid, (int)size);
        if (!Advapi32Lsa.ConvertSidToStringSidW(sid, out var sidText))
        {
            var error = Marshal.GetLastWin32Error();
            return Record(ridValue, (P.Error, EvidenceValue.FromString("ConvertSidToStringSidW: " + new Win32Exception(error).Message)), (P.ErrorCode, EvidenceValue.FromInt64(error)));
        }

        var sidValue = (P.Sid, EvidenceValue.FromString(TakeLocalString(sidText)));
        var name = LookupName(sid, out var lookupError);
        if (name is null)
        {
            return Record(ridValue, sidValue, (P.Error, EvidenceValue.FromString("LookupAccountSidW: " + new Win32Exception(lookupError).Message)), (P.ErrorCode, EvidenceValue.FromInt64(lookupError)));
        }

        var nameValue = (P.Name, EvidenceValue.FromString(name));
        var rc = NetApi32.NetUserGetInfo(null, name, 1, out var buffer);
        if (rc != NetApi32.NerrSuccess)
        {
            return Record(ridValue, sidValue, nameValue, (P.Error, EvidenceValue.FromString(NetMessage("NetUserGetInfo", rc))), (P.ErrorCode, EvidenceValue.FromInt64(rc)));
        }

        uint flags;
        try
        {
            flags = Marshal.PtrToStructure<NetApi32.UserInfo1>(buffer).Flags;
        }
        finally
        {
            _ = NetApi32.NetApiBufferFree(buffer);
        }

        return Record(ridValue, sidValue, nameValue, (P.Flags, EvidenceValue.FromUInt64(flags)));
    }

    private static string? LookupName(byte[] sid, out int error)
    {
        uint nameLength = 0;
        uint domainLength = 0;
        if (!Advapi32Lsa.LookupAccountSidW(null, sid, null, ref nameLength, null, ref domainLength, out _))
        {
            error = Marshal.GetLastWin32Error();
            if (error != ErrorInsufficientBuffer)
            {
                return null;
            }
        }

        var name = new char[Math.Max(nameLength, 1)];
        var domain = new char[Math.Max(domainLength, 1)];
        nameLength = (uint)name.Length;
        domainLength = (uint)domain.Length;
        if (!Advapi32Lsa.LookupAccountSidW(null, sid, name, ref nameLength, domain, ref domainLength, out _))
        {
            error = Marshal.GetLastWin32Error();
            return null;
        }

        // On success the counts are the characters copied, without the NUL.
        error = 0;
        return new string(name, 0, (int)Math.Min(nameLength, (uint)name.Length));
    }

    private static string TakeLocalString(IntPtr text)
    {
        try
        {
            return Marshal.PtrToStringUni(text) ?? string.Empty;
        }
        finally
        {
            _ = Kernel32.LocalFree(text);
        }
    }

    private static EvidenceRecord ErrorRecord(string keyName, string key, string message, long code) =>
        Record((keyName, EvidenceValue.FromString(key)), (P.Error, EvidenceValue.FromString(message)), (P.ErrorCode, EvidenceValue.FromInt64(code)));

    internal static EvidenceError LsaError(string function, int status)
    {
        var category = status == Advapi32Lsa.StatusAccessDenied ? EvidenceErrorCategory.AccessDenied : EvidenceErrorCategory.Failed;
        return new EvidenceError(category, LsaMessage(function, status), unchecked((uint)status));
    }

    private static string LsaMessage(string function, int status) =>
        $"{function} returned NTSTATUS 0x{unchecked((uint)status).ToString("X8", CultureInfo.InvariantCulture)}: {new Win32Exception(unchecked((int)Advapi32Lsa.LsaNtStatusToWinError(status))).Message}";

    internal static EvidenceError NetError(string function, uint status) =>
        new(status == 5 ? EvidenceErrorCategory.AccessDenied : EvidenceErrorCategory.Failed, NetMessage(function, status), status);

    private static string NetMessage(string function, uint status) => status switch
    {
        // NERR_* texts live in netmsg.dll, which Win32Exception does not read (WINAPI.md §5.2 mistake 3).
        NetApi32.NerrUserNotFound => $"{function} returned NERR_UserNotFound (2221): the user name could not be found.",
        >= 2100 and <= 2999 => $"{function} returned NERR {status.ToString(CultureInfo.InvariantCulture)}.",
        _ => $"{function}: {new Win32Exception(unchecked((int)status)).Message}",
    };

    private static EvidenceRecord Record(params (string Name, EvidenceValue Value)[] properties)
    {
        var list = new List<KeyValuePair<string, EvidenceValue>>(properties.Length);
        foreach (var (name, value) in properties)
        {
            list.Add(new KeyValuePair<string, EvidenceValue>(name, value));
        }

        return new EvidenceRecord(list);
    }
}
