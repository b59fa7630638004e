using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace AzureLocalSecurity.Tpm;

/// <summary>
/// Names for the numbers a TPM speaks in: command codes (TPM_CC), algorithm identifiers (TPM_ALG_ID), TPM properties
/// (TPM_PT) and ECC curves (TPM_ECC_CURVE). A number no table knows gets a name that shows the number and says so.
/// </summary>
/// <remarks>
/// The tables follow the TCG reference code generated from TPM 2.0 Library Part 2 (TrustedComputingGroup/TPM,
/// TpmTypes.h, library version 1.83) and, for algorithms, the TCG Algorithm Registry entries Part 2 takes over; the
/// commands TPM2_ReadOnlyControl and TPM2_PolicyTransportSPDM come from version 1.84. Identifiers added only by the
/// version 1.85 draft (ML-KEM, ML-DSA and their commands) are not named yet.
/// </remarks>
public static class TpmNames
{
    private const uint VendorCommandBit = 0x20000000; // TPMA_CC V: a vendor-specific command

    private static readonly Dictionary<uint, string> Commands = new()
    {
        [0x11F] = "TPM2_NV_UndefineSpaceSpecial",
        [0x120] = "TPM2_EvictControl",
        [0x121] = "TPM2_HierarchyControl",
        [0x122] = "TPM2_NV_UndefineSpace",
        [0x124] = "TPM2_ChangeEPS",
        [0x125] = "TPM2_ChangePPS",
        [0x126] = "TPM2_Clear",
        [0x127] = "TPM2_ClearControl",
        [0x128] = "TPM2_ClockSet",
        [0x129] = "TPM2_HierarchyChangeAuth",
        [0x12A] = "TPM2_NV_DefineSpace",
        [0x12B] = "TPM2_PCR_Allocate",
        [0x12C] = "TPM2_PCR_SetAuthPolicy",
        [0x12D] = "TPM2_PP_Commands",
        [0x12E] = "TPM2_SetPrimaryPolicy",
        [0x12F] = "TPM2_FieldUpgradeStart",
        [0x130] = "TPM2_ClockRateAdjust",
        [0x131] = "TPM2_CreatePrimary",
        [0x132] = "TPM2_NV_GlobalWriteLock",
        [0x133] = "TPM2_GetCommandAuditDigest",
        [0x134] = "TPM2_NV_Increment",
        [0x135] = "TPM2_NV_SetBits",
        [0x136] = "TPM2_NV_Extend",
        [0x137] = "TPM2_NV_Write",
        [0x138] = "TPM2_NV_WriteLock",
        [0x139] = "TPM2_DictionaryAttackLockReset",
        [0x13A] = "TPM2_DictionaryAttackParameters",
        [0x13B] = "TPM2_NV_ChangeAuth",
        [0x13C] = "TPM2_PCR_Event",
        [0x13D] = "TPM2_PCR_Reset",
        [0x13E] = "TPM2_SequenceComplete",
        [0x13F] = "TPM2_SetAlgorithmSet",
        [0x140] = "TPM2_SetCommandCodeAuditStatus",
        [0x141] = "TPM2_FieldUpgradeData",
        [0x142] = "TPM2_IncrementalSelfTest",
        [0x143] = "TPM2_SelfTest",
        [0x144] = "TPM2_Startup",
        [0x145] = "TPM2_Shutdown",
        [0x146] = "TPM2_StirRandom",
        [0x147] = "TPM2_ActivateCredential",
        [0x148] = "TPM2_Certify",
        [0x149] = "TPM2_PolicyNV",
        [0x14A] = "TPM2_CertifyCreation",
        [0x14B] = "TPM2_Duplicate",
        [0x14C] = "TPM2_GetTime",
        [0x14D] = "TPM2_GetSessionAuditDigest",
        [0x14E] = "TPM2_NV_Read",
        [0x14F] = "TPM2_NV_ReadLock",
        [0x150] = "TPM2_ObjectChangeAuth",
        [0x151] = "TPM2_PolicySecret",
        [0x152] = "TPM2_Rewrap",
        [0x153] = "TPM2_Create",
        [0x154] = "TPM2_ECDH_ZGen",
        // Part 2 gives 0x155 two names, TPM_CC_HMAC and TPM_CC_MAC (and 0x15B TPM_CC_HMAC_Start and TPM_CC_MAC_Start):
        // one command that computes an HMAC or a MAC depending on the key.
        [0x155] = "TPM2_HMAC/TPM2_MAC",
        [0x156] = "TPM2_Import",
        [0x157] = "TPM2_Load",
        [0x158] = "TPM2_Quote",
        [0x159] = "TPM2_RSA_Decrypt",
        [0x15B] = "TPM2_HMAC_Start/TPM2_MAC_Start",
        [0x15C] = "TPM2_SequenceUpdate",
        [0x15D] = "TPM2_Sign",
        [0x15E] = "TPM2_Unseal",
        [0x160] = "TPM2_PolicySigned",
        [0x161] = "TPM2_ContextLoad",
        [0x162] = "TPM2_ContextSave",
        [0x163] = "TPM2_ECDH_KeyGen",
        [0x164] = "TPM2_EncryptDecrypt",
        [0x165] = "TPM2_FlushContext",
        [0x167] = "TPM2_LoadExternal",
        [0x168] = "TPM2_MakeCredential",
        [0x169] = "TPM2_NV_ReadPublic",
        [0x16A] = "TPM2_PolicyAuthorize",
        [0x16B] = "TPM2_PolicyAuthValue",
        [0x16C] = "TPM2_PolicyCommandCode",
        [0x16D] = "TPM2_PolicyCounterTimer",
        [0x16E] = "TPM2_PolicyCpHash",
        [0x16F] = "TPM2_PolicyLocality",
        [0x170] = "TPM2_PolicyNameHash",
        [0x171] = "TPM2_PolicyOR",
        [0x172] = "TPM2_PolicyTicket",
        [0x173] = "TPM2_ReadPublic",
        [0x174] = "TPM2_RSA_Encrypt",
        [0x176] = "TPM2_StartAuthSession",
        [0x177] = "TPM2_VerifySignature",
        [0x178] = "TPM2_ECC_Parameters",
        [0x179] = "TPM2_FirmwareRead",
        [0x17A] = "TPM2_GetCapability",
        [0x17B] = "TPM2_GetRandom",
        [0x17C] = "TPM2_GetTestResult",
        [0x17D] = "TPM2_Hash",
        [0x17E] = "TPM2_PCR_Read",
        [0x17F] = "TPM2_PolicyPCR",
        [0x180] = "TPM2_PolicyRestart",
        [0x181] = "TPM2_ReadClock",
        [0x182] = "TPM2_PCR_Extend",
        [0x183] = "TPM2_PCR_SetAuthValue",
        [0x184] = "TPM2_NV_Certify",
        [0x185] = "TPM2_EventSequenceComplete",
        [0x186] = "TPM2_HashSequenceStart",
        [0x187] = "TPM2_PolicyPhysicalPresence",
        [0x188] = "TPM2_PolicyDuplicationSelect",
        [0x189] = "TPM2_PolicyGetDigest",
        [0x18A] = "TPM2_TestParms",
        [0x18B] = "TPM2_Commit",
        [0x18C] = "TPM2_PolicyPassword",
        [0x18D] = "TPM2_ZGen_2Phase",
        [0x18E] = "TPM2_EC_Ephemeral",
        [0x18F] = "TPM2_PolicyNvWritten",
        [0x190] = "TPM2_PolicyTemplate",
        [0x191] = "TPM2_CreateLoaded",
        [0x192] = "TPM2_PolicyAuthorizeNV",
        [0x193] = "TPM2_EncryptDecrypt2",
        [0x194] = "TPM2_AC_GetCapability",
        [0x195] = "TPM2_AC_Send",
        [0x196] = "TPM2_Policy_AC_SendSelect",
        [0x197] = "TPM2_CertifyX509",
        [0x198] = "TPM2_ACT_SetTimeout",
        [0x199] = "TPM2_ECC_Encrypt",
        [0x19A] = "TPM2_ECC_Decrypt",
        [0x19B] = "TPM2_PolicyCapability",
        [0x19C] = "TPM2_PolicyParameters",
        [0x19D] = "TPM2_NV_DefineSpace2",
        [0x19E] = "TPM2_NV_ReadPublic2",
        [0x19F] = "TPM2_SetCapability",
        [0x1A0] = "TPM2_ReadOnlyControl",
        [0x1A1] = "TPM2_PolicyTransportSPDM",
        [0x20000000] = "TPM2_Vendor_TCG_Test",
    };

