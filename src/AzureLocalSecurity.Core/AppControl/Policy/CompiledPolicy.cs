using System.Collections.Generic;

namespace AzureLocalSecurity.AppControl.Policy;

/// <summary>A compiled policy read by <see cref="SiPolicyBinaryReader"/>: the policy, the format version, and whether and by
/// whom it was signed.</summary>
public sealed class CompiledPolicy
{
    internal CompiledPolicy(SiPolicy policy, int formatVersion, bool isSigned, IReadOnlyList<string> signers, string? signersUnknownReason, int size, int policySize)
    {
        Policy = policy;
        FormatVersion = formatVersion;
        IsSigned = isSigned;
        Signers = signers;
        SignersUnknownReason = signersUnknownReason;
        Size = size;
        PolicySize = policySize;
    }

    /// <summary>The policy (IDs, names and friendly names regenerated: docs/app-control-policies.md).</summary>
    public SiPolicy Policy { get; }

    /// <summary>The binary format version, 1 to 8 (the first u32; the policy ends with this plus one).</summary>
    public int FormatVersion { get; }

    /// <summary>Whether the policy was wrapped in CMS SignedData. The signature is not verified.</summary>
    public bool IsSigned { get; }

    /// <summary>The subjects of the certificates the SignedData's SignerInfos name; empty for an unsigned policy.</summary>
    public IReadOnlyList<string> Signers { get; }

    /// <summary>For a signed policy whose signers could not be named, why; null otherwise.</summary>
    public string? SignersUnknownReason { get; }

    /// <summary>The bytes read (the whole file, wrapper included).</summary>
    public int Size { get; }

    /// <summary>The bytes of the policy itself (without a signed wrapper).</summary>
    public int PolicySize { get; }
}
