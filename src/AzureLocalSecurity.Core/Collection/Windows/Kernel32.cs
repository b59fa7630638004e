using System;
using System.Runtime.InteropServices;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>P/Invoke declarations for kernel32.dll. Checked against reference/WINAPI.md.</summary>
internal static class Kernel32
{
    /// <summary>FIRMWARE_TYPE (winnt.h): a 4-byte C enum.</summary>
    internal enum FirmwareType
    {
        Unknown = 0,
        Bios = 1,
        Uefi = 2,
        Max = 3,
    }

    /// <summary>
    /// <c>BOOL WINAPI GetFirmwareType(_Inout_ PFIRMWARE_TYPE FirmwareType)</c>, WinBase.h; Windows 8+
    /// (learn.microsoft.com/windows/win32/api/winbase/nf-winbase-getfirmwaretype; WINAPI.md §1.2).
    /// BOOL return, failure via GetLastError; no privilege, nothing to free.
    /// </summary>
    [DllImport("kernel32.dll", ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static extern bool GetFirmwareType(ref FirmwareType firmwareType);

    /// <summary>ERROR_INVALID_FUNCTION (1): GetFirmwareEnvironmentVariableExW on a legacy-BIOS boot (WINAPI.md §1.1).</summary>
    internal const int ErrorInvalidFunction = 1;

    /// <summary>ERROR_INSUFFICIENT_BUFFER (122): the variable is larger than the buffer (WINAPI.md §1.1).</summary>
    internal const int ErrorInsufficientBuffer = 122;

    /// <summary>ERROR_ENVVAR_NOT_FOUND (203): the firmware has no such variable (WINAPI.md §1.1).</summary>
    internal const int ErrorEnvvarNotFound = 203;

    /// <summary>ERROR_PRIVILEGE_NOT_HELD (1314): SeSystemEnvironmentPrivilege is not enabled (WINAPI.md §1.1).</summary>
    internal const int ErrorPrivilegeNotHeld = 1314;

    /// <summary>
    /// <c>DWORD WINAPI GetFirmwareEnvironmentVariableExW(LPCWSTR lpName, LPCWSTR lpGuid, PVOID pBuffer, DWORD nSize,
    /// PDWORD pdwAttribubutes)</c>, WinBase.h; Windows 8+ (learn.microsoft.com/windows/win32/api/winbase/
    /// nf-winbase-getfirmwareenvironmentvariableexw; WINAPI.md §1.1). Returns the bytes written, 0 on failure with
    /// GetLastError; nSize by value; the GUID with braces; needs SeSystemEnvironmentPrivilege enabled; nothing to free.
    /// </summary>
    [DllImport("kernel32.dll", CharSet = CharSet.Unicode, ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern uint GetFirmwareEnvironmentVariableExW(string lpName, string lpGuid, [Out] byte[] pBuffer, uint nSize, out uint pdwAttribubutes);

    /// <summary>
    /// <c>HANDLE WINAPI GetCurrentProcess(void)</c>, processthreadsapi.h
    /// (learn.microsoft.com/windows/win32/api/processthreadsapi/nf-processthreadsapi-getcurrentprocess; WINAPI.md §1.3).
    /// A pseudo-handle: never closed.
    /// </summary>
    [DllImport("kernel32.dll", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern IntPtr GetCurrentProcess();

    /// <summary>
    /// <c>BOOL WINAPI CloseHandle(HANDLE hObject)</c>, handleapi.h
    /// (learn.microsoft.com/windows/win32/api/handleapi/nf-handleapi-closehandle; WINAPI.md §1.3).
    /// </summary>
    [DllImport("kernel32.dll", ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static extern bool CloseHandle(IntPtr hObject);

    /// <summary>
    /// <c>HLOCAL WINAPI LocalFree(HLOCAL hMem)</c>, winbase.h
    /// (learn.microsoft.com/windows/win32/api/winbase/nf-winbase-localfree; WINAPI.md §5.3): frees the string
    /// ConvertSidToStringSidW returns. NULL on success.
    /// </summary>
    [DllImport("kernel32.dll", ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern IntPtr LocalFree(IntPtr hMem);
}
