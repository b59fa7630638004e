using System;
using System.Globalization;
using AzureLocalSecurity.SecureBoot;

namespace AzureLocalSecurity.AppControl.Live;

/// <summary>
/// The built-in <see cref="ICompiledPolicyInspector"/>: reads a compiled policy's fixed header only (FORMATS.md §3), after
/// taking a signed policy out of its PKCS#7 SignedData (the policy is the encapsulated content, an OCTET STRING). It reads
/// FormatVersion, the policy type id, the platform id, OptionFlags and VersionEx, checks no more than that the header is
/// there and the format version is a small number, and names the documented option bits. The base policy id and the name
/// live in the body, which it does not read.
/// </summary>
public sealed class CompiledPolicyHeaderReader : ICompiledPolicyInspector
{
    /// <summary>The length of the fixed header: FormatVersion through VersionEx and the header length field.</summary>
    public const int HeaderLength = 0x44;

    /// <summary>The highest format version taken as a policy (Microsoft's tools write 1 to 8; later ones are expected to stay small).</summary>
    public const uint MaxFormatVersion = 64;

    /// <summary>The DER content of the OID 1.2.840.113549.1.7.2 (PKCS#7 signedData).</summary>
    private static readonly byte[] SignedDataOid = [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x02];

    /// <summary>The one instance (the reader holds no state).</summary>
    public static CompiledPolicyHeaderReader Instance { get; } = new();

    /// <inheritdoc />
    public bool TryInspect(byte[] policy, out CompiledPolicyFacts? facts, out string? problem)
    {
        facts = null;
        if (policy is null)
        {
            throw new ArgumentNullException(nameof(policy));
        }

        var start = 0;
        var length = policy.Length;
        var signed = policy.Length > 0 && policy[0] == 0x30;
        if (signed)
        {
            try
            {
                (start, length) = SignedContent(policy);
            }
            catch (EfiFormatException ex)
            {
                problem = "the file starts like PKCS#7 SignedData but is not: " + ex.Message;
                return false;
            }

            if (length < 0)
            {
                problem = "the file is PKCS#7 but not SignedData with an encapsulated policy";
                return false;
            }
        }

        if (length < HeaderLength)
        {
            problem = string.Format(CultureInfo.InvariantCulture, "{0} bytes are too few for a policy header ({1})", length, HeaderLength);
            return false;
        }

        var formatVersion = U32(policy, start);
        if (formatVersion == 0 || formatVersion > MaxFormatVersion)
        {
            problem = string.Format(CultureInfo.InvariantCulture, "format version {0} is not one of a compiled policy", formatVersion);
            return false;
        }

        facts = new CompiledPolicyFacts
        {
            FormatVersion = formatVersion,
            PolicyTypeId = Guid(policy, start + 0x04),
            PlatformId = Guid(policy, start + 0x14),
            OptionFlags = U32(policy, start + 0x24),
            Version = new Version(U16(policy, start + 0x3E), U16(policy, start + 0x3C), U16(policy, start + 0x3A), U16(policy, start + 0x38)),
            IsSigned = signed,
        };
        facts.Options = PolicyRuleOptions.Names(facts.OptionFlags);
        problem = null;
        return true;
    }

    /// <summary>
    /// Where the policy sits inside ContentInfo { signedData, [0] SignedData { version, digestAlgorithms, encapContentInfo {
    /// eContentType, [0] OCTET STRING } ... } } (RFC 5652 §3, §5.1, §5.2); a length of -1 when the shape is not that.
    /// </summary>
    private static (int Start, int Length) SignedContent(byte[] data)
    {
        var top = new DerWalker(data, 0, data.Length);
        var contentInfo = top.Enter(top.Read(0x30, "ContentInfo"));
        var oid = contentInfo.Read(0x06, "contentType");
        if (!IsSignedData(data, oid))
        {
            return (0, -1);
        }

        var explicitContent = contentInfo.Enter(contentInfo.Read(0xA0, "content"));
        var signedData = explicitContent.Enter(explicitContent.Read(0x30, "SignedData"));
        _ = signedData.Read(0x02, "version");
        _ = signedData.Read(0x31, "digestAlgorithms");
        var encapsulated = signedData.Enter(signedData.Read(0x30, "encapContentInfo"));
        _ = encapsulated.Read(0x06, "eContentType");
        if (encapsulated.PeekTag() != 0xA0)
        {
            return (0, -1);
        }

        var eContent = encapsulated.Enter(encapsulated.Read(0xA0, "eContent"));
        var octets = eContent.Read(0x04, "the policy (OCTET STRING)");
        return (octets.ContentStart, octets.ContentLength);
    }

    private static bool IsSignedData(byte[] data, DerElement oid)
    {
        if (oid.ContentLength != SignedDataOid.Length)
        {
            return false;
        }

        for (var i = 0; i < SignedDataOid.Length; i++)
        {
            if (data[oid.ContentStart + i] != SignedDataOid[i])
            {
                return false;
            }
        }

        return true;
    }

    private static uint U32(byte[] data, int offset) =>
        (uint)(data[offset] | (data[offset + 1] << 8) | (data[offset + 2] << 16) | (data[offset + 3] << 24));

    private static int U16(byte[] data, int offset) => data[offset] | (data[offset + 1] << 8);

    private static Guid Guid(byte[] data, int offset)
    {
        var bytes = new byte[16];
        Buffer.BlockCopy(data, offset, bytes, 0, 16);
        return new Guid(bytes);
    }
}
