using System.Runtime.InteropServices;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// P/Invoke declarations for ntdll.dll. Checked against reference/WINAPI.md §6: NtQuerySystemInformation returns NTSTATUS
/// and does not set the last error; the caller owns the buffer.
/// </summary>
internal static class NtDll
{
    /// <summary>SystemCodeIntegrityInformation (winternl.h SYSTEM_INFORMATION_CLASS).</summary>
    internal const int SystemCodeIntegrityInformation = 103;

    /// <summary>SystemIsolatedUserModeInformation (phnt ntexapi.h; not in the SDK).</summary>
    internal const int SystemIsolatedUserModeInformation = 165;

    /// <summary>SystemDmaGuardPolicyInformation (phnt ntexapi.h; not in the SDK).</summary>
    internal const int SystemDmaGuardPolicyInformation = 202;

    /// <summary>STATUS_INVALID_INFO_CLASS (ntstatus.h): this build has no such class.</summary>
    internal const int StatusInvalidInfoClass = unchecked((int)0xC0000003);

    /// <summary>STATUS_NOT_IMPLEMENTED (ntstatus.h).</summary>
    internal const int StatusNotImplemented = unchecked((int)0xC0000002);

    /// <summary>SYSTEM_CODEINTEGRITY_INFORMATION (winternl.h): Length must be set to 8 before the call.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct SystemCodeIntegrityInfo
    {
        public uint Length;
        public uint CodeIntegrityOptions;
    }

    /// <summary>SYSTEM_DMA_GUARD_POLICY_INFORMATION (phnt): one BOOLEAN byte.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct SystemDmaGuardPolicyInfo
    {
        public byte DmaGuardPolicyEnabled;
    }

    /// <summary>SYSTEM_ISOLATED_USER_MODE_INFORMATION (phnt): two bytes of bit flags, then padding and a ULONGLONG; 16 bytes.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 16)]
    internal struct SystemIsolatedUserModeInfo
    {
        [FieldOffset(0)]
        public byte Flags0;

        [FieldOffset(1)]
        public byte Flags1;

        [FieldOffset(8)]
        public ulong Spare1;
    }

    /// <summary>
    /// <c>NTSTATUS NtQuerySystemInformation(SYSTEM_INFORMATION_CLASS SystemInformationClass, PVOID SystemInformation,
    /// ULONG SystemInformationLength, PULONG ReturnLength)</c>, winternl.h
    /// (learn.microsoft.com/windows/win32/api/winternl/nf-winternl-ntquerysysteminformation), for class 103.
    /// </summary>
    [DllImport("ntdll.dll", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern int NtQuerySystemInformation(int systemInformationClass, ref SystemCodeIntegrityInfo systemInformation, uint systemInformationLength, out uint returnLength);

    /// <summary>The same, for class 202 (1-byte buffer).</summary>
    [DllImport("ntdll.dll", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern int NtQuerySystemInformation(int systemInformationClass, out SystemDmaGuardPolicyInfo systemInformation, uint systemInformationLength, out uint returnLength);

    /// <summary>The same, for class 165 (16-byte buffer).</summary>
    [DllImport("ntdll.dll", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern int NtQuerySystemInformation(int systemInformationClass, out SystemIsolatedUserModeInfo systemInformation, uint systemInformationLength, out uint returnLength);
}
