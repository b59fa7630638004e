using System.Runtime.InteropServices;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// P/Invoke declarations for tbs.dll. Checked against reference/WINAPI.md §2.3: TBS_RESULT is a UINT32 (0 = TBS_SUCCESS,
/// errors 0x80284xxx); nothing is freed.
/// </summary>
internal static class Tbs
{
    internal const uint TbsSuccess = 0;

    /// <summary>TBS_E_TPM_NOT_FOUND (winerror.h): there is no TPM.</summary>
    internal const uint TbsETpmNotFound = 0x8028400F;

    /// <summary>TPM_DEVICE_INFO (tbs.h): four UINT32, 16 bytes; every field is output.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct TpmDeviceInfo
    {
        public uint StructVersion;
        public uint TpmVersion;
        public uint TpmInterfaceType;
        public uint TpmImpRevision;
    }

    /// <summary>
    /// <c>TBS_RESULT WINAPI Tbsi_GetDeviceInfo(UINT32 Size, PVOID Info)</c>, tbs.h; Windows 8+
    /// (learn.microsoft.com/windows/win32/api/tbs/nf-tbs-tbsi_getdeviceinfo). Size is 16.
    /// </summary>
    [DllImport("tbs.dll", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern uint Tbsi_GetDeviceInfo(uint size, out TpmDeviceInfo info);
}
