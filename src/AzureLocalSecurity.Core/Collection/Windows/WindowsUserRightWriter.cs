using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using AzureLocalSecurity.Baseline.Facts;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// Makes a set of SIDs exactly the direct holders of one user right: reads the holders with
/// LsaEnumerateAccountsWithUserRight, grants the missing ones with LsaAddAccountRights and takes it from the others
/// with LsaRemoveAccountRights (AllRights FALSE, so their other rights stay). SIDs are compared in binary form.
/// </summary>
[SupportedOSPlatform("windows")]
internal static class WindowsUserRightWriter
{
    /// <summary>
    /// POLICY_LOOKUP_NAMES (Add, Remove, Enumerate), POLICY_VIEW_LOCAL_INFORMATION (Enumerate) and
    /// POLICY_CREATE_ACCOUNT (Add, when the SID has no LSA account object yet), per each function's page. Nothing more.
    /// </summary>
    internal const uint PolicyAccess = Advapi32Lsa.PolicyLookupNames | Advapi32Lsa.PolicyViewLocalInformation | Advapi32Lsa.PolicyCreateAccount;

    internal static void Apply(UserRightChange change)
    {
        using var policy = OpenPolicy(PolicyAccess);
        var desired = change.Sids.Select(s => (Sid: s, Bytes: SidToBytes(s))).ToList();
        var current = Holders(policy, change.Right);

        var currentKeys = new HashSet<string>(current.Select(h => Key(h.Bytes)), StringComparer.Ordinal);
        var desiredKeys = new HashSet<string>(desired.Select(d => Key(d.Bytes)), StringComparer.Ordinal);
        var done = new List<string>();

        // Grant first, then take away: a logon right is never left with fewer holders than both states have.
        foreach (var (sid, bytes) in desired.Where(d => !currentKeys.Contains(Key(d.Bytes))))
        {
            Call(change.Right, sid, "LsaAddAccountRights", done, rights => Advapi32Lsa.LsaAddAccountRights(policy, bytes, rights, 1));
            done.Add("granted to " + sid);
        }

        foreach (var (sid, bytes) in current.Where(c => !desiredKeys.Contains(Key(c.Bytes))))
        {
            Call(change.Right, sid, "LsaRemoveAccountRights", done, rights => Advapi32Lsa.LsaRemoveAccountRights(policy, bytes, false, rights, 1));
            done.Add("removed from " + sid);
        }
    }

    /// <summary>Opens the local LSA policy with <paramref name="access"/> (LsaOpenPolicy; the object attributes are unused and zero).</summary>
    internal static SafeLsaPolicyHandle OpenPolicy(uint access)
    {
        var attributes = default(Advapi32Lsa.LsaObjectAttributes);
        var status = Advapi32Lsa.LsaOpenPolicy(IntPtr.Zero, ref attributes, access, out var handle);
        if (status != 0)
        {
            handle.Dispose();
            throw new BaselineWriteException(NtStatusText($"LsaOpenPolicy(0x{access:X})", status));
        }

        return handle;
    }

    /// <summary>The message for a failed NTSTATUS call, translated with LsaNtStatusToWinError.</summary>
    internal static string NtStatusText(string api, int status) =>
        NativeErrorText.NtStatus(api, status, Advapi32Lsa.LsaNtStatusToWinError(status));

    /// <summary>A SID string to its binary form (ConvertStringSidToSidW, then LocalFree).</summary>
    internal static byte[] SidToBytes(string sid)
    {
        if (!Advapi32Lsa.ConvertStringSidToSidW(sid, out var pointer))
        {
            throw new BaselineWriteException(NativeErrorText.Win32($"ConvertStringSidToSidW({sid})", Marshal.GetLastWin32Error()));
        }

        try
        {
            return CopySid(pointer, sid);
        }
        finally
        {
            _ = Kernel32.LocalFree(pointer);
        }
    }

    private static List<(string Sid, byte[] Bytes)> Holders(SafeLsaPolicyHandle policy, string right)
    {
        var name = Marshal.StringToHGlobalUni(right);
        try
        {
            // Lengths in bytes, without the NUL (WINAPI.md §3); the right name was checked to be at most 64 characters.
            var unicode = new Advapi32Lsa.LsaUnicodeString { Length = (ushort)(right.Length * 2), MaximumLength = (ushort)((right.Length * 2) + 2), Buffer = name };
            var status = Advapi32Lsa.LsaEnumerateAccountsWithUserRight(policy, ref unicode, out var buffer, out var count);
            try
            {
                if (status == Advapi32Lsa.StatusNoMoreEntries)
                {
                    return []; // No account holds the right: an empty set, not a failure.
                }

                if (status < 0)
                {
                    throw new BaselineWriteException(NtStatusText($"LsaEnumerateAccountsWithUserRight({right})", status));
                }

                var holders = new List<(string, byte[])>((int)count);
                for (var i = 0; i < (int)count; i++)
                {
                    // An array of LSA_ENUMERATION_INFORMATION { PSID Sid; }: one pointer each. Copied before LsaFreeMemory.
                    var sid = Marshal.ReadIntPtr(buffer, i * IntPtr.Size);
                    holders.Add((SidToString(sid), CopySid(sid, right)));
                }

                return holders;
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
            Marshal.FreeHGlobal(name);
        }
    }

    private static void Call(string right, string sid, string api, List<string> done, Func<Advapi32Lsa.LsaUnicodeString[], int> call)
    {
        var name = Marshal.StringToHGlobalUni(right);
        try
        {
            var rights = new[] { new Advapi32Lsa.LsaUnicodeString { Length = (ushort)(right.Length * 2), MaximumLength = (ushort)((right.Length * 2) + 2), Buffer = name } };
            var status = call(rights);
            if (status < 0)
            {
                var already = done.Count == 0 ? "Nothing was changed before this." : "Already done: " + string.Join("; ", done) + ".";
                throw new BaselineWriteException($"{NtStatusText($"{api}({right}, {sid})", status)} {already}");
            }
        }
        finally
        {
            Marshal.FreeHGlobal(name);
        }
    }

    private static string SidToString(IntPtr sid)
    {
        if (!Advapi32Lsa.ConvertSidToStringSidW(sid, out var text))
        {
            throw new BaselineWriteException(NativeErrorText.Win32("ConvertSidToStringSidW", Marshal.GetLastWin32Error()));
        }

        try
        {
            return Marshal.PtrToStringUni(text) ?? string.Empty;
        }
        finally
        {
            _ = Kernel32.LocalFree(text);
        }
    }

    private static byte[] CopySid(IntPtr sid, string context)
    {
        if (!Advapi32Lsa.IsValidSid(sid))
        {
            throw new BaselineWriteException($"IsValidSid: the API returned an invalid SID ({context}).");
        }

        var bytes = new byte[Advapi32Lsa.GetLengthSid(sid)];
        Marshal.Copy(sid, bytes, 0, bytes.Length);
        return bytes;
    }

    private static string Key(byte[] sid) => Convert.ToBase64String(sid);
}
