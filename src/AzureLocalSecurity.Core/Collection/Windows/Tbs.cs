using System;
using System.Runtime.InteropServices;

namespace AzureLocalSecurity.Collection.Windows;

/// <summary>
/// P/Invoke declarations for tbs.dll. Checked against reference/WINAPI.md §2: every function is <c>TBS_RESULT WINAPI</c>
/// (stdcall, the DllImport default), TBS_RESULT is a UINT32 (0 = TBS_SUCCESS, errors 0x80284xxx, Appendix A), no
/// function sets the last error, TBS_HCONTEXT is a PVOID (a handle, never an integer: §0 rule 5), and nothing is freed
/// except the context, by Tbsip_Context_Close (§0 rule 7).
/// </summary>
internal static class Tbs
{
    /// <summary>TBS_SUCCESS (tbs.h).</summary>
    internal const uint TbsSuccess = 0;

    /// <summary>TBS_E_INTERNAL_ERROR (winerror.h; WINAPI.md Appendix A).</summary>
    internal const uint TbsEInternalError = 0x80284001;

    /// <summary>TBS_E_BAD_PARAMETER (winerror.h; WINAPI.md Appendix A).</summary>
    internal const uint TbsEBadParameter = 0x80284002;

    /// <summary>TBS_E_INVALID_OUTPUT_POINTER (winerror.h; WINAPI.md Appendix A).</summary>
    internal const uint TbsEInvalidOutputPointer = 0x80284003;

    /// <summary>TBS_E_INVALID_CONTEXT (winerror.h; WINAPI.md Appendix A).</summary>
    internal const uint TbsEInvalidContext = 0x80284004;

    /// <summary>TBS_E_INSUFFICIENT_BUFFER (winerror.h; WINAPI.md Appendix A): the result buffer is too small; the size needed was written back.</summary>
    internal const uint TbsEInsufficientBuffer = 0x80284005;

    /// <summary>TBS_E_IOERROR (winerror.h; WINAPI.md Appendix A).</summary>
    internal const uint TbsEIoError = 0x80284006;

    /// <summary>TBS_E_INVALID_CONTEXT_PARAM (winerror.h; WINAPI.md Appendix A).</summary>
    internal const uint TbsEInvalidContextParam = 0x80284007;

    /// <summary>TBS_E_SERVICE_NOT_RUNNING (winerror.h; WINAPI.md Appendix A).</summary>
    internal const uint TbsEServiceNotRunning = 0x80284008;

    /// <summary>TBS_E_TOO_MANY_TBS_CONTEXTS (winerror.h; WINAPI.md Appendix A).</summary>
    internal const uint TbsETooManyTbsContexts = 0x80284009;

    /// <summary>TBS_E_TOO_MANY_RESOURCES (winerror.h; WINAPI.md Appendix A).</summary>
    internal const uint TbsETooManyResources = 0x8028400A;

    /// <summary>TBS_E_SERVICE_START_PENDING (winerror.h; WINAPI.md Appendix A).</summary>
    internal const uint TbsEServiceStartPending = 0x8028400B;

    /// <summary>TBS_E_PPI_NOT_SUPPORTED (winerror.h; WINAPI.md Appendix A).</summary>
    internal const uint TbsEPpiNotSupported = 0x8028400C;

    /// <summary>TBS_E_COMMAND_CANCELED (winerror.h; WINAPI.md Appendix A).</summary>
    internal const uint TbsECommandCanceled = 0x8028400D;

    /// <summary>TBS_E_BUFFER_TOO_LARGE (winerror.h; WINAPI.md Appendix A).</summary>
    internal const uint TbsEBufferTooLarge = 0x8028400E;

    /// <summary>TBS_E_TPM_NOT_FOUND (winerror.h): there is no TPM (of the versions asked for: WINAPI.md §2.1).</summary>
    internal const uint TbsETpmNotFound = 0x8028400F;

