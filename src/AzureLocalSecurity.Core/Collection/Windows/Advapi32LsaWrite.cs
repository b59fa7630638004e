using System;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// advapi32.dll LSA policy and SID functions the baseline writers need (WINAPI.md §3, §5.3). Lsa* functions return
/// NTSTATUS (int, SetLastError false) and are translated with LsaNtStatusToWinError; the SID helpers return BOOL.
/// </summary>
internal static class Advapi32LsaWrite
{
    /// <summary>POLICY_VIEW_LOCAL_INFORMATION (NTSecAPI.h): LsaEnumerateAccountsWithUserRight, LsaQueryInformationPolicy class 5.</summary>
    internal const uint PolicyViewLocalInformation = 0x00000001;

    /// <summary>POLICY_CREATE_ACCOUNT (NTSecAPI.h): LsaAddAccountRights when the SID has no LSA account object yet.</summary>
    internal const uint PolicyCreateAccount = 0x00000010;

    /// <summary>POLICY_LOOKUP_NAMES (NTSecAPI.h): LsaAddAccountRights, LsaRemoveAccountRights, LsaEnumerateAccountsWithUserRight.</summary>
    internal const uint PolicyLookupNames = 0x00000800;

    /// <summary>STATUS_NO_MORE_ENTRIES (ntstatus.h): no account holds the right. Negative as an int, yet not a failure.</summary>
    internal const int StatusNoMoreEntries = unchecked((int)0x8000001A);

    /// <summary>PolicyAccountDomainInformation in POLICY_INFORMATION_CLASS (NTSecAPI.h).</summary>
    internal const int PolicyAccountDomainInformation = 5;

    /// <summary>WinAccountAdministratorSid in WELL_KNOWN_SID_TYPE (winnt.h): RID 500 of the account domain.</summary>
    internal const int WinAccountAdministratorSid = 38;

    /// <summary>WinAccountGuestSid in WELL_KNOWN_SID_TYPE (winnt.h): RID 501 of the account domain.</summary>
    internal const int WinAccountGuestSid = 39;

    /// <summary>SECURITY_MAX_SID_SIZE (winnt.h).</summary>
    internal const int SecurityMaxSidSize = 68;

    internal const int ErrorInsufficientBuffer = 122;

    /// <summary><c>LSA_UNICODE_STRING { USHORT Length; USHORT MaximumLength; PWSTR Buffer; }</c>, LsaLookup.h: lengths in bytes.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct LsaUnicodeString
    {
        public ushort Length;
        public ushort MaximumLength;
        public IntPtr Buffer;
    }

    /// <summary><c>LSA_OBJECT_ATTRIBUTES</c>, LsaLookup.h. Not used by LsaOpenPolicy: passed all zero.</summary>
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

    /// <summary><c>POLICY_ACCOUNT_DOMAIN_INFO { LSA_UNICODE_STRING DomainName; PSID DomainSid; }</c>, NTSecAPI.h. DomainSid points into the LSA buffer.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct PolicyAccountDomainInfo
    {
        public LsaUnicodeString DomainName;
        public IntPtr DomainSid;
    }

    /// <summary>An LSA policy handle, closed with LsaClose.</summary>
    internal sealed class SafeLsaPolicyHandle : SafeHandleZeroOrMinusOneIsInvalid
    {
        public SafeLsaPolicyHandle()
            : base(true)
        {
        }

        protected override bool ReleaseHandle() => LsaClose(handle) == 0;
    }

