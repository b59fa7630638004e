using System;
using System.Runtime.InteropServices;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>P/Invoke declarations for netapi32.dll. NET_API_STATUS functions: uint return, SetLastError false (WINAPI.md §0.9).</summary>
internal static class NetApi32
{
    internal const uint NerrSuccess = 0;

    /// <summary>
    /// <c>NET_API_STATUS NET_API_FUNCTION NetGetJoinInformation(LPCWSTR lpServer, LPWSTR *lpNameBuffer, PNETSETUP_JOIN_STATUS BufferType)</c>,
    /// lmjoin.h (learn.microsoft.com/windows/win32/api/lmjoin/nf-lmjoin-netgetjoininformation). The name buffer is
    /// allocated by the system and freed with <see cref="NetApiBufferFree"/>, so it is an IntPtr, never an out string
    /// (WINAPI.md §0.7). BufferType is the 4-byte NETSETUP_JOIN_STATUS enum: 0 unknown, 1 unjoined, 2 workgroup, 3 domain.
    /// No group membership is required.
    /// </summary>
    [DllImport("netapi32.dll", CharSet = CharSet.Unicode, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern uint NetGetJoinInformation(string? lpServer, out IntPtr lpNameBuffer, out int bufferType);

    /// <summary><c>NET_API_STATUS NET_API_FUNCTION NetApiBufferFree(LPVOID Buffer)</c>, LMAPIbuf.h (WINAPI.md §5.1).</summary>
    [DllImport("netapi32.dll", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern uint NetApiBufferFree(IntPtr buffer);

    /// <summary>TIMEQ_FOREVER (LMaccess.h): "never" in the account-policy time fields.</summary>
    internal const uint TimeqForever = 0xFFFFFFFF;

    /// <summary>UF_ACCOUNTDISABLE (LMaccess.h).</summary>
    internal const uint UfAccountDisable = 0x0002;

    /// <summary>NERR_UserNotFound (lmerr.h); its text lives in netmsg.dll, so it is named here.</summary>
    internal const uint NerrUserNotFound = 2221;

    /// <summary>USER_MODALS_INFO_0 (LMaccess.h): times in seconds, TIMEQ_FOREVER for never. 20 bytes.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct UserModalsInfo0
    {
        public uint MinPasswdLen;
        public uint MaxPasswdAge;
        public uint MinPasswdAge;
        public uint ForceLogoff;
        public uint PasswordHistLen;
    }

    /// <summary>USER_MODALS_INFO_3 (LMaccess.h): lockout duration and observation window in seconds, then the threshold. 12 bytes.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct UserModalsInfo3
    {
        public uint LockoutDuration;
        public uint LockoutObservationWindow;
        public uint LockoutThreshold;
    }

    /// <summary>USER_INFO_1 (LMaccess.h): string fields kept as pointers into the API's buffer. 56 bytes on x64, flags at 40.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct UserInfo1
    {
        public IntPtr Name;
        public IntPtr Password;
        public uint PasswordAge;
        public uint Priv;
        public IntPtr HomeDir;
        public IntPtr Comment;
        public uint Flags;
        public IntPtr ScriptPath;
    }

    /// <summary>
    /// <c>NET_API_STATUS NET_API_FUNCTION NetUserModalsGet(LPCWSTR servername, DWORD level, LPBYTE *bufptr)</c>, LMaccess.h
    /// (learn.microsoft.com/windows/win32/api/lmaccess/nf-lmaccess-netusermodalsget; WINAPI.md §5.1). A null server is the local
    /// account database; the buffer is freed with <see cref="NetApiBufferFree"/>.
    /// </summary>
    [DllImport("netapi32.dll", CharSet = CharSet.Unicode, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern uint NetUserModalsGet(string? servername, uint level, out IntPtr bufptr);

    /// <summary>
    /// <c>NET_API_STATUS NET_API_FUNCTION NetUserGetInfo(LPCWSTR servername, LPCWSTR username, DWORD level, LPBYTE *bufptr)</c>, LMaccess.h
    /// (learn.microsoft.com/windows/win32/api/lmaccess/nf-lmaccess-netusergetinfo; WINAPI.md §5.2). The user name is the bare
    /// account name; the buffer is freed with <see cref="NetApiBufferFree"/>.
    /// </summary>
    [DllImport("netapi32.dll", CharSet = CharSet.Unicode, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern uint NetUserGetInfo(string? servername, string username, uint level, out IntPtr bufptr);

    /// <summary>UF_SCRIPT (LMaccess.h): "must be set" in USER_INFO_1008.</summary>
    internal const uint UfScript = 0x0001;

    /// <summary><c>USER_INFO_0 { LPWSTR usri0_name; }</c>, LMaccess.h: the new name for NetUserSetInfo level 0.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct UserInfo0
    {
        public IntPtr Name;
    }

    /// <summary>
    /// <c>NET_API_STATUS NET_API_FUNCTION NetUserModalsSet(_In_opt_ LPCWSTR servername, _In_ DWORD level,
    /// _In_reads_(_Inexpressible_("varies")) LPBYTE buf, _Out_opt_ LPDWORD parm_err)</c>, LMaccess.h
    /// (learn.microsoft.com/windows/win32/api/lmaccess/nf-lmaccess-netusermodalsset). This overload is for levels
    /// 1001–1005, whose USER_MODALS_INFO_100x structures are one DWORD each: <paramref name="buf"/> points at it.
    /// </summary>
    [DllImport("netapi32.dll", CharSet = CharSet.Unicode, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern uint NetUserModalsSet(string? servername, uint level, ref uint buf, out uint parmErr);

    /// <summary>NetUserModalsSet for level 3 (USER_MODALS_INFO_3, the lockout policy).</summary>
    [DllImport("netapi32.dll", CharSet = CharSet.Unicode, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern uint NetUserModalsSet(string? servername, uint level, ref UserModalsInfo3 buf, out uint parmErr);

    /// <summary>
    /// <c>NET_API_STATUS NET_API_FUNCTION NetUserSetInfo(_In_opt_ LPCWSTR servername, _In_ LPCWSTR username, _In_ DWORD level,
    /// _In_reads_(_Inexpressible_("varies")) LPBYTE buf, _Out_opt_ LPDWORD parm_err)</c>, LMaccess.h
    /// (learn.microsoft.com/windows/win32/api/lmaccess/nf-lmaccess-netusersetinfo). Level 0 (USER_INFO_0) is the
    /// documented way to rename an account.
    /// </summary>
    [DllImport("netapi32.dll", CharSet = CharSet.Unicode, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern uint NetUserSetInfo(string? servername, string username, uint level, ref UserInfo0 buf, out uint parmErr);

    /// <summary>NetUserSetInfo for level 1008, whose USER_INFO_1008 is one DWORD of UF_* flags: <paramref name="buf"/> points at it.</summary>
    [DllImport("netapi32.dll", CharSet = CharSet.Unicode, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern uint NetUserSetInfo(string? servername, string username, uint level, ref uint buf, out uint parmErr);

    /// <summary>ERROR_MORE_DATA (winerror.h): NetLocalGroupGetMembers has more entries for the resume handle.</summary>
    internal const uint ErrorMoreData = 234;

    /// <summary>MAX_PREFERRED_LENGTH (lmcons.h): let the API allocate what all entries need.</summary>
    internal const uint MaxPreferredLength = 0xFFFFFFFF;

    /// <summary>
    /// LOCALGROUP_MEMBERS_INFO_2 (lmaccess.h, learn.microsoft.com/windows/win32/api/lmaccess/ns-lmaccess-localgroup_members_info_2):
    /// <c>PSID lgrmi2_sid; SID_NAME_USE lgrmi2_sidusage; LPWSTR lgrmi2_domainandname;</c>. SID_NAME_USE is a 4-byte enum, so
    /// the struct is 24 bytes on x64 (4 bytes of padding before the name) and 12 on x86; both pointers point into the API's buffer.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct LocalGroupMembersInfo2
    {
        public IntPtr Sid;
        public int SidUsage;
        public IntPtr DomainAndName;
    }

    /// <summary>
    /// <c>NET_API_STATUS NET_API_FUNCTION NetLocalGroupGetMembers(LPCWSTR servername, LPCWSTR localgroupname, DWORD level,
    /// LPBYTE *bufptr, DWORD prefmaxlen, LPDWORD entriesread, LPDWORD totalentries, PDWORD_PTR resumehandle)</c>, lmaccess.h
    /// (learn.microsoft.com/windows/win32/api/lmaccess/nf-lmaccess-netlocalgroupgetmembers). The group is named, not given
    /// by SID, so the caller resolves the well-known SID to the local name first. The buffer is freed with
    /// <see cref="NetApiBufferFree"/>; the resume handle is pointer-sized (DWORD_PTR), so UIntPtr.
    /// </summary>
    [DllImport("netapi32.dll", CharSet = CharSet.Unicode, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern uint NetLocalGroupGetMembers(string? servername, string localgroupname, uint level, out IntPtr bufptr, uint prefmaxlen, out uint entriesread, out uint totalentries, ref UIntPtr resumehandle);
}