    /// <summary>TBS_E_SERVICE_DISABLED (winerror.h; WINAPI.md Appendix A).</summary>
    internal const uint TbsEServiceDisabled = 0x80284010;

    /// <summary>TBS_E_NO_EVENT_LOG (winerror.h; WINAPI.md Appendix A).</summary>
    internal const uint TbsENoEventLog = 0x80284011;

    /// <summary>TBS_E_ACCESS_DENIED (winerror.h; WINAPI.md Appendix A).</summary>
    internal const uint TbsEAccessDenied = 0x80284012;

    /// <summary>TBS_E_PROVISIONING_NOT_ALLOWED (winerror.h; WINAPI.md Appendix A).</summary>
    internal const uint TbsEProvisioningNotAllowed = 0x80284013;

    /// <summary>TBS_E_PPI_FUNCTION_UNSUPPORTED (winerror.h; WINAPI.md Appendix A).</summary>
    internal const uint TbsEPpiFunctionUnsupported = 0x80284014;

    /// <summary>TBS_E_OWNERAUTH_NOT_FOUND (winerror.h; WINAPI.md Appendix A).</summary>
    internal const uint TbsEOwnerAuthNotFound = 0x80284015;

    /// <summary>TBS_E_PROVISIONING_INCOMPLETE (winerror.h; WINAPI.md Appendix A).</summary>
    internal const uint TbsEProvisioningIncomplete = 0x80284016;

    /// <summary>TBS_E_TPM_IN_EXCLUSIVE_MODE (winerror.h; WINAPI.md Appendix A).</summary>
    internal const uint TbsETpmInExclusiveMode = 0x80284017;

    /// <summary>TBS_E_TPM_REBOOT_REQUIRED (winerror.h; WINAPI.md Appendix A).</summary>
    internal const uint TbsETpmRebootRequired = 0x80284018;

    /// <summary>TPM_E_COMMAND_BLOCKED (winerror.h; WINAPI.md §2.2 mistake 3 and Appendix A): Windows blocks this command.</summary>
    internal const uint TpmECommandBlocked = 0x80280400;

    /// <summary>TBS_CONTEXT_VERSION_TWO (tbs.h; WINAPI.md §2.1): the version of <see cref="TbsContextParams2"/>, numerically TPM_VERSION_20.</summary>
    internal const uint TbsContextVersionTwo = 2;

    /// <summary>
    /// The includeTpm20 bit of TBS_CONTEXT_PARAMS2's flags (tbs.h bit field, third from the LSB in MSVC: WINAPI.md §2.1).
    /// requestRaw is 0x1 and includeTpm12 0x2; neither is set: this client speaks TPM 2.0 only.
    /// </summary>
    internal const uint TbsContextIncludeTpm20 = 0x4;

    /// <summary>TBS_COMMAND_LOCALITY_ZERO (tbs.h; WINAPI.md §2.2): the only locality TBS supports.</summary>
    internal const uint TbsCommandLocalityZero = 0;

    /// <summary>TBS_COMMAND_PRIORITY_NORMAL (tbs.h; WINAPI.md §2.2).</summary>
    internal const uint TbsCommandPriorityNormal = 200;

    /// <summary>TBS_IN_OUT_BUF_SIZE_MAX (tbs.h; WINAPI.md §2.2): 256 KiB, the largest command or result buffer TBS takes.</summary>
    internal const uint TbsInOutBufSizeMax = 256 * 1024;

    /// <summary>
    /// TBS_CONTEXT_PARAMS2 (tbs.h; WINAPI.md §2.1): a UINT32 version, then a union of three one-bit fields with a UINT32;
    /// 8 bytes (§0 rule 8). The bit fields are one <see cref="uint"/> here, never three bools (§2.1 mistake 2).
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct TbsContextParams2
    {
        public uint Version;
        public uint Flags;
    }

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

