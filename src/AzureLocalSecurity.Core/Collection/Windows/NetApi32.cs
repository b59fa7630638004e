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
}
