using System;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// advapi32.dll token-privilege functions (WINAPI.md §1.3): BOOL returns with SetLastError, TOKEN_PRIVILEGES packed
/// to 4 bytes so the LUID sits at offset 4 (16 bytes for one entry, as in winnt.h inside pshpack4.h).
/// </summary>
internal static class Advapi32Token
{
    internal const uint TokenQuery = 0x0008;
    internal const uint TokenAdjustPrivileges = 0x0020;
    internal const uint SePrivilegeEnabled = 0x00000002;
    internal const int ErrorNotAllAssigned = 1300;

    /// <summary><c>LUID</c>, winnt.h: <c>{ DWORD LowPart; LONG HighPart; }</c>, 8 bytes.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct Luid
    {
        public uint LowPart;
        public int HighPart;
    }

    /// <summary><c>LUID_AND_ATTRIBUTES</c>, winnt.h (pshpack4.h): 12 bytes.</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    internal struct LuidAndAttributes
    {
        public Luid Luid;
        public uint Attributes;
    }

    /// <summary><c>TOKEN_PRIVILEGES</c> with exactly one entry, winnt.h (pshpack4.h): 16 bytes, the LUID at offset 4.</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    internal struct TokenPrivileges1
    {
        public uint PrivilegeCount;
        public LuidAndAttributes Privilege;
    }

    /// <summary>A token handle, closed with CloseHandle.</summary>
    internal sealed class SafeTokenHandle : SafeHandleZeroOrMinusOneIsInvalid
    {
        public SafeTokenHandle()
            : base(true)
        {
        }

        protected override bool ReleaseHandle() => Kernel32.CloseHandle(handle);
    }

    /// <summary>
    /// <c>BOOL WINAPI OpenProcessToken(_In_ HANDLE ProcessHandle, _In_ DWORD DesiredAccess, _Outptr_ PHANDLE TokenHandle)</c>,
    /// processthreadsapi.h (learn.microsoft.com/windows/win32/api/processthreadsapi/nf-processthreadsapi-openprocesstoken).
    /// </summary>
    [DllImport("advapi32.dll", ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static extern bool OpenProcessToken(IntPtr processHandle, uint desiredAccess, out SafeTokenHandle tokenHandle);

    /// <summary>
    /// <c>BOOL WINAPI LookupPrivilegeValueW(_In_opt_ LPCWSTR lpSystemName, _In_ LPCWSTR lpName, _Out_ PLUID lpLuid)</c>,
    /// winbase.h (learn.microsoft.com/windows/win32/api/winbase/nf-winbase-lookupprivilegevaluew).
    /// </summary>
    [DllImport("advapi32.dll", CharSet = CharSet.Unicode, ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static extern bool LookupPrivilegeValueW(string? lpSystemName, string lpName, out Luid lpLuid);

    /// <summary>
    /// <c>BOOL WINAPI AdjustTokenPrivileges(HANDLE TokenHandle, BOOL DisableAllPrivileges, PTOKEN_PRIVILEGES NewState,
    /// DWORD BufferLength, PTOKEN_PRIVILEGES PreviousState, PDWORD ReturnLength)</c>, securitybaseapi.h
    /// (learn.microsoft.com/windows/win32/api/securitybaseapi/nf-securitybaseapi-adjusttokenprivileges).
    /// TRUE does not mean the privilege was enabled: GetLastError is ERROR_NOT_ALL_ASSIGNED (1300) when the token
    /// does not hold it. PreviousState needs TOKEN_QUERY.
    /// </summary>
    [DllImport("advapi32.dll", ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static extern bool AdjustTokenPrivileges(
        SafeTokenHandle tokenHandle,
        [MarshalAs(UnmanagedType.Bool)] bool disableAllPrivileges,
        ref TokenPrivileges1 newState,
        uint bufferLength,
        out TokenPrivileges1 previousState,
        out uint returnLength);

    /// <summary>The same function without a previous state (BufferLength 0, PreviousState and ReturnLength NULL), used to restore.</summary>
    [DllImport("advapi32.dll", ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static extern bool AdjustTokenPrivileges(
        SafeTokenHandle tokenHandle,
        [MarshalAs(UnmanagedType.Bool)] bool disableAllPrivileges,
        ref TokenPrivileges1 newState,
        uint bufferLength,
        IntPtr previousState,
        IntPtr returnLength);
}
