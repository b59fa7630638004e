namespace AzureLocalSecurity.Evidence;

/// <summary>
/// The stable ids of the measured-boot facts: the TCG event logs of the current boot, kept as the bytes the operating
/// system gave (Windows' Tbsi_Get_TCG_Log_Ex, Linux's securityfs), parsed only when a bundle is read.
/// </summary>
public static class MeasuredBootEvidenceIds
{
    /// <summary>
    /// The static-root (SRTM) log of the current boot, a blob: Windows <c>Tbsi_Get_TCG_Log_Ex(TBS_TCGLOG_SRTM_CURRENT)</c>,
    /// Linux <c>/sys/kernel/security/tpm0/binary_bios_measurements</c>. NotFound when there is no TPM or no log,
    /// NotSupported where the platform has neither source.
    /// </summary>
    public const string SrtmLog = "measuredboot/log/srtm-current";

    /// <summary>
    /// The dynamic-root (DRTM, System Guard Secure Launch) log of the current boot, a blob: Windows
    /// <c>Tbsi_Get_TCG_Log_Ex(TBS_TCGLOG_DRTM_CURRENT)</c>. NotFound when the boot made no dynamic launch (TBS_E_NO_EVENT_LOG).
    /// </summary>
    public const string DrtmLog = "measuredboot/log/drtm-current";
}