    // Lower case, as tpm2-tools prints them; identifiers tpm2-tools does not print are the spec name without TPM_ALG_.
    private static readonly Dictionary<ushort, string> Algorithms = new()
    {
        [0x0000] = "error",
        [0x0001] = "rsa",
        [0x0003] = "tdes",
        [0x0004] = "sha1",
        [0x0005] = "hmac",
        [0x0006] = "aes",
        [0x0007] = "mgf1",
        [0x0008] = "keyedhash",
        [0x000A] = "xor",
        [0x000B] = "sha256",
        [0x000C] = "sha384",
        [0x000D] = "sha512",
        [0x000E] = "sha256_192",
        [0x0010] = "null",
        [0x0012] = "sm3_256",
        [0x0013] = "sm4",
        [0x0014] = "rsassa",
        [0x0015] = "rsaes",
        [0x0016] = "rsapss",
        [0x0017] = "oaep",
        [0x0018] = "ecdsa",
        [0x0019] = "ecdh",
        [0x001A] = "ecdaa",
        [0x001B] = "sm2",
        [0x001C] = "ecschnorr",
        [0x001D] = "ecmqv",
        [0x0020] = "kdf1_sp800_56a",
        [0x0021] = "kdf2",
        [0x0022] = "kdf1_sp800_108",
        [0x0023] = "ecc",
        [0x0025] = "symcipher",
        [0x0026] = "camellia",
        [0x0027] = "sha3_256",
        [0x0028] = "sha3_384",
        [0x0029] = "sha3_512",
        [0x002A] = "shake128",
        [0x002B] = "shake256",
        [0x002C] = "shake256_192",
        [0x002D] = "shake256_256",
        [0x002E] = "shake256_512",
        [0x003F] = "cmac",
        [0x0040] = "ctr",
        [0x0041] = "ofb",
        [0x0042] = "cbc",
        [0x0043] = "cfb",
        [0x0044] = "ecb",
        [0x0050] = "ccm",
        [0x0051] = "gcm",
        [0x0052] = "kw",
        [0x0053] = "kwp",
        [0x0054] = "eax",
        [0x0060] = "eddsa",
        [0x0061] = "eddsa_ph",
        [0x0070] = "lms",
        [0x0071] = "xmss",
    };

