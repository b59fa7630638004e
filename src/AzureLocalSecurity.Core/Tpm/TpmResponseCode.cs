using System;
using System.Collections.Generic;
using System.Globalization;

namespace AzureLocalSecurity.Tpm;

/// <summary>
/// A TPM response code as the TPM (or Windows in its place) returned it, decoded per TPM 2.0 Library Part 2, clause 6.6
/// (TPM_RC): its format, the spec's name and one-line meaning, and for a format-one code the parameter, handle or session
/// it concerns. Windows' TPM Base Services puts HRESULTs where a response code goes: 0x80280000 | rc wraps a TPM code, and
/// 0x80284000 | n is a TBS error of its own (winerror.h); both are decoded.
/// </summary>
/// <remarks>
/// The tables follow the TCG reference code generated from Part 2 (TrustedComputingGroup/TPM, TpmTypes.h, library
/// version 1.83), plus TPM_RC_READ_ONLY, TPM_RC_CHANNEL and TPM_RC_CHANNEL_KEY of version 1.84. The codes a version 1.85
/// draft adds for ML-KEM and ML-DSA are not named: they decode as unassigned, with their position, until that version is
/// published. Meanings are the spec's own words, as Part 2 gives them in its TPM_RC table.
/// </remarks>
public sealed class TpmResponseCode : IEquatable<TpmResponseCode>
{
    private const uint FormatOneBit = 0x080;      // F, bit 7
    private const uint ParameterBit = 0x040;      // P, bit 6 (format one)
    private const uint VersionBit = 0x100;        // V, bit 8 (format zero): set for TPM 2.0, clear for TPM 1.2
    private const uint ReservedBit = 0x200;       // bit 9 (format zero), shall be zero
    private const uint VendorBit = 0x400;         // T, bit 10 (format zero): vendor defined
    private const uint SeverityBit = 0x800;       // S, bit 11 (format zero): warning
    private const uint WindowsTpmBase = 0x80280000; // TPM_E_ERROR_MASK in winerror.h
    private const uint WindowsTbsBase = 0x80284000;
    private const uint TpmBadTag = 0x01E;

