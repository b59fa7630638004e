using System;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// P/Invoke declarations for token privileges in advapi32.dll (BOOL + GetLastError). Checked against reference/WINAPI.md §1.3:
/// TOKEN_PRIVILEGES with one entry is 16 bytes with the LUID at offset 4 (Pack = 4), and a successful AdjustTokenPrivileges
/// still means "not assigned" when the last error is ERROR_NOT_ALL_ASSIGNED.
/// </summary>
internal static class Advapi32Token
{
    internal const uint TokenAdjustPrivileges = 0x0020;
    internal const uint TokenQuery = 0x0008;
    internal const uint SePrivilegeEnabled = 0x00000002;
    internal const int ErrorNotAllAssigned = 1300;

    /// <summary>LUID (winnt.h).</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct Luid
    {
        public uint LowPart;
        public int HighPart;
    }

    /// <summary>LUID_AND_ATTRIBUTES (winnt.h, inside pshpack4.h).</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    internal struct LuidAndAttributes
    {
        public Luid Luid;
        public uint Attributes;
    }

    /// <summary>TOKEN_PRIVILEGES with exactly one privilege (winnt.h): 16 bytes.</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    internal struct TokenPrivileges1
    {
        public uint PrivilegeCount;
        public LuidAndAttributes Privilege;
    }

    /// <summary>
    /// <c>BOOL OpenProcessToken(HANDLE ProcessHandle, DWORD DesiredAccess, PHANDLE TokenHandle)</c>, processthreadsapi.h
    /// (learn.microsoft.com/windows/win32/api/processthreadsapi/nf-processthreadsapi-openprocesstoken).
    /// </summary>
    [DllImport("advapi32.dll", ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static extern bool OpenProcessToken(IntPtr processHandle, uint desiredAccess, out SafeTokenHandle tokenHandle);

    /// <summary>
    /// <c>BOOL LookupPrivilegeValueW(LPCWSTR lpSystemName, LPCWSTR lpName, PLUID lpLuid)</c>, winbase.h
    /// (learn.microsoft.com/windows/win32/api/winbase/nf-winbase-lookupprivilegevaluew).
    /// </summary>
    [DllImport("advapi32.dll", CharSet = CharSet.Unicode, ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static extern bool LookupPrivilegeValueW(string? systemName, string name, out Luid luid);

    /// <summary>
    /// <c>BOOL AdjustTokenPrivileges(HANDLE TokenHandle, BOOL DisableAllPrivileges, PTOKEN_PRIVILEGES NewState, DWORD BufferLength,
    /// PTOKEN_PRIVILEGES PreviousState, PDWORD ReturnLength)</c>, securitybaseapi.h
    /// (learn.microsoft.com/windows/win32/api/securitybaseapi/nf-securitybaseapi-adjusttokenprivileges). This form keeps the previous state.
    /// </summary>
    [DllImport("advapi32.dll", ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static extern bool AdjustTokenPrivileges(SafeTokenHandle tokenHandle, [MarshalAs(UnmanagedType.Bool)] bool disableAllPrivileges, ref TokenPrivileges1 newState, uint bufferLength, out TokenPrivileges1 previousState, out uint returnLength);

    /// <summary>The same without a previous state (BufferLength 0), to restore one.</summary>
    [DllImport("advapi32.dll", ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static extern bool AdjustTokenPrivileges(SafeTokenHandle tokenHandle, [MarshalAs(UnmanagedType.Bool)] bool disableAllPrivileges, ref TokenPrivileges1 newState, uint bufferLength, IntPtr previousState, IntPtr returnLength);
}

/// <summary>A token handle, closed with CloseHandle (WINAPI.md §1.3).</summary>
internal sealed class SafeTokenHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafeTokenHandle()
        : base(true)
    {
    }

    protected override bool ReleaseHandle() => Kernel32.CloseHandle(handle);
}