    // Names with the separators taken out ("sha3256" for "sha3_256"), so "SHA-256", "sha256" and "SHA3-256" all parse.
    private static readonly Dictionary<string, ushort> AlgorithmsByKey =
        Algorithms.ToDictionary(a => Key(a.Value), a => a.Key, StringComparer.Ordinal);

    private static readonly string[] AlgorithmPrefixes = { "TPM2_ALG_", "TPM_ALG_", "alg_" };

    private static readonly Dictionary<uint, string> Properties = new()
    {
        [0x000] = "TPM_PT_NONE",

        // PT_FIXED = 0x100
        [0x100] = "TPM_PT_FAMILY_INDICATOR",
        [0x101] = "TPM_PT_LEVEL",
        [0x102] = "TPM_PT_REVISION",
        [0x103] = "TPM_PT_DAY_OF_YEAR",
        [0x104] = "TPM_PT_YEAR",
        [0x105] = "TPM_PT_MANUFACTURER",
        [0x106] = "TPM_PT_VENDOR_STRING_1",
        [0x107] = "TPM_PT_VENDOR_STRING_2",
        [0x108] = "TPM_PT_VENDOR_STRING_3",
        [0x109] = "TPM_PT_VENDOR_STRING_4",
        [0x10A] = "TPM_PT_VENDOR_TPM_TYPE",
        [0x10B] = "TPM_PT_FIRMWARE_VERSION_1",
        [0x10C] = "TPM_PT_FIRMWARE_VERSION_2",
        [0x10D] = "TPM_PT_INPUT_BUFFER",
        [0x10E] = "TPM_PT_HR_TRANSIENT_MIN",
        [0x10F] = "TPM_PT_HR_PERSISTENT_MIN",
        [0x110] = "TPM_PT_HR_LOADED_MIN",
        [0x111] = "TPM_PT_ACTIVE_SESSIONS_MAX",
        [0x112] = "TPM_PT_PCR_COUNT",
        [0x113] = "TPM_PT_PCR_SELECT_MIN",
        [0x114] = "TPM_PT_CONTEXT_GAP_MAX",
        [0x116] = "TPM_PT_NV_COUNTERS_MAX",
        [0x117] = "TPM_PT_NV_INDEX_MAX",
        [0x118] = "TPM_PT_MEMORY",
        [0x119] = "TPM_PT_CLOCK_UPDATE",
        [0x11A] = "TPM_PT_CONTEXT_HASH",
        [0x11B] = "TPM_PT_CONTEXT_SYM",
        [0x11C] = "TPM_PT_CONTEXT_SYM_SIZE",
        [0x11D] = "TPM_PT_ORDERLY_COUNT",
        [0x11E] = "TPM_PT_MAX_COMMAND_SIZE",
        [0x11F] = "TPM_PT_MAX_RESPONSE_SIZE",
        [0x120] = "TPM_PT_MAX_DIGEST",
        [0x121] = "TPM_PT_MAX_OBJECT_CONTEXT",
        [0x122] = "TPM_PT_MAX_SESSION_CONTEXT",
        [0x123] = "TPM_PT_PS_FAMILY_INDICATOR",
        [0x124] = "TPM_PT_PS_LEVEL",
        [0x125] = "TPM_PT_PS_REVISION",
        [0x126] = "TPM_PT_PS_DAY_OF_YEAR",
        [0x127] = "TPM_PT_PS_YEAR",
        [0x128] = "TPM_PT_SPLIT_MAX",
        [0x129] = "TPM_PT_TOTAL_COMMANDS",
        [0x12A] = "TPM_PT_LIBRARY_COMMANDS",
        [0x12B] = "TPM_PT_VENDOR_COMMANDS",
        [0x12C] = "TPM_PT_NV_BUFFER_MAX",
        [0x12D] = "TPM_PT_MODES",
        [0x12E] = "TPM_PT_MAX_CAP_BUFFER",
        [0x12F] = "TPM_PT_FIRMWARE_SVN",
        [0x130] = "TPM_PT_FIRMWARE_MAX_SVN",

        // PT_VAR = 0x200
        [0x200] = "TPM_PT_PERMANENT",
        [0x201] = "TPM_PT_STARTUP_CLEAR",
        [0x202] = "TPM_PT_HR_NV_INDEX",
        [0x203] = "TPM_PT_HR_LOADED",
        [0x204] = "TPM_PT_HR_LOADED_AVAIL",
        [0x205] = "TPM_PT_HR_ACTIVE",
        [0x206] = "TPM_PT_HR_ACTIVE_AVAIL",
        [0x207] = "TPM_PT_HR_TRANSIENT_AVAIL",
        [0x208] = "TPM_PT_HR_PERSISTENT",
        [0x209] = "TPM_PT_HR_PERSISTENT_AVAIL",
        [0x20A] = "TPM_PT_NV_COUNTERS",
        [0x20B] = "TPM_PT_NV_COUNTERS_AVAIL",
        [0x20C] = "TPM_PT_ALGORITHM_SET",
        [0x20D] = "TPM_PT_LOADED_CURVES",
        [0x20E] = "TPM_PT_LOCKOUT_COUNTER",
        [0x20F] = "TPM_PT_MAX_AUTH_FAIL",
        [0x210] = "TPM_PT_LOCKOUT_INTERVAL",
        [0x211] = "TPM_PT_LOCKOUT_RECOVERY",
        [0x212] = "TPM_PT_NV_WRITE_RECOVERY",
        [0x213] = "TPM_PT_AUDIT_COUNTER_0",
        [0x214] = "TPM_PT_AUDIT_COUNTER_1",
    };