    // RC_VER1 + E (Part 2, TPM_RC table).
    private static readonly Dictionary<uint, Meaning> FormatZeroErrors = new()
    {
        [0x000] = new("TPM_RC_INITIALIZE", "TPM not initialized by TPM2_Startup or already initialized"),
        [0x001] = new("TPM_RC_FAILURE", "commands not being accepted because of a TPM failure"),
        [0x003] = new("TPM_RC_SEQUENCE", "improper use of a sequence handle"),
        [0x00B] = new("TPM_RC_PRIVATE", "not currently used"),
        [0x019] = new("TPM_RC_HMAC", "not currently used"),
        [0x020] = new("TPM_RC_DISABLED", "the command is disabled"),
        [0x021] = new("TPM_RC_EXCLUSIVE", "command failed because audit sequence required exclusivity"),
        [0x024] = new("TPM_RC_AUTH_TYPE", "authorization handle is not correct for command"),
        [0x025] = new("TPM_RC_AUTH_MISSING", "command requires an authorization session for handle and it is not present"),
        [0x026] = new("TPM_RC_POLICY", "policy failure in math operation or an invalid authPolicy value"),
        [0x027] = new("TPM_RC_PCR", "PCR check fail"),
        [0x028] = new("TPM_RC_PCR_CHANGED", "PCR have changed since checked"),
        [0x02D] = new("TPM_RC_UPGRADE", "for all commands other than TPM2_FieldUpgradeData(), the TPM is in field upgrade mode; for TPM2_FieldUpgradeData(), the TPM is not in field upgrade mode"),
        [0x02E] = new("TPM_RC_TOO_MANY_CONTEXTS", "context ID counter is at maximum"),
        [0x02F] = new("TPM_RC_AUTH_UNAVAILABLE", "authValue or authPolicy is not available for selected entity"),
        [0x030] = new("TPM_RC_REBOOT", "a _TPM_Init and Startup(CLEAR) is required before the TPM can resume operation"),
        [0x031] = new("TPM_RC_UNBALANCED", "the protection algorithms (hash and symmetric) are not reasonably balanced; the digest size of the hash must be larger than the key size of the symmetric algorithm"),
        [0x042] = new("TPM_RC_COMMAND_SIZE", "command commandSize value is inconsistent with contents of the command buffer; either the size is not the same as the octets loaded by the hardware interface layer or the value is not large enough to hold a command header"),
        [0x043] = new("TPM_RC_COMMAND_CODE", "command code not supported"),
        [0x044] = new("TPM_RC_AUTHSIZE", "the value of authorizationSize is out of range or the number of octets in the Authorization Area is greater than required"),
        [0x045] = new("TPM_RC_AUTH_CONTEXT", "use of an authorization session with a context command or another command that cannot have an authorization session"),
        [0x046] = new("TPM_RC_NV_RANGE", "NV offset+size is out of range"),
        [0x047] = new("TPM_RC_NV_SIZE", "requested allocation size is larger than allowed"),
        [0x048] = new("TPM_RC_NV_LOCKED", "NV access locked"),
        [0x049] = new("TPM_RC_NV_AUTHORIZATION", "NV access authorization fails in command actions (this failure does not affect lockout.action)"),
        [0x04A] = new("TPM_RC_NV_UNINITIALIZED", "an NV Index is used before being initialized or the state saved by TPM2_Shutdown(STATE) could not be restored"),
        [0x04B] = new("TPM_RC_NV_SPACE", "insufficient space for NV allocation"),
        [0x04C] = new("TPM_RC_NV_DEFINED", "NV Index or persistent object already defined"),
        [0x050] = new("TPM_RC_BAD_CONTEXT", "context in TPM2_ContextLoad() is not valid"),
        [0x051] = new("TPM_RC_CPHASH", "cpHash value already set or not correct for use"),
        [0x052] = new("TPM_RC_PARENT", "handle for parent is not a valid parent"),
        [0x053] = new("TPM_RC_NEEDS_TEST", "some function needs testing"),
        [0x054] = new("TPM_RC_NO_RESULT", "returned when an internal function cannot process a request due to an unspecified problem; this code is usually related to invalid parameters that are not properly filtered by the input unmarshaling code"),
        [0x055] = new("TPM_RC_SENSITIVE", "the sensitive area did not unmarshal correctly after decryption; this code is used in lieu of the other unmarshaling errors so that an attacker cannot determine where the unmarshaling error occurred"),
        [0x056] = new("TPM_RC_READ_ONLY", "command failed because the TPM is in the Read-Only mode of operation"),
    };

