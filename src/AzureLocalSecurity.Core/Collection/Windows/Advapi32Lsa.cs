using System;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// P/Invoke declarations for the LSA policy and SID functions of advapi32.dll. Checked against reference/WINAPI.md §3 and §5.3.
/// The Lsa* functions return NTSTATUS (int) and do not set the last error; the SID functions are BOOL + GetLastError.
/// </summary>
internal static class Advapi32Lsa
{
    /// <summary>POLICY_VIEW_LOCAL_INFORMATION | POLICY_LOOKUP_NAMES (NTSecAPI.h): enough to enumerate rights and read the account domain.</summary>
    internal const uint PolicyReadAccess = 0x00000001 | 0x00000800;

    /// <summary>PolicyAccountDomainInformation in POLICY_INFORMATION_CLASS (NTSecAPI.h; the enum starts at 1).</summary>
    internal const int PolicyAccountDomainInformation = 5;

    /// <summary>
    /// PolicyPrimaryDomainInformation in POLICY_INFORMATION_CLASS (NTSecAPI.h): POLICY_PRIMARY_DOMAIN_INFO, an LSA_UNICODE_STRING
    /// name then a PSID (null in a workgroup), the same layout as <see cref="PolicyAccountDomainInfo"/>.
    /// </summary>
    internal const int PolicyPrimaryDomainInformation = 3;

    /// <summary>STATUS_NO_MORE_ENTRIES (ntstatus.h): no account holds the right. Negative as an int, so it is tested for explicitly.</summary>
    internal const int StatusNoMoreEntries = unchecked((int)0x8000001A);

    /// <summary>STATUS_ACCESS_DENIED (ntstatus.h).</summary>
    internal const int StatusAccessDenied = unchecked((int)0xC0000022);

    /// <summary>STATUS_NO_SUCH_PRIVILEGE (ntstatus.h): the name is not a right this system knows.</summary>
    internal const int StatusNoSuchPrivilege = unchecked((int)0xC0000060);

    /// <summary>WinAccountAdministratorSid in WELL_KNOWN_SID_TYPE (winnt.h).</summary>
    internal const int WinAccountAdministratorSid = 38;

    /// <summary>WinAccountGuestSid in WELL_KNOWN_SID_TYPE (winnt.h).</summary>
    internal const int WinAccountGuestSid = 39;

    /// <summary>SECURITY_MAX_SID_SIZE (winnt.h).</summary>
    internal const int SecurityMaxSidSize = 68;

    /// <summary>LSA_UNICODE_STRING (LsaLookup.h): lengths in bytes, the buffer not necessarily NUL-terminated.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct LsaUnicodeString
    {
        public ushort Length;
        public ushort MaximumLength;
        public IntPtr Buffer;
    }

    /// <summary>LSA_OBJECT_ATTRIBUTES (LsaLookup.h): unused by LsaOpenPolicy, passed all zero.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct LsaObjectAttributes
    {
        public uint Length;
        public IntPtr RootDirectory;
        public IntPtr ObjectName;
        public uint Attributes;
        public IntPtr SecurityDescriptor;
        public IntPtr SecurityQualityOfService;
    }

    /// <summary>POLICY_ACCOUNT_DOMAIN_INFO (NTSecAPI.h): DomainSid points into the LSA buffer.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct PolicyAccountDomainInfo
    {
        public LsaUnicodeString DomainName;
        public IntPtr DomainSid;
    }