    private static readonly Dictionary<ushort, string> Curves = new()
    {
        [0x0000] = "NONE",
        [0x0001] = "NIST_P192",
        [0x0002] = "NIST_P224",
        [0x0003] = "NIST_P256",
        [0x0004] = "NIST_P384",
        [0x0005] = "NIST_P521",
        [0x0010] = "BN_P256",
        [0x0011] = "BN_P638",
        [0x0020] = "SM2_P256",
        [0x0030] = "BP_P256_R1",
        [0x0031] = "BP_P384_R1",
        [0x0032] = "BP_P512_R1",
        [0x0040] = "CURVE_25519",
        [0x0041] = "CURVE_448",
    };

    /// <summary>
    /// The command's name as Part 3 titles it (<c>TPM2_PCR_Read</c> for 0x0000017E); <c>TPM_CC_0x20000123 (vendor)</c> for
    /// a vendor command (bit 29 set) and <c>TPM_CC_0x000001FF (unknown)</c> for any other code no table knows.
    /// </summary>
    public static string Command(uint commandCode)
    {
        if (Commands.TryGetValue(commandCode, out var name))
        {
            return name;
        }

        return "TPM_CC_" + Hex(commandCode, 8) + ((commandCode & VendorCommandBit) != 0 ? " (vendor)" : " (unknown)");
    }