    // RC_FMT1 + E (Part 2, TPM_RC table).
    private static readonly Dictionary<uint, Meaning> FormatOneErrors = new()
    {
        [0x01] = new("TPM_RC_ASYMMETRIC", "asymmetric algorithm not supported or not correct"),
        [0x02] = new("TPM_RC_ATTRIBUTES", "inconsistent attributes"),
        [0x03] = new("TPM_RC_HASH", "hash algorithm not supported or not appropriate"),
        [0x04] = new("TPM_RC_VALUE", "value is out of range or is not correct for the context"),
        [0x05] = new("TPM_RC_HIERARCHY", "hierarchy is not enabled or is not correct for the use"),
        [0x07] = new("TPM_RC_KEY_SIZE", "key size is not supported"),
        [0x08] = new("TPM_RC_MGF", "mask generation function not supported"),
        [0x09] = new("TPM_RC_MODE", "mode of operation not supported"),
        [0x0A] = new("TPM_RC_TYPE", "the type of the value is not appropriate for the use"),
        [0x0B] = new("TPM_RC_HANDLE", "the handle is not correct for the use"),
        [0x0C] = new("TPM_RC_KDF", "unsupported key derivation function or function not appropriate for use"),
        [0x0D] = new("TPM_RC_RANGE", "value was out of allowed range"),
        [0x0E] = new("TPM_RC_AUTH_FAIL", "the authorization HMAC check failed and the DA counter was incremented, or use of lockoutAuth is disabled"),
        [0x0F] = new("TPM_RC_NONCE", "invalid nonce size or nonce value mismatch"),
        [0x10] = new("TPM_RC_PP", "authorization requires assertion of PP"),
        [0x12] = new("TPM_RC_SCHEME", "unsupported or incompatible scheme"),
        [0x15] = new("TPM_RC_SIZE", "structure is the wrong size"),
        [0x16] = new("TPM_RC_SYMMETRIC", "unsupported symmetric algorithm or key size, or not appropriate for instance"),
        [0x17] = new("TPM_RC_TAG", "incorrect structure tag"),
        [0x18] = new("TPM_RC_SELECTOR", "union selector is incorrect"),
        [0x1A] = new("TPM_RC_INSUFFICIENT", "the TPM was unable to unmarshal a value because there were not enough octets in the input buffer"),
        [0x1B] = new("TPM_RC_SIGNATURE", "the signature is not valid"),
        [0x1C] = new("TPM_RC_KEY", "key fields are not compatible with the selected use"),
        [0x1D] = new("TPM_RC_POLICY_FAIL", "a policy check failed"),
        [0x1F] = new("TPM_RC_INTEGRITY", "integrity check failed"),
        [0x20] = new("TPM_RC_TICKET", "invalid ticket"),
        [0x21] = new("TPM_RC_RESERVED_BITS", "reserved bits not set to zero as required"),
        [0x22] = new("TPM_RC_BAD_AUTH", "authorization failure without DA implications"),
        [0x23] = new("TPM_RC_EXPIRED", "the policy has expired"),
        [0x24] = new("TPM_RC_POLICY_CC", "the commandCode in the policy is not the commandCode of the command or the command code in a policy command references a command that is not implemented"),
        [0x25] = new("TPM_RC_BINDING", "public and sensitive portions of an object are not cryptographically bound"),
        [0x26] = new("TPM_RC_CURVE", "curve not supported"),
        [0x27] = new("TPM_RC_ECC_POINT", "point is not on the required curve"),
        [0x28] = new("TPM_RC_FW_LIMITED", "the hierarchy is firmware-limited but the Firmware Secret is unavailable"),
        [0x29] = new("TPM_RC_SVN_LIMITED", "the hierarchy is SVN-limited but the Firmware SVN Secret associated with the given SVN is unavailable"),
        [0x30] = new("TPM_RC_CHANNEL", "command requires secure channel protection"),
        [0x31] = new("TPM_RC_CHANNEL_KEY", "secure channel was not established with required requester or TPM key"),
    };

