using System.Globalization;

namespace AzureLocalSecurity.Evidence;

/// <summary>
/// The ids TPM facts are filed under. The TPM's own facts are its responses, kept byte for byte: each <c>tpm/response/...</c>
/// item is a Blob of one or more complete TPM 2.0 responses back to back (a response's header carries its size), in the
/// order they were received, so an analysis of a bundle decodes exactly what the TPM said.
/// </summary>
public static class TpmEvidenceIds
{
    /// <summary>
    /// How the TPM was reached: one record with <c>Transport</c> (String: <c>Tbs</c>, <c>LinuxDevice</c> or <c>Tcp</c>) and
    /// <c>Endpoint</c> (String). An error item means no TPM could be reached; category NotFound means there is none.
    /// </summary>
    public const string Transport = "tpm/transport";

    /// <summary>TPM2_GetCapability(TPM_CAP_TPM_PROPERTIES) from TPM_PT_FIXED on, continued while the TPM says there is more.</summary>
    public const string CapabilityProperties = "tpm/response/capability/properties";

    /// <summary>TPM2_GetCapability(TPM_CAP_PCRS): the PCR banks allocated.</summary>
    public const string CapabilityPcrs = "tpm/response/capability/pcrs";

    /// <summary>TPM2_GetCapability(TPM_CAP_ALGS): the algorithms implemented.</summary>
    public const string CapabilityAlgorithms = "tpm/response/capability/algorithms";

    /// <summary>TPM2_GetCapability(TPM_CAP_HANDLES) for NV indexes (handle type 0x01).</summary>
    public const string CapabilityNvIndexes = "tpm/response/capability/handles/nv-index";

    /// <summary>TPM2_GetCapability(TPM_CAP_HANDLES) for persistent objects (handle type 0x81).</summary>
    public const string CapabilityPersistentHandles = "tpm/response/capability/handles/persistent";

    /// <summary>TPM2_PCR_Read responses until every allocated PCR of every bank was read.</summary>
    public const string PcrRead = "tpm/response/pcr-read";

    /// <summary>
    /// Win32_Tpm (root\CIMV2\Security\MicrosoftTpm): one record with the instance's documented properties as read
    /// (<c>IsActivated_InitialValue</c>, <c>IsEnabled_InitialValue</c>, <c>IsOwned_InitialValue</c>, <c>SpecVersion</c>,
    /// <c>ManufacturerVersion</c>, <c>ManufacturerVersionInfo</c>, <c>ManufacturerId</c>, <c>ManufacturerIdTxt</c>,
    /// <c>ManufacturerVersionFull20</c>, <c>PhysicalPresenceVersionInfo</c>) and the live answers of its methods:
    /// <c>IsActivated</c>, <c>IsEnabled</c>, <c>IsOwned</c>, <c>IsReady</c> (Boolean) and <c>IsReadyInformation</c> (UInt64).
    /// A method that failed leaves its property out and adds <c>&lt;Method&gt;Error</c> (String) instead. An error item
    /// with category NotFound means there is no instance: Windows sees no TPM.
    /// </summary>
    public const string Win32Tpm = @"windows/cim/root/CIMV2/Security/MicrosoftTpm/Win32_Tpm";

    /// <summary>TPM2_NV_ReadPublic of one NV index.</summary>
    public static string NvReadPublic(uint nvIndex) => "tpm/response/nv-read-public/" + Hex(nvIndex);

    /// <summary>TPM2_NV_Read of one NV index, in chunks of at most the TPM's NV buffer size, from offset 0 to the end.</summary>
    public static string NvRead(uint nvIndex) => "tpm/response/nv-read/" + Hex(nvIndex);

    /// <summary>TPM2_ReadPublic of one persistent object.</summary>
    public static string ReadPublic(uint handle) => "tpm/response/read-public/" + Hex(handle);

    /// <summary>TPM2_CreatePrimary of a TCG endorsement key template (<c>rsa2048</c> or <c>eccp256</c>), used when no persistent EK exists.</summary>
    public static string CreatePrimaryEndorsementKey(string template) => "tpm/response/create-primary/ek-" + template;

    private static string Hex(uint value) => "0x" + value.ToString("X8", CultureInfo.InvariantCulture);
}