    /// <summary>
    /// The algorithm's name in lower case, as tpm2-tools prints it (<c>sha256</c>, <c>rsa</c>, <c>ecc</c>, <c>sm3_256</c>,
    /// <c>null</c>); <c>alg_0x00FF</c> for an identifier the TCG Algorithm Registry does not assign.
    /// </summary>
    public static string Algorithm(ushort algId) =>
        Algorithms.TryGetValue(algId, out var name) ? name : "alg_" + Hex(algId, 4);

    /// <summary>
    /// Reads an algorithm name back: any name <see cref="Algorithm"/> gives, in any case, with or without its separators
    /// (<c>SHA-256</c>, <c>SHA256</c>, <c>sha3-256</c>), with or without a <c>TPM_ALG_</c> or <c>TPM2_ALG_</c> prefix,
    /// and the <c>alg_0x00FF</c> or <c>0x00FF</c> form of a bare number.
    /// </summary>
    /// <param name="name">The name to read.</param>
    /// <param name="algId">The identifier, or 0 when the name is not one.</param>
    /// <returns>True when the name is an algorithm's.</returns>
    public static bool TryParseAlgorithm(string name, out ushort algId)
    {
        algId = 0;
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        var text = name.Trim();
        foreach (var prefix in AlgorithmPrefixes)
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                text = text.Substring(prefix.Length);
                break;
            }
        }

        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return text.Length > 2 && text.Length <= 6
                && ushort.TryParse(text.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out algId);
        }

        return AlgorithmsByKey.TryGetValue(Key(text), out algId);
    }

    /// <summary>
    /// The property's name (<c>TPM_PT_FAMILY_INDICATOR</c> for 0x100, <c>TPM_PT_PERMANENT</c> for 0x200);
    /// <c>TPM_PT_0x00000131 (unknown)</c> for a property no table knows.
    /// </summary>
    public static string Property(uint property) =>
        Properties.TryGetValue(property, out var name) ? name : "TPM_PT_" + Hex(property, 8) + " (unknown)";

    /// <summary>
    /// The curve's name without its TPM_ECC_ prefix (<c>NIST_P256</c> for 0x0003, <c>NONE</c> for 0);
    /// <c>TPM_ECC_0x0099 (unknown)</c> for a curve no table knows.
    /// </summary>
    public static string EccCurve(ushort curveId) =>
        Curves.TryGetValue(curveId, out var name) ? name : "TPM_ECC_" + Hex(curveId, 4) + " (unknown)";

    private static string Key(string name)
    {
        var key = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c != '_' && c != '-' && c != ' ')
            {
                key.Append(char.ToLowerInvariant(c));
            }
        }

        return key.ToString();
    }

    private static string Hex(uint value, int digits) =>
        "0x" + value.ToString("X" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
