namespace AzureLocalSecurity.Tpm;

/// <summary>The TPM 2.0 Library spec Part 2 values this client uses (tags, command codes, capabilities, properties, handles, algorithms).</summary>
internal static class TpmConstants
{
    // TPM_ST (Part 2 §6.9)
    internal const ushort StRspCommand = 0x00C4;
    internal const ushort StNoSessions = 0x8001;
    internal const ushort StSessions = 0x8002;
    internal const ushort StAttestQuote = 0x8018;

    // TPM_GENERATED_VALUE (Part 2 §6.2)
    internal const uint GeneratedValue = 0xFF544347;

    // TPM_CC (Part 2 §6.5.2)
    internal const uint CcNvRead = 0x0000014E;
    internal const uint CcCreatePrimary = 0x00000131;
    internal const uint CcQuote = 0x00000158;
    internal const uint CcFlushContext = 0x00000165;
    internal const uint CcNvReadPublic = 0x00000169;
    internal const uint CcReadPublic = 0x00000173;
    internal const uint CcGetCapability = 0x0000017A;
    internal const uint CcGetRandom = 0x0000017B;
    internal const uint CcPcrRead = 0x0000017E;
    internal const uint CcPcrExtend = 0x00000182;

    // TPM_CAP (Part 2 §6.12)
    internal const uint CapAlgs = 0x00000000;
    internal const uint CapHandles = 0x00000001;
    internal const uint CapPcrs = 0x00000005;
    internal const uint CapTpmProperties = 0x00000006;

    // TPM_PT (Part 2 §6.13): PT_FIXED = 0x100, PT_VAR = 0x200
    internal const uint PtFixed = 0x00000100;
    internal const uint PtVar = 0x00000200;
    internal const uint PtFamilyIndicator = PtFixed + 0;
    internal const uint PtLevel = PtFixed + 1;
    internal const uint PtRevision = PtFixed + 2;
    internal const uint PtDayOfYear = PtFixed + 3;
    internal const uint PtYear = PtFixed + 4;
    internal const uint PtManufacturer = PtFixed + 5;
    internal const uint PtVendorString1 = PtFixed + 6;
    internal const uint PtVendorString4 = PtFixed + 9;
    internal const uint PtVendorTpmType = PtFixed + 10;
    internal const uint PtFirmwareVersion1 = PtFixed + 11;
    internal const uint PtFirmwareVersion2 = PtFixed + 12;
    internal const uint PtInputBuffer = PtFixed + 13;
    internal const uint PtPcrCount = PtFixed + 18;
    internal const uint PtMaxCommandSize = PtFixed + 30;
    internal const uint PtMaxResponseSize = PtFixed + 31;
    internal const uint PtMaxDigest = PtFixed + 32;
    internal const uint PtNvBufferMax = PtFixed + 44;
    internal const uint PtPermanent = PtVar + 0;
    internal const uint PtStartupClear = PtVar + 1;
    internal const uint PtLockoutCounter = PtVar + 14;
    internal const uint PtMaxAuthFail = PtVar + 15;
    internal const uint PtLockoutInterval = PtVar + 16;
    internal const uint PtLockoutRecovery = PtVar + 17;

    // TPM_HT (Part 2 §7.2) as the first handle of each range
    internal const uint HtNvIndexFirst = 0x01000000;
    internal const uint HtPersistentFirst = 0x81000000;

    // Permanent handles (Part 2 §7.4)
    internal const uint RhOwner = 0x40000001;
    internal const uint RsPw = 0x40000009;
    internal const uint RhEndorsement = 0x4000000B;
    internal const uint RhPlatform = 0x4000000C;

    // TPM_ALG_ID (TCG Algorithm Registry)
    internal const ushort AlgRsa = 0x0001;
    internal const ushort AlgSha1 = 0x0004;
    internal const ushort AlgAes = 0x0006;
    internal const ushort AlgKeyedHash = 0x0008;
    internal const ushort AlgSha256 = 0x000B;
    internal const ushort AlgSha384 = 0x000C;
    internal const ushort AlgSha512 = 0x000D;
    internal const ushort AlgNull = 0x0010;
    internal const ushort AlgSm3256 = 0x0012;
    internal const ushort AlgSm4 = 0x0013;
    internal const ushort AlgRsassa = 0x0014;
    internal const ushort AlgRsapss = 0x0016;
    internal const ushort AlgEcdsa = 0x0018;
    internal const ushort AlgSymCipher = 0x0025;
    internal const ushort AlgSha3256 = 0x0027;
    internal const ushort AlgSha3384 = 0x0028;
    internal const ushort AlgSha3512 = 0x0029;
    internal const ushort AlgEcc = 0x0023;
    internal const ushort AlgCfb = 0x0043;

    // TPM_ECC_CURVE (Part 2 §6.4)
    internal const ushort EccNistP256 = 0x0003;
    internal const ushort EccNistP384 = 0x0004;

    // TPMA_NV (Part 2 §13.4)
    internal const uint NvOwnerRead = 0x00020000;
    internal const uint NvAuthRead = 0x00040000;
    internal const uint NvWritten = 0x20000000;

    /// <summary>The digest size of a hash algorithm, or 0 when this client does not know it.</summary>
    internal static int DigestSize(ushort hashAlg) => hashAlg switch
    {
        AlgSha1 => 20,
        AlgSha256 or AlgSm3256 or AlgSha3256 => 32,
        AlgSha384 or AlgSha3384 => 48,
        AlgSha512 or AlgSha3512 => 64,
        _ => 0,
    };
}