    // RC_WARN + E (Part 2, TPM_RC table).
    private static readonly Dictionary<uint, Meaning> Warnings = new()
    {
        [0x01] = new("TPM_RC_CONTEXT_GAP", "gap for context ID is too large"),
        [0x02] = new("TPM_RC_OBJECT_MEMORY", "out of memory for object contexts"),
        [0x03] = new("TPM_RC_SESSION_MEMORY", "out of memory for session contexts"),
        [0x04] = new("TPM_RC_MEMORY", "out of shared object/session memory or need space for internal operations"),
        [0x05] = new("TPM_RC_SESSION_HANDLES", "out of session handles; a session must be flushed before a new session may be created"),
        [0x06] = new("TPM_RC_OBJECT_HANDLES", "out of object handles; the handle space for objects is depleted and a reboot is required"),
        [0x07] = new("TPM_RC_LOCALITY", "bad locality"),
        [0x08] = new("TPM_RC_YIELDED", "the TPM has suspended operation on the command; forward progress was made and the command may be retried"),
        [0x09] = new("TPM_RC_CANCELED", "the command was canceled"),
        [0x0A] = new("TPM_RC_TESTING", "TPM is performing self-tests"),
        [0x10] = new("TPM_RC_REFERENCE_H0", "the 1st handle in the handle area references a transient object or session that is not loaded"),
        [0x11] = new("TPM_RC_REFERENCE_H1", "the 2nd handle in the handle area references a transient object or session that is not loaded"),
        [0x12] = new("TPM_RC_REFERENCE_H2", "the 3rd handle in the handle area references a transient object or session that is not loaded"),
        [0x13] = new("TPM_RC_REFERENCE_H3", "the 4th handle in the handle area references a transient object or session that is not loaded"),
        [0x14] = new("TPM_RC_REFERENCE_H4", "the 5th handle in the handle area references a transient object or session that is not loaded"),
        [0x15] = new("TPM_RC_REFERENCE_H5", "the 6th handle in the handle area references a transient object or session that is not loaded"),
        [0x16] = new("TPM_RC_REFERENCE_H6", "the 7th handle in the handle area references a transient object or session that is not loaded"),
        [0x18] = new("TPM_RC_REFERENCE_S0", "the 1st authorization session handle references a session that is not loaded"),
        [0x19] = new("TPM_RC_REFERENCE_S1", "the 2nd authorization session handle references a session that is not loaded"),
        [0x1A] = new("TPM_RC_REFERENCE_S2", "the 3rd authorization session handle references a session that is not loaded"),
        [0x1B] = new("TPM_RC_REFERENCE_S3", "the 4th authorization session handle references a session that is not loaded"),
        [0x1C] = new("TPM_RC_REFERENCE_S4", "the 5th session handle references a session that is not loaded"),
        [0x1D] = new("TPM_RC_REFERENCE_S5", "the 6th session handle references a session that is not loaded"),
        [0x1E] = new("TPM_RC_REFERENCE_S6", "the 7th authorization session handle references a session that is not loaded"),
        [0x20] = new("TPM_RC_NV_RATE", "the TPM is rate-limiting accesses to prevent wearout of NV"),
        [0x21] = new("TPM_RC_LOCKOUT", "authorizations for objects subject to DA protection are not allowed at this time because the TPM is in DA lockout mode"),
        [0x22] = new("TPM_RC_RETRY", "the TPM was not able to start the command"),
        [0x23] = new("TPM_RC_NV_UNAVAILABLE", "the command may require writing of NV and NV is not currently accessible"),
        [0x7F] = new("TPM_RC_NOT_USED", "this value is reserved and shall not be returned by the TPM"),
    };

    // winerror.h: Windows' own codes in the TPM range (TPM 1.2's vendor-specific block, 0x400), with their message text.
    private static readonly Dictionary<uint, Meaning> WindowsTpmCodes = new()
    {
        [0x400] = new("TPM_E_COMMAND_BLOCKED", "The command was blocked."),
        [0x401] = new("TPM_E_INVALID_HANDLE", "The specified handle was not found."),
        [0x402] = new("TPM_E_DUPLICATE_VHANDLE", "The TPM returned a duplicate handle and the command needs to be resubmitted."),
        [0x403] = new("TPM_E_EMBEDDED_COMMAND_BLOCKED", "The command within the transport was blocked."),
        [0x404] = new("TPM_E_EMBEDDED_COMMAND_UNSUPPORTED", "The command within the transport is not supported."),
    };