    /// <summary>
    /// <c>NTSTATUS LsaOpenPolicy(PLSA_UNICODE_STRING SystemName, PLSA_OBJECT_ATTRIBUTES ObjectAttributes, ACCESS_MASK DesiredAccess, PLSA_HANDLE PolicyHandle)</c>,
    /// NTSecAPI.h (learn.microsoft.com/windows/win32/api/ntsecapi/nf-ntsecapi-lsaopenpolicy). SystemName is IntPtr.Zero for the
    /// local system (it is a PLSA_UNICODE_STRING, never a string).
    /// </summary>
    [DllImport("advapi32.dll", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern int LsaOpenPolicy(IntPtr systemName, ref LsaObjectAttributes objectAttributes, uint desiredAccess, out SafeLsaPolicyHandle policyHandle);

    /// <summary>
    /// <c>NTSTATUS LsaEnumerateAccountsWithUserRight(LSA_HANDLE PolicyHandle, PLSA_UNICODE_STRING UserRight, PVOID *Buffer, PULONG CountReturned)</c>,
    /// NTSecAPI.h (learn.microsoft.com/windows/win32/api/ntsecapi/nf-ntsecapi-lsaenumerateaccountswithuserright). The buffer is an
    /// array of PSID freed with <see cref="LsaFreeMemory"/>; STATUS_NO_MORE_ENTRIES means no account holds the right.
    /// </summary>
    [DllImport("advapi32.dll", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern int LsaEnumerateAccountsWithUserRight(SafeLsaPolicyHandle policyHandle, ref LsaUnicodeString userRight, out IntPtr buffer, out uint countReturned);

    /// <summary>
    /// <c>NTSTATUS LsaQueryInformationPolicy(LSA_HANDLE PolicyHandle, POLICY_INFORMATION_CLASS InformationClass, PVOID *Buffer)</c>,
    /// NTSecAPI.h (learn.microsoft.com/windows/win32/api/ntsecapi/nf-ntsecapi-lsaqueryinformationpolicy). Freed with <see cref="LsaFreeMemory"/>.
    /// </summary>
    [DllImport("advapi32.dll", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern int LsaQueryInformationPolicy(SafeLsaPolicyHandle policyHandle, int informationClass, out IntPtr buffer);

    /// <summary><c>NTSTATUS LsaFreeMemory(PVOID Buffer)</c>, NTSecAPI.h (learn.microsoft.com/windows/win32/api/ntsecapi/nf-ntsecapi-lsafreememory).</summary>
    [DllImport("advapi32.dll", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern int LsaFreeMemory(IntPtr buffer);

    /// <summary><c>NTSTATUS LsaClose(LSA_HANDLE ObjectHandle)</c>, NTSecAPI.h (learn.microsoft.com/windows/win32/api/ntsecapi/nf-ntsecapi-lsaclose).</summary>
    [DllImport("advapi32.dll", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern int LsaClose(IntPtr objectHandle);

    /// <summary><c>ULONG LsaNtStatusToWinError(NTSTATUS Status)</c>, NTSecAPI.h (learn.microsoft.com/windows/win32/api/ntsecapi/nf-ntsecapi-lsantstatustowinerror).</summary>
    [DllImport("advapi32.dll", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern uint LsaNtStatusToWinError(int status);

    /// <summary>
    /// <c>BOOL ConvertSidToStringSidW(PSID Sid, LPWSTR *StringSid)</c>, sddl.h
    /// (learn.microsoft.com/windows/win32/api/sddl/nf-sddl-convertsidtostringsidw). The string is freed with Kernel32.LocalFree,
    /// so it is an IntPtr, never an out string.
    /// </summary>
    [DllImport("advapi32.dll", CharSet = CharSet.Unicode, ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static extern bool ConvertSidToStringSidW(IntPtr sid, out IntPtr stringSid);

    /// <summary>The same, for a SID held in a managed buffer.</summary>
    [DllImport("advapi32.dll", CharSet = CharSet.Unicode, ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static extern bool ConvertSidToStringSidW(byte[] sid, out IntPtr stringSid);

    /// <summary>
    /// <c>BOOL CreateWellKnownSid(WELL_KNOWN_SID_TYPE WellKnownSidType, PSID DomainSid, PSID pSid, DWORD *cbSid)</c>, securitybaseapi.h
    /// (learn.microsoft.com/windows/win32/api/securitybaseapi/nf-securitybaseapi-createwellknownsid). Writes into the caller's buffer.
    /// </summary>
    [DllImport("advapi32.dll", ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static extern bool CreateWellKnownSid(int wellKnownSidType, IntPtr domainSid, [Out] byte[] sid, ref uint cbSid);

    /// <summary>
    /// <c>BOOL LookupAccountSidW(LPCWSTR lpSystemName, PSID Sid, LPWSTR Name, LPDWORD cchName, LPWSTR ReferencedDomainName,
    /// LPDWORD cchReferencedDomainName, PSID_NAME_USE peUse)</c>, winbase.h
    /// (learn.microsoft.com/windows/win32/api/winbase/nf-winbase-lookupaccountsidw). Called once with null buffers to learn the sizes
    /// (ERROR_INSUFFICIENT_BUFFER, counts in characters including the NUL), then with buffers of that size. The buffers are
    /// char[] rather than WINAPI.md's StringBuilder: the same LPWSTR under CharSet.Unicode, pinned instead of copied (CA1838).
    /// </summary>
    [DllImport("advapi32.dll", CharSet = CharSet.Unicode, ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static extern bool LookupAccountSidW(string? systemName, byte[] sid, [Out] char[]? name, ref uint cchName, [Out] char[]? referencedDomainName, ref uint cchReferencedDomainName, out int use);

    /// <summary>POLICY_VIEW_LOCAL_INFORMATION (NTSecAPI.h): LsaEnumerateAccountsWithUserRight, LsaQueryInformationPolicy class 5.</summary>
    internal const uint PolicyViewLocalInformation = 0x00000001;

    /// <summary>POLICY_CREATE_ACCOUNT (NTSecAPI.h): LsaAddAccountRights when the SID has no LSA account object yet.</summary>
    internal const uint PolicyCreateAccount = 0x00000010;

    /// <summary>POLICY_LOOKUP_NAMES (NTSecAPI.h): LsaAddAccountRights, LsaRemoveAccountRights, LsaEnumerateAccountsWithUserRight.</summary>
    internal const uint PolicyLookupNames = 0x00000800;

    /// <summary>ERROR_INSUFFICIENT_BUFFER (winerror.h): LookupAccountSidW's "here are the sizes" answer.</summary>
    internal const int ErrorInsufficientBuffer = 122;

    /// <summary>
    /// <c>NTSTATUS NTAPI LsaAddAccountRights(_In_ LSA_HANDLE PolicyHandle, _In_ PSID AccountSid,
    /// _In_reads_(CountOfRights) PLSA_UNICODE_STRING UserRights, _In_ ULONG CountOfRights)</c>, NTSecAPI.h
    /// (learn.microsoft.com/windows/win32/api/ntsecapi/nf-ntsecapi-lsaaddaccountrights). Rights already held are ignored.
    /// The SID is a byte array holding a binary SID (pinned, passed as PSID).
    /// </summary>
    [DllImport("advapi32.dll", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern int LsaAddAccountRights(SafeLsaPolicyHandle policyHandle, byte[] accountSid, [In] LsaUnicodeString[] userRights, uint countOfRights);

    /// <summary>
    /// <c>NTSTATUS NTAPI LsaRemoveAccountRights(_In_ LSA_HANDLE PolicyHandle, _In_ PSID AccountSid, _In_ BOOLEAN AllRights,
    /// _In_reads_opt_(CountOfRights) PLSA_UNICODE_STRING UserRights, _In_ ULONG CountOfRights)</c>, NTSecAPI.h
    /// (learn.microsoft.com/windows/win32/api/ntsecapi/nf-ntsecapi-lsaremoveaccountrights). AllRights is a one-byte
    /// BOOLEAN; always FALSE here (TRUE would delete the account object and every other right it holds).
    /// </summary>
    [DllImport("advapi32.dll", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern int LsaRemoveAccountRights(
        SafeLsaPolicyHandle policyHandle,
        byte[] accountSid,
        [MarshalAs(UnmanagedType.U1)] bool allRights,
        [In] LsaUnicodeString[] userRights,
        uint countOfRights);

    /// <summary>
    /// <c>BOOL ConvertStringSidToSidW(_In_ LPCWSTR StringSid, _Outptr_ PSID *Sid)</c>, sddl.h
    /// (learn.microsoft.com/windows/win32/api/sddl/nf-sddl-convertstringsidtosidw). The SID is freed with LocalFree,
    /// so it is an IntPtr (WINAPI.md §0.7).
    /// </summary>
    [DllImport("advapi32.dll", CharSet = CharSet.Unicode, ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static extern bool ConvertStringSidToSidW(string stringSid, out IntPtr sid);

    /// <summary>
    /// <c>BOOL IsValidSid(_In_ PSID pSid)</c>, securitybaseapi.h (…/nf-securitybaseapi-isvalidsid). Checked before
    /// GetLengthSid, whose result is undefined for an invalid SID.
    /// </summary>
    [DllImport("advapi32.dll", ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static extern bool IsValidSid(IntPtr pSid);

    /// <summary><c>DWORD GetLengthSid(_In_ PSID pSid)</c>, securitybaseapi.h (…/nf-securitybaseapi-getlengthsid).</summary>
    [DllImport("advapi32.dll", ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern uint GetLengthSid(IntPtr pSid);
}

/// <summary>An LSA policy handle, closed with LsaClose (WINAPI.md §3.4).</summary>
internal sealed class SafeLsaPolicyHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafeLsaPolicyHandle()
        : base(true)
    {
    }

    protected override bool ReleaseHandle() => Advapi32Lsa.LsaClose(handle) == 0;
}
