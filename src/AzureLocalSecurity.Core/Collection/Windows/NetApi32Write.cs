using System;
using System.Runtime.InteropServices;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// netapi32.dll functions that change the local account database (WINAPI.md §5). NET_API_STATUS returns (uint,
/// SetLastError false), Unicode only; buffers the API allocates are freed with <see cref="NetApi32.NetApiBufferFree"/>.
/// </summary>
internal static class NetApi32Write
{
    /// <summary>TIMEQ_FOREVER (lmcons.h): never.</summary>
    internal const uint TimeqForever = 0xFFFFFFFF;

    /// <summary>UF_SCRIPT (LMaccess.h): "must be set" in USER_INFO_1008.</summary>
    internal const uint UfScript = 0x0001;

    /// <summary>UF_ACCOUNTDISABLE (LMaccess.h).</summary>
    internal const uint UfAccountDisable = 0x0002;

    /// <summary><c>USER_MODALS_INFO_3</c>, LMaccess.h: lockout duration and observation window in seconds, threshold a count.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct UserModalsInfo3
    {
        public uint LockoutDuration;
        public uint LockoutObservationWindow;
        public uint LockoutThreshold;
    }

    /// <summary><c>USER_INFO_0 { LPWSTR usri0_name; }</c>, LMaccess.h: the new name for NetUserSetInfo level 0.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct UserInfo0
    {
        public IntPtr Name;
    }

    /// <summary><c>USER_INFO_1</c>, LMaccess.h: 56 bytes on x64, 32 on x86 (WINAPI.md §0.8). Only the flags are read.</summary>
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
    /// <c>NET_API_STATUS NET_API_FUNCTION NetUserModalsGet(_In_opt_ LPCWSTR servername, _In_ DWORD level,
    /// _Outptr_result_buffer_(_Inexpressible_("varies")) LPBYTE *bufptr)</c>, LMaccess.h
    /// (learn.microsoft.com/windows/win32/api/lmaccess/nf-lmaccess-netusermodalsget). Buffer freed with NetApiBufferFree.
    /// </summary>
    [DllImport("netapi32.dll", CharSet = CharSet.Unicode, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern uint NetUserModalsGet(string? servername, uint level, out IntPtr bufptr);

    /// <summary>
    /// <c>NET_API_STATUS NET_API_FUNCTION NetUserGetInfo(_In_opt_ LPCWSTR servername, _In_ LPCWSTR username, _In_ DWORD level,
    /// _Outptr_result_buffer_(_Inexpressible_("varies")) LPBYTE *bufptr)</c>, LMaccess.h
    /// (learn.microsoft.com/windows/win32/api/lmaccess/nf-lmaccess-netusergetinfo). Buffer freed with NetApiBufferFree.
    /// </summary>
    [DllImport("netapi32.dll", CharSet = CharSet.Unicode, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern uint NetUserGetInfo(string? servername, string username, uint level, out IntPtr bufptr);

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
}