    // winerror.h: TBS_E_* (0x80284000 | n), with their message text.
    private static readonly Dictionary<uint, Meaning> TbsErrors = new()
    {
        [0x01] = new("TBS_E_INTERNAL_ERROR", "An internal software error has been detected."),
        [0x02] = new("TBS_E_BAD_PARAMETER", "One or more input parameters is bad."),
        [0x03] = new("TBS_E_INVALID_OUTPUT_POINTER", "A specified output pointer is bad."),
        [0x04] = new("TBS_E_INVALID_CONTEXT", "The specified context handle does not refer to a valid context."),
        [0x05] = new("TBS_E_INSUFFICIENT_BUFFER", "A specified output buffer is too small."),
        [0x06] = new("TBS_E_IOERROR", "An error occurred while communicating with the TPM."),
        [0x07] = new("TBS_E_INVALID_CONTEXT_PARAM", "One or more context parameters is invalid."),
        [0x08] = new("TBS_E_SERVICE_NOT_RUNNING", "The TBS service is not running and could not be started."),
        [0x09] = new("TBS_E_TOO_MANY_TBS_CONTEXTS", "A new context could not be created because there are too many open contexts."),
        [0x0A] = new("TBS_E_TOO_MANY_RESOURCES", "A new virtual resource could not be created because there are too many open virtual resources."),
        [0x0B] = new("TBS_E_SERVICE_START_PENDING", "The TBS service has been started but is not yet running."),
        [0x0C] = new("TBS_E_PPI_NOT_SUPPORTED", "The physical presence interface is not supported."),
        [0x0D] = new("TBS_E_COMMAND_CANCELED", "The command was canceled."),
        [0x0E] = new("TBS_E_BUFFER_TOO_LARGE", "The input or output buffer is too large."),
        [0x0F] = new("TBS_E_TPM_NOT_FOUND", "A compatible Trusted Platform Module (TPM) Security Device cannot be found on this computer."),
        [0x10] = new("TBS_E_SERVICE_DISABLED", "The TBS service has been disabled."),
        [0x11] = new("TBS_E_NO_EVENT_LOG", "No TCG event log is available."),
        [0x12] = new("TBS_E_ACCESS_DENIED", "The caller does not have the appropriate rights to perform the requested operation."),
        [0x13] = new("TBS_E_PROVISIONING_NOT_ALLOWED", "The TPM provisioning action is not allowed by the specified flags. For provisioning to be successful, one of several actions may be required. The TPM management console (tpm.msc) action to make the TPM Ready may help. For further information, see the documentation for the Win32_Tpm WMI method 'Provision'. (The actions that may be required include importing the TPM Owner Authorization value into the system, calling the Win32_Tpm WMI method for provisioning the TPM and specifying TRUE for either 'ForceClear_Allowed' or 'PhysicalPresencePrompts_Allowed' (as indicated by the value returned in the Additional Information), or enabling the TPM in the system BIOS.)"),
        [0x14] = new("TBS_E_PPI_FUNCTION_UNSUPPORTED", "The Physical Presence Interface of this firmware does not support the requested method."),
        [0x15] = new("TBS_E_OWNERAUTH_NOT_FOUND", "The requested TPM OwnerAuth value was not found."),
        [0x16] = new("TBS_E_PROVISIONING_INCOMPLETE", "The TPM provisioning did not complete. For more information on completing the provisioning, call the Win32_Tpm WMI method for provisioning the TPM ('Provision') and check the returned Information."),
    };

    /// <summary>Decodes a response code.</summary>
    /// <param name="value">The responseCode field of a TPM response, or the HRESULT Windows put there.</param>
    public TpmResponseCode(uint value)
    {
        Value = value;
        var d = Decode(value);
        Format = d.Format;
        Name = d.Name;
        Description = d.Description;
        ParameterNumber = d.Parameter;
        HandleNumber = d.Handle;
        SessionNumber = d.Session;
        IsWarning = d.IsWarning;
        InnerCode = d.Inner;
    }

    /// <summary>The value as returned.</summary>
    public uint Value { get; }

    /// <summary>True for TPM_RC_SUCCESS (0).</summary>
    public bool IsSuccess => Value == 0;

    /// <summary>The layout the value has, which decides how the rest was read.</summary>
    public TpmResponseCodeFormat Format { get; }

    /// <summary>
    /// The name: the spec's (<c>TPM_RC_HANDLE</c>, <c>TPM_RC_RETRY</c>), a format-one code named by its base error without
    /// the position bits, winerror.h's for Windows' own codes (<c>TBS_E_TPM_NOT_FOUND</c>, <c>TPM_E_COMMAND_BLOCKED</c>),
    /// the inner code's name for a TPM code Windows wrapped, and <c>TPM_RC_0x102 (unassigned)</c>,
    /// <c>TPM_RC_0x523 (vendor)</c>, <c>TPM_RC_0x022 (TPM 1.2)</c> or <c>TPM_RC_0x00012345 (unknown)</c> otherwise.
    /// </summary>
    public string Name { get; }

    /// <summary>
    /// What the code means, in the spec's words (or winerror.h's for Windows' own codes), followed by
    /// <c>, in parameter 2</c>, <c>, in handle 1</c> or <c>, in session 1</c> when a format-one code says which.
    /// </summary>
    public string Description { get; }

