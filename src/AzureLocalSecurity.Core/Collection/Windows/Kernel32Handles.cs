using System;
using System.Runtime.InteropServices;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// kernel32.dll handle and local-heap functions the baseline writers need. Kept apart from <see cref="Kernel32"/>
/// (owned by the collectors) so the two change independently; checked against reference/WINAPI.md §0 and §1.3.
/// </summary>
internal static class Kernel32Handles
{
    /// <summary>
    /// <c>HANDLE WINAPI GetCurrentProcess(void)</c>, processthreadsapi.h
    /// (learn.microsoft.com/windows/win32/api/processthreadsapi/nf-processthreadsapi-getcurrentprocess).
    /// Returns a pseudo-handle that must not be closed; cannot fail.
    /// </summary>
    [DllImport("kernel32.dll", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern IntPtr GetCurrentProcess();

    /// <summary>
    /// <c>BOOL WINAPI CloseHandle(_In_ HANDLE hObject)</c>, handleapi.h
    /// (learn.microsoft.com/windows/win32/api/handleapi/nf-handleapi-closehandle). BOOL + GetLastError.
    /// </summary>
    [DllImport("kernel32.dll", ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static extern bool CloseHandle(IntPtr hObject);

    /// <summary>
    /// <c>HLOCAL WINAPI LocalFree(_Frees_ptr_opt_ HLOCAL hMem)</c>, winbase.h
    /// (learn.microsoft.com/windows/win32/api/winbase/nf-winbase-localfree). Frees the SIDs and strings that
    /// ConvertStringSidToSidW and ConvertSidToStringSidW allocate (WINAPI.md §0.7). Returns NULL on success.
    /// </summary>
    [DllImport("kernel32.dll", ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern IntPtr LocalFree(IntPtr hMem);
}