    /// <summary>
    /// <c>TBS_RESULT WINAPI Tbsi_Context_Create(_In_ PCTBS_CONTEXT_PARAMS pContextParams, _Out_ PTBS_HCONTEXT phContext)</c>,
    /// tbs.h; WINAPI.md §2.1 (learn.microsoft.com/windows/win32/api/tbs/nf-tbs-tbsi_context_create). Pass a
    /// <see cref="TbsContextParams2"/> with version 2 and includeTpm20 (§2.1 mistakes 1 and 4). The context comes back as
    /// a SafeHandle (pointer-sized, §2.1 mistake 3), so it is owned from the moment the call returns; on a failure result
    /// the caller marks it invalid rather than trust whatever the slot holds.
    /// </summary>
    [DllImport("tbs.dll", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern uint Tbsi_Context_Create(ref TbsContextParams2 contextParams, out SafeTbsContextHandle context);

    /// <summary>
    /// <c>TBS_RESULT WINAPI Tbsip_Submit_Command(_In_ TBS_HCONTEXT hContext, _In_ TBS_COMMAND_LOCALITY Locality,
    /// _In_ TBS_COMMAND_PRIORITY Priority, _In_reads_bytes_(cbCommand) PCBYTE pabCommand, _In_ UINT32 cbCommand,
    /// _Out_writes_bytes_(*pcbResult) PBYTE pabResult, _Inout_ PUINT32 pcbResult)</c>, tbs.h; WINAPI.md §2.2
    /// (learn.microsoft.com/windows/win32/api/tbs/nf-tbs-tbsip_submit_command). Locality and priority are UINT32 enums.
    /// The byte arrays are blittable and pinned for the call. <paramref name="resultSize"/> goes in as the buffer's size
    /// and comes back as the bytes written, or, with TBS_E_INSUFFICIENT_BUFFER, as the size needed. TBS_SUCCESS says only
    /// that the command was carried: the TPM's own response code is in the result (§2.2 mistake 1).
    /// </summary>
    [DllImport("tbs.dll", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern uint Tbsip_Submit_Command(SafeTbsContextHandle context, uint locality, uint priority, [In] byte[] command, uint commandSize, [Out] byte[] result, ref uint resultSize);

    /// <summary>
    /// <c>TBS_RESULT WINAPI Tbsip_Context_Close(_In_ TBS_HCONTEXT hContext)</c>, tbs.h; WINAPI.md §2.2
    /// (learn.microsoft.com/windows/win32/api/tbs/nf-tbs-tbsip_context_close). Called only by
    /// <see cref="SafeTbsContextHandle"/>, with the raw handle it owns.
    /// </summary>
    [DllImport("tbs.dll", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern uint Tbsip_Context_Close(IntPtr context);

    /// <summary>TBS_TCGLOG_SRTM_CURRENT (tbs.h): the static-root log of the current boot.</summary>
    internal const uint TcgLogSrtmCurrent = 0;

    /// <summary>TBS_TCGLOG_DRTM_CURRENT (tbs.h): the dynamic-root log of the current boot.</summary>
    internal const uint TcgLogDrtmCurrent = 1;

    /// <summary>
    /// <c>TBS_RESULT WINAPI Tbsi_Get_TCG_Log_Ex(_In_ UINT32 logType, _Out_writes_bytes_opt_(*pcbOutput) PBYTE pbOutput,
    /// _Inout_ PUINT32 pcbOutput)</c>, tbs.h:287; Windows 10 1803+; WINAPI.md §2.4
    /// (learn.microsoft.com/windows/win32/api/tbs/nf-tbs-tbsi_get_tcg_log_ex). No context. The size probe passes null
    /// (marshalled as NULL) with 0 and accepts TBS_SUCCESS or TBS_E_INSUFFICIENT_BUFFER (§2.4); the byte array is
    /// blittable and pinned for the call; nothing is freed.
    /// </summary>
    [DllImport("tbs.dll", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    internal static extern uint Tbsi_Get_TCG_Log_Ex(uint logType, [Out] byte[]? output, ref uint outputSize);
}