    /// <summary>The 1-based command parameter a format-one code concerns (bit 6 P set; N in bits 8–11); null otherwise.</summary>
    public int? ParameterNumber { get; }

    /// <summary>The 1-based handle a format-one code concerns (P clear, bit 11 clear; N in bits 8–10); null otherwise.</summary>
    public int? HandleNumber { get; }

    /// <summary>The 1-based authorization session a format-one code concerns (P clear, bit 11 set; N in bits 8–10); null otherwise.</summary>
    public int? SessionNumber { get; }

    /// <summary>
    /// True for a warning (bit 11 S of a TPM 2.0 format-zero or vendor code, or of the TPM code inside a Windows HRESULT):
    /// the TPM did not run the command, and it may succeed if sent again (TPM_RC_RETRY, TPM_RC_YIELDED, TPM_RC_TESTING...).
    /// </summary>
    public bool IsWarning { get; }

    /// <summary>For <see cref="TpmResponseCodeFormat.WindowsTpm"/>, the TPM's own response code inside the HRESULT; null otherwise.</summary>
    public TpmResponseCode? InnerCode { get; }

    /// <summary>Two response codes are equal when their values are.</summary>
    public static bool operator ==(TpmResponseCode? left, TpmResponseCode? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Two response codes differ when their values do.</summary>
    public static bool operator !=(TpmResponseCode? left, TpmResponseCode? right) => !(left == right);

    /// <inheritdoc/>
    public bool Equals(TpmResponseCode? other) => other is not null && other.Value == Value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as TpmResponseCode);

    /// <inheritdoc/>
    public override int GetHashCode() => Value.GetHashCode();

    /// <summary>The name, the value and the meaning: <c>TPM_RC_VALUE (0x000002C4): value is out of range or is not correct for the context, in parameter 2</c>.</summary>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "{0} (0x{1:X8}): {2}", Name, Value, Description);

    private static Decoding Decode(uint value)
    {
        if (value == 0)
        {
            return new Decoding(TpmResponseCodeFormat.Success, "TPM_RC_SUCCESS", "the command succeeded");
        }

        if ((value & 0xFFFFF000) == WindowsTpmBase)
        {
            return DecodeWindowsTpm(value);
        }

        if ((value & 0xFFFFF000) == WindowsTbsBase)
        {
            var n = value & 0xFFF;
            return TbsErrors.TryGetValue(n, out var tbs)
                ? new Decoding(TpmResponseCodeFormat.WindowsTbs, tbs.Name, tbs.Text)
                : new Decoding(TpmResponseCodeFormat.WindowsTbs, "TBS_E_" + Hex(value, 8) + " (unknown)", "a TPM Base Services error that winerror.h does not name");
        }

        if ((value & 0xFFFFF000) != 0)
        {
            return new Decoding(
                TpmResponseCodeFormat.Unknown,
                "TPM_RC_" + Hex(value, 8) + " (unknown)",
                "not a TPM response code: bits 31:12 are not zero, and it is not a Windows TPM or TBS HRESULT");
        }

        if ((value & FormatOneBit) != 0)
        {
            return DecodeFormatOne(value);
        }

        if ((value & VersionBit) == 0)
        {
            return value == TpmBadTag
                ? new Decoding(TpmResponseCodeFormat.Tpm12, "TPM_RC_BAD_TAG", "defined for compatibility with TPM 1.2")
                : new Decoding(TpmResponseCodeFormat.Tpm12, "TPM_RC_" + Hex(value, 3) + " (TPM 1.2)", "a TPM 1.2 response code " + Hex(value, 3));
        }

        var e = value & 0x7F;
        var warning = (value & SeverityBit) != 0;
        if ((value & ReservedBit) != 0)
        {
            return new Decoding(TpmResponseCodeFormat.Unknown, Unassigned(value), "a format-zero code with its reserved bit 9 set");
        }

        if ((value & VendorBit) != 0)
        {
            return new Decoding(
                TpmResponseCodeFormat.Vendor,
                "TPM_RC_" + Hex(value, 3) + " (vendor)",
                (warning ? "vendor-defined warning " : "vendor-defined error ") + Hex(e, 2),
                isWarning: warning);
        }

        if (warning)
        {
            return Warnings.TryGetValue(e, out var w)
                ? new Decoding(TpmResponseCodeFormat.FormatZeroWarning, w.Name, w.Text, isWarning: true)
                : new Decoding(TpmResponseCodeFormat.FormatZeroWarning, Unassigned(value), "an unassigned format-zero warning (E = " + Hex(e, 2) + ")", isWarning: true);
        }

        return FormatZeroErrors.TryGetValue(e, out var z)
            ? new Decoding(TpmResponseCodeFormat.FormatZeroError, z.Name, z.Text)
            : new Decoding(TpmResponseCodeFormat.FormatZeroError, Unassigned(value), "an unassigned format-zero error (E = " + Hex(e, 2) + ")");
    }

