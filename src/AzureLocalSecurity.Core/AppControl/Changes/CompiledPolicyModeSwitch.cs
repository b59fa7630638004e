using System;
using System.Globalization;
using AzureLocalSecurity.AppControl.Live;

namespace AzureLocalSecurity.AppControl.Changes;

/// <summary>
/// Switches an unsigned compiled App Control policy between audit and enforced mode by setting or clearing the
/// "Enabled:Audit Mode" rule option, bit 0x10000 of OptionFlags (the u32 at 0x24, FORMATS.md §3). Every other byte stays as
/// it was, so the policy keeps its id, version, rules and signers. Only a header that holds together is rewritten: a format
/// version of 1 to 8 at offset 0, the format's own bit 0x80000000 set in OptionFlags, and the header length 0x40 at 0x40. A
/// signed policy is refused: its signature covers these bytes, so only whoever signed it can change its mode. Pure; the
/// input array is never changed.
/// </summary>
public static class CompiledPolicyModeSwitch
{
    /// <summary>Where OptionFlags sits.</summary>
    public const int OptionFlagsOffset = 0x24;

    /// <summary>Where the header length field sits.</summary>
    public const int HeaderLengthOffset = 0x40;

    /// <summary>The value of the header length field.</summary>
    public const uint HeaderLengthValue = 0x40;

    /// <summary>The fewest bytes a compiled policy has: the header through the header length field.</summary>
    public const int MinimumLength = 0x44;

    /// <summary>The highest format version Microsoft's tools write.</summary>
    public const uint MaxFormatVersion = 8;

    /// <summary>The format's own bit, set in the OptionFlags of every compiled policy.</summary>
    public const uint FormatFlag = 0x80000000;

    /// <summary>
    /// A copy of <paramref name="policy"/> in <paramref name="target"/> mode (Audit or Enforced): the audit-mode bit set or
    /// cleared, nothing else changed. A policy already in that mode comes back as an equal copy. Throws
    /// <see cref="CompiledPolicyFormatException"/> for a signed policy or a header that does not hold together, before anything
    /// is changed.
    /// </summary>
    public static byte[] Apply(byte[] policy, AppControlMode target)
    {
        if (policy is null)
        {
            throw new ArgumentNullException(nameof(policy));
        }

        if (target is not (AppControlMode.Audit or AppControlMode.Enforced))
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "A policy is switched to Audit or Enforced.");
        }

        var flags = Check(policy);
        flags = target == AppControlMode.Audit ? flags | CompiledPolicyFacts.AuditModeFlag : flags & ~CompiledPolicyFacts.AuditModeFlag;
        var switched = (byte[])policy.Clone();
        switched[OptionFlagsOffset] = (byte)flags;
        switched[OptionFlagsOffset + 1] = (byte)(flags >> 8);
        switched[OptionFlagsOffset + 2] = (byte)(flags >> 16);
        switched[OptionFlagsOffset + 3] = (byte)(flags >> 24);
        return switched;
    }

    /// <summary>The mode an unsigned compiled policy is in (Audit when its audit-mode bit is set); the same checks as <see cref="Apply"/>.</summary>
    public static AppControlMode ReadMode(byte[] policy)
    {
        if (policy is null)
        {
            throw new ArgumentNullException(nameof(policy));
        }

        return (Check(policy) & CompiledPolicyFacts.AuditModeFlag) != 0 ? AppControlMode.Audit : AppControlMode.Enforced;
    }

    /// <summary>Whether the bytes start as DER SEQUENCE, as a PKCS#7 SignedData (a signed policy) does; an unsigned policy starts with its format version, 1 to 8.</summary>
    public static bool LooksSigned(byte[] policy) => policy is { Length: > 0 } && policy[0] == 0x30;

    /// <summary>Checks the header and returns OptionFlags.</summary>
    private static uint Check(byte[] policy)
    {
        if (LooksSigned(policy))
        {
            throw new CompiledPolicyFormatException("the file is signed (it starts as PKCS#7 SignedData); a signed policy cannot be rewritten without breaking its signature, so it is re-signed by whoever signed it", 0, isSigned: true);
        }

        if (policy.Length < MinimumLength)
        {
            throw new CompiledPolicyFormatException(string.Format(CultureInfo.InvariantCulture, "{0} bytes are too few for the header ({1})", policy.Length, MinimumLength), policy.Length);
        }

        var version = U32(policy, 0);
        if (version == 0 || version > MaxFormatVersion)
        {
            throw new CompiledPolicyFormatException(string.Format(CultureInfo.InvariantCulture, "format version {0} is not 1 to {1}", version, MaxFormatVersion), 0);
        }

        var flags = U32(policy, OptionFlagsOffset);
        if ((flags & FormatFlag) == 0)
        {
            throw new CompiledPolicyFormatException(string.Format(CultureInfo.InvariantCulture, "OptionFlags 0x{0:X8} lack the format's bit 0x80000000", flags), OptionFlagsOffset);
        }

        var headerLength = U32(policy, HeaderLengthOffset);
        if (headerLength != HeaderLengthValue)
        {
            throw new CompiledPolicyFormatException(string.Format(CultureInfo.InvariantCulture, "the header length field is 0x{0:X}, not 0x40", headerLength), HeaderLengthOffset);
        }

        return flags;
    }

    private static uint U32(byte[] data, int offset) =>
        (uint)(data[offset] | (data[offset + 1] << 8) | (data[offset + 2] << 16) | (data[offset + 3] << 24));
}
