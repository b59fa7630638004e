using System.Collections.Generic;
using System.Globalization;

namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>
/// The SIPA event ids of Windows' wbcl.h (SIPAEVENT_*, SIPAERROR_*), named without the prefix in PascalCase, each with
/// how its value is read. Ids not listed here keep their number as their name.
/// </summary>
internal static class SipaNames
{
    /// <summary>SIPAEVENTTYPE_NONMEASURED: the event was logged but not extended.</summary>
    internal const uint NonMeasured = 0x80000000;

    /// <summary>SIPAEVENTTYPE_AGGREGATION: the value is a sequence of SIPA events.</summary>
    internal const uint Aggregation = 0x40000000;

    private static readonly Dictionary<uint, (string Name, SipaValueKind Kind)> Ids = new()
    {
        // SIPAEVENTTYPE_CONTAINER
        [0x40010001] = ("TrustBoundary", SipaValueKind.Bytes),
        [0x40010002] = ("ElamAggregation", SipaValueKind.Bytes),
        [0x40010003] = ("LoadedModuleAggregation", SipaValueKind.Bytes),
        [0xC0010004] = ("TrustpointAggregation", SipaValueKind.Bytes),
        [0x40010005] = ("KsrAggregation", SipaValueKind.Bytes),
        [0x40010006] = ("KsrSignedMeasurementAggregation", SipaValueKind.Bytes),

        // SIPAEVENTTYPE_ERROR
        [0x00030001] = ("FirmwareFailure", SipaValueKind.Bytes),
        [0x80030002] = ("TpmFailure", SipaValueKind.Bytes),
        [0x00030003] = ("InternalFailure", SipaValueKind.Bytes),
        [0x80030004] = ("KsrFailure", SipaValueKind.Bytes),

        // SIPAEVENTTYPE_INFORMATION
        [0x00020001] = ("Information", SipaValueKind.Bytes),
        [0x00020002] = ("BootCounter", SipaValueKind.Integer),
        [0x00020003] = ("TransferControl", SipaValueKind.HexInteger),
        [0x00020004] = ("ApplicationReturn", SipaValueKind.HexInteger),
        [0x00020005] = ("BitLockerUnlock", SipaValueKind.BitLockerFlags),
        [0x00020006] = ("EventCounter", SipaValueKind.Integer),
        [0x00020007] = ("CounterId", SipaValueKind.Integer),
        [0x00020008] = ("MorBitNotCancelable", SipaValueKind.Boolean),
        [0x00020009] = ("ApplicationSvn", SipaValueKind.Integer),
        [0x0002000A] = ("SvnChainStatus", SipaValueKind.Integer),
        [0x0002000B] = ("MorBitApiStatus", SipaValueKind.HexInteger),

        // SIPAEVENTTYPE_PREOSPARAMETER
        [0x00040001] = ("BootDebugging", SipaValueKind.Boolean),
        [0x00040002] = ("BootRevocationList", SipaValueKind.RevocationList),

        // SIPAEVENTTYPE_OSPARAMETER
        [0x00050001] = ("OsKernelDebug", SipaValueKind.Boolean),
        [0x00050002] = ("CodeIntegrity", SipaValueKind.Boolean),
        [0x00050003] = ("TestSigning", SipaValueKind.Boolean),
        [0x00050004] = ("DataExecutionPrevention", SipaValueKind.Integer),
        [0x00050005] = ("SafeMode", SipaValueKind.Boolean),
        [0x00050006] = ("WinPE", SipaValueKind.Boolean),
        [0x00050007] = ("PhysicalAddressExtension", SipaValueKind.Boolean),
        [0x00050008] = ("OsDevice", SipaValueKind.OsDevice),
        [0x00050009] = ("SystemRoot", SipaValueKind.Utf16),
        [0x0005000A] = ("HypervisorLaunchType", SipaValueKind.Integer),
        [0x0005000B] = ("HypervisorPath", SipaValueKind.Utf16),
        [0x0005000C] = ("HypervisorIommuPolicy", SipaValueKind.Integer),
        [0x0005000D] = ("HypervisorDebug", SipaValueKind.Boolean),
        [0x0005000E] = ("DriverLoadPolicy", SipaValueKind.Integer),
        [0x0005000F] = ("SiPolicy", SipaValueKind.SiPolicy),
        [0x00050010] = ("HypervisorMmioNxPolicy", SipaValueKind.HexInteger),
        [0x00050011] = ("HypervisorMsrFilterPolicy", SipaValueKind.HexInteger),
        [0x00050012] = ("VsmLaunchType", SipaValueKind.Integer),
        [0x00050013] = ("OsRevocationList", SipaValueKind.RevocationList),
        [0x00050014] = ("SmtStatus", SipaValueKind.Integer),
        [0x00050020] = ("VsmIdkInfo", SipaValueKind.Bytes),
        [0x00050021] = ("FlightSigning", SipaValueKind.Boolean),
        [0x00050022] = ("PagefileEncryptionEnabled", SipaValueKind.Boolean),
        [0x00050023] = ("VsmIdksInfo", SipaValueKind.Bytes),
        [0x00050024] = ("HibernationDisabled", SipaValueKind.Boolean),
        [0x00050025] = ("DumpsDisabled", SipaValueKind.Boolean),
        [0x00050026] = ("DumpEncryptionEnabled", SipaValueKind.Boolean),
        [0x00050027] = ("DumpEncryptionKeyDigest", SipaValueKind.Bytes),
        [0x00050028] = ("LsaIsoConfig", SipaValueKind.HexInteger),
        [0x00050029] = ("SbcpInfo", SipaValueKind.Bytes),
        [0x00050030] = ("HypervisorBootDmaProtection", SipaValueKind.Boolean),
        [0x00050031] = ("SiPolicySigner", SipaValueKind.Bytes),
        [0x00050032] = ("SiPolicyUpdateSigner", SipaValueKind.Bytes),

        // SIPAEVENTTYPE_AUTHORITY
        [0x00060001] = ("NoAuthority", SipaValueKind.Bytes),
        [0x00060002] = ("AuthorityPubKey", SipaValueKind.Bytes),

        // SIPAEVENTTYPE_LOADEDMODULE
        [0x00070001] = ("FilePath", SipaValueKind.Utf16),
        [0x00070002] = ("ImageSize", SipaValueKind.Integer),
        [0x00070003] = ("HashAlgorithmId", SipaValueKind.CalgHash),
        [0x00070004] = ("AuthenticodeHash", SipaValueKind.Bytes),
        [0x00070005] = ("AuthorityIssuer", SipaValueKind.Utf16),
        [0x00070006] = ("AuthoritySerial", SipaValueKind.Bytes),
        [0x00070007] = ("ImageBase", SipaValueKind.HexInteger),
        [0x00070008] = ("AuthorityPublisher", SipaValueKind.Utf16),
        [0x00070009] = ("AuthoritySha1Thumbprint", SipaValueKind.Bytes),
        [0x0007000A] = ("ImageValidated", SipaValueKind.Boolean),
        [0x0007000B] = ("ModuleSvn", SipaValueKind.Integer),
        [0x0007000C] = ("ModulePluton", SipaValueKind.Bytes),
        [0x0007000D] = ("ModuleOriginalFilename", SipaValueKind.Bytes),
        [0x0007000E] = ("ModuleVersion", SipaValueKind.Bytes),

        // SIPAEVENTTYPE_TRUSTPOINT
        [0x80080001] = ("Quote", SipaValueKind.Bytes),
        [0x80080002] = ("QuoteSignature", SipaValueKind.Bytes),
        [0x80080003] = ("AikId", SipaValueKind.Bytes),
        [0x80080004] = ("AikPubDigest", SipaValueKind.Bytes),

        // SIPAEVENTTYPE_ELAM
        [0x00090001] = ("ElamKeyName", SipaValueKind.Utf16),
        [0x00090002] = ("ElamConfiguration", SipaValueKind.Bytes),
        [0x00090003] = ("ElamPolicy", SipaValueKind.Bytes),
        [0x00090004] = ("ElamMeasured", SipaValueKind.Bytes),

        // SIPAEVENTTYPE_VBS
        [0x000A0001] = ("VbsVsmRequired", SipaValueKind.Boolean),
        [0x000A0002] = ("VbsSecureBootRequired", SipaValueKind.Boolean),
        [0x000A0003] = ("VbsIommuRequired", SipaValueKind.Boolean),
        [0x000A0004] = ("VbsMmioNxRequired", SipaValueKind.Boolean),
        [0x000A0005] = ("VbsMsrFilteringRequired", SipaValueKind.Boolean),
        [0x000A0006] = ("VbsMandatoryEnforcement", SipaValueKind.Boolean),
        [0x000A0007] = ("VbsHvciPolicy", SipaValueKind.HexInteger),
        [0x000A0008] = ("VbsMicrosoftBootChainRequired", SipaValueKind.Boolean),
        [0x000A0009] = ("VbsDumpUsesAmeRoot", SipaValueKind.Boolean),
        [0x000A000A] = ("VbsVsmNoSecretsEnforced", SipaValueKind.Boolean),

        // SIPAEVENTTYPE_KSR
        [0x000B0001] = ("KsrSignature", SipaValueKind.Bytes),

        // SIPAEVENTTYPE_DRTM
        [0x000C0001] = ("DrtmStateAuth", SipaValueKind.Bytes),
        [0x000C0002] = ("DrtmSmmLevel", SipaValueKind.Integer),
        [0x000C0003] = ("DrtmAmdSmmHash", SipaValueKind.Bytes),
        [0x000C0004] = ("DrtmAmdSmmSignerKey", SipaValueKind.Bytes),
    };

    internal static string Name(uint id) => Ids.TryGetValue(id, out var entry) ? entry.Name : "0x" + id.ToString("X8", CultureInfo.InvariantCulture);

    internal static SipaValueKind Kind(uint id) => Ids.TryGetValue(id, out var entry) ? entry.Kind : SipaValueKind.Bytes;

    /// <summary>
    /// Whether an EV_EVENT_TAG's first id is a SIPA id: only the two flag bits above the category byte, and a category
    /// wbcl.h defines (SIPAEVENTTYPE_CONTAINER 0x0001 to SIPAEVENTTYPE_DRTM 0x000C). Other boot loaders' tagged events
    /// (systemd-boot's, for instance) have bits set between the flags and the category.
    /// </summary>
    internal static bool IsSipaId(uint id)
    {
        var category = (id >> 16) & 0xFF;
        return (id & 0x3F000000) == 0 && category is >= 0x01 and <= 0x0C;
    }
}