    private static Decoding DecodeFormatOne(uint value)
    {
        var e = value & 0x3F;
        var n = (int)((value >> 8) & 0xF);
        int? parameter = null, handle = null, session = null;
        string where;
        if ((value & ParameterBit) != 0)
        {
            parameter = n == 0 ? null : n;
            where = n == 0 ? string.Empty : ", in parameter " + n.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            // P clear: N's top bit tells a session from a handle, the low three bits number it; 0 means "not said".
            var index = n & 0x7;
            if ((n & 0x8) != 0)
            {
                session = index == 0 ? null : index;
                where = index == 0 ? string.Empty : ", in session " + index.ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                handle = index == 0 ? null : index;
                where = index == 0 ? string.Empty : ", in handle " + index.ToString(CultureInfo.InvariantCulture);
            }
        }

        return FormatOneErrors.TryGetValue(e, out var m)
            ? new Decoding(TpmResponseCodeFormat.FormatOne, m.Name, m.Text + where, parameter, handle, session)
            : new Decoding(TpmResponseCodeFormat.FormatOne, Unassigned(FormatOneBit | e), "an unassigned format-one error (E = " + Hex(e, 2) + ")" + where, parameter, handle, session);
    }

    private static Decoding DecodeWindowsTpm(uint value)
    {
        var rc = value & 0xFFF;
        if (WindowsTpmCodes.TryGetValue(rc, out var own))
        {
            return new Decoding(TpmResponseCodeFormat.WindowsTpm, own.Name, own.Text);
        }

        if (rc == 0)
        {
            return new Decoding(TpmResponseCodeFormat.Unknown, "TPM_E_ERROR_MASK", "the mask Windows adds to a TPM response code (TPM_E_ERROR_MASK), with no TPM code in it");
        }

        var inner = new TpmResponseCode(rc);
        return new Decoding(
            TpmResponseCodeFormat.WindowsTpm,
            inner.Name,
            inner.Description + " (TPM response code " + Hex(rc, 3) + " in a Windows HRESULT)",
            inner.ParameterNumber,
            inner.HandleNumber,
            inner.SessionNumber,
            inner.IsWarning,
            inner);
    }

    private static string Unassigned(uint value) => "TPM_RC_" + Hex(value, 3) + " (unassigned)";

    private static string Hex(uint value, int digits) => "0x" + value.ToString("X" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private sealed class Meaning
    {
        public Meaning(string name, string text)
        {
            Name = name;
            Text = text;
        }

        public string Name { get; }

        public string Text { get; }
    }

    private readonly struct Decoding
    {
        public Decoding(
            TpmResponseCodeFormat format,
            string name,
            string description,
            int? parameter = null,
            int? handle = null,
            int? session = null,
            bool isWarning = false,
            TpmResponseCode? inner = null)
        {
            Format = format;
            Name = name;
            Description = description;
            Parameter = parameter;
            Handle = handle;
            Session = session;
            IsWarning = isWarning;
            Inner = inner;
        }

        public TpmResponseCodeFormat Format { get; }

        public string Name { get; }

        public string Description { get; }

        public int? Parameter { get; }

        public int? Handle { get; }

        public int? Session { get; }

        public bool IsWarning { get; }

        public TpmResponseCode? Inner { get; }
    }
}