    /// <summary>
    /// <c>NTSTATUS NTAPI LsaOpenPolicy(_In_opt_ PLSA_UNICODE_STRING SystemName, _In_ PLSA_OBJECT_ATTRIBUTES ObjectAttributes,
    /// _In_ ACCESS_MASK DesiredAccess, _Out_ PLSA_HANDLE PolicyHandle)</c>, NTSecAPI.h
    /// (learn.microsoft.com/windows/win32/api/ntsecapi/nf-ntsecapi-lsaopenpolicy). SystemName NULL: the local system.
    /// </summary>
    [DllImport("advapi32.dll", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern int LsaOpenPolicy(IntPtr systemName, ref LsaObjectAttributes objectAttributes, uint desiredAccess, out SafeLsaPolicyHandle policyHandle);

    /// <summary>
    /// <c>NTSTATUS NTAPI LsaEnumerateAccountsWithUserRight(_In_ LSA_HANDLE PolicyHandle, _In_opt_ PLSA_UNICODE_STRING UserRight,
    /// _Out_ PVOID *Buffer, _Out_ PULONG CountReturned)</c>, NTSecAPI.h
    /// (learn.microsoft.com/windows/win32/api/ntsecapi/nf-ntsecapi-lsaenumerateaccountswithuserright).
    /// Buffer is an array of LSA_ENUMERATION_INFORMATION { PSID Sid; }, freed with LsaFreeMemory.
    /// </summary>
    [DllImport("advapi32.dll", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern int LsaEnumerateAccountsWithUserRight(SafeLsaPolicyHandle policyHandle, ref LsaUnicodeString userRight, out IntPtr buffer, out uint countReturned);

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
    /// <c>NTSTATUS NTAPI LsaQueryInformationPolicy(_In_ LSA_HANDLE PolicyHandle, _In_ POLICY_INFORMATION_CLASS InformationClass,
    /// _Out_ PVOID *Buffer)</c>, NTSecAPI.h (learn.microsoft.com/windows/win32/api/ntsecapi/nf-ntsecapi-lsaqueryinformationpolicy).
    /// </summary>
    [DllImport("advapi32.dll", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern int LsaQueryInformationPolicy(SafeLsaPolicyHandle policyHandle, int informationClass, out IntPtr buffer);

    /// <summary><c>NTSTATUS NTAPI LsaFreeMemory(_In_opt_ PVOID Buffer)</c>, NTSecAPI.h (…/nf-ntsecapi-lsafreememory).</summary>
    [DllImport("advapi32.dll", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern int LsaFreeMemory(IntPtr buffer);

    /// <summary><c>NTSTATUS NTAPI LsaClose(_In_ LSA_HANDLE ObjectHandle)</c>, NTSecAPI.h (…/nf-ntsecapi-lsaclose).</summary>
    [DllImport("advapi32.dll", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern int LsaClose(IntPtr objectHandle);

    /// <summary>
    /// <c>ULONG NTAPI LsaNtStatusToWinError(_In_ NTSTATUS Status)</c>, NTSecAPI.h (…/nf-ntsecapi-lsantstatustowinerror).
    /// ERROR_MR_MID_NOT_FOUND (317) when there is no mapping.
    /// </summary>
    [DllImport("advapi32.dll", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern uint LsaNtStatusToWinError(int status);

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
    /// <c>BOOL ConvertSidToStringSidW(_In_ PSID Sid, _Outptr_ LPWSTR *StringSid)</c>, sddl.h
    /// (learn.microsoft.com/windows/win32/api/sddl/nf-sddl-convertsidtostringsidw). The string is freed with LocalFree.
    /// </summary>
    [DllImport("advapi32.dll", CharSet = CharSet.Unicode, ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static extern bool ConvertSidToStringSidW(IntPtr sid, out IntPtr stringSid);

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

    /// <summary>
    /// <c>BOOL WINAPI CreateWellKnownSid(_In_ WELL_KNOWN_SID_TYPE WellKnownSidType, _In_opt_ PSID DomainSid,
    /// _Out_writes_bytes_to_opt_(*cbSid,*cbSid) PSID pSid, _Inout_ DWORD* cbSid)</c>, securitybaseapi.h
    /// (learn.microsoft.com/windows/win32/api/securitybaseapi/nf-securitybaseapi-createwellknownsid). Caller's buffer.
    /// </summary>
    [DllImport("advapi32.dll", ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static extern bool CreateWellKnownSid(int wellKnownSidType, IntPtr domainSid, [Out] byte[] pSid, ref uint cbSid);

    /// <summary>
    /// <c>BOOL WINAPI LookupAccountSidW(_In_opt_ LPCWSTR lpSystemName, _In_ PSID Sid, LPWSTR Name, _Inout_ LPDWORD cchName,
    /// LPWSTR ReferencedDomainName, _Inout_ LPDWORD cchReferencedDomainName, _Out_ PSID_NAME_USE peUse)</c>, winbase.h
    /// (learn.microsoft.com/windows/win32/api/winbase/nf-winbase-lookupaccountsidw). Called once with null buffers to
    /// learn the sizes (in characters, with the NUL; fails with 122), then with caller buffers.
    /// </summary>
    [DllImport("advapi32.dll", CharSet = CharSet.Unicode, ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static extern bool LookupAccountSidW(
        string? lpSystemName,
        byte[] sid,
        [Out] char[]? name,
        ref uint cchName,
        [Out] char[]? referencedDomainName,
        ref uint cchReferencedDomainName,
        out int peUse);
}
